// Reports verified (蜂力值), statistics per org and period, and the reply
// templates an org's organisers reuse.
import * as z from 'zod';
import type { CasesApi } from '../../../typings/cases';
import { caseStats, organiserView, verifyReport } from '../../_shared/engines/cases';
import { checkTexts, PUBLISHED } from '../../_shared/content-check';
import { invalid } from '../../_shared/errors';
import type { Handlers } from '../../_shared/function';
import { requireOrgInScope } from '../../_shared/scope';
import { audit } from '../../_shared/stores/audit';
import { dayKey, form, id, inOrder, text, withRule } from '../../_shared/validation';
import { addTemplate, requireTemplate, templatesOf, toTemplate, updateTemplate } from '../store/reply-templates';
import { CASE_LABELS, caseCategory, caseKind } from '../rules/inputs';

const MAX_STATS_DAYS = 366;

export const reportHandlers = {
  verifyReport: {
    access: 'admin',
    input: form(
      { caseId: id(), valid: z.boolean(), note: text(200).optional() },
      { caseId: CASE_LABELS.caseId, valid: '是否有效', note: '核实说明' },
    ),
    async run(ctx, input) {
      return organiserView(await verifyReport(ctx, input.caseId, input), ctx.now);
    },
  },

  caseStats: {
    access: 'admin',
    input: withRule(
      form(
        { orgId: id(), from: dayKey(), to: dayKey(), kind: caseKind().optional() },
        { orgId: '组织', from: '开始日期', to: '结束日期', kind: '类型' },
      ),
      (v) => {
        const order = inOrder(['from', 'to'], { from: '开始日期', to: '结束日期' }, { orEqual: true })(v);
        if (order) return order;
        const days = (Date.parse(v.to) - Date.parse(v.from)) / 86_400_000;
        return days > MAX_STATS_DAYS ? { field: 'to', message: `统计区间不能超过 ${MAX_STATS_DAYS} 天` } : null;
      },
    ),
    async run(ctx, input) {
      await requireOrgInScope(ctx.caller, input.orgId);
      return caseStats(input.orgId, input.from, input.to, input.kind, ctx.now);
    },
  },

  saveReplyTemplate: {
    access: 'admin',
    input: form(
      {
        id: id().optional(),
        orgId: id(),
        title: text(30, 2),
        text: text(2000, 4),
        category: caseCategory().optional(),
      },
      { id: '模板编号', orgId: '组织', title: '模板名称', text: '答复内容', category: '适用类别' },
    ),
    async run(ctx, input) {
      await requireOrgInScope(ctx.caller, input.orgId);
      await checkTexts(
        ctx.caller.openid,
        [
          ['模板名称', input.title],
          ['答复内容', input.text],
        ],
        PUBLISHED,
      );
      const fields = { title: input.title, text: input.text, category: input.category ?? null, updatedAt: ctx.now };
      let saved;
      if (input.id) {
        const t = await requireTemplate(input.id);
        await requireOrgInScope(ctx.caller, t.orgId);
        if (t.orgId !== input.orgId) throw invalid('输入有误「组织」：模板属于另一个组织');
        await updateTemplate(t._id, fields);
        saved = { ...t, ...fields };
      } else {
        saved = await addTemplate({
          ...fields,
          orgId: input.orgId,
          createdBy: ctx.caller.user?._id ?? '',
          createdAt: ctx.now,
        });
      }
      await audit(ctx, {
        action: 'saveReplyTemplate',
        targetType: 'case_reply_template',
        targetId: saved._id,
        summary: `保存答复模板：${input.title}`,
      });
      return toTemplate(saved);
    },
  },

  listReplyTemplates: {
    access: 'admin',
    input: form({ orgId: id(), category: caseCategory().optional() }, { orgId: '组织', category: '适用类别' }),
    async run(ctx, input) {
      await requireOrgInScope(ctx.caller, input.orgId);
      return (await templatesOf(input.orgId, input.category)).map(toTemplate);
    },
  },
} satisfies Handlers<Pick<CasesApi, 'verifyReport' | 'caseStats' | 'saveReplyTemplate' | 'listReplyTemplates'>>;
