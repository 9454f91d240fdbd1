// One goods of the shop: picture, price in points, stock, the per-person limit and
// what the rider may still redeem, where to pick it up. 兑换 opens a confirmation
// with the points it takes and the balance after; its 确认兑换 sends a requestId made
// once per confirmation, so a double tap or a retry is one order. 积分不足, 已兑完
// and 限兑 are the server's words; after a redemption the order with its pickup
// code opens.
import type { GoodsDetail } from '../../../../../typings/volunteer-shop';
import { loadByIdHandlers, openedId, reloadHandlers } from '../../../../components/list-state/reload';
import { ROUTES } from '../../../../config/routes';
import { errorCode, errorMessage } from '../../../../utils/errors';
import { ensureLogin } from '../../../../utils/session';
import { volunteerApi } from '../../services/volunteer';
import { goodsImage, limitText, newRequestId, stockText } from '../../utils/shop-labels';

type Status = 'loading' | 'ready' | 'missing' | 'error';

interface GoodsView {
  name: string;
  image: string;
  price: number;
  stockText: string;
  limitText: string;
  orgName: string;
  pickupNote: string;
  description: string;
  balance: number;
  /** "你已兑 1 件，还可兑 1 件", '' without a limit. */
  heldText: string;
  canRedeem: number;
  whyNot: string;
}

const toView = (g: GoodsDetail): GoodsView => ({
  name: g.name,
  image: goodsImage(g.imageFileId),
  price: g.price,
  stockText: stockText(g.stock),
  limitText: limitText(g.limit),
  orgName: g.orgName,
  pickupNote: g.pickupNote,
  description: g.description,
  balance: g.mine.balance,
  heldText: g.limit ? `你已兑 ${g.mine.held} 件` : '',
  canRedeem: g.mine.canRedeem,
  whyNot: g.mine.whyNot,
});

/** The open confirmation: its quantity and the request id its 确认兑换 sends (the same on a retry). */
interface Confirm {
  visible: boolean;
  quantity: number;
  cost: number;
  after: number;
  requestId: string;
  error: string;
}

const closed = (): Confirm => ({ visible: false, quantity: 1, cost: 0, after: 0, requestId: '', error: '' });

Component({
  data: {
    status: 'loading' as Status,
    error: '',
    goods: null as GoodsView | null,
    quantity: 1,
    confirm: closed(),
    busy: false,
  },
  methods: {
    ...reloadHandlers(),
    ...loadByIdHandlers(),
    async load(quiet = false): Promise<string | null> {
      if (!quiet || !this.data.goods) this.setData({ status: 'loading', error: '' });
      try {
        await ensureLogin();
        const g = await volunteerApi('getGoods', { goodsId: openedId(this) });
        const goods = toView(g);
        wx.setNavigationBarTitle({ title: g.name });
        this.setData({
          status: 'ready',
          goods,
          quantity: Math.max(1, Math.min(this.data.quantity, goods.canRedeem)),
        });
        return null;
      } catch (err) {
        const missing = errorCode(err) === 'NOT_FOUND' || errorCode(err) === 'INVALID_ARGUMENT';
        const error = missing ? '找不到这件物品，可能已下架' : errorMessage(err, '加载失败，请稍后再试');
        if (!quiet || !this.data.goods) this.setData({ status: missing ? 'missing' : 'error', error });
        return error;
      }
    },
    onLess() {
      if (this.data.quantity > 1) this.setData({ quantity: this.data.quantity - 1 });
    },
    onMore() {
      const g = this.data.goods;
      if (g && this.data.quantity < g.canRedeem) this.setData({ quantity: this.data.quantity + 1 });
    },
    /** 兑换: the confirmation, with a fresh request id for this one confirmation. */
    onRedeem() {
      const g = this.data.goods;
      if (!g || g.canRedeem <= 0 || this.data.busy) return;
      const quantity = this.data.quantity;
      const cost = g.price * quantity;
      this.setData({
        confirm: { visible: true, quantity, cost, after: g.balance - cost, requestId: newRequestId(), error: '' },
      });
    },
    onConfirmVisible(e: DetailEvent<{ visible: boolean }>) {
      if (!e.detail.visible) this.onCloseConfirm();
    },
    onCloseConfirm() {
      if (!this.data.busy) this.setData({ confirm: closed() });
    },
    async onConfirm() {
      const c = this.data.confirm;
      if (this.data.busy || !c.visible) return;
      this.setData({ busy: true, 'confirm.error': '' });
      try {
        const receipt = await volunteerApi('redeem', {
          goodsId: openedId(this),
          quantity: c.quantity,
          requestId: c.requestId,
        });
        this.setData({ confirm: closed() });
        wx.showToast({ title: '兑换成功', icon: 'success' });
        wx.redirectTo({ url: `${ROUTES.shopOrders}?id=${encodeURIComponent(receipt.order.id)}` });
      } catch (err) {
        const code = errorCode(err);
        // Refused for good (sold out, the limit, points, off shelf): say why and show the goods as they are now.
        if (code === 'FULL' || code === 'LIMIT_REACHED' || code === 'CLOSED' || code === 'NOT_FOUND') {
          this.setData({ confirm: closed() });
          wx.showModal({ title: '未能兑换', content: errorMessage(err), showCancel: false });
          await this.load(true);
        } else {
          // Network and the like: the same confirmation may be sent again (the same request id).
          this.setData({ 'confirm.error': errorMessage(err, '兑换失败，请重试') });
        }
      } finally {
        this.setData({ busy: false });
      }
    },
    onOrders() {
      wx.navigateTo({ url: ROUTES.shopOrders });
    },
    onShop() {
      wx.redirectTo({ url: ROUTES.shop });
    },
  },
});
