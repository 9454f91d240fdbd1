// Organisers: what their org sub-tree held in a period — meetings held and
// cancelled, sign-ups, attendance and no-show rates, 人次, and training 人次 per
// course — counted from the sign-up records themselves.
import * as z from 'zod';
import type { RoundtableApi } from '../../../typings/roundtable';
import { eventKeyOf, stateCounts } from '../../_shared/engines/signup';
import type { Handlers } from '../../_shared/function';
import { requireOrgInScope } from '../../_shared/scope';
import { dayKey, form, id, withRule } from '../../_shared/validation';
import { meetingsStartingIn } from '../store/meetings';
import { keyOf, MEETING_KINDS } from '../rules/kinds';
import { meetingStats, periodBounds, periodProblem } from '../rules/stats';

export const statsHandlers = {
  meetingStats: {
    access: 'admin',
    input: withRule(
      form(
        { from: dayKey(), to: dayKey(), orgId: id().optional(), kind: z.enum(MEETING_KINDS).optional() },
        { from: '开始日期', to: '结束日期', orgId: '组织', kind: '活动类型' },
      ),
      periodProblem,
    ),
    async run({ caller, now }, input) {
      // Scope: the chosen org, or (for an admin) their first org; superadmins may see everything.
      const orgId = input.orgId ?? (caller.isSuperadmin ? undefined : caller.user?.adminOrgIds[0]);
      if (orgId) await requireOrgInScope(caller, orgId);
      const { start, end } = periodBounds(input.from, input.to);
      const meetings = await meetingsStartingIn(start, end, { orgIds: orgId ? [orgId] : null, kind: input.kind });
      const counted = await stateCounts(meetings.map(keyOf));
      return meetingStats(meetings, (m) => counted.get(eventKeyOf(keyOf(m))), now, {
        from: input.from,
        to: input.to,
        orgId: orgId ?? null,
      });
    },
  },
} satisfies Handlers<Pick<RoundtableApi, 'meetingStats'>>;
