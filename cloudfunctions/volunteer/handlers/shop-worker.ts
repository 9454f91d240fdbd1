// A registered worker in the points shop: the goods of their org and those above
// it, one goods with their quota, redeem (one transaction: stock, points, quota,
// order; the tap's requestId makes a double tap one order), their orders, and
// cancelling one before pickup (refunded once). Price, stock and state are read on
// the server; the strict schemas refuse anything else a client sends.
import * as z from 'zod';
import type { GoodsDetail, VolunteerShopApi } from '../../../typings/volunteer-shop';
import { AppError, notFound } from '../../_shared/errors';
import type { ActionContext, Handlers } from '../../_shared/function';
import type { UserDoc } from '../../_shared/stores/users';
import { form, id, PAGE_LABELS, pageFields } from '../../_shared/validation';
import { findGoods, type GoodsDoc, listShelf } from '../store/goods';
import { findOrder, listMyOrders, type OrderDoc, orderIdOf } from '../store/orders';
import { heldByIds, quotaKeysOf } from '../store/quotas';
import { cancelOrder, placeOrder } from '../store/redemption';
import { heldFor, MAX_QUANTITY, mayRedeem, monthOf, refusal, standingOf } from '../rules/shop';
import { toGoodsSummary, toShopOrder } from '../rules/shop-views';

const STATES = ['pending', 'fulfilled', 'cancelled'] as const;

/** The caller as a worker (access 'worker' guarantees the registration). */
const workerOf = (ctx: ActionContext): UserDoc & { worker: NonNullable<UserDoc['worker']> } =>
  ctx.caller.user as UserDoc & { worker: NonNullable<UserDoc['worker']> };

const balanceOf = (u: UserDoc) => u.points?.balance ?? 0;

/** Goods the caller may see: on their org path; anything else is NOT_FOUND (not even that it exists). */
async function visibleGoods(ctx: ActionContext, goodsId: string): Promise<GoodsDoc> {
  const g = await findGoods(goodsId);
  if (!g || !mayRedeem(g, workerOf(ctx).worker.orgPath)) throw notFound('商品');
  return g;
}

/** One of the caller's own orders; anyone else's is NOT_FOUND. */
async function ownOrder(ctx: ActionContext, orderId: string): Promise<OrderDoc> {
  const o = await findOrder(orderId);
  if (!o || o.userId !== ctx.caller.user!._id) throw notFound('订单');
  return o;
}

type WorkerShopActions = Pick<
  VolunteerShopApi,
  'listGoods' | 'getGoods' | 'redeem' | 'myOrders' | 'getOrder' | 'cancelOrder'
>;

export const shopWorkerHandlers = {
  listGoods: {
    access: 'worker',
    input: form(
      { orgId: id().optional(), affordable: z.boolean().optional(), ...pageFields },
      { orgId: '组织', affordable: '只看积分够兑的', ...PAGE_LABELS },
    ),
    async run(ctx, input) {
      const me = workerOf(ctx);
      const path = me.worker.orgPath;
      const balance = balanceOf(me);
      if (input.orgId && !path.includes(input.orgId))
        return { items: [], page: 1, pageSize: 20, hasMore: false, balance };
      const page = await listShelf(path, input.affordable ? balance : null, input.orgId, input);
      return { ...page, items: page.items.map(toGoodsSummary), balance };
    },
  },

  getGoods: {
    access: 'worker',
    input: form({ goodsId: id() }, { goodsId: '商品编号' }),
    async run(ctx, input): Promise<GoodsDetail> {
      const me = workerOf(ctx);
      const g = await visibleGoods(ctx, input.goodsId);
      const keys = quotaKeysOf(g._id, me._id, monthOf(ctx.now));
      const held = await heldByIds(keys.map((k) => k.id));
      const standing = {
        orgPath: me.worker.orgPath,
        balance: balanceOf(me),
        heldAll: held.get(keys[0].id) ?? 0,
        heldMonth: held.get(keys[1].id) ?? 0,
      };
      return {
        ...toGoodsSummary(g),
        description: g.description,
        pickupNote: g.pickupNote,
        onShelf: g.onShelf,
        mine: { balance: standing.balance, held: heldFor(g.limit, standing), ...standingOf(g, standing) },
      };
    },
  },

  redeem: {
    access: 'worker',
    input: form(
      {
        goodsId: id(),
        quantity: z.number().int().min(1).max(MAX_QUANTITY).optional(),
        requestId: z
          .string()
          .max(64)
          .regex(/^[A-Za-z0-9_-]{8,64}$/, '应为 8–64 位字母、数字、- 或 _'),
      },
      { goodsId: '商品编号', quantity: '兑换数量', requestId: '请求编号' },
    ),
    async run(ctx, input) {
      const me = workerOf(ctx);
      const orderId = orderIdOf(me._id, input.requestId);
      // The same tap again: its order, whatever has happened to the goods since.
      const placed = await findOrder(orderId);
      if (placed) return { order: toShopOrder(placed), balance: balanceOf(me), duplicate: true };
      const quantity = input.quantity ?? 1;
      const g = await visibleGoods(ctx, input.goodsId);
      // Refused before the transaction when it is plain (sold out, off shelf): the storm after
      // the last piece never queues on the goods document. The transaction checks it all again.
      const early = refusal(g, { orgPath: me.worker.orgPath, balance: 0, heldAll: 0, heldMonth: 0 }, quantity);
      if (early) throw early;
      if (balanceOf(me) < g.price * quantity)
        throw new AppError('LIMIT_REACHED', `积分不足：需要 ${g.price * quantity}，当前 ${balanceOf(me)}`);
      const done = await placeOrder({
        orderId,
        requestId: input.requestId,
        goodsId: g._id,
        quantity,
        userId: me._id,
        orgPath: me.worker.orgPath,
        worker: {
          realName: me.worker.realName,
          phone: me.worker.phone,
          occupation: me.worker.occupation,
          orgName: me.worker.orgName,
        },
        now: ctx.now,
      });
      ctx.log('redeemed', { orderId, goodsId: g._id, quantity, duplicate: done.duplicate });
      return { order: toShopOrder(done.order), balance: done.balance, duplicate: done.duplicate };
    },
  },

  myOrders: {
    access: 'worker',
    input: form({ state: z.enum(STATES).optional(), ...pageFields }, { state: '订单状态', ...PAGE_LABELS }),
    async run(ctx, input) {
      const page = await listMyOrders(ctx.caller.user!._id, input.state, input);
      return { ...page, items: page.items.map(toShopOrder) };
    },
  },

  getOrder: {
    access: 'worker',
    input: form({ orderId: id() }, { orderId: '订单编号' }),
    async run(ctx, input) {
      return toShopOrder(await ownOrder(ctx, input.orderId));
    },
  },

  cancelOrder: {
    access: 'worker',
    input: form({ orderId: id() }, { orderId: '订单编号' }),
    async run(ctx, input) {
      await ownOrder(ctx, input.orderId);
      const userId = ctx.caller.user!._id;
      const r = await cancelOrder({
        orderId: input.orderId,
        by: 'worker',
        byName: '',
        reason: '',
        now: ctx.now,
        allowed: (o) => {
          if (o.userId !== userId) throw notFound('订单');
        },
      });
      return { order: toShopOrder(r.order), refunded: r.refunded, already: r.already };
    },
  },
} satisfies Handlers<WorkerShopActions>;
