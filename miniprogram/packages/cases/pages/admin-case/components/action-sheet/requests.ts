// An action sheet's form: the first obvious problem, and the call it makes. The
// server validates everything again (and content-checks every text); each call
// passes the version the organiser saw, so a change since then is CONFLICT.
import type { CaseAdminView } from '../../../../../../../typings/cases';
import { casesApi } from '../../../../services/cases';
import type { ActionKey } from '../../actions';

export interface ActionForm {
  /** accept / transfer: the org chosen. */
  orgId: string;
  urgent: boolean;
  /** The note, reason, update or answer typed. */
  text: string;
  /** answer: a reply template. */
  templateId: string;
  /** extend: 1–10 working days. */
  workingDays: number;
  /** duplicate: the original. */
  originalId: string;
  /** verify: the verdict. */
  verdict: '' | 'valid' | 'invalid';
}

export const emptyForm = (): ActionForm => ({
  orgId: '',
  urgent: false,
  text: '',
  templateId: '',
  workingDays: 3,
  originalId: '',
  verdict: '',
});

/** Minimum lengths, as the server's schemas have them. */
const REASON_MIN: Partial<Record<ActionKey, number>> = { transfer: 2, return: 2, update: 2, extend: 4, reject: 4 };

const TEXT_NAMES: Partial<Record<ActionKey, string>> = {
  transfer: '转交原因',
  return: '退回原因',
  update: '进展说明',
  extend: '延期原因',
  reject: '驳回原因',
};

export function problemOf(action: ActionKey, f: ActionForm): string | null {
  const text = f.text.trim();
  const min = REASON_MIN[action];
  if ((action === 'accept' || action === 'transfer') && !f.orgId)
    return action === 'accept' ? '请选择承办组织' : '请选择转交的组织';
  if (min && text.length < min) return `请填写${TEXT_NAMES[action]}（至少 ${min} 个字）`;
  if (action === 'answer' && !f.templateId && text.length < 2) return '请填写答复内容或选择答复模板';
  if (action === 'duplicate' && !f.originalId) return '请选择原事项';
  if (action === 'verify' && !f.verdict) return '请选择核实结果';
  return null;
}

/** Call only after problemOf passed. */
export function send(action: ActionKey, c: CaseAdminView, f: ActionForm): Promise<CaseAdminView> {
  const at = { caseId: c.id, version: c.version };
  const text = f.text.trim();
  switch (action) {
    case 'accept':
      return casesApi('acceptCase', { ...at, orgId: f.orgId, urgent: f.urgent, ...(text ? { note: text } : {}) });
    case 'transfer':
      return casesApi('transferCase', { ...at, toOrgId: f.orgId, reason: text });
    case 'return':
      return casesApi('returnCase', { ...at, reason: text });
    case 'update':
      return casesApi('updateCase', { ...at, text });
    case 'answer':
      return casesApi('answerCase', {
        ...at,
        ...(text ? { text } : {}),
        ...(f.templateId ? { templateId: f.templateId } : {}),
      });
    case 'extend':
      return casesApi('extendCase', { ...at, workingDays: f.workingDays, reason: text });
    case 'reject':
      return casesApi('rejectCase', { ...at, reason: text });
    case 'duplicate':
      return casesApi('markDuplicate', { ...at, originalId: f.originalId });
    case 'verify':
      return casesApi('verifyReport', { caseId: c.id, valid: f.verdict === 'valid', ...(text ? { note: text } : {}) });
  }
}

/** What the page says once the action went through. */
export const DONE: Record<ActionKey, string> = {
  accept: '已受理',
  update: '进展已更新',
  answer: '已答复，提出人会收到通知',
  transfer: '已转交',
  return: '已退回上级组织',
  extend: '已延期',
  reject: '已驳回',
  duplicate: '已标记为重复',
  verify: '已核实',
};
