// 我的兑换: the rider's orders by state (待领取 first). A pending order opens its
// pickup card — the pickup code as a QR code and as digits large enough to read
// out at the counter, where and how to pick up — and 取消兑换 (confirmed; the
// points come back). `?id=` (after a redemption) opens that order's card at once.
import type { ShopOrder, ShopOrderState } from '../../../../../typings/volunteer-shop';
import { initialList, listRegistry } from '../../../../components/list-state/paged-list';
import { ROUTES } from '../../../../config/routes';
import { errorMessage, toastError } from '../../../../utils/errors';
import { ensureLogin } from '../../../../utils/session';
import { volunteerApi } from '../../services/volunteer';
import { ORDER_STATE_LABELS, ORDER_STATES, type OrderView, orderView } from '../../utils/shop-labels';

type Tab = ShopOrderState | 'all';

const TABS: { value: Tab; label: string }[] = [
  ...ORDER_STATES.map((value) => ({ value, label: ORDER_STATE_LABELS[value] })),
  { value: 'all', label: '全部' },
];

const lists = listRegistry<ShopOrder, OrderView>();

Component({
  data: {
    access: 'loading' as 'loading' | 'ready' | 'unregistered',
    tabs: TABS,
    tab: 'pending' as Tab,
    list: initialList<OrderView>(),
    /** The order whose card is open (null: none). */
    selected: null as OrderView | null,
    busy: false,
  },
  lifetimes: {
    attached() {
      lists.create(this, {
        key: 'list',
        fetch: async (page, pageSize) => {
          await ensureLogin();
          const { tab } = this.data;
          return volunteerApi('myOrders', { page, pageSize, ...(tab === 'all' ? {} : { state: tab }) });
        },
        toView: orderView,
      });
    },
  },
  pageLifetimes: lists.revisitLifetimes(),
  methods: {
    ...lists.pageHandlers(),
    async onLoad(query: { id?: string }) {
      const profile = await ensureLogin().catch(() => null);
      if (profile && !profile.registered) return void this.setData({ access: 'unregistered' });
      this.setData({ access: 'ready' });
      lists.of(this).reload();
      if (query.id) await this.openOrder(query.id);
    },
    async openOrder(orderId: string) {
      try {
        this.setData({ selected: orderView(await volunteerApi('getOrder', { orderId })) });
      } catch (err) {
        toastError(err, '订单加载失败');
      }
    },
    onTab(e: TapEvent<{ tab: Tab }>) {
      const tab = e.currentTarget.dataset.tab;
      if (tab === this.data.tab) return;
      this.setData({ tab });
      lists.of(this).reload();
    },
    onOpen(e: TapEvent<{ index: number }>) {
      const row = this.data.list.items[e.currentTarget.dataset.index];
      if (row) this.setData({ selected: row });
    },
    onCardVisible(e: DetailEvent<{ visible: boolean }>) {
      if (!e.detail.visible) this.onCloseCard();
    },
    onCloseCard() {
      this.setData({ selected: null });
    },
    async onCancel() {
      const order = this.data.selected;
      if (!order?.pending || this.data.busy) return;
      const { confirm } = await wx.showModal({
        title: '取消兑换',
        content: `确定取消「${order.name}」的兑换吗？${order.points} 积分会退回你的账户。`,
        confirmText: '取消兑换',
        cancelText: '再想想',
        confirmColor: '#C8161D',
      });
      if (!confirm) return;
      this.setData({ busy: true });
      try {
        const r = await volunteerApi('cancelOrder', { orderId: order.id });
        this.setData({ selected: orderView(r.order) });
        wx.showToast({ title: r.already ? '订单已取消' : `已取消，${r.refunded} 积分已退回`, icon: 'none' });
        await lists.of(this).reload({ keepRows: true });
      } catch (err) {
        // Fulfilled meanwhile (CONFLICT): the server's words, and the order as it is now.
        wx.showModal({ title: '无法取消', content: errorMessage(err), showCancel: false });
        await this.openOrder(order.id);
      } finally {
        this.setData({ busy: false });
      }
    },
    onShop() {
      wx.navigateTo({ url: ROUTES.shop });
    },
  },
});
