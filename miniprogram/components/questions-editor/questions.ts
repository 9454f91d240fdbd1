// An event's optional sign-up questions as an organiser's form edits them (the
// round table's and the volunteer activities' editors): the rows the editor
// keeps, the checks made before sending (in the server's words), and the
// questions the save request carries. The sign-up engine checks them again.
import type { ProfileField, QuestionKind, SignUpQuestion } from '../../../typings/signup';

export interface QuestionForm {
  /** The question's key (kept across edits: answers are stored by it). */
  key: string;
  label: string;
  kind: QuestionKind;
  required: boolean;
  /** Choices as typed, separated by commas or 顿号. */
  options: string;
  /** The registration field it is prefilled from (set by the seed or the API; an edit keeps it). */
  profileField?: ProfileField;
}

export const MAX_QUESTIONS = 10;

let seq = 0;

export const newQuestion = (): QuestionForm => ({
  key: `q${Date.now().toString(36)}${++seq}`,
  label: '',
  kind: 'text',
  required: false,
  options: '',
});

/** An event's stored questions as editable rows. */
export const questionForms = (questions: SignUpQuestion[]): QuestionForm[] =>
  questions.map((q) => ({
    key: q.key,
    label: q.label,
    kind: q.kind,
    required: q.required,
    options: (q.options ?? []).join('、'),
    ...(q.profileField ? { profileField: q.profileField } : {}),
  }));

/** "快递员、外卖骑手, 其他" → ["快递员", "外卖骑手", "其他"]. */
export const splitOptions = (text: string) =>
  text
    .split(/[,，、;；]+/)
    .map((s) => s.trim())
    .filter(Boolean);

const chars = (s: string) => [...s.trim()].length;

/** The first problem of the rows, or null. */
export function checkQuestions(questions: QuestionForm[]): string | null {
  for (const [i, q] of questions.entries()) {
    const name = `第 ${i + 1} 个报名问题`;
    if (chars(q.label) < 1 || chars(q.label) > 40) return `请填写${name}（不超过 40 字）`;
    if (q.kind === 'text') continue;
    const options = splitOptions(q.options);
    if (options.length < 2) return `「${q.label.trim()}」是选择题，至少要有 2 个选项`;
    if (options.length > 10) return `「${q.label.trim()}」最多 10 个选项`;
    if (new Set(options).size !== options.length) return `「${q.label.trim()}」的选项不能重复`;
    if (options.some((o) => chars(o) > 20)) return `「${q.label.trim()}」的每个选项不超过 20 个字`;
  }
  return null;
}

/** The rows as the save request's questions (call after checkQuestions passed). */
export const questionsOf = (questions: QuestionForm[]): SignUpQuestion[] =>
  questions.map((q) => ({
    key: q.key,
    kind: q.kind,
    label: q.label.trim(),
    required: q.required,
    ...(q.kind === 'text' ? {} : { options: splitOptions(q.options) }),
    ...(q.profileField ? { profileField: q.profileField } : {}),
  }));
