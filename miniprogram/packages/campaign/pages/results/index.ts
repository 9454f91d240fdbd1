// The announced results per category: winners first with a badge, and each
// candidate's final score, votes and jury score; before the announcement, a
// plain "not yet announced" state.
import type { ResultEntry } from '../../../../../typings/campaign';
import { ROUTES } from '../../../../config/routes';
import { campaignApi } from '../../services/campaign';
import { errorMessage } from '../../../../utils/errors';
import { reloadHandlers } from '../../../../components/list-state/reload';

type Status = 'loading' | 'ready' | 'error';

interface ResultRow {
  candidateId: string;
  rank: number;
  number: string;
  name: string;
  winner: boolean;
  finalScore: string;
  votes: number;
  juryScore: string;
}

interface CategoryResult {
  key: string;
  name: string;
  winners: number;
  rows: ResultRow[];
}

const toRow = (e: ResultEntry): ResultRow => ({
  candidateId: e.candidateId,
  rank: e.rank,
  number: e.number,
  name: e.name,
  winner: e.winner,
  finalScore: e.finalScore.toFixed(2),
  votes: e.votes,
  juryScore: e.juryScore === null ? '—' : String(e.juryScore),
});

Component({
  data: {
    campaignId: '',
    status: 'loading' as Status,
    error: '',
    title: '',
    announced: false,
    /** "综合得分 = 网络投票 60% + 评委评分 40%" */
    formula: '',
    categories: [] as CategoryResult[],
  },
  methods: {
    ...reloadHandlers(),
    onLoad(options: { campaignId?: string }) {
      this.setData({ campaignId: options.campaignId ?? '' });
      this.load();
    },
    async load(quiet = false): Promise<string | null> {
      if (!quiet) this.setData({ status: 'loading', error: '' });
      try {
        const id = this.data.campaignId;
        const [c, res] = await Promise.all([
          campaignApi('getCampaign', { id }),
          campaignApi('results', { campaignId: id }),
        ]);
        this.setData({
          status: 'ready',
          title: c.title,
          announced: res.announced,
          formula: `综合得分 = 网络投票得分 × ${c.result.voteWeight}% + 评委评分 × ${c.result.juryWeight}%（网络投票得分按本类别最高票数折算为 100 分）`,
          categories: res.byCategory.map((k) => ({
            key: k.category,
            name: k.name,
            winners: k.entries.filter((e) => e.winner).length,
            rows: k.entries.map(toRow),
          })),
        });
        return null;
      } catch (err) {
        const error = errorMessage(err, '加载失败，请稍后再试');
        if (!quiet || this.data.status !== 'ready') this.setData({ status: 'error', error });
        return error;
      }
    },
    openCandidate(e: TapEvent<{ id: string }>) {
      wx.navigateTo({ url: `${ROUTES.candidate}?id=${e.currentTarget.dataset.id}` });
    },
  },
});
