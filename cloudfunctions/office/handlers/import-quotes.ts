// Bulk import of daily quotes from an .xlsx or .csv in storage: every row checked
// first, then all rows or none.
import type { OfficeApi } from '../../../typings/office';
import { audit } from '../../_shared/audit';
import { beijingDay } from '../../_shared/clock';
import { COLLECTIONS } from '../../_shared/collections';
import { requireDistrictAdmin } from '../../_shared/content-admin';
import { AppError, invalid } from '../../_shared/errors';
import type { Handlers } from '../../_shared/function';
import { requireOrgInScope } from '../../_shared/orgs';
import { cloud, db } from '../../_shared/sdk';
import { fileId, id, z } from '../../_shared/validation';
import type { ScheduleDoc } from '../../study/docs';
import { parseRows, readSheet } from '../sheets/quotes';

export const importQuoteHandlers = {
  importQuotes: {
    access: 'admin',
    input: z.strictObject({ fileId: fileId(), orgId: id() }),
    async run(ctx, input) {
      await requireOrgInScope(ctx.caller, input.orgId);
      const name = input.fileId.split('/').pop() ?? '';
      if (!/\.(xlsx|csv)$/i.test(name)) throw invalid('请上传 .xlsx 或 .csv 文件');
      let content: Buffer;
      try {
        content = (await cloud().downloadFile({ fileID: input.fileId })).fileContent as Buffer;
      } catch {
        throw new AppError('NOT_FOUND', '找不到上传的文件，请重新上传');
      }
      let table: string[][];
      try {
        table = await readSheet(content, name);
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
        const { data } = await db()
          .collection(COLLECTIONS.quoteSchedule)
          .where({ _id: db().command.in(days), auto: false })
          .limit(1000)
          .get();
        const taken = new Set((data as ScheduleDoc[]).map((s) => s._id));
        const clash = rows.filter((r) => r.day && taken.has(r.day));
        if (clash.length)
          return {
            imported: 0 as const,
            errors: clash.map((r) => ({ row: r.row, message: `${r.day} 已安排了其他金句` })),
          };
      }
      // All rows in one insert; if anything fails after it, the batch is removed again.
      const importId = `imp${ctx.requestId.replace(/[^A-Za-z0-9]/g, '').slice(0, 24)}`;
      const docs = rows.map((r, i) => ({
        _id: `${importId}r${i}`,
        text: r.text,
        source: r.source,
        bgImageFileId: '',
        sample: r.sample,
        orgId: input.orgId,
        status: 'active',
        importId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      }));
      await db().collection(COLLECTIONS.quotes).add(docs);
      try {
        for (const [i, r] of rows.entries()) {
          if (r.day)
            await db()
              .collection(COLLECTIONS.quoteSchedule)
              .doc(r.day)
              .set({ quoteId: docs[i]!._id, auto: false, createdAt: ctx.now });
        }
      } catch (err) {
        await db().collection(COLLECTIONS.quotes).where({ importId }).remove();
        await db()
          .collection(COLLECTIONS.quoteSchedule)
          .where({ quoteId: db().command.in(docs.map((d) => d._id)) })
          .remove();
        throw err;
      }
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
