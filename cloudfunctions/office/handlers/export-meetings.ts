// Excel exports of the meetings for their organisers, via storage with a
// temporary link: one meeting's sign-up list (the sign-up engine refuses anyone
// who does not organise it), and a period's statistics of an org sub-tree.
import * as z from 'zod';
import type { OfficeApi } from '../../../typings/office';
import type { SignUpRow } from '../../../typings/signup';
import { eventKeyOf, listSignUps, stateCounts } from '../../_shared/engines/signup';
import type { Handlers } from '../../_shared/function';
import { requireOrgInScope } from '../../_shared/scope';
import { audit } from '../../_shared/stores/audit';
import { orgNames } from '../../_shared/stores/orgs';
import { dayKey, form, id, withRule } from '../../_shared/validation';
import { meetingsStartingIn, requireMeeting } from '../../roundtable/store/meetings';
import { keyOf, MEETING_KINDS } from '../../roundtable/rules/kinds';
import { meetingStats, periodBounds, periodProblem } from '../../roundtable/rules/stats';
import { meetingStatsWorkbook, signUpsWorkbook } from '../sheets/meetings';
import { uploadExport } from '../sheets/upload';

/** Rows read per page while exporting. */
const PAGE = 500;

export const exportMeetingHandlers = {
  exportSignUps: {
    access: 'admin',
    input: form({ meetingId: id() }, { meetingId: '活动编号' }),
    async run(ctx, input) {
      const m = await requireMeeting(input.meetingId);
      const key = keyOf(m);
      const rows: SignUpRow[] = [];
      for (let page = 1; ; page++) {
        const p = await listSignUps(ctx, key, { page, pageSize: PAGE });
        rows.push(...p.items);
        if (!p.hasMore) break;
      }
      const file = await uploadExport(ctx, `signups-${m._id}`, await signUpsWorkbook(m, rows));
      await audit(ctx, {
        action: 'exportSignUps',
        targetType: 'meeting',
        targetId: m._id,
        summary: `导出「${m.title}」报名名单（${rows.length} 条）`,
      });
      return file;
    },
  },

  exportMeetingStats: {
    access: 'admin',
    input: withRule(
      form(
        { from: dayKey(), to: dayKey(), orgId: id().optional(), kind: z.enum(MEETING_KINDS).optional() },
        { from: '开始日期', to: '结束日期', orgId: '组织', kind: '活动类型' },
      ),
      periodProblem,
    ),
    async run(ctx, input) {
      const { caller, now } = ctx;
      const orgId = input.orgId ?? (caller.isSuperadmin ? undefined : caller.user?.adminOrgIds[0]);
      if (orgId) await requireOrgInScope(caller, orgId);
      const { start, end } = periodBounds(input.from, input.to);
      const meetings = await meetingsStartingIn(start, end, { orgIds: orgId ? [orgId] : null, kind: input.kind });
      const counted = await stateCounts(meetings.map(keyOf));
      const stats = meetingStats(meetings, (m) => counted.get(eventKeyOf(keyOf(m))), now, {
        from: input.from,
        to: input.to,
        orgId: orgId ?? null,
      });
      const orgName = orgId ? ((await orgNames([orgId])).get(orgId) ?? '') : '全部组织';
      const file = await uploadExport(
        ctx,
        `meeting-stats-${input.from}-${input.to}`,
        await meetingStatsWorkbook(stats, orgName),
      );
      await audit(ctx, {
        action: 'exportMeetingStats',
        targetType: 'org',
        targetId: orgId ?? '',
        summary: `导出 ${input.from} 至 ${input.to} 的活动统计`,
      });
      return file;
    },
  },
} satisfies Handlers<Pick<OfficeApi, 'exportSignUps' | 'exportMeetingStats'>>;
