// 推荐审核: the campaign's nominations by status. Approving makes the nominee a
// numbered candidate (the page is told, so 候选人 reloads on its next visit);
// rejecting needs a reason, which the nominator sees.
import type { NominationAdminView, NominationStatus } from '../../../../../../../typings/campaign';
import { initialList, listRegistry } from '../../../../../../components/list-state/paged-list';
import { toastError } from '../../../../../../utils/errors';
import { campaignApi } from '../../../../services/campaign';
import { NOMINATION_STATUS_LABELS } from '../../../../utils/labels';
import { invalidateTab, openTab } from '../../tab-loading';
import { type NominationRow, toNominationRow } from './rows';

const lists = listRegistry<NominationAdminView, NominationRow>();

Component({
  options: { styleIsolation: 'apply-shared' },
  properties: {
    campaignId: { type: String, value: '' },
    /** The campaign's categories, for the row's category name. */
    categories: { type: Array, value: [] as { key: string; name: string }[] },
  },
  data: {
    status: 'pending' as NominationStatus | '',
    filters: [
      ...(['pending', 'approved', 'rejected'] as NominationStatus[]).map((value) => ({
        value,
        label: NOMINATION_STATUS_LABELS[value],
      })),
      { value: '', label: '全部' },
    ],
    nominations: initialList<NominationRow>(),
    /** The nomination a review is running for. */
    reviewing: '',
  },
  lifetimes: {
    attached() {
      lists.create(this, {
        key: 'nominations',
        fetch: (page, pageSize) => {
          const { campaignId, status } = this.data;
          return campaignApi('listNominations', { campaignId, page, pageSize, ...(status ? { status } : {}) });
        },
        toView: (n) => toNominationRow(n, this.data),
      });
    },
  },
  methods: {
    // --- what the page calls (ManageTab)
    open() {
      openTab(this, () => lists.of(this).reload());
    },
    invalidate() {
      invalidateTab(this);
    },
    async refresh(): Promise<string | null> {
      return (await lists.of(this).reload({ keepRows: true })).error ?? null;
    },
    loadMore() {
      return lists.of(this).loadMore();
    },

    onFilter(e: TapEvent<{ value: NominationStatus | '' }>) {
      const value = e.currentTarget.dataset.value;
      if (value === this.data.status) return;
      this.setData({ status: value });
      lists.of(this).reload();
    },
    onRetry() {
      lists.of(this).reload();
    },
    onMore() {
      lists.of(this).loadMore();
    },
    previewPhoto(e: TapEvent<{ index: number; photo: number }>) {
      const row = this.data.nominations.items[e.currentTarget.dataset.index];
      if (row) wx.previewImage({ urls: row.photos, current: row.photos[e.currentTarget.dataset.photo] });
    },
    async review(index: number, approve: boolean, reason?: string) {
      const row = this.data.nominations.items[index];
      if (!row || this.data.reviewing) return;
      this.setData({ reviewing: row.id });
      try {
        const view = await campaignApi('reviewNomination', { id: row.id, approve, ...(reason ? { reason } : {}) });
        lists.of(this).replace(index, toNominationRow(view, this.data));
        if (approve) this.triggerEvent('approved'); // a new candidate
        wx.showToast({ title: approve ? '已通过，已成为候选人' : '已驳回', icon: 'success' });
      } catch (err) {
        toastError(err);
      } finally {
        this.setData({ reviewing: '' });
      }
    },
    onApprove(e: TapEvent<{ index: number }>) {
      this.review(e.currentTarget.dataset.index, true);
    },
    async onReject(e: TapEvent<{ index: number }>) {
      const index = e.currentTarget.dataset.index;
      const row = this.data.nominations.items[index];
      if (!row || this.data.reviewing) return;
      const res = await wx.showModal({
        title: `驳回对「${row.nomineeName}」的推荐`,
        editable: true,
        placeholderText: '请填写驳回原因，推荐人可以看到',
        confirmText: '驳回',
      });
      if (!res.confirm) return;
      const reason = (res.content ?? '').trim();
      if (!reason) {
        wx.showToast({ title: '请填写驳回原因', icon: 'none' });
        return;
      }
      await this.review(index, false, reason);
    },
  },
});
