// Organisers' shop statistics over a period of Beijing days: orders by state,
// pieces and points (cancelled orders excluded), distinct workers, per goods.
import type { VolunteerShopApi } from '../../../typings/volunteer-shop';
import type { Handlers } from '../../_shared/function';
import { orgIdsInScope, requireOrgInScope } from '../../_shared/scope';
import { dayKey, form, id, withRule } from '../../_shared/validation';
import { periodProblem } from '../../roundtable/rules/stats';
import { goodsByIds } from '../store/goods';
import { orderTotals } from '../store/orders';
import { shopStatsOf } from '../rules/shop-stats';

type StatsActions = Pick<VolunteerShopApi, 'shopStats'>;

export const shopStatsHandlers = {
  shopStats: {
    access: 'admin',
    input: withRule(
      form(
        { from: dayKey(), to: dayKey(), orgId: id().optional() },
        { from: '开始日期', to: '结束日期', orgId: '组织' },
      ),
      periodProblem,
    ),
    async run(ctx, input) {
      if (input.orgId) await requireOrgInScope(ctx.caller, input.orgId);
      const scope = input.orgId ? null : await orgIdsInScope(ctx.caller);
      const { groups, workers } = await orderTotals({
        orgId: input.orgId ?? null,
        scope,
        from: input.from,
        to: input.to,
      });
      const goods = await goodsByIds([...new Set(groups.map((g) => g.goodsId))]);
      const stats = shopStatsOf(groups, workers, goods);
      return { from: input.from, to: input.to, orgId: input.orgId ?? null, ...stats };
    },
  },
} satisfies Handlers<StatsActions>;
