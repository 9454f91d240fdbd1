// Bulk import of daily quotes from an .xlsx or .csv in storage: every row checked
// first, then all rows or none.
import type { OfficeApi } from '../../../typings/office';
import { beijingDay } from '../../_shared/clock';
import { PUBLISHED, rejectedTexts } from '../../_shared/content-check';
import { invalid } from '../../_shared/errors';
import { acceptFile, FILE_RULES } from '../../_shared/files';
import type { Handlers } from '../../_shared/function';
import { requireDistrictAdmin, requireOrgInScope } from '../../_shared/scope';
import { audit } from '../../_shared/stores/audit';
import { fileId, form, id } from '../../_shared/validation';
import { daysTaken, importQuotes } from '../../study/store/quotes';
import { parseRows, readSheet } from '../sheets/quotes';

export const importQuoteHandlers = {
  importQuotes: {
    access: 'admin',
    input: form({ fileId: fileId(), orgId: id() }, { fileId: '上传的文件', orgId: '所属组织' }),
    async run(ctx, input) {
      await requireOrgInScope(ctx.caller, input.orgId);
      const { name, bytes } = await acceptFile(ctx.caller, input.fileId, FILE_RULES.importSheet);
      let table: string[][];
      try {
        table = await readSheet(bytes!, name);
      } catch {
        throw invalid('无法读取该文件，请确认是有效的 Excel 或 CSV 文件');
      }
      const { rows, errors } = parseRows(table);
      if (errors.length) return { imported: 0 as const, errors };
      if (!rows.length) throw invalid('文件里没有可导入的金句');
      const today = beijingDay(ctx.now);
      const days = rows.flatMap((r) => (r.day ? [r.day] : []));
      const pastRow = rows.find((r) => r.day && r.day < today);
      if (pastRow) return { imported: 0 as const, errors: [{ row: pastRow.row, message: '不能安排过去的日期' }] };
      if (days.length) {
        await requireDistrictAdmin(ctx.caller);
        const taken = await daysTaken(days);
        const clash = rows.filter((r) => r.day && taken.has(r.day));
        if (clash.length)
          return {
            imported: 0 as const,
            errors: clash.map((r) => ({ row: r.row, message: `${r.day} 已安排了其他金句` })),
          };
      }
      // Every quote is published: rows WeChat's content check rejects are reported like any bad row.
      const rejected = await rejectedTexts(
        ctx.caller.openid,
        rows.map((r) => `${r.text}\n${r.source}`),
        PUBLISHED,
      );
      if (rejected.length)
        return {
          imported: 0 as const,
          errors: rejected.map((i) => ({
            row: rows[i]!.row,
            message: '内容或出处包含不适宜发布的信息，请修改后再导入',
          })),
        };
      const importId = `imp${ctx.requestId.replace(/[^A-Za-z0-9]/g, '').slice(0, 24)}`;
      await importQuotes(
        importId,
        rows.map((r) => ({ text: r.text, source: r.source, sample: r.sample, orgId: input.orgId, day: r.day })),
        ctx.now,
      );
      await audit(ctx, {
        action: 'importQuotes',
        targetType: 'quote',
        targetId: importId,
        summary: `导入金句 ${rows.length} 条`,
      });
      return { imported: rows.length, scheduled: days.length };
    },
  },
} satisfies Handlers<Pick<OfficeApi, 'importQuotes'>>;
