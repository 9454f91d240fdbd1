// Excel export of an org's cases over a period (its sub-tree), for its organisers,
// via storage with a temporary link.
import * as z from 'zod';
import type { OfficeApi } from '../../../typings/office';
import { categoryLabelOf } from '../../_shared/engines/cases';
import type { Handlers } from '../../_shared/function';
import { beijingDayStart } from '../../_shared/clock';
import { requireOrgInScope } from '../../_shared/scope';
import { cloud } from '../../_shared/sdk';
import { audit } from '../../_shared/stores/audit';
import { casesSubmitted } from '../../_shared/stores/cases';
import { dayKey, form, id, inOrder, withRule } from '../../_shared/validation';
import { casesWorkbook } from '../sheets/cases';

const nextDay = (day: string) => new Date(beijingDayStart(day).getTime() + 86_400_000);

export const exportCasesHandlers = {
  exportCases: {
    access: 'admin',
    input: withRule(
      form(
        { orgId: id(), from: dayKey(), to: dayKey(), kind: z.enum(['demand', 'report']).optional() },
        { orgId: '组织', from: '开始日期', to: '结束日期', kind: '类型' },
      ),
      inOrder(['from', 'to'], { from: '开始日期', to: '结束日期' }, { orEqual: true }),
    ),
    async run(ctx, input) {
      const org = await requireOrgInScope(ctx.caller, input.orgId);
      const list = await casesSubmitted(org._id, beijingDayStart(input.from), nextDay(input.to), input.kind);
      const buffer = await casesWorkbook(list, (c) => categoryLabelOf(c.kind, c.category));
      const stamp = ctx.now.toISOString().replace(/[-:]/g, '').slice(0, 15);
      const { fileID } = await cloud().uploadFile({
        cloudPath: `exports/cases-${org._id}-${input.from}-${input.to}-${stamp}.xlsx`,
        fileContent: buffer,
      });
      const { fileList } = await cloud().getTempFileURL({ fileList: [fileID] });
      await audit(ctx, {
        action: 'exportCases',
        targetType: 'org',
        targetId: org._id,
        summary: `导出${org.name}诉求与随手拍（${input.from} 至 ${input.to}，${list.length} 条）`,
      });
      return { fileId: fileID, url: (fileList[0] as { tempFileURL: string }).tempFileURL };
    },
  },
} satisfies Handlers<Pick<OfficeApi, 'exportCases'>>;
