// An org's volunteer figures over a period: members by status, activities held
// and 人次, hours (credit and honor apart) and points, what waits for review,
// and the same per direct child org.
import type { VolunteerStatsRow, VolunteerTeamApi } from '../../../typings/volunteer-team';
import { daysBetween } from '../../_shared/clock';
import { eventKeyOf, stateCounts } from '../../_shared/engines/signup';
import { invalid } from '../../_shared/errors';
import type { Handlers } from '../../_shared/function';
import { requireOrgInScope } from '../../_shared/scope';
import { allOrgs } from '../../_shared/stores/orgs';
import { dayKey, form, id, inOrder, withRule } from '../../_shared/validation';
import { keyOf } from '../rules/keys';
import { dayRange } from '../rules/months';
import { heldIn } from '../store/activities';
import { countClaims } from '../store/claims';
import { periodTotals } from '../store/hours';
import { countByStatus } from '../store/members';

const MAX_DAYS = 366;
const LABELS = { from: '开始日期', to: '结束日期', orgId: '组织' };

async function rowOf(orgId: string, orgName: string, range: { from: Date; to: Date }): Promise<VolunteerStatsRow> {
  const [statuses, totals] = await Promise.all([countByStatus(orgId), periodTotals(orgId, range.from, range.to)]);
  return { orgId, orgName, members: statuses.approved ?? 0, ...totals };
}

export const statsHandlers = {
  volunteerStats: {
    access: 'admin',
    input: withRule(
      form({ from: dayKey(), to: dayKey(), orgId: id().optional() }, LABELS),
      (v) =>
        inOrder(['from', 'to'], LABELS, { orEqual: true })(v) ??
        (daysBetween(v.from, v.to) >= MAX_DAYS ? { field: 'to', message: `统计时段最长 ${MAX_DAYS} 天` } : null),
    ),
    async run({ caller, now }, input) {
      const orgId = input.orgId ?? caller.user?.adminOrgIds[0];
      if (!orgId) throw invalid('请选择要统计的组织');
      const org = await requireOrgInScope(caller, orgId);
      const range = dayRange(input.from, input.to);
      const [statuses, held, totals, claims, services, orgs] = await Promise.all([
        countByStatus(orgId),
        heldIn(orgId, range.from, range.to, now),
        periodTotals(orgId, range.from, range.to),
        countClaims({ orgIds: [orgId], state: 'pending', kind: 'missed_checkout' }),
        countClaims({ orgIds: [orgId], state: 'pending', kind: 'service' }),
        allOrgs(),
      ]);
      const attended = await stateCounts(held.map(keyOf));
      const children = orgs.filter((o) => o.parentId === orgId);
      const byOrg = await Promise.all([
        rowOf(org._id, org.name, range),
        ...children.map((c) => rowOf(c._id, c.name, range)),
      ]);
      return {
        from: input.from,
        to: input.to,
        orgId,
        members: {
          pending: statuses.pending ?? 0,
          approved: statuses.approved ?? 0,
          rejected: statuses.rejected ?? 0,
          suspended: statuses.suspended ?? 0,
        },
        activitiesHeld: held.length,
        personTimes: held.reduce((n, a) => n + (attended.get(eventKeyOf(keyOf(a)))?.attended ?? 0), 0),
        ...totals,
        pending: { members: statuses.pending ?? 0, claims, services },
        byOrg,
      };
    },
  },
} satisfies Handlers<Pick<VolunteerTeamApi, 'volunteerStats'>>;
