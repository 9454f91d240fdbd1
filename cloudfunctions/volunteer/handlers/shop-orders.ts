// Organisers' orders: the redemption queue, what a scanned pickup code is, 核销 by
// the code (once), and cancelling a pending order with a reason (refunded once).
// Only an organiser of the goods' org (or one above it) acts on its orders; every
// fulfilment and cancellation audited.
import * as z from 'zod';
import type { VolunteerShopApi } from '../../../typings/volunteer-shop';
import { notFound } from '../../_shared/errors';
import type { ActionContext, Handlers } from '../../_shared/function';
import { orgIdsInScope, requireOrgInScope } from '../../_shared/scope';
import { audit } from '../../_shared/stores/audit';
import { form, id, PAGE_LABELS, pageFields, text } from '../../_shared/validation';
import { listOrders, orderByCode, type OrderDoc, PICKUP_CODE, requireOrder } from '../store/orders';
import { cancelOrder, fulfilOrder } from '../store/redemption';
import { organiserName, requireOrganiser } from '../rules/shop-access';
import { toAdminOrder } from '../rules/shop-views';

const STATES = ['pending', 'fulfilled', 'cancelled'] as const;

const codeInput = () => z.string().trim().max(20).regex(PICKUP_CODE, '取货码为 12 位数字');

/** The order of a scanned code, for an organiser of its goods (another district's: FORBIDDEN). */
async function scannedOrder(ctx: ActionContext, pickupCode: string): Promise<OrderDoc> {
  const o = await orderByCode(pickupCode);
  if (!o) throw notFound('取货码对应的订单');
  requireOrganiser(ctx.caller, o, '这笔订单');
  return o;
}

const summaryOf = (o: OrderDoc) => `${o.goodsName} × ${o.quantity}（${o.points} 积分，${o.worker.realName}）`;

type OrderActions = Pick<VolunteerShopApi, 'listOrders' | 'findOrderByCode' | 'fulfilOrder' | 'adminCancelOrder'>;

export const shopOrderHandlers = {
  listOrders: {
    access: 'admin',
    input: form(
      {
        orgId: id().optional(),
        state: z.enum(STATES).optional(),
        goodsId: id().optional(),
        keyword: text(20).optional(),
        ...pageFields,
      },
      { orgId: '所属组织', state: '订单状态', goodsId: '商品编号', keyword: '姓名或手机号', ...PAGE_LABELS },
    ),
    async run(ctx, input) {
      if (input.orgId) await requireOrgInScope(ctx.caller, input.orgId);
      const scope = input.orgId ? null : await orgIdsInScope(ctx.caller);
      const page = await listOrders(
        {
          orgId: input.orgId ?? null,
          scope,
          state: input.state,
          goodsId: input.goodsId,
          keyword: input.keyword || undefined,
        },
        input,
      );
      return { ...page, items: page.items.map(toAdminOrder) };
    },
  },

  findOrderByCode: {
    access: 'admin',
    input: form({ pickupCode: codeInput() }, { pickupCode: '取货码' }),
    async run(ctx, input) {
      return toAdminOrder(await scannedOrder(ctx, input.pickupCode));
    },
  },

  fulfilOrder: {
    access: 'admin',
    input: form({ pickupCode: codeInput() }, { pickupCode: '取货码' }),
    async run(ctx, input) {
      const o = await scannedOrder(ctx, input.pickupCode);
      const done = await fulfilOrder({
        orderId: o._id,
        byUserId: ctx.caller.user?._id ?? '',
        byName: organiserName(ctx.caller),
        now: ctx.now,
      });
      await audit(ctx, {
        action: 'fulfilOrder',
        targetType: 'shop_order',
        targetId: o._id,
        summary: `核销：${summaryOf(o)}`,
      });
      return toAdminOrder(done);
    },
  },

  adminCancelOrder: {
    access: 'admin',
    input: form({ orderId: id(), reason: text(60, 2) }, { orderId: '订单编号', reason: '取消原因' }),
    async run(ctx, input) {
      requireOrganiser(ctx.caller, await requireOrder(input.orderId), '这笔订单');
      const r = await cancelOrder({
        orderId: input.orderId,
        by: 'organiser',
        byName: organiserName(ctx.caller),
        reason: input.reason,
        now: ctx.now,
        allowed: (o) => requireOrganiser(ctx.caller, o, '这笔订单'),
      });
      if (!r.already) {
        await audit(ctx, {
          action: 'cancelOrder',
          targetType: 'shop_order',
          targetId: input.orderId,
          summary: `取消订单并退回积分：${summaryOf(r.order)}；原因：${input.reason}`,
        });
      }
      return { order: toAdminOrder(r.order), refunded: r.refunded, already: r.already };
    },
  },
} satisfies Handlers<OrderActions>;
