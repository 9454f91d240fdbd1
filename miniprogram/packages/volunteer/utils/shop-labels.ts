// The points shop's labels and small display rules, for the volunteer subpackage's
// shop, order and certificate pages: order states, limits, pickup codes, pieces
// and points in words. Records over the contract's unions: a new member breaks the
// build until it has a label.
import type { GoodsLimit, GoodsSummary, ShopOrder, ShopOrderState } from '../../../../typings/volunteer-shop';
import type { TagTheme } from '../../../config/labels';
import { displayUrl } from '../../../services/files';
import { formatDate, formatDateTime } from '../../../utils/format';

export const ORDER_STATE_LABELS: Record<ShopOrderState, string> = {
  pending: '待领取',
  fulfilled: '已领取',
  cancelled: '已取消',
};

export const ORDER_STATE_THEMES: Record<ShopOrderState, TagTheme> = {
  pending: 'warning',
  fulfilled: 'success',
  cancelled: 'default',
};

/** Pending first: what still needs someone to act. */
export const ORDER_STATES: ShopOrderState[] = ['pending', 'fulfilled', 'cancelled'];

/** "每人限兑 1 件", "每人每月限兑 2 件", '' without a limit. */
export function limitText(limit: GoodsLimit | null): string {
  if (!limit) return '';
  return `${limit.period === 'all' ? '每人限兑' : '每人每月限兑'} ${limit.perPerson} 件`;
}

/** "剩 12 件", "已兑完". */
export const stockText = (stock: number): string => (stock > 0 ? `剩 ${stock} 件` : '已兑完');

/** The 12 digits as "1234 5678 9012", easy to read out at a counter. */
export const groupedCode = (code: string): string => code.replace(/(\d{4})(?=\d)/g, '$1 ');

/** A pickup code as typed or scanned: its digits only (spaces and dashes dropped). */
export const codeDigits = (text: string): string => text.replace(/[\s-]/g, '');

/** What <image> shows for goods ('' when there is no picture: the page draws a placeholder). */
export const goodsImage = (fileId: string): string => (fileId ? displayUrl(fileId) : '');

/** A goods card of the shop. */
export interface GoodsCard {
  id: string;
  name: string;
  image: string;
  price: number;
  stockText: string;
  soldOut: boolean;
  limitText: string;
  orgName: string;
}

export const goodsCard = (g: GoodsSummary): GoodsCard => ({
  id: g.id,
  name: g.name,
  image: goodsImage(g.imageFileId),
  price: g.price,
  stockText: stockText(g.stock),
  soldOut: g.stock <= 0,
  limitText: limitText(g.limit),
  orgName: g.orgName,
});

/** An order as its rows show it (the worker's and the organisers'). */
export interface OrderView {
  id: string;
  name: string;
  image: string;
  quantity: number;
  points: number;
  state: ShopOrderState;
  stateLabel: string;
  stateTheme: TagTheme;
  pending: boolean;
  pickupCode: string;
  codeText: string;
  orgName: string;
  pickupNote: string;
  createdText: string;
  /** "2026-12-01 10:00 领取", "已退回 100 积分：…", '' while pending. */
  outcome: string;
}

function outcomeOf(o: ShopOrder): string {
  if (o.state === 'fulfilled' && o.fulfilledAt) return `${formatDateTime(o.fulfilledAt)} 已领取`;
  if (o.state !== 'cancelled') return '';
  const who = o.cancelledBy === 'organiser' ? `组织者取消${o.cancelReason ? `：${o.cancelReason}` : ''}` : '你已取消';
  return `${who}，已退回 ${o.refunded} 积分`;
}

export const orderView = (o: ShopOrder): OrderView => ({
  id: o.id,
  name: o.goods.name,
  image: goodsImage(o.goods.imageFileId),
  quantity: o.quantity,
  points: o.points,
  state: o.state,
  stateLabel: ORDER_STATE_LABELS[o.state],
  stateTheme: ORDER_STATE_THEMES[o.state],
  pending: o.state === 'pending',
  pickupCode: o.pickupCode,
  codeText: groupedCode(o.pickupCode),
  orgName: o.orgName,
  pickupNote: o.pickupNote,
  createdText: formatDateTime(o.createdAt),
  outcome: outcomeOf(o),
});

/** A request id for one redeem confirmation: sent again on a retry of the same tap, so it is one order. */
export function newRequestId(): string {
  const rand = () => Math.random().toString(36).slice(2, 10).padEnd(8, '0');
  return `r${Date.now().toString(36)}${rand()}${rand()}`;
}

/** This Beijing month so far, as a period of days (the orders export, the goods page's numbers). */
export function monthToDate(now: Date): { from: string; to: string } {
  const today = formatDate(now.toISOString());
  return { from: `${today.slice(0, 7)}-01`, to: today };
}
