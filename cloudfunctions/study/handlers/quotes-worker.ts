// The worker's side of daily quotes: today's quote, history, check-in, favorites,
// and the mini-program code for a share poster.
import type { QuoteHistoryItem, StudyApi } from '../../../typings/study';
import { requireUser } from '../../_shared/caller';
import { beijingDay } from '../../_shared/clock';
import type { Handlers } from '../../_shared/function';
import { recordStats } from '../../_shared/stores/daily-stats';
import { findUserByOpenid } from '../../_shared/stores/users';
import * as z from 'zod';
import { dayKey, form, id, PAGE_LABELS, pageFields } from '../../_shared/validation';
import { miniProgramCode } from '../../_shared/wxacode';
import { checkedInDays, checkIn, checkinStats } from '../store/checkins';
import { addFavorite, favoriteQuoteIds, favoritesPage, isFavorite, removeFavorite } from '../store/favorites';
import { pastDays, quoteForDay, quotesByIds, requireActiveQuote } from '../store/quotes';
import { checkinContributions, studyDayContributions } from '../rules/stats';
import { statusOf, toQuote } from '../rules/views';

const CHECKIN_POINTS = 1;

type WorkerQuoteActions = Pick<
  StudyApi,
  'todayQuote' | 'listQuotes' | 'checkIn' | 'favoriteQuote' | 'listFavorites' | 'quotePosterCode'
>;

export const quoteWorkerHandlers = {
  todayQuote: {
    access: 'public',
    input: form({}, {}),
    async run({ caller, now }) {
      const day = beijingDay(now);
      const quote = await quoteForDay(day, now);
      // Signed-in users also get their check-in state; visitors just the quote.
      const user = caller.openid ? await findUserByOpenid(caller.openid) : null;
      if (!user) return { day, quote: toQuote(quote), favorite: false, checkIn: null };
      const [stats, favorite] = await Promise.all([checkinStats(user._id), isFavorite(user._id, quote._id)]);
      return { day, quote: toQuote(quote), favorite, checkIn: statusOf(stats, day) };
    },
  },

  listQuotes: {
    access: 'user',
    input: form(pageFields, PAGE_LABELS),
    async run({ caller, now }, input) {
      const user = requireUser(caller);
      const page = await pastDays(beijingDay(now), input);
      if (page.items.length === 0) return { ...page, items: [] };
      const days = page.items.map((s) => s._id);
      const quoteIds = [...new Set(page.items.map((s) => s.quoteId))];
      const [quotes, checked, faved] = await Promise.all([
        quotesByIds(quoteIds),
        checkedInDays(user._id, days),
        favoriteQuoteIds(user._id, quoteIds),
      ]);
      const items: QuoteHistoryItem[] = page.items.flatMap((s) => {
        const q = quotes.get(s.quoteId);
        return q ? [{ day: s._id, quote: toQuote(q), checkedIn: checked.has(s._id), favorite: faved.has(q._id) }] : [];
      });
      return { ...page, items };
    },
  },

  checkIn: {
    access: 'user',
    input: form({}, {}),
    async run({ caller, now }) {
      const user = requireUser(caller);
      const day = beijingDay(now);
      const quote = await quoteForDay(day, now);
      const orgId = user.worker?.orgId ?? '';
      const { stats, alreadyDone, pointsAwarded, firstStudyToday } = await checkIn(
        { userId: user._id, day, quoteId: quote._id, orgId, orgPath: user.worker?.orgPath ?? [] },
        { amount: CHECKIN_POINTS, reason: 'quote_checkin', title: `每日金句打卡 ${day}`, now },
      );
      if (!alreadyDone)
        await recordStats(
          [],
          [...checkinContributions({ day, orgId }), ...(firstStudyToday ? studyDayContributions({ day, orgId }) : [])],
          now,
        );
      return { ...statusOf(stats, day), pointsAwarded, alreadyDone };
    },
  },

  favoriteQuote: {
    access: 'user',
    input: form({ quoteId: id(), favorite: z.boolean() }, { quoteId: '金句编号', favorite: '是否收藏' }),
    async run({ caller, now }, input) {
      const user = requireUser(caller);
      if (!input.favorite) {
        await removeFavorite(user._id, input.quoteId);
        return { favorite: false };
      }
      await requireActiveQuote(input.quoteId);
      await addFavorite(user._id, input.quoteId, now);
      return { favorite: true };
    },
  },

  listFavorites: {
    access: 'user',
    input: form(pageFields, PAGE_LABELS),
    async run({ caller }, input) {
      const user = requireUser(caller);
      const favs = await favoritesPage(user._id, input);
      if (favs.items.length === 0) return { ...favs, items: [] };
      const quotes = await quotesByIds(favs.items);
      return { ...favs, items: favs.items.flatMap((qid) => (quotes.has(qid) ? [toQuote(quotes.get(qid)!)] : [])) };
    },
  },

  quotePosterCode: {
    access: 'user',
    input: form({ day: dayKey() }, { day: '日期' }),
    async run(_ctx, input) {
      const fileId = await miniProgramCode('pages/home/index', `q=${input.day}`, `posters/quote-${input.day}.png`);
      return { fileId };
    },
  },
} satisfies Handlers<WorkerQuoteActions>;
