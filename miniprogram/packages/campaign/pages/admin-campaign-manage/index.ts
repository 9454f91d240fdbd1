// Running one selection, for its organisers, in four tabs — each a page-private
// component (./components/<tab>) that loads on its first visit:
//   推荐审核 — nominations by status; approve (a numbered candidate) or reject with a reason;
//   候选人   — per category: add or edit candidates, enter jury scores;
//   防刷票   — the fraud report, and voiding votes by voter or time range;
//   结果     — announce (confirmed) and export to Excel.
// The page holds the campaign's head and which tab is shown, and passes on what
// one tab's action changes for another. The server checks scope and state.
import type { CampaignForVoter } from '../../../../../typings/campaign';
import type { TagTheme } from '../../../../config/labels';
import { ROUTES } from '../../../../config/routes';
import { endPullDown } from '../../../../components/list-state/reload';
import { errorMessage } from '../../../../utils/errors';
import { ensureLogin } from '../../../../utils/session';
import { campaignApi } from '../../services/campaign';
import { PHASE_LABELS, PHASE_THEMES } from '../../utils/labels';
import type { ManageTab } from './tab-loading';

type Status = 'loading' | 'ready' | 'error';
type Tab = 'nominations' | 'candidates' | 'fraud' | 'results';

interface CampaignHead {
  title: string;
  phase: CampaignForVoter['phase'];
  phaseLabel: string;
  phaseTheme: TagTheme;
  announced: boolean;
  categories: { key: string; name: string }[];
}

const toHead = (c: CampaignForVoter): CampaignHead => ({
  title: c.title,
  phase: c.phase,
  phaseLabel: PHASE_LABELS[c.phase],
  phaseTheme: PHASE_THEMES[c.phase],
  announced: c.announced,
  categories: c.categories.map((k) => ({ key: k.key, name: k.name })),
});

Component({
  data: {
    campaignId: '',
    status: 'loading' as Status,
    error: '',
    campaign: null as CampaignHead | null,
    tab: 'nominations' as Tab,
  },
  methods: {
    onLoad(options: { id?: string; tab?: Tab }) {
      this.setData({ campaignId: options.id ?? '', tab: options.tab ?? 'nominations' });
      this.load();
    },
    async load() {
      this.setData({ status: 'loading', error: '' });
      try {
        await ensureLogin();
        await this.loadCampaign();
        this.setData({ status: 'ready' });
        this.openTab(this.data.tab);
      } catch (err) {
        this.setData({ status: 'error', error: errorMessage(err, '加载失败，请稍后再试') });
      }
    },
    async loadCampaign() {
      const c = await campaignApi('getCampaign', { id: this.data.campaignId });
      this.setData({ campaign: toHead(c) });
    },
    onRetry() {
      this.load();
    },

    // --- the tabs
    tabOf(tab: Tab): ManageTab | null {
      return this.selectComponent(`#${tab}`) as unknown as ManageTab | null;
    },
    onTab(e: DetailEvent<{ value: Tab }>) {
      this.openTab(e.detail.value);
    },
    openTab(tab: Tab) {
      this.setData({ tab });
      this.tabOf(tab)?.open();
    },
    async onPullDownRefresh() {
      const tab = this.tabOf(this.data.tab);
      endPullDown(tab ? await tab.refresh() : null);
    },
    onReachBottom() {
      return this.tabOf(this.data.tab)?.loadMore();
    },
    /** A nomination approved or votes voided: 候选人 reloads on its next visit. */
    onCandidatesChanged() {
      this.tabOf('candidates')?.invalidate();
    },
    /** Announced: the head (and what each tab allows) follows. */
    async onAnnounced() {
      await this.loadCampaign().catch(() => undefined);
    },

    openEdit() {
      wx.navigateTo({ url: `${ROUTES.adminCampaignEdit}?id=${this.data.campaignId}` });
    },
    openPublic() {
      wx.navigateTo({ url: `${ROUTES.campaign}?id=${this.data.campaignId}` });
    },
  },
});
