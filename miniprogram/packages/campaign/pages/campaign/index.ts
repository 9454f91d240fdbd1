// One selection: its rules and phase with a live countdown, the candidates per
// category (search, sort, paging) with a 投票 button each, and the ways on:
// 我要推荐, 我的推荐, 排行榜, 评选结果. Votes are free and never rewarded.
import type { Candidate, CampaignForVoter } from '../../../../../typings/campaign';
import { ROUTES } from '../../../../config/routes';
import { campaignApi } from '../../services/campaign';
import { initialList, listRegistry } from '../../../../components/list-state/paged-list';
import { countdownText } from '../../utils/labels';
import { errorMessage } from '../../../../utils/errors';
import { castVote, NO_VOTES_LEFT, takeReceipts, type VoteRefusal } from '../../utils/vote';
import { type CandidateRow, toCandidateRow, votesText } from '../../utils/views';
import { type CampaignView, toCampaignView } from './view';
import { endPullDown } from '../../../../components/list-state/reload';

type Status = 'loading' | 'ready' | 'error';
type Sort = 'number' | 'votes';

const lists = listRegistry<Candidate, CandidateRow>();
/** The countdown's interval per page instance: cleared on hide and detach. */
const timers = new WeakMap<object, ReturnType<typeof setInterval>>();

