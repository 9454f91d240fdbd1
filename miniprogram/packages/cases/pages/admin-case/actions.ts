// Which actions an organiser is offered on a case in its current state — the
// engine's transitions (cloudfunctions/_shared/engines/cases/lifecycle.ts), here
// only to decide what to show; the server checks every one again.
import type { CaseAdminView, CaseState } from '../../../../../typings/cases';

export type ActionKey =
  'accept' | 'update' | 'answer' | 'transfer' | 'return' | 'extend' | 'reject' | 'duplicate' | 'verify';

export const ACTION_LABELS: Record<ActionKey, string> = {
  accept: '受理',
  update: '进展',
  answer: '答复',
  transfer: '转办',
  return: '退回',
  extend: '延期',
  reject: '驳回',
  duplicate: '标记重复',
  verify: '核实',
};

/** The sheet's title per action. */
export const ACTION_TITLES: Record<ActionKey, string> = {
  accept: '受理并分派承办组织',
  update: '更新办理进展（提出人可见）',
  answer: '答复提出人',
  transfer: '转交其他组织办理',
  return: '分派有误，退回上级组织',
  extend: '延期答复（只能延期一次）',
  reject: '驳回（不予受理）',
  duplicate: '标记为重复事项',
  verify: '核实随手拍',
};

const WORKING: ActionKey[] = ['update', 'answer', 'transfer', 'return', 'extend', 'reject', 'duplicate'];

const BY_STATE: Record<CaseState, ActionKey[]> = {
  submitted: ['accept', 'answer', 'reject', 'duplicate'],
  returned: ['accept', 'reject', 'duplicate'],
  accepted: WORKING,
  in_progress: WORKING,
  extended: ['update', 'answer', 'transfer'],
  reopened: ['update', 'answer', 'transfer'],
  answered: [],
  closed: [],
  rejected: [],
};

export interface ActionButton {
  key: ActionKey;
  label: string;
}

export function actionsOf(c: CaseAdminView): ActionButton[] {
  const keys = BY_STATE[c.state].filter(
    (k) =>
      !(k === 'extend' && c.extension) &&
      // A report verified as the first of its issue is the original others duplicate.
      !(k === 'duplicate' && c.verification?.valid),
  );
  if (c.kind === 'report' && !c.verification) keys.push('verify');
  return keys.map((key) => ({
    key,
    label: key === 'accept' && c.state === 'returned' ? '重新分派' : ACTION_LABELS[key],
  }));
}
