// Daily quotes by date (with the days the user checked in) and the user's
// favorites. Favoriting a quote updates every row that shows it.
import type { Quote, QuoteHistoryItem } from '../../../../../typings/study';
import { initialList, listRegistry, type ListView } from '../../../../components/list-state/paged-list';
import { studyApi } from '../../../../services/study';
import { toastError } from '../../../../utils/errors';
import { ensureLogin } from '../../../../utils/session';
import { quotePosterUrl } from '../../../../utils/study';
import { endPullDown } from '../../../../components/list-state/reload';

type Tab = 'history' | 'favorites';

interface QuoteRow {
  /** The day for history rows; the quote id for favorites. */
  key: string;
  day: string;
  quoteId: string;
  text: string;
  source: string;
  sample: boolean;
  checkedIn: boolean;
  favorite: boolean;
}

const historyRow = (h: QuoteHistoryItem): QuoteRow => ({
  key: h.day,
  day: h.day,
  quoteId: h.quote.id,
  text: h.quote.text,
  source: h.quote.source,
  sample: h.quote.sample,
  checkedIn: h.checkedIn,
  favorite: h.favorite,
});

const favoriteRow = (q: Quote): QuoteRow => ({
  key: q.id,
  day: '',
  quoteId: q.id,
  text: q.text,
  source: q.source,
  sample: q.sample,
  checkedIn: false,
  favorite: true,
});

const histories = listRegistry<QuoteHistoryItem, QuoteRow>();
const favorites = listRegistry<Quote, QuoteRow>();
const listOf = (page: object, tab: Tab) => (tab === 'history' ? histories.of(page) : favorites.of(page));

Component({
  data: {
    tab: 'history' as Tab,
    history: initialList<QuoteRow>(),
    favorites: initialList<QuoteRow>(),
    /** Favorites must be (re)loaded when their tab is next shown. */
    favoritesStale: true,
    /** The quote a favorite toggle is running for. */
    faving: '',
  },
  lifetimes: {
    attached() {
      histories.create(this, {
        key: 'history',
        fetch: async (page, pageSize) => {
          await ensureLogin();
          return studyApi('listQuotes', { page, pageSize });
        },
        toView: historyRow,
      });
      favorites.create(this, {
        key: 'favorites',
        fetch: async (page, pageSize) => {
          await ensureLogin();
          return studyApi('listFavorites', { page, pageSize });
        },
        toView: favoriteRow,
      });
      histories.of(this).reload();
    },
  },
  methods: {
    onTab(e: DetailEvent<{ value: Tab }>) {
      const tab = e.detail.value;
      this.setData({ tab });
      if (tab === 'favorites' && this.data.favoritesStale) {
        this.setData({ favoritesStale: false });
        favorites.of(this).reload();
      }
    },
    onRetry() {
      listOf(this, this.data.tab).reload();
    },
    onMore() {
      listOf(this, this.data.tab).loadMore();
    },
    async onPullDownRefresh() {
      const tab = this.data.tab;
      const { error } = await listOf(this, tab).reload({ keepRows: true });
      endPullDown(this.data[tab].status === 'ready' ? error : null);
    },
    onReachBottom() {
      return listOf(this, this.data.tab).loadMore();
    },

    async onFavorite(e: TapEvent<{ list: Tab; index: number }>) {
      const { list, index } = e.currentTarget.dataset;
      const row = this.data[list].items[index];
      if (!row || this.data.faving) return;
      this.setData({ faving: row.quoteId });
      try {
        const res = await studyApi('favoriteQuote', { quoteId: row.quoteId, favorite: !row.favorite });
        this.markFavorite(row.quoteId, res.favorite);
        // A new favorite belongs at the top of the favorites list; an undone one stays until it reloads.
        if (list === 'history') this.setData({ favoritesStale: true });
        wx.showToast({ title: res.favorite ? '已收藏' : '已取消收藏', icon: 'none' });
      } catch (err) {
        toastError(err);
      } finally {
        this.setData({ faving: '' });
      }
    },
    /** Every row showing the quote, in both lists, with path updates. */
    markFavorite(quoteId: string, favorite: boolean) {
      const patch: Record<string, boolean> = {};
      for (const key of ['history', 'favorites'] as const) {
        (this.data[key] as ListView<QuoteRow>).items.forEach((r, i) => {
          if (r.quoteId === quoteId && r.favorite !== favorite) patch[`${key}.items[${i}].favorite`] = favorite;
        });
      }
      if (Object.keys(patch).length) this.setData(patch);
    },
    onPoster(e: TapEvent<{ index: number }>) {
      const row = this.data.history.items[e.currentTarget.dataset.index];
      if (row) wx.navigateTo({ url: quotePosterUrl(row.day, row) });
    },
  },
});