Component({
  data: {
    campaignId: '',
    status: 'loading' as Status,
    error: '',
    campaign: null as CampaignView | null,
    rulesOpen: false,
    countdown: '',
    canVote: false,
    cannotVoteReason: '',
    votesLeftToday: null as number | null,
    category: '',
    keyword: '',
    sort: 'number' as Sort,
    list: initialList<CandidateRow>(),
    /** The candidate a vote is being cast for. */
    voting: '',
  },
  lifetimes: {
    attached() {
      lists.create(this, {
        key: 'list',
        fetch: (page, pageSize) => {
          const { campaignId, category, keyword, sort } = this.data;
          return campaignApi('listCandidates', {
            campaignId,
            page,
            pageSize,
            sort,
            ...(category ? { category } : {}),
            ...(keyword ? { keyword } : {}),
          });
        },
        toView: toCandidateRow,
      });
    },
    detached() {
      this.stopCountdown();
    },
  },
  pageLifetimes: {
    show() {
      if (this.data.status !== 'ready') return;
      // Back from a candidate page: the votes cast there update their rows and the votes left.
      this.applyReceipts();
      this.startCountdown();
    },
    hide() {
      this.stopCountdown();
    },
  },
  methods: {
    ...lists.searchHandlers(),
    onLoad(options: { id?: string }) {
      this.setData({ campaignId: options.id ?? '' });
      this.load();
    },

    async load() {
      this.setData({ status: 'loading', error: '' });
      try {
        const c = await campaignApi('getCampaign', { id: this.data.campaignId });
        this.applyCampaign(c);
        this.setData({ status: 'ready', category: c.categories[0]?.key ?? '' });
        wx.setNavigationBarTitle({ title: c.title });
        lists.of(this).reload();
      } catch (err) {
        this.setData({ status: 'error', error: errorMessage(err, '加载失败，请稍后再试') });
      }
    },

    /** Re-reads the campaign and the rows in place (pull-down, show, a phase ending). */
    async refresh(): Promise<string | null> {
      try {
        const c = await campaignApi('getCampaign', { id: this.data.campaignId });
        this.applyCampaign(c);
      } catch (err) {
        return errorMessage(err, '刷新失败，请稍后再试');
      }
      const { error } = await lists.of(this).reload({ keepRows: true });
      return error ?? null;
    },

    applyCampaign(c: CampaignForVoter) {
      const view = toCampaignView(c);
      this.setData({
        campaign: view,
        canVote: c.canVote,
        cannotVoteReason: c.cannotVoteReason,
        votesLeftToday: c.votesLeftToday,
        // 票数 is offered only while counts are public.
        ...(view.countsVisible ? {} : { sort: 'number' }),
      });
      this.startCountdown();
    },

    // --- countdown to the end of the phase
    startCountdown() {
      this.stopCountdown();
      const c = this.data.campaign;
      if (!c?.phaseEndsAt) {
        this.setData({ countdown: '' });
        return;
      }
      const tick = () => {
        const now = Date.now();
        this.setData({ countdown: countdownText(c, now) });
        if (Date.parse(c.phaseEndsAt!) <= now) {
          // The phase is over: the server says what comes next.
          this.stopCountdown();
          this.refresh();
        }
      };
      tick();
      if (this.data.campaign?.phaseEndsAt) timers.set(this, setInterval(tick, 1000));
    },
    stopCountdown() {
      const timer = timers.get(this);
      if (timer !== undefined) clearInterval(timer);
      timers.delete(this);
    },

    toggleRules() {
      this.setData({ rulesOpen: !this.data.rulesOpen });
    },

    // --- which candidates
    onCategory(e: DetailEvent<{ value: string }>) {
      if (e.detail.value === this.data.category) return;
      this.setData({ category: e.detail.value });
      lists.of(this).reload();
    },
    onSort(e: TapEvent<{ sort: Sort }>) {
      const sort = e.currentTarget.dataset.sort;
      if (sort === this.data.sort) return;
      this.setData({ sort });
      lists.of(this).reload();
    },
    onRetry() {
      lists.of(this).reload();
    },
    onMore() {
      lists.of(this).loadMore();
    },
    async onPullDownRefresh() {
      if (this.data.status !== 'ready') {
        await this.load();
        wx.stopPullDownRefresh();
        return;
      }
      endPullDown(await this.refresh());
    },
    onReachBottom() {
      return lists.of(this).loadMore();
    },

    // --- voting
    applyReceipts() {
      const taken = takeReceipts();
      if (!taken.length) return;
      const patch: Record<string, unknown> = {};
      this.data.list.items.forEach((row, i) => {
        const r = taken.find((x) => x.candidateId === row.id);
        if (r) {
          patch[`list.items[${i}].votes`] = r.votes;
          patch[`list.items[${i}].votesText`] = votesText(r.votes);
        }
      });
      const left = taken[taken.length - 1]!.votesLeftToday;
      patch.votesLeftToday = left;
      if (left <= 0) Object.assign(patch, { canVote: false, cannotVoteReason: NO_VOTES_LEFT });
      this.setData(patch);
    },
    async onVote(e: TapEvent<{ index: number }>) {
      const index = e.currentTarget.dataset.index;
      const row = this.data.list.items[index];
      if (!row || this.data.voting || !this.data.canVote) return;
      this.setData({ voting: row.id });
      const result = await castVote(row.id);
      this.setData({ voting: '' });
      if (result.ok) {
        // The receipt (with any from other pages) updates the row and the votes left.
        this.applyReceipts();
        wx.showToast({ title: `已为 ${row.name} 投票`, icon: 'success' });
        return;
      }
      await this.onRefused(result.refusal);
    },
    async onRefused(refusal: VoteRefusal) {
      if (refusal.closesVoting) this.setData({ canVote: false, cannotVoteReason: refusal.message });
      if (refusal.needsRegistration) {
        const { confirm } = await wx.showModal({
          title: '暂不能投票',
          content: refusal.message,
          confirmText: '去登记',
        });
        if (confirm) wx.navigateTo({ url: ROUTES.register });
        return;
      }
      wx.showToast({ title: refusal.message, icon: 'none', duration: 2500 });
      if (refusal.limitReached) {
        // Votes may have been cast elsewhere (another phone, the candidate page): take the server's count.
        try {
          const mine = await campaignApi('myVotes', { campaignId: this.data.campaignId });
          this.setData({
            votesLeftToday: mine.votesLeftToday,
            ...(mine.votesLeftToday > 0 ? {} : { canVote: false, cannotVoteReason: NO_VOTES_LEFT }),
          });
        } catch {
          /* the message already says enough */
        }
      }
    },

    // --- ways on
    openCandidate(e: TapEvent<{ id: string }>) {
      wx.navigateTo({ url: `${ROUTES.candidate}?id=${e.currentTarget.dataset.id}` });
    },
    go(e: TapEvent<{ route: 'nominate' | 'myNominations' | 'ranking' | 'results' }>) {
      wx.navigateTo({ url: `${ROUTES[e.currentTarget.dataset.route]}?campaignId=${this.data.campaignId}` });
    },

    onShareAppMessage() {
      const c = this.data.campaign;
      return {
        title: c ? c.title : '最美新就业群体评选',
        path: `${ROUTES.campaign}?id=${this.data.campaignId}`,
      };
    },
  },
});
