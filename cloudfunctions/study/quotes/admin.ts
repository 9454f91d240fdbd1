// The organiser's side of daily quotes: the pool, the calendar, bulk import.
import type { QuoteAdminView, StudyApi } from '../../../typings/study';
import { audit } from '../../_shared/audit';
import { beijingDay } from '../../_shared/clock';
import { COLLECTIONS } from '../../_shared/collections';
import { requireDistrictAdmin } from '../../_shared/content-admin';
import { invalid, notFound } from '../../_shared/errors';
import type { Handlers } from '../../_shared/function';
import { orgIdsInScope, requireOrgInScope } from '../../_shared/orgs';
import { fetchPage } from '../../_shared/paging';
import { escapeRegExp } from '../../_shared/regexp';
import { db } from '../../_shared/sdk';
import { dayKey, fileId, id, pageFields, text, z } from '../../_shared/validation';
import { type QuoteDoc, type ScheduleDoc, toQuote } from '../docs';

async function requireQuote(quoteId: string): Promise<QuoteDoc> {
  const q = (await db().collection(COLLECTIONS.quotes).doc(quoteId).get()).data[0] as QuoteDoc | undefined;
  if (!q || q.status !== 'active') throw notFound('金句');
  return q;
}

async function scheduledDays(quoteIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!quoteIds.length) return out;
  const { data } = await db()
    .collection(COLLECTIONS.quoteSchedule)
    .where({ quoteId: db().command.in(quoteIds), auto: false })
    .orderBy('_id', 'asc')
    .limit(1000)
    .get();
  for (const s of data as ScheduleDoc[]) out.set(s.quoteId, [...(out.get(s.quoteId) ?? []), s._id]);
  return out;
}

const toAdminView = (q: QuoteDoc, days: string[]): QuoteAdminView => ({
  ...toQuote(q),
  orgId: q.orgId,
  createdAt: new Date(q.createdAt).toISOString(),
  scheduledDays: days,
});

type AdminQuoteActions = Pick<StudyApi, 'adminListQuotes' | 'saveQuote' | 'deleteQuote' | 'scheduleQuote'>;

export const quoteAdminHandlers = {
  adminListQuotes: {
    access: 'admin',
    input: z.strictObject({ keyword: text(30).optional(), orgId: id().optional(), ...pageFields }),
    async run({ caller }, input) {
      const _ = db().command;
      const where: object[] = [{ status: 'active' }];
      if (input.orgId) {
        await requireOrgInScope(caller, input.orgId);
        where.push({ orgId: input.orgId });
      } else {
        // Only content owned by orgs the admin administers.
        const scope = await orgIdsInScope(caller);
        if (scope) where.push({ orgId: _.in(scope) });
      }
      if (input.keyword) {
        const re = db().RegExp({ regexp: escapeRegExp(input.keyword), options: 'i' });
        where.push(_.or([{ text: re }, { source: re }]));
      }
      const page = await fetchPage(
        db().collection(COLLECTIONS.quotes).where(_.and(where)),
        [['createdAt', 'desc']],
        input,
        (q: QuoteDoc) => q,
      );
      const days = await scheduledDays(page.items.map((q) => q._id));
      return { ...page, items: page.items.map((q) => toAdminView(q, days.get(q._id) ?? [])) };
    },
  },

  saveQuote: {
    access: 'admin',
    input: z.strictObject({
      id: id().optional(),
      text: text(200, 2),
      source: text(60, 1),
      bgImageFileId: fileId().optional(),
      sample: z.boolean().optional(),
      orgId: id(),
    }),
    async run(ctx, input) {
      await requireOrgInScope(ctx.caller, input.orgId);
      const fields = {
        text: input.text,
        source: input.source,
        bgImageFileId: input.bgImageFileId ?? '',
        sample: input.sample ?? false,
        orgId: input.orgId,
        updatedAt: ctx.now,
      };
      if (input.id) {
        const existing = await requireQuote(input.id);
        await requireOrgInScope(ctx.caller, existing.orgId);
        await db().collection(COLLECTIONS.quotes).doc(existing._id).update(fields);
        await audit(ctx, {
          action: 'saveQuote',
          targetType: 'quote',
          targetId: existing._id,
          summary: `修改金句：${input.text.slice(0, 20)}`,
        });
        const days = await scheduledDays([existing._id]);
        return toAdminView({ ...existing, ...fields }, days.get(existing._id) ?? []);
      }
      const doc = { ...fields, status: 'active' as const, createdAt: ctx.now };
      const { id: newId } = (await db().collection(COLLECTIONS.quotes).add(doc)) as { id: string };
      await audit(ctx, {
        action: 'saveQuote',
        targetType: 'quote',
        targetId: newId,
        summary: `新增金句：${input.text.slice(0, 20)}`,
      });
      return toAdminView({ _id: newId, ...doc }, []);
    },
  },

  deleteQuote: {
    access: 'admin',
    input: z.strictObject({ id: id() }),
    async run(ctx, input) {
      const q = await requireQuote(input.id);
      await requireOrgInScope(ctx.caller, q.orgId);
      // Kept (soft-deleted) so past days' history still shows it; today and later days are freed.
      await db().collection(COLLECTIONS.quotes).doc(q._id).update({ status: 'deleted', updatedAt: ctx.now });
      await db()
        .collection(COLLECTIONS.quoteSchedule)
        .where({ quoteId: q._id, _id: db().command.gte(beijingDay(ctx.now)) })
        .remove();
      await audit(ctx, {
        action: 'deleteQuote',
        targetType: 'quote',
        targetId: q._id,
        summary: `删除金句：${q.text.slice(0, 20)}`,
      });
      return { deleted: true as const };
    },
  },

  scheduleQuote: {
    access: 'admin',
    input: z.strictObject({ day: dayKey(), quoteId: id().nullable() }),
    async run(ctx, input) {
      await requireDistrictAdmin(ctx.caller);
      if (input.day < beijingDay(ctx.now)) throw invalid('不能修改过去日期的金句');
      const coll = db().collection(COLLECTIONS.quoteSchedule);
      if (input.quoteId === null) {
        await coll.doc(input.day).remove();
      } else {
        await requireQuote(input.quoteId);
        await coll.doc(input.day).set({ quoteId: input.quoteId, auto: false, createdAt: ctx.now });
      }
      await audit(ctx, {
        action: 'scheduleQuote',
        targetType: 'quote_schedule',
        targetId: input.day,
        summary: input.quoteId ? `安排 ${input.day} 的金句` : `取消 ${input.day} 的金句安排`,
      });
      return { day: input.day, quoteId: input.quoteId };
    },
  },
} satisfies Handlers<AdminQuoteActions>;
