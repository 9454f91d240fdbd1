// 结果: announcing (confirmed; refused with the server's reason, e.g. a jury score
// missing), the export to Excel with a link to copy (components/export-link), and the results (a preview
// until announced). The page is told once announced, to show the new phase.
import type { CampaignApi, CampaignPhase } from '../../../../../../../typings/campaign';
import { errorMessage, toastError } from '../../../../../../utils/errors';
import { campaignApi, campaignOfficeApi } from '../../../../services/campaign';
import { invalidateTab, openTab } from '../../tab-loading';

type Status = 'idle' | 'loading' | 'ready' | 'error';

interface ResultRow {
  candidateId: string;
  /** The server's rank (ties share one). */
  rank: number;
  number: string;
  name: string;
  winner: boolean;
  finalScore: string;
  votes: number;
  jury: string;
}

interface CategoryResults {
  key: string;
  name: string;
  rows: ResultRow[];
}

const toCategories = (res: CampaignApi['results']['res']): CategoryResults[] =>
  res.byCategory.map((k) => ({
    key: k.category,
    name: k.name,
    rows: k.entries.map((e) => ({
      candidateId: e.candidateId,
      rank: e.rank,
      number: e.number,
      name: e.name,
      winner: e.winner,
      finalScore: e.finalScore.toFixed(2),
      votes: e.votes,
      jury: e.juryScore === null ? '—' : String(e.juryScore),
    })),
  }));

Component({
  options: { styleIsolation: 'apply-shared' },
  properties: {
    campaignId: { type: String, value: '' },
    phase: { type: String, value: '' as CampaignPhase | '' },
    phaseLabel: { type: String, value: '' },
    announced: { type: Boolean, value: false },
  },
  data: {
    status: 'idle' as Status,
    error: '',
    results: [] as CategoryResults[],
    announcing: false,
    exporting: false,
    exportUrl: '',
  },
  methods: {
    // --- what the page calls (ManageTab)
    open() {
      openTab(this, () => this.load());
    },
    invalidate() {
      invalidateTab(this);
    },
    async refresh(): Promise<string | null> {
      await this.load();
      return null; // the tab shows its own error
    },
    async loadMore() {},

    async load() {
      this.setData({ status: 'loading', error: '' });
      try {
        const res = await campaignApi('results', { campaignId: this.data.campaignId });
        this.setData({ status: 'ready', results: toCategories(res) });
      } catch (err) {
        this.setData({ status: 'error', error: errorMessage(err, '加载失败，请稍后再试') });
      }
    },
    async onAnnounce() {
      if (this.data.announced || this.data.announcing) return;
      const { confirm } = await wx.showModal({
        title: '公布评选结果',
        content:
          '将按网络投票和评委评分计算综合得分并公布结果。公布后所有人都能看到结果，活动设置、候选人和评委评分都不能再修改。确定公布吗？',
        confirmText: '公布',
        confirmColor: '#C8161D',
      });
      if (!confirm) return;
      this.setData({ announcing: true });
      try {
        const { winners } = await campaignApi('announce', { campaignId: this.data.campaignId });
        wx.showToast({ title: `已公布，共 ${winners} 人当选`, icon: 'success' });
        this.triggerEvent('announced');
        await this.load();
      } catch (err) {
        // e.g. jury scores missing: the server names the first one.
        wx.showModal({ title: '暂不能公布', content: errorMessage(err), showCancel: false });
      } finally {
        this.setData({ announcing: false });
      }
    },
    async onExport() {
      if (this.data.exporting) return;
      this.setData({ exporting: true });
      try {
        const { url } = await campaignOfficeApi('exportCampaign', { campaignId: this.data.campaignId });
        this.setData({ exportUrl: url });
      } catch (err) {
        toastError(err, '导出失败，请稍后再试');
      } finally {
        this.setData({ exporting: false });
      }
    },
  },
});
