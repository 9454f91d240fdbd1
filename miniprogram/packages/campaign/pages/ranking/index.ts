// The live ranking per category: rank, number, name, votes — or, while the
// organisers keep counts hidden during voting, a plain "not public" state.
import type { RankingEntry } from '../../../../../typings/campaign';
import { ROUTES } from '../../../../config/routes';
import { campaignApi } from '../../services/campaign';
import { errorMessage } from '../../../../utils/errors';
import { endPullDown } from '../../../../components/list-state/reload';

type Status = 'loading' | 'ready' | 'empty' | 'error';

interface RankRow {
  candidateId: string;
  rank: number;
  number: string;
  name: string;
  votes: number;
  top: boolean;
}

const toRow = (e: RankingEntry): RankRow => ({
  candidateId: e.candidateId,
  rank: e.rank,
  number: e.number,
  name: e.name,
  votes: e.votes,
  // The medal colours mark the leaders; nobody leads with no votes.
  top: e.rank <= 3 && e.votes > 0,
});

Component({
  data: {
    campaignId: '',
    title: '',
    categories: [] as { key: string; name: string }[],
    category: '',
    /** The campaign, then each category's ranking. */
    status: 'loading' as Status,
    error: '',
    hidden: false,
    rows: [] as RankRow[],
  },
  methods: {
    onLoad(options: { campaignId?: string }) {
      this.setData({ campaignId: options.campaignId ?? '' });
      this.load();
    },

    async load(): Promise<string | null> {
      this.setData({ status: 'loading', error: '' });
      try {
        if (!this.data.categories.length) {
          const c = await campaignApi('getCampaign', { id: this.data.campaignId });
          this.setData({
            title: c.title,
            categories: c.categories.map((k) => ({ key: k.key, name: k.name })),
            category: c.categories[0]?.key ?? '',
          });
        }
        return await this.loadRanking();
      } catch (err) {
        const error = errorMessage(err, '加载失败，请稍后再试');
        this.setData({ status: 'error', error });
        return error;
      }
    },
    async loadRanking(quiet = false): Promise<string | null> {
      if (!quiet) this.setData({ status: 'loading', error: '' });
      const category = this.data.category;
      try {
        const res = await campaignApi('ranking', { campaignId: this.data.campaignId, category });
        if (category !== this.data.category) return null; // switched meanwhile
        this.setData({
          hidden: res.hidden,
          rows: res.entries.map(toRow),
          status: res.hidden || res.entries.length ? 'ready' : 'empty',
        });
        return null;
      } catch (err) {
        const error = errorMessage(err, '加载失败，请稍后再试');
        if (!quiet || this.data.status !== 'ready') this.setData({ status: 'error', error });
        return error;
      }
    },
    onCategory(e: DetailEvent<{ value: string }>) {
      if (e.detail.value === this.data.category) return;
      this.setData({ category: e.detail.value, rows: [] });
      this.loadRanking();
    },
    onRetry() {
      this.load();
    },
    async onPullDownRefresh() {
      endPullDown(this.data.categories.length ? await this.loadRanking(true) : await this.load());
    },
    openCandidate(e: TapEvent<{ id: string }>) {
      wx.navigateTo({ url: `${ROUTES.candidate}?id=${e.currentTarget.dataset.id}` });
    },
  },
});
