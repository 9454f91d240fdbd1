/**
 * The points shop (积分超市 / 蜂力值) side of the `volunteer` function (typings/volunteer.ts):
 * goods, redemption, pickup codes, fulfilment (核销) and refunds.
 *
 * Points are the one ledger of typings/user.ts (earned by study, 随手拍, volunteer
 * hours …): a redemption spends them (reason `shop_redeem`), a cancellation before
 * pickup refunds them (reason `shop_refund`, once per order). Goods belong to an
 * org: its organisers (admins of the org or of one above it) manage them and fulfil
 * their orders, and the registered workers of that org's sub-tree may redeem them.
 * Price, stock, state and points are the server's: a request never sets them.
 * The orders' spreadsheet is the office function's `exportShopOrders`
 * ({ orgId, from, to, state? } → { fileId, url }, typings/office.ts).
 */
import type { ActionSpec, IsoDate, Page, PageRequest } from './common';
import type { DayKey } from './study';
import type { Occupation } from './user';

/**
 * How a per-person limit counts: `all` over all time, `month` per Beijing calendar
 * month (the month the order was placed in). A cancelled order gives its quantity back.
 */
export type GoodsLimitPeriod = 'all' | 'month';

/**
 * pending: 待领取 (points spent, stock held, waiting for the organiser's scan);
 * fulfilled: 已领取 (scanned once, final); cancelled: 已取消 (points refunded, stock and quota returned, final).
 */
export type ShopOrderState = 'pending' | 'fulfilled' | 'cancelled';

/** Who cancelled an order: the worker themself, or an organiser (with a reason). */
export type ShopCancelledBy = 'worker' | 'organiser';

/** A per-person limit; null on goods without one. */
export interface GoodsLimit {
  /** Most pieces one person may hold (pending or fulfilled) in the period, 1–99. */
  perPerson: number;
  period: GoodsLimitPeriod;
}

/** Goods as workers see them in the list. */
export interface GoodsSummary {
  id: string;
  name: string;
  /** The picture in cloud storage (goods/…, readable by everyone: an <image> shows it as it is), '' when none. */
  imageFileId: string;
  /** Points per piece (1–100000). */
  price: number;
  /** Pieces left (0: sold out, still listed). */
  stock: number;
  limit: GoodsLimit | null;
  /** The org the goods belong to (who hands them out). */
  orgId: string;
  orgName: string;
}

/** The caller's standing for one goods: quota and balance. */
export interface GoodsMine {
  /** The caller's points balance. */
  balance: number;
  /** Pieces the caller holds (pending + fulfilled) in the limit's current period; 0 without a limit. */
  held: number;
  /** Pieces the caller may still redeem now: min(stock, quota left, balance ÷ price); 0 when none. */
  canRedeem: number;
  /** Why canRedeem is 0, in Chinese (已下架 / 已兑完 / 已达兑换上限 / 积分不足 …); '' when it is not. */
  whyNot: string;
}

export interface GoodsDetail extends GoodsSummary {
  description: string;
  /** Where and how to pick up (e.g. 城东驿站，工作日 9:00–17:00), '' when not given. */
  pickupNote: string;
  onShelf: boolean;
  mine: GoodsMine;
}

/** Goods as their organisers see them. */
export interface AdminGoods extends GoodsSummary {
  description: string;
  pickupNote: string;
  onShelf: boolean;
  /** Pieces in orders by state (quantities, not orders). */
  pending: number;
  fulfilled: number;
  cancelled: number;
  createdAt: IsoDate;
  updatedAt: IsoDate;
}

/** What an order keeps of its goods when placed (the goods may change later). */
export interface ShopOrderGoods {
  id: string;
  name: string;
  imageFileId: string;
  /** Points per piece at the time of the order. */
  price: number;
}

