// The shop's transactions, each composed from the stores' `…In(t)` functions so
// that what goes together is written together or not at all:
//   place  — the goods' stock, both quota counters, the points spend (ledger and
//            balance), the pickup code and the order;
//   cancel — the order, the stock and quota given back, the refund (once per order);
//   fulfil — the order (pending → fulfilled, once) and the goods' piece counters.
// Each reads what it decides on inside the transaction, so its snapshot is the
// guard: two redemptions of the last piece, or of one balance, cannot both commit.
// Many taps on one goods at once take turns until they commit (inTurnsTransaction);
// when even that takes too long the caller is told to try again, nothing changed.
import { AppError, conflict, notFound } from '../../_shared/errors';
import { inTurnsTransaction, isTransactionConflict, type Transaction } from '../../_shared/db';
import { refundPointsIn, spendPointsIn } from '../../_shared/stores/points';
import { getUserIn } from '../../_shared/stores/users';
import { beijingDay } from '../../_shared/clock';
import type { ShopCancelledBy } from '../../../typings/volunteer-shop';
import { monthOf, refusal } from '../rules/shop';
import { getGoodsIn, setStockIn, type GoodsDoc } from './goods';
import {
  addOrderIn,
  claimCodeIn,
  getOrderIn,
  newPickupCode,
  type OrderDoc,
  type OrderWorker,
  updateOrderIn,
} from './orders';
import { heldIn, quotaKeysOf, setHeldIn } from './quotas';

/**
 * How long a tap takes turns on a contended goods before it is told to try again:
 * well inside the function's 15 s, so the reply always gets out and an order is
 * never placed after its caller was told it failed.
 */
const TURNS_BUDGET_MS = 8_000;

async function contended<T>(fn: (t: Transaction) => Promise<T>): Promise<T> {
  try {
    return await inTurnsTransaction(fn, TURNS_BUDGET_MS);
  } catch (err) {
    if (isTransactionConflict(err)) throw new AppError('UNAVAILABLE', '同时兑换的人太多，请稍后再试');
    throw err;
  }
}

export interface PlaceOrder {
  orderId: string;
  requestId: string;
  goodsId: string;
  quantity: number;
  userId: string;
  orgPath: string[];
  worker: OrderWorker;
  now: Date;
}

export interface Placed {
  order: OrderDoc;
  balance: number;
  duplicate: boolean;
}

/** Places the order of one tap; the same tap again returns the order it placed. */
export function placeOrder(p: PlaceOrder): Promise<Placed> {
  return contended(async (t) => {
    const existing = await getOrderIn(t, p.orderId);
    if (existing) return { order: existing, balance: await balanceIn(t, p), duplicate: true };
    const g = await getGoodsIn(t, p.goodsId);
    if (!g) throw notFound('商品');
    // Refused on reads alone, before any write: after the last piece the taps never touch the goods.
    const plain = refusal(g, { orgPath: p.orgPath, balance: 0, heldAll: 0, heldMonth: 0 }, p.quantity);
    if (plain) throw plain;
    // Then the contended document, before anything else: a goods committed by another since this
    // snapshot conflicts here (so the stock read above is the stock taken from), and a tap that
    // loses finds out after three round trips.
    await setStockIn(t, g._id, { stock: g.stock - p.quantity, pending: g.pending + p.quantity }, p.now);
    const month = monthOf(p.now);
    const [all, monthly] = quotaKeysOf(g._id, p.userId, month);
    const [heldAll, heldMonth] = [await heldIn(t, all), await heldIn(t, monthly)];
    // The per-person limit (a refusal rolls the taking back).
    const refused = refusal(g, { orgPath: p.orgPath, balance: 0, heldAll, heldMonth }, p.quantity);
    if (refused) throw refused;
    const points = g.price * p.quantity;
    const spend = await spendPointsIn(t, {
      userId: p.userId,
      amount: points,
      reason: 'shop_redeem',
      title: `积分兑换：${g.name} × ${p.quantity}`,
      sourceId: p.orderId,
      key: `shop-redeem:${p.orderId}`,
      now: p.now,
    });
    await setHeldIn(t, all, heldAll + p.quantity, p.now);
    await setHeldIn(t, monthly, heldMonth + p.quantity, p.now);
    const order = newOrder(p, g, await drawCodeIn(t, p.orderId, p.now), points, month);
    await addOrderIn(t, order);
    return { order, balance: spend.balance, duplicate: false };
  });
}

async function balanceIn(t: Transaction, p: PlaceOrder): Promise<number> {
  return (await getUserIn(t, p.userId))?.points?.balance ?? 0;
}

