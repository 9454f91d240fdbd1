// The worker's side of daily quotes: today's quote, history, check-in, favorites,
// and the mini-program code for a share poster.
import type { CheckInStatus, QuoteHistoryItem, StudyApi } from '../../../typings/study';
import { requireUser } from '../../_shared/caller';
import { beijingDay } from '../../_shared/clock';
import { COLLECTIONS } from '../../_shared/collections';
import { notFound } from '../../_shared/errors';
import type { Handlers } from '../../_shared/function';
import { fetchPage } from '../../_shared/paging';
import { awardPointsIn } from '../../_shared/points';
import { db, inTransaction } from '../../_shared/sdk';
import { miniProgramCode } from '../../_shared/wxacode';
import { findUserByOpenid } from '../../_shared/users';
import { dayKey, id, pageFields, z } from '../../_shared/validation';
import { type QuoteDoc, type ScheduleDoc, type StudyUserDoc, toQuote } from '../docs';
import { afterCheckIn, type CheckinStats, currentStreak, NO_CHECKINS } from './daily';
import { quoteForDay } from './today';

const CHECKIN_POINTS = 1;

async function checkinStats(userId: string): Promise<CheckinStats> {
  const doc = (await db().collection(COLLECTIONS.studyUsers).doc(userId).get()).data[0] as StudyUserDoc | undefined;
  return doc?.checkin ?? NO_CHECKINS;
}

export function statusOf(stats: CheckinStats, today: string): CheckInStatus {
  return {
    day: today,
    checkedInToday: stats.lastDay === today,
    streak: currentStreak(stats, today),
    totalDays: stats.total,
  };
}

async function isFavorite(userId: string, quoteId: string): Promise<boolean> {
  const { data } = await db().collection(COLLECTIONS.quoteFavorites).doc(`${userId}:${quoteId}`).get();
  return data.length > 0;
}

type WorkerQuoteActions = Pick<
  StudyApi,
  'todayQuote' | 'listQuotes' | 'checkIn' | 'favoriteQuote' | 'listFavorites' | 'quotePosterCode'
>;

export const quoteWorkerHandlers = {
  todayQuote: {
    access: 'public',
    input: z.strictObject({}),
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
    input: z.strictObject(pageFields),
    async run({ caller, now }, input) {
      const user = requireUser(caller);
      const _ = db().command;
      const page = await fetchPage(
        db()
          .collection(COLLECTIONS.quoteSchedule)
          .where({ _id: _.lte(beijingDay(now)) }),
        [['_id', 'desc']],
        input,
        (d: ScheduleDoc) => d,
      );
      if (page.items.length === 0) return { ...page, items: [] };
      const days = page.items.map((s) => s._id);
      const quoteIds = [...new Set(page.items.map((s) => s.quoteId))];
      const [quotes, checkins, favorites] = await Promise.all([
        db()
          .collection(COLLECTIONS.quotes)
          .where({ _id: _.in(quoteIds) })
          .limit(100)
          .get(),
        db()
          .collection(COLLECTIONS.quoteCheckins)
          .where({ _id: _.in(days.map((d) => `${user._id}:${d}`)) })
          .limit(100)
          .get(),
        db()
          .collection(COLLECTIONS.quoteFavorites)
          .where({ _id: _.in(quoteIds.map((q) => `${user._id}:${q}`)) })
          .limit(100)
          .get(),
      ]);
      const byId = new Map((quotes.data as QuoteDoc[]).map((q) => [q._id, q]));
      const checked = new Set((checkins.data as { day: string }[]).map((c) => c.day));
      const faved = new Set((favorites.data as { quoteId: string }[]).map((f) => f.quoteId));
      const items: QuoteHistoryItem[] = page.items.flatMap((s) => {
        const q = byId.get(s.quoteId);
        return q ? [{ day: s._id, quote: toQuote(q), checkedIn: checked.has(s._id), favorite: faved.has(q._id) }] : [];
      });
      return { ...page, items };
    },
  },

  checkIn: {
    access: 'user',
    input: z.strictObject({}),
    async run({ caller, now }) {
      const user = requireUser(caller);
      const day = beijingDay(now);
      const quote = await quoteForDay(day, now);
      const checkinId = `${user._id}:${day}`;
      // One transaction: the day's record, the streak and the points move together, once.
      const { stats, alreadyDone, pointsAwarded } = await inTransaction(async (t) => {
        const existing = (await t.collection(COLLECTIONS.quoteCheckins).doc(checkinId).get()).data;
        const statsDoc = (await t.collection(COLLECTIONS.studyUsers).doc(user._id).get())
          .data as unknown as StudyUserDoc | null;
        const before = statsDoc?.checkin ?? NO_CHECKINS;
        if (existing) return { stats: before, alreadyDone: true, pointsAwarded: 0 };
        const after = afterCheckIn(before, day);
        await t.collection(COLLECTIONS.quoteCheckins).add({
          _id: checkinId,
          userId: user._id,
          day,
          quoteId: quote._id,
          orgId: user.worker?.orgId ?? '',
          orgPath: (user.worker as { orgPath?: string[] } | null)?.orgPath ?? [],
          createdAt: now,
        });
        await t.collection(COLLECTIONS.studyUsers).doc(user._id).set({ checkin: after });
        const award = await awardPointsIn(t, {
          userId: user._id,
          amount: CHECKIN_POINTS,
          reason: 'quote_checkin',
          title: `每日金句打卡 ${day}`,
          sourceId: checkinId,
          key: `checkin:${checkinId}`,
          now,
        });
        return { stats: after, alreadyDone: false, pointsAwarded: award.awarded };
      });
      return { ...statusOf(stats, day), pointsAwarded, alreadyDone };
    },
  },

  favoriteQuote: {
    access: 'user',
    input: z.strictObject({ quoteId: id(), favorite: z.boolean() }),
    async run({ caller, now }, input) {
      const user = requireUser(caller);
      const favId = `${user._id}:${input.quoteId}`;
      const coll = db().collection(COLLECTIONS.quoteFavorites);
      if (!input.favorite) {
        await coll.doc(favId).remove();
        return { favorite: false };
      }
      const quote = (await db().collection(COLLECTIONS.quotes).doc(input.quoteId).get()).data[0] as
        QuoteDoc | undefined;
      if (!quote || quote.status !== 'active') throw notFound('金句');
      await coll.doc(favId).set({ userId: user._id, quoteId: input.quoteId, createdAt: now });
      return { favorite: true };
    },
  },

  listFavorites: {
    access: 'user',
    input: z.strictObject(pageFields),
    async run({ caller }, input) {
      const user = requireUser(caller);
      const favs = await fetchPage(
        db().collection(COLLECTIONS.quoteFavorites).where({ userId: user._id }),
        [['createdAt', 'desc']],
        input,
        (f: { quoteId: string }) => f.quoteId,
      );
      if (favs.items.length === 0) return { ...favs, items: [] };
      const { data } = await db()
        .collection(COLLECTIONS.quotes)
        .where({ _id: db().command.in(favs.items) })
        .limit(100)
        .get();
      const byId = new Map((data as QuoteDoc[]).map((q) => [q._id, q]));
      return { ...favs, items: favs.items.flatMap((qid) => (byId.has(qid) ? [toQuote(byId.get(qid)!)] : [])) };
    },
  },

  quotePosterCode: {
    access: 'user',
    input: z.strictObject({ day: dayKey() }),
    async run(_ctx, input) {
      const fileId = await miniProgramCode('pages/home/index', `q=${input.day}`, `posters/quote-${input.day}.png`);
      return { fileId };
    },
  },
} satisfies Handlers<WorkerQuoteActions>;
