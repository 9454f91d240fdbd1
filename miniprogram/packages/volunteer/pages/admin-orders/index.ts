// The redemption queue (兑换核销) for organisers: orders of the goods in their org
// sub-tree by state, 待领取 first, searched by a worker's name or phone. 扫码核销
// scans the rider's pickup code (wx.scanCode), shows what the order is, and on
// 确认发放 fulfils it once; 取消 asks for a reason and refunds the points. 导出 is
// this month's orders as Excel (the office function). The server checks scope on
// every action; its words show in a modal.
import type { AdminShopOrder, ShopOrderState } from '../../../../../typings/volunteer-shop';
import { initialList, listRegistry } from '../../../../components/list-state/paged-list';
import { errorCode, errorMessage, toastError } from '../../../../utils/errors';
import { ensureLogin, organiserAccess } from '../../../../utils/session';
import { volunteerApi } from '../../services/volunteer';
import { volunteerOfficeApi } from '../../services/volunteer-office';
import {
  codeDigits,
  monthToDate,
  ORDER_STATE_LABELS,
  ORDER_STATES,
  type OrderView,
  orderView,
} from '../../utils/shop-labels';
import { orderSummary } from './view';

type Tab = ShopOrderState | 'all';

interface QueueRow extends OrderView {
  worker: string;
}

const toRow = (o: AdminShopOrder): QueueRow => ({
  ...orderView(o),
  worker: `${o.worker.realName} ${o.worker.phone} · ${o.worker.orgName}`,
});

const lists = listRegistry<AdminShopOrder, QueueRow>();

Component({
  data: {
    access: 'loading' as 'loading' | 'ready' | 'denied',
    tabs: [
      ...ORDER_STATES.map((value) => ({ value, label: ORDER_STATE_LABELS[value] })),
      { value: 'all', label: '全部' },
    ],
    tab: 'pending' as Tab,
    keyword: '',
    total: 0,
    list: initialList<QueueRow>(),
    busy: false,
    exporting: false,
    exportUrl: '',
  },
  lifetimes: {
    attached() {
      lists.create(this, {
        key: 'list',
        fetch: async (page, pageSize) => {
          await ensureLogin();
          const { tab, keyword } = this.data;
          const res = await volunteerApi('listOrders', {
            page,
            pageSize,
            ...(tab === 'all' ? {} : { state: tab }),
            ...(keyword ? { keyword } : {}),
          });
          this.setData({ total: res.total });
          return res;
        },
        toView: toRow,
      });
      this.start();
    },
  },
  methods: {
    ...lists.pageHandlers(),
    ...lists.searchHandlers(),
    async start() {
      const access = await organiserAccess();
      this.setData({ access });
      if (access === 'ready') lists.of(this).reload();
    },
    onTab(e: TapEvent<{ tab: Tab }>) {
      if (e.currentTarget.dataset.tab === this.data.tab) return;
      this.setData({ tab: e.currentTarget.dataset.tab });
      lists.of(this).reload();
    },
    // --- 扫码核销
    onScan() {
      if (this.data.busy) return;
      wx.scanCode({
        onlyFromCamera: true,
        scanType: ['qrCode'],
        success: (res) => this.fulfil(codeDigits(res.result)),
        fail: (err) => {
          if (!/cancel/i.test(err?.errMsg ?? '')) wx.showToast({ title: '扫码失败，请重试', icon: 'none' });
        },
      });
    },
    onFulfilRow(e: TapEvent<{ index: number }>) {
      const row = this.data.list.items[e.currentTarget.dataset.index];
      if (row?.pending && !this.data.busy) this.fulfil(row.pickupCode);
    },
    /** What the code is, confirmed by the organiser, then fulfilled once. */
    async fulfil(pickupCode: string) {
      this.setData({ busy: true });
      try {
        const order = await volunteerApi('findOrderByCode', { pickupCode });
        if (order.state !== 'pending') {
          const content = `${orderSummary(order)}\n${toRow(order).outcome}`;
          return void wx.showModal({ title: `此码${ORDER_STATE_LABELS[order.state]}`, content, showCancel: false });
        }
        const { confirm } = await wx.showModal({
          title: '核销领取码',
          content: orderSummary(order),
          confirmText: '确认发放',
          cancelText: '取消',
        });
        if (!confirm) return;
        await volunteerApi('fulfilOrder', { pickupCode });
        wx.showToast({ title: '已核销', icon: 'success' });
        await lists.of(this).reload({ keepRows: true });
      } catch (err) {
        const content =
          errorCode(err) === 'NOT_FOUND' ? '找不到这个领取码，请让骑手在「我的兑换」中重新出示' : errorMessage(err);
        wx.showModal({ title: '无法核销', content, showCancel: false });
      } finally {
        this.setData({ busy: false });
      }
    },
    // --- 取消 with a reason: the points go back to the rider
    async onCancelRow(e: TapEvent<{ index: number }>) {
      const row = this.data.list.items[e.currentTarget.dataset.index];
      if (!row?.pending || this.data.busy) return;
      const res = await wx.showModal({
        title: `取消「${row.name}」的兑换`,
        editable: true,
        placeholderText: '原因（骑手会看到），如：物品已停发',
        confirmText: '取消并退回积分',
        cancelText: '返回',
        confirmColor: '#C8161D',
      });
      if (!res.confirm) return;
      const reason = (res.content ?? '').trim();
      if (reason.length < 2) return void wx.showToast({ title: '请填写取消原因（至少 2 个字）', icon: 'none' });
      this.setData({ busy: true });
      try {
        const r = await volunteerApi('adminCancelOrder', { orderId: row.id, reason });
        wx.showToast({ title: `已取消，退回 ${r.refunded} 积分`, icon: 'none' });
        await lists.of(this).reload({ keepRows: true });
      } catch (err) {
        wx.showModal({ title: '无法取消', content: errorMessage(err), showCancel: false });
      } finally {
        this.setData({ busy: false });
      }
    },
    // --- 导出 this month's orders
    async onExport() {
      this.setData({ exporting: true });
      try {
        const profile = await ensureLogin();
        const orgId = profile.adminOrgIds[0];
        if (!orgId) throw new Error('no org');
        const { url } = await volunteerOfficeApi('exportShopOrders', { orgId, ...monthToDate(new Date()) });
        this.setData({ exportUrl: url });
      } catch (err) {
        toastError(err, '导出失败，请稍后再试');
      } finally {
        this.setData({ exporting: false });
      }
    },
  },
});