/** An order as its worker sees it. */
export interface ShopOrder {
  id: string;
  goods: ShopOrderGoods;
  quantity: number;
  /** Points spent: price × quantity. */
  points: number;
  state: ShopOrderState;
  /**
   * The pickup code: 12 digits, shown as a QR code (encoding exactly these digits)
   * and as digits grouped by four. Present while pending; kept afterwards for reference.
   */
  pickupCode: string;
  /** Where to pick up (the goods' org and pickup note at the time of the order). */
  orgId: string;
  orgName: string;
  pickupNote: string;
  createdAt: IsoDate;
  fulfilledAt: IsoDate | null;
  cancelledAt: IsoDate | null;
  cancelledBy: ShopCancelledBy | null;
  /** The organiser's reason ('' for the worker's own cancellation). */
  cancelReason: string;
  /** Points refunded (0 unless cancelled). */
  refunded: number;
}

/** The worker of an order, as the goods' organisers see them (their own org's workers). */
export interface ShopOrderWorker {
  userId: string;
  realName: string;
  phone: string;
  occupation: Occupation | null;
  orgName: string;
}

/** An order as the goods' organisers see it (the redemption queue, after a scan). */
export interface AdminShopOrder extends ShopOrder {
  worker: ShopOrderWorker;
  /** The organiser who fulfilled it ('' until fulfilled). */
  fulfilledByName: string;
  /** The organiser who cancelled it ('' unless an organiser did). */
  cancelledByName: string;
}

// ---- requests and replies --------------------------------------------------------

export interface ListGoodsRequest extends PageRequest {
  /** Only goods of this org (one on the caller's org path). */
  orgId?: string;
  /** Only goods the caller can afford now (price ≤ balance). */
  affordable?: boolean;
}

export interface RedeemRequest {
  goodsId: string;
  /** Pieces, 1–10 (default 1). */
  quantity?: number;
  /**
   * Generated by the client once per redeem tap (e.g. 16–64 letters and digits) and
   * sent again on a retry of the same tap: the same key returns the same order.
   */
  requestId: string;
}

export interface RedeemReceipt {
  order: ShopOrder;
  /** The caller's balance after the redemption. */
  balance: number;
  /** True when this requestId had already placed the order (a double tap or a retry): nothing was spent again. */
  duplicate: boolean;
}

export interface MyOrdersRequest extends PageRequest {
  state?: ShopOrderState;
}

export interface CancelOrderReceipt<O extends ShopOrder = ShopOrder> {
  order: O;
  /** Points refunded by this call (0 when it was already cancelled). */
  refunded: number;
  /** True when the order was already cancelled: nothing changed. */
  already: boolean;
}

export interface SaveGoodsRequest {
  /** Absent: new goods. */
  goodsId?: string;
  /** Fixed once created: the org whose organisers manage the goods and whose workers may redeem them. */
  orgId: string;
  /** 2–30 characters. */
  name: string;
  /** Up to 500 characters. */
  description?: string;
  /** Up to 60 characters. */
  pickupNote?: string;
  /** A picture the organiser uploaded to cloud storage under goods/ (at most 1 MB); absent or '' for none. */
  imageFileId?: string;
  /** Points per piece, 1–100000. Applies to later orders only. */
  price: number;
  /** New goods only: the pieces in stock, 0–100000. */
  stock?: number;
  /**
   * Existing goods only: pieces to add (补货) or, negative, to take away; the stock
   * never goes below 0 (refused). Relative, so redemptions meanwhile are never overwritten.
   */
  addStock?: number;
  /** null or absent: no per-person limit. */
  limit?: GoodsLimit | null;
  onShelf: boolean;
}

export interface ListAdminGoodsRequest extends PageRequest {
  /** Goods of this org's sub-tree (default: every org the caller organises). */
  orgId?: string;
  onShelf?: boolean;
  /** Part of the name. */
  keyword?: string;
}

export interface ListOrdersRequest extends PageRequest {
  /** Orders of goods in this org's sub-tree (default: every org the caller organises). */
  orgId?: string;
  state?: ShopOrderState;
  goodsId?: string;
  /** Part of the worker's name, or a whole phone number. */
  keyword?: string;
}