async function drawCodeIn(t: Transaction, orderId: string, now: Date): Promise<string> {
  for (let i = 0; i < 5; i++) {
    const code = newPickupCode();
    if (await claimCodeIn(t, code, orderId, now)) return code;
  }
  throw new Error('no free pickup code after 5 draws');
}

function newOrder(p: PlaceOrder, g: GoodsDoc, pickupCode: string, points: number, month: string): OrderDoc {
  return {
    _id: p.orderId,
    userId: p.userId,
    requestId: p.requestId,
    goodsId: g._id,
    goodsName: g.name,
    imageFileId: g.imageFileId,
    price: g.price,
    quantity: p.quantity,
    points,
    state: 'pending',
    pickupCode,
    orgId: g.orgId,
    orgName: g.orgName,
    orgPath: g.orgPath,
    pickupNote: g.pickupNote,
    worker: p.worker,
    day: beijingDay(p.now),
    month,
    createdAt: p.now,
    fulfilledAt: null,
    fulfilledBy: '',
    fulfilledByName: '',
    cancelledAt: null,
    cancelledBy: null,
    cancelledByName: '',
    cancelReason: '',
    refunded: 0,
    updatedAt: p.now,
  };
}

export interface CancelOrder {
  orderId: string;
  by: ShopCancelledBy;
  /** The organiser's name ('' for the worker). */
  byName: string;
  reason: string;
  now: Date;
  /** Checked on the order read in the transaction (whose it is, whose scope). */
  allowed(o: OrderDoc): void;
}

/** Cancels a pending order: refund, stock and quota back, once; `already` when it was cancelled before. */
export function cancelOrder(c: CancelOrder): Promise<{ order: OrderDoc; refunded: number; already: boolean }> {
  return contended(async (t) => {
    const o = await getOrderIn(t, c.orderId);
    if (!o) throw notFound('订单');
    c.allowed(o);
    if (o.state === 'cancelled') return { order: o, refunded: 0, already: true };
    if (o.state === 'fulfilled') throw conflict('这笔订单已经领取，不能取消');
    const g = await getGoodsIn(t, o.goodsId);
    if (g) {
      await setStockIn(
        t,
        g._id,
        { stock: g.stock + o.quantity, pending: g.pending - o.quantity, cancelled: g.cancelled + o.quantity },
        c.now,
      );
    }
    for (const key of quotaKeysOf(o.goodsId, o.userId, o.month)) {
      await setHeldIn(t, key, Math.max(0, (await heldIn(t, key)) - o.quantity), c.now);
    }
    const refund = await refundPointsIn(t, {
      userId: o.userId,
      amount: o.points,
      reason: 'shop_refund',
      title: `兑换取消退回：${o.goodsName} × ${o.quantity}`,
      sourceId: o._id,
      key: `shop-refund:${o._id}`,
      now: c.now,
    });
    const patch = {
      state: 'cancelled' as const,
      cancelledAt: c.now,
      cancelledBy: c.by,
      cancelledByName: c.byName,
      cancelReason: c.reason,
      refunded: o.points,
    };
    await updateOrderIn(t, o._id, patch, c.now);
    return { order: { ...o, ...patch, updatedAt: c.now }, refunded: refund.refunded, already: false };
  });
}

export interface FulfilOrder {
  orderId: string;
  byUserId: string;
  byName: string;
  now: Date;
}

/** 核销: pending → fulfilled, once; a second scan, or a cancelled order, is CONFLICT. */
export function fulfilOrder(f: FulfilOrder): Promise<OrderDoc> {
  return contended(async (t) => {
    const o = await getOrderIn(t, f.orderId);
    if (!o) throw notFound('订单');
    if (o.state === 'fulfilled')
      throw conflict(`这笔订单已于 ${beijingDay(new Date(o.fulfilledAt!))} 领取，不要重复发放`);
    if (o.state === 'cancelled') throw conflict('这笔订单已取消，积分已退回，不能领取');
    const g = await getGoodsIn(t, o.goodsId);
    if (g) {
      const moved = { pending: g.pending - o.quantity, fulfilled: g.fulfilled + o.quantity };
      await setStockIn(t, g._id, moved, f.now);
    }
    const patch = {
      state: 'fulfilled' as const,
      fulfilledAt: f.now,
      fulfilledBy: f.byUserId,
      fulfilledByName: f.byName,
    };
    await updateOrderIn(t, o._id, patch, f.now);
    return { ...o, ...patch, updatedAt: f.now };
  });
}
