// The shop_orders and shop_pickup_codes collections. An order's _id is derived
// from its worker and the client's requestId, so a double tap or a retry finds the
// order the first tap placed; its pickup code is the _id of a document of its own,
// so two orders can never share one (the second insert of an id conflicts).
import { createHash, randomInt } from 'node:crypto';
import type { Occupation } from '../../../typings/user';
import type { ShopCancelledBy, ShopOrderState } from '../../../typings/volunteer-shop';
import { COLLECTIONS } from '../../_shared/collections';
import { cmd, collection, containsText, getDoc, getDocIn, rowsOf, type Transaction } from '../../_shared/db';
import { notFound } from '../../_shared/errors';
import { fetchPage, type PageArgs } from '../../_shared/paging';

/** What the goods' organisers need of the worker (copied when the order is placed). */
export interface OrderWorker {
  realName: string;
  phone: string;
  occupation: Occupation | null;
  orgName: string;
}

export interface OrderDoc {
  _id: string;
  userId: string;
  requestId: string;
  goodsId: string;
  goodsName: string;
  imageFileId: string;
  price: number;
  quantity: number;
  points: number;
  state: ShopOrderState;
  pickupCode: string;
  /** The goods' org (who hands them out) and its path: organisers' lists match here. */
  orgId: string;
  orgName: string;
  orgPath: string[];
  pickupNote: string;
  worker: OrderWorker;
  /** The Beijing day and month (YYYY-MM) it was placed: stats, and the month quota it counts in. */
  day: string;
  month: string;
  createdAt: Date;
  fulfilledAt: Date | null;
  fulfilledBy: string;
  fulfilledByName: string;
  cancelledAt: Date | null;
  cancelledBy: ShopCancelledBy | null;
  cancelledByName: string;
  cancelReason: string;
  refunded: number;
  updatedAt: Date;
}

const orders = () => collection(COLLECTIONS.shopOrders);

/** The order a tap places: the same worker and requestId always name the same order. */
export const orderIdOf = (userId: string, requestId: string) =>
  createHash('sha256').update(`shop-order:${userId}:${requestId}`).digest('hex').slice(0, 32);

const CODE_DIGITS = 12;

/** 12 random digits: guessing a pending order's code takes ~10¹² tries against a handful of codes. */
export const newPickupCode = () =>
  Array.from({ length: CODE_DIGITS / 6 }, () => String(randomInt(0, 1_000_000)).padStart(6, '0')).join('');

export const PICKUP_CODE = /^\d{12}$/;

export function getOrderIn(t: Transaction, orderId: string): Promise<OrderDoc | null> {
  return getDocIn<OrderDoc>(t, COLLECTIONS.shopOrders, orderId);
}

/**
 * Claims a pickup code for an order inside the placing transaction: false when the
 * code is taken (draw another). A concurrent claim of the same code conflicts.
 */
export async function claimCodeIn(t: Transaction, code: string, orderId: string, now: Date): Promise<boolean> {
  if (await getDocIn(t, COLLECTIONS.shopPickupCodes, code)) return false;
  await t.collection(COLLECTIONS.shopPickupCodes).add({ _id: code, orderId, createdAt: now });
  return true;
}

export async function addOrderIn(t: Transaction, doc: OrderDoc): Promise<void> {
  await t.collection(COLLECTIONS.shopOrders).add(doc);
}

export type OrderPatch = Partial<
  Pick<
    OrderDoc,
    | 'state'
    | 'fulfilledAt'
    | 'fulfilledBy'
    | 'fulfilledByName'
    | 'cancelledAt'
    | 'cancelledBy'
    | 'cancelledByName'
    | 'cancelReason'
    | 'refunded'
  >
>;

export async function updateOrderIn(t: Transaction, orderId: string, patch: OrderPatch, now: Date): Promise<void> {
  await t
    .collection(COLLECTIONS.shopOrders)
    .doc(orderId)
    .update({ ...patch, updatedAt: now });
}

export function findOrder(orderId: string): Promise<OrderDoc | null> {
  return getDoc<OrderDoc>(COLLECTIONS.shopOrders, orderId);
}

