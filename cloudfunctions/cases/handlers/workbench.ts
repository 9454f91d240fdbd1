// The organiser's workbench: queues (by state, flag, kind, category, keyword,
// within the org sub-trees they administer), a case with the raiser's identity,
// and every transition — accept/assign, transfer, return, updates, the answer
// (typed or from a saved reply template), extension, rejection, duplicates — and
// demands recorded from a round table's minutes. Each is the engine's guarded
// transition: pass the `version` you saw to act only on what you saw.
import * as z from 'zod';
import type { CasesApi } from '../../../typings/cases';
import {
  acceptCase,
  adminCase,
  answerCase,
  createMeetingCase,
  DEMAND_CATEGORIES,
  extendCase,
  markDuplicate,
  MAX_EXTENSION_DAYS,
  organiserView,
  queue,
  rejectCase,
  requireCase,
  returnCase,
  transferCase,
  updateCase,
} from '../../_shared/engines/cases';
import { invalid } from '../../_shared/errors';
import type { Handlers } from '../../_shared/function';
import { requireOrgInScope } from '../../_shared/scope';
import { form, id, PAGE_LABELS, pageFields, text, withRule } from '../../_shared/validation';
import { requireMeeting } from '../../roundtable/store/meetings';
import { requireTemplate } from '../store/reply-templates';
import { CASE_LABELS, caseCategory, caseFields, caseKind, caseState } from '../rules/inputs';

type WorkbenchActions = Pick<
  CasesApi,
  | 'listCases'
  | 'adminGetCase'
  | 'createCase'
  | 'acceptCase'
  | 'transferCase'
  | 'returnCase'
  | 'updateCase'
  | 'answerCase'
  | 'extendCase'
  | 'rejectCase'
  | 'markDuplicate'
>;

const reason = (min = 2) => text(500, min);

export const workbenchHandlers = {
  listCases: {
    access: 'admin',
    input: form(
      {
        orgId: id().optional(),
        state: caseState().optional(),
        open: z.boolean().optional(),
        flag: z.enum(['red', 'yellow', 'overdue']).optional(),
        kind: caseKind().optional(),
        category: caseCategory().optional(),
        keyword: text(40).optional(),
        ...pageFields,
      },
      {
        orgId: '组织',
        state: '状态',
        open: '只看待答复',
        flag: '预警',
        kind: '类型',
        category: '类别',
        keyword: '关键词',
        ...PAGE_LABELS,
      },
    ),
    run: (ctx, input) => queue(ctx, input),
  },

  adminGetCase: {
    access: 'admin',
    input: form({ caseId: id() }, { caseId: CASE_LABELS.caseId }),
    run: (ctx, input) => adminCase(ctx, input.caseId),
  },

  createCase: {
    access: 'admin',
    input: form(
      {
        category: z.enum(DEMAND_CATEGORIES),
        title: text(40, 4),
        description: text(1000, 10),
        orgId: id(),
        source: form(
          { kind: z.literal('meeting'), meetingId: id(), item: text(200, 1) },
          { kind: '来源', meetingId: '圆桌会编号', item: '会议纪要条目' },
        ),
        raiserUserId: id().optional(),
      },
      {
        category: '类别',
        title: '标题',
        description: '描述',
        orgId: '受理组织',
        source: '来源',
        raiserUserId: '提出人',
      },
    ),
    async run(ctx, input) {
      // The caller's scope first (an outsider learns nothing of meetings), then the meeting must
      // exist: its page shows the case's progress.
      await requireOrgInScope(ctx.caller, input.orgId);
      await requireMeeting(input.source.meetingId);
      const { doc } = await createMeetingCase(ctx, input);
      return organiserView(doc, ctx.now);
    },
  },

  acceptCase: {
    access: 'admin',
    input: form(
      { ...caseFields, orgId: id().optional(), urgent: z.boolean().optional(), note: text(200).optional() },
      { ...CASE_LABELS, orgId: '承办组织', urgent: '紧急', note: '受理说明' },
    ),
    async run(ctx, input) {
      return organiserView(await acceptCase(ctx, input.caseId, input), ctx.now);
    },
  },

  transferCase: {
    access: 'admin',
    input: form(
      { ...caseFields, toOrgId: id(), reason: reason() },
      { ...CASE_LABELS, toOrgId: '转交组织', reason: '转交原因' },
    ),
    async run(ctx, input) {
      return organiserView(await transferCase(ctx, input.caseId, input), ctx.now);
    },
  },

  returnCase: {
    access: 'admin',
    input: form({ ...caseFields, reason: reason() }, { ...CASE_LABELS, reason: '退回原因' }),
    async run(ctx, input) {
      return organiserView(await returnCase(ctx, input.caseId, input), ctx.now);
    },
  },

  updateCase: {
    access: 'admin',
    input: form({ ...caseFields, text: text(1000, 2) }, { ...CASE_LABELS, text: '进展说明' }),
    async run(ctx, input) {
      return organiserView(await updateCase(ctx, input.caseId, input), ctx.now);
    },
  },

  answerCase: {
    access: 'admin',
    input: withRule(
      form(
        { ...caseFields, text: text(2000, 2).optional(), templateId: id().optional() },
        { ...CASE_LABELS, text: '答复内容', templateId: '答复模板' },
      ),
      (v) => (v.text || v.templateId ? null : { field: 'text', message: '请填写答复内容或选择答复模板' }),
    ),
    async run(ctx, input) {
      const c = await requireCase(input.caseId);
      let answer = input.text ?? '';
      if (input.templateId) {
        const t = await requireTemplate(input.templateId);
        await requireOrgInScope(ctx.caller, t.orgId);
        if (t.category && t.category !== c.category) throw invalid('输入有误「答复模板」：该模板不适用于这一类别');
        answer = input.text ? `${t.text}\n${input.text}` : t.text;
      }
      return organiserView(await answerCase(ctx, c._id, { ...input, text: answer }), ctx.now);
    },
  },

  extendCase: {
    access: 'admin',
    input: form(
      { ...caseFields, workingDays: z.number().int().min(1).max(MAX_EXTENSION_DAYS), reason: reason(4) },
      { ...CASE_LABELS, workingDays: '延期工作日', reason: '延期原因' },
    ),
    async run(ctx, input) {
      return organiserView(await extendCase(ctx, input.caseId, input), ctx.now);
    },
  },

  rejectCase: {
    access: 'admin',
    input: form({ ...caseFields, reason: reason(4) }, { ...CASE_LABELS, reason: '驳回原因' }),
    async run(ctx, input) {
      return organiserView(await rejectCase(ctx, input.caseId, input), ctx.now);
    },
  },

  markDuplicate: {
    access: 'admin',
    input: form({ ...caseFields, originalId: id() }, { ...CASE_LABELS, originalId: '原事项' }),
    async run(ctx, input) {
      return organiserView(await markDuplicate(ctx, input.caseId, input), ctx.now);
    },
  },
} satisfies Handlers<WorkbenchActions>;