export interface AdminCancelOrderRequest {
  orderId: string;
  /** Why (shown to the worker and audited), 2–60 characters. */
  reason: string;
}

export interface ShopStatsRequest {
  /** Orders placed on these Beijing days (at most 366). */
  from: DayKey;
  to: DayKey;
  /** The org whose sub-tree is counted (default: every org the caller organises). */
  orgId?: string;
}

export interface ShopStatsRow {
  /** Orders placed in the period, by their state now. */
  orders: number;
  pending: number;
  fulfilled: number;
  cancelled: number;
  /** Pieces in orders not cancelled. */
  pieces: number;
  /** Points spent by orders not cancelled (refunds excluded). */
  points: number;
  /** Distinct workers with an order not cancelled. */
  workers: number;
}

export interface ShopStatsGoods extends ShopStatsRow {
  goodsId: string;
  name: string;
  /** Pieces left now. */
  stock: number;
}

export interface ShopStats {
  from: DayKey;
  to: DayKey;
  orgId: string | null;
  totals: ShopStatsRow;
  /** Per goods with orders in the period, most pieces first; at most 200. */
  goods: ShopStatsGoods[];
}

export interface VolunteerShopApi {
  /** On-shelf goods the caller may redeem (their org's and those above it), newest first. */
  listGoods: ActionSpec<ListGoodsRequest, Page<GoodsSummary> & { balance: number }, 'worker'>;
  /** One goods with the caller's quota and balance (NOT_FOUND outside the caller's org path). */
  getGoods: ActionSpec<{ goodsId: string }, GoodsDetail, 'worker'>;
  /**
   * Spends price × quantity points, takes the stock and places an order with a pickup
   * code, all together. Refused: off shelf (CLOSED), not enough stock (FULL), the
   * per-person limit (LIMIT_REACHED), not enough points (LIMIT_REACHED).
   */
  redeem: ActionSpec<RedeemRequest, RedeemReceipt, 'worker'>;
  /** The caller's orders, newest first. */
  myOrders: ActionSpec<MyOrdersRequest, Page<ShopOrder>, 'worker'>;
  /** One of the caller's orders (NOT_FOUND for anyone else's). */
  getOrder: ActionSpec<{ orderId: string }, ShopOrder, 'worker'>;
  /** Cancels a pending order: refunds the points, returns stock and quota. A fulfilled order: CONFLICT. */
  cancelOrder: ActionSpec<{ orderId: string }, CancelOrderReceipt, 'worker'>;
  // Organisers (admins of the goods' org or of one above it); every write audited.
  /** Creates or edits goods (stock on creation, addStock afterwards). */
  saveGoods: ActionSpec<SaveGoodsRequest, AdminGoods, 'admin'>;
  /** One goods for its edit form: organisers of its org (NOT_FOUND for an unknown id, FORBIDDEN outside scope). */
  getAdminGoods: ActionSpec<{ goodsId: string }, AdminGoods, 'admin'>;
  listAdminGoods: ActionSpec<ListAdminGoodsRequest, Page<AdminGoods>, 'admin'>;
  /** The redemption queue: orders of goods in scope, newest first. */
  listOrders: ActionSpec<ListOrdersRequest, Page<AdminShopOrder> & { total: number }, 'admin'>;
  /** What the scanned code is, before fulfilling it (NOT_FOUND for an unknown code, FORBIDDEN outside scope). */
  findOrderByCode: ActionSpec<{ pickupCode: string }, AdminShopOrder, 'admin'>;
  /** 核销: the pending order of the scanned code becomes fulfilled, once (again: CONFLICT). */
  fulfilOrder: ActionSpec<{ pickupCode: string }, AdminShopOrder, 'admin'>;
  /** An organiser cancels a pending order with a reason: refund, stock and quota back, as cancelOrder. */
  adminCancelOrder: ActionSpec<AdminCancelOrderRequest, CancelOrderReceipt<AdminShopOrder>, 'admin'>;
  shopStats: ActionSpec<ShopStatsRequest, ShopStats, 'admin'>;
}
