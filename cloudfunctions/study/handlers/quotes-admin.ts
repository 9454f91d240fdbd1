// The organiser's side of daily quotes: the pool and the calendar. (Bulk import
// is in the office function.)
import type { StudyApi } from '../../../typings/study';
import { beijingDay } from '../../_shared/clock';
import { checkTexts, PUBLISHED } from '../../_shared/content-check';
import { invalid } from '../../_shared/errors';
import { acceptFile, FILE_RULES } from '../../_shared/files';
import type { Handlers } from '../../_shared/function';
import { orgIdsInScope, requireDistrictAdmin, requireOrgInScope } from '../../_shared/scope';
import { audit } from '../../_shared/stores/audit';
import * as z from 'zod';
import { dayKey, fileId, form, id, PAGE_LABELS, pageFields, text } from '../../_shared/validation';
import {
  createQuote,
  listActiveQuotes,
  requireActiveQuote,
  retireQuote,
  scheduledDays,
  setDayQuote,
  updateQuote,
} from '../store/quotes';
import { toQuoteAdminView } from '../rules/views';

type AdminQuoteActions = Pick<StudyApi, 'adminListQuotes' | 'saveQuote' | 'deleteQuote' | 'scheduleQuote'>;

export const quoteAdminHandlers = {
  adminListQuotes: {
    access: 'admin',
    input: form(
      { keyword: text(30).optional(), orgId: id().optional(), ...pageFields },
      { keyword: '关键词', orgId: '所属组织', ...PAGE_LABELS },
    ),
    async run({ caller }, input) {
      if (input.orgId) await requireOrgInScope(caller, input.orgId);
      // Only content owned by orgs the admin administers.
      const orgIds = input.orgId ? [input.orgId] : await orgIdsInScope(caller);
      const page = await listActiveQuotes({ keyword: input.keyword, orgIds }, input);
      const days = await scheduledDays(page.items.map((q) => q._id));
      return { ...page, items: page.items.map((q) => toQuoteAdminView(q, days.get(q._id) ?? [])) };
    },
  },

  saveQuote: {
    access: 'admin',
    input: form(
      {
        id: id().optional(),
        text: text(200, 2),
        source: text(60, 1),
        bgImageFileId: fileId().optional(),
        sample: z.boolean().optional(),
        orgId: id(),
      },
      {
        id: '金句编号',
        text: '金句内容',
        source: '出处',
        bgImageFileId: '背景图',
        sample: '示例内容',
        orgId: '所属组织',
      },
    ),
    async run(ctx, input) {
      await requireOrgInScope(ctx.caller, input.orgId);
      const existing = input.id ? await requireActiveQuote(input.id) : null;
      if (existing) await requireOrgInScope(ctx.caller, existing.orgId);
      if (input.bgImageFileId && input.bgImageFileId !== existing?.bgImageFileId)
        await acceptFile(ctx.caller, input.bgImageFileId, FILE_RULES.quoteBackground);
      await checkTexts(
        ctx.caller.openid,
        [
          ['金句内容', input.text],
          ['出处', input.source],
        ],
        PUBLISHED,
      );
      const fields = {
        text: input.text,
        source: input.source,
        bgImageFileId: input.bgImageFileId ?? '',
        sample: input.sample ?? false,
        orgId: input.orgId,
      };
      if (existing) {
        await updateQuote(existing._id, fields, ctx.now);
        await audit(ctx, {
          action: 'saveQuote',
          targetType: 'quote',
          targetId: existing._id,
          summary: `修改金句：${input.text.slice(0, 20)}`,
        });
        const days = await scheduledDays([existing._id]);
        return toQuoteAdminView({ ...existing, ...fields, updatedAt: ctx.now }, days.get(existing._id) ?? []);
      }
      const created = await createQuote(fields, ctx.now);
      await audit(ctx, {
        action: 'saveQuote',
        targetType: 'quote',
        targetId: created._id,
        summary: `新增金句：${input.text.slice(0, 20)}`,
      });
      return toQuoteAdminView(created, []);
    },
  },

  deleteQuote: {
    access: 'admin',
    input: form({ id: id() }, { id: '金句编号' }),
    async run(ctx, input) {
      const q = await requireActiveQuote(input.id);
      await requireOrgInScope(ctx.caller, q.orgId);
      // Past days' history still shows it; today and later days are freed.
      await retireQuote(q._id, beijingDay(ctx.now), ctx.now);
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
    input: form({ day: dayKey(), quoteId: id().nullable() }, { day: '日期', quoteId: '金句编号' }),
    async run(ctx, input) {
      await requireDistrictAdmin(ctx.caller);
      if (input.day < beijingDay(ctx.now)) throw invalid('不能修改过去日期的金句');
      if (input.quoteId !== null) await requireActiveQuote(input.quoteId);
      await setDayQuote(input.day, input.quoteId, ctx.now);
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
