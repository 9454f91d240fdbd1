// 时数审核 for organisers: forgotten check-outs (never credit: reviewed into honor
// hours or refused) and self-reported service of their org sub-tree, pending
// first; 通过 grants honor hours up to the claim's cap with a reason, 不通过 says
// why — both audited and shown to the member. The 补录 tab backfills honor hours
// with evidence (components/backfill).
import type { AdminVolunteerClaim, ClaimKind, ClaimState } from '../../../../../typings/volunteer-team';
import { initialList, listRegistry } from '../../../../components/list-state/paged-list';
import { errorMessage } from '../../../../utils/errors';
import { ensureLogin, organiserAccess } from '../../../../utils/session';
import { volunteerApi } from '../../services/volunteer';
import { askHours, askReason } from '../../utils/ask';
import { CLAIM_KIND_LABELS, CLAIM_STATE_LABELS, hoursOf } from '../../utils/labels';
import { type ClaimRow, toClaimRow } from './rows';

type Tab = 'claims' | 'backfill';

const lists = listRegistry<AdminVolunteerClaim, ClaimRow>();

const STATES: ClaimState[] = ['pending', 'approved', 'rejected'];
const KINDS: ClaimKind[] = ['missed_checkout', 'service'];

Component({
  data: {
    access: 'loading' as 'loading' | 'ready' | 'denied',
    tab: 'claims' as Tab,
    states: STATES.map((value) => ({ value, label: CLAIM_STATE_LABELS[value] })),
    kinds: KINDS.map((value) => ({ value, label: CLAIM_KIND_LABELS[value] })),
    state: 'pending' as ClaimState,
    kind: '' as ClaimKind | '',
    reviewing: '',
    list: initialList<ClaimRow>(),
  },
  lifetimes: {
    attached() {
      lists.create(this, {
        key: 'list',
        fetch: async (page, pageSize) => {
          await ensureLogin();
          const { state, kind } = this.data;
          return volunteerApi('listClaims', { page, pageSize, state, ...(kind ? { kind } : {}) });
        },
        toView: toClaimRow,
      });
      organiserAccess().then((access) => {
        this.setData({ access });
        if (access === 'ready') lists.of(this).reload();
      });
    },
  },
  methods: {
    ...lists.pageHandlers(),
    onTab(e: TapEvent<{ tab: Tab }>) {
      this.setData({ tab: e.currentTarget.dataset.tab });
    },
    onState(e: TapEvent<{ value: ClaimState }>) {
      const state = e.currentTarget.dataset.value;
      if (state === this.data.state) return;
      this.setData({ state });
      lists.of(this).reload();
    },
    onKind(e: TapEvent<{ value: ClaimKind | '' }>) {
      const kind = e.currentTarget.dataset.value;
      this.setData({ kind: kind === this.data.kind ? '' : kind });
      lists.of(this).reload();
    },
    onPhoto(e: TapEvent<{ index: number; url: string }>) {
      const row = this.data.list.items[e.currentTarget.dataset.index];
      if (row) wx.previewImage({ urls: row.photos, current: e.currentTarget.dataset.url });
    },
    async onApprove(e: TapEvent<{ index: number }>) {
      const index = e.currentTarget.dataset.index;
      const row = this.data.list.items[index];
      if (!row || this.data.reviewing) return;
      const minutes = await askHours(`发放荣誉时数（${row.capText}）`, row.maxMinutes);
      if (minutes === null) return;
      const reason = await askReason(
        `通过：${hoursOf(minutes)} 小时`,
        '理由，队员可以看到，如：照片与签到表核实',
        '通过',
      );
      if (!reason) return;
      await this.review(index, { decision: 'approve', minutes, reason });
    },
    async onReject(e: TapEvent<{ index: number }>) {
      const index = e.currentTarget.dataset.index;
      const row = this.data.list.items[index];
      if (!row || this.data.reviewing) return;
      const reason = await askReason('不通过', '原因，队员可以看到，如：照片看不出服务内容', '不通过');
      if (!reason) return;
      await this.review(index, { decision: 'reject', reason });
    },
    async review(index: number, decision: { decision: 'approve' | 'reject'; minutes?: number; reason: string }) {
      const row = this.data.list.items[index]!;
      this.setData({ reviewing: row.id });
      try {
        const claim = await volunteerApi('reviewClaim', { claimId: row.id, ...decision });
        wx.showToast({ title: decision.decision === 'approve' ? '已通过' : '已退回', icon: 'success' });
        lists.of(this).replace(index, toClaimRow(claim));
      } catch (err) {
        wx.showModal({ title: '审核未成功', content: errorMessage(err), showCancel: false });
      } finally {
        this.setData({ reviewing: '' });
      }
    },
  },
});
