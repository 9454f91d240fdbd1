// Excel export of the points-shop orders of goods in an org's sub-tree placed in a
// period, for the org's organisers, via storage with a temporary link.
import * as z from 'zod';
import type { OfficeApi } from '../../../typings/office';
import type { Handlers } from '../../_shared/function';
import { requireOrgInScope } from '../../_shared/scope';
import { audit } from '../../_shared/stores/audit';
import { dayKey, form, id, withRule } from '../../_shared/validation';
import { periodProblem } from '../../roundtable/rules/stats';
import { ordersFor } from '../../volunteer/store/orders';
import { shopOrdersWorkbook } from '../sheets/shop-orders';
import { uploadExport } from '../sheets/upload';

/** Rows in one export (a district's year of redemptions fits). */
const MAX_ROWS = 1000;

export const exportShopOrderHandlers = {
  exportShopOrders: {
    access: 'admin',
    input: withRule(
      form(
        {
          orgId: id(),
          from: dayKey(),
          to: dayKey(),
          state: z.enum(['pending', 'fulfilled', 'cancelled']).optional(),
        },
        { orgId: '组织', from: '开始日期', to: '结束日期', state: '订单状态' },
      ),
      periodProblem,
    ),
    async run(ctx, input) {
      const org = await requireOrgInScope(ctx.caller, input.orgId);
      const list = await ordersFor(
        { orgId: org._id, scope: null, state: input.state, from: input.from, to: input.to },
        MAX_ROWS,
      );
      const file = await uploadExport(
        ctx,
        `shop-orders-${org._id}-${input.from}-${input.to}`,
        await shopOrdersWorkbook(list),
      );
      await audit(ctx, {
        action: 'exportShopOrders',
        targetType: 'org',
        targetId: org._id,
        summary: `导出${org.name}积分兑换订单（${input.from} 至 ${input.to}，${list.length} 条）`,
      });
      return file;
    },
  },
} satisfies Handlers<Pick<OfficeApi, 'exportShopOrders'>>;
