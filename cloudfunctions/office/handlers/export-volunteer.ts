// Excel export of an org's volunteer team (its sub-tree) with their hours, for its
// organisers, via storage with a temporary link.
import type { OfficeApi } from '../../../typings/office';
import type { Handlers } from '../../_shared/function';
import { beijingDayStart } from '../../_shared/clock';
import { requireOrgInScope } from '../../_shared/scope';
import { cloud } from '../../_shared/sdk';
import { audit } from '../../_shared/stores/audit';
import { dayKey, form, id, inOrder, withRule } from '../../_shared/validation';
import { totalsBetweenOf } from '../../volunteer/store/hours';
import { allMembers } from '../../volunteer/store/members';
import { volunteerHoursWorkbook } from '../sheets/volunteer-hours';

const nextDay = (day: string) => new Date(beijingDayStart(day).getTime() + 86_400_000);
const LABELS = { orgId: '组织', from: '开始日期', to: '结束日期' };

export const exportVolunteerHandlers = {
  exportVolunteerHours: {
    access: 'admin',
    input: withRule(
      form({ orgId: id(), from: dayKey(), to: dayKey() }, LABELS),
      inOrder(['from', 'to'], LABELS, { orEqual: true }),
    ),
    async run(ctx, input) {
      const org = await requireOrgInScope(ctx.caller, input.orgId);
      const members = await allMembers({ orgIds: [org._id] });
      // The members' own hours wherever they served (the district's activities too), as their totals.
      const totals = await totalsBetweenOf(
        members.map((m) => m._id),
        beijingDayStart(input.from),
        nextDay(input.to),
      );
      const buffer = await volunteerHoursWorkbook(
        members,
        new Map(totals.map((t) => [t.userId, t])),
        `${input.from} 至 ${input.to} `,
      );
      const stamp = ctx.now.toISOString().replace(/[-:]/g, '').slice(0, 15);
      const { fileID } = await cloud().uploadFile({
        cloudPath: `exports/volunteer-${org._id}-${input.from}-${input.to}-${stamp}.xlsx`,
        fileContent: buffer,
      });
      const { fileList } = await cloud().getTempFileURL({ fileList: [fileID] });
      await audit(ctx, {
        action: 'exportVolunteerHours',
        targetType: 'org',
        targetId: org._id,
        summary: `导出${org.name}志愿服务时数（${input.from} 至 ${input.to}，${members.length} 人）`,
      });
      return { fileId: fileID, url: (fileList[0] as { tempFileURL: string }).tempFileURL };
    },
  },
} satisfies Handlers<Pick<OfficeApi, 'exportVolunteerHours'>>;