export async function requireOrder(orderId: string): Promise<OrderDoc> {
  const o = await findOrder(orderId);
  if (!o) throw notFound('订单');
  return o;
}

/** The order a scanned code names, or null. */
export async function orderByCode(code: string): Promise<OrderDoc | null> {
  const c = await getDoc<{ orderId: string }>(COLLECTIONS.shopPickupCodes, code);
  return c ? findOrder(c.orderId) : null;
}

/** A deleted account's orders keep their history (counts, stats) without the worker's name or phone. */
export async function eraseOrderWorker(userId: string): Promise<void> {
  await orders().where({ userId }).update({ 'worker.realName': '已注销用户', 'worker.phone': '' });
}

export function listMyOrders(userId: string, state: ShopOrderState | undefined, page: PageArgs) {
  return fetchPage(
    orders().where({ userId, ...(state ? { state } : {}) }),
    [['createdAt', 'desc']],
    page,
    (d: OrderDoc) => d,
  );
}

export interface OrderFilter {
  /** Orders of goods in this org's sub-tree; null: everywhere. */
  orgId: string | null;
  /** The caller's scope (sub-tree ids); null: no limit. */
  scope: string[] | null;
  state?: ShopOrderState;
  goodsId?: string;
  keyword?: string;
  /** Placed on these Beijing days (inclusive). */
  from?: string;
  to?: string;
}

function whereOf(f: OrderFilter): Record<string, unknown> {
  const _ = cmd();
  const where: Record<string, unknown> = {};
  if (f.orgId) where.orgPath = f.orgId;
  else if (f.scope) where.orgPath = _.in(f.scope);
  if (f.state) where.state = f.state;
  if (f.goodsId) where.goodsId = f.goodsId;
  if (f.from && f.to) where.day = _.gte(f.from).and(_.lte(f.to));
  if (!f.keyword) return where;
  const phone = /^1\d{10}$/.test(f.keyword);
  return { ...where, ...(phone ? { 'worker.phone': f.keyword } : { 'worker.realName': containsText(f.keyword) }) };
}

export async function listOrders(f: OrderFilter, page: PageArgs) {
  const where = whereOf(f);
  const [p, counted] = await Promise.all([
    fetchPage(orders().where(where), [['createdAt', 'desc']], page, (d: OrderDoc) => d),
    orders().where(where).count(),
  ]);
  return { ...p, total: counted.total };
}

/** Every order matching (oldest first), up to `limit`: the export. */
export async function ordersFor(f: OrderFilter, limit: number): Promise<OrderDoc[]> {
  const { data } = await orders()
    .where(whereOf(f))
    .orderBy('createdAt', 'asc')
    .orderBy('_id', 'asc')
    .limit(limit)
    .get();
  return data as OrderDoc[];
}

export interface OrderGroup {
  goodsId: string;
  state: ShopOrderState;
  orders: number;
  pieces: number;
  points: number;
}

/** Orders of a period by goods and state, and the distinct workers with an order not cancelled. */
export async function orderTotals(f: OrderFilter): Promise<{ groups: OrderGroup[]; workers: number }> {
  const _ = cmd();
  const $ = _.aggregate;
  const where = whereOf(f);
  const [byGoods, byWorker] = await Promise.all([
    orders()
      .aggregate()
      .match(where)
      .group({
        _id: { goodsId: '$goodsId', state: '$state' },
        orders: $.sum(1),
        pieces: $.sum('$quantity'),
        points: $.sum('$points'),
      })
      .end(),
    orders()
      .aggregate()
      .match({ ...where, state: _.neq('cancelled') })
      .group({ _id: '$userId' })
      .end(),
  ]);
  const groups = rowsOf<{
    _id: { goodsId: string; state: ShopOrderState };
    orders: number;
    pieces: number;
    points: number;
  }>(byGoods).map((r) => ({
    goodsId: r._id.goodsId,
    state: r._id.state,
    orders: Number(r.orders),
    pieces: Number(r.pieces),
    points: Number(r.points),
  }));
  return { groups, workers: rowsOf(byWorker).length };
}
