// Optional sign-up questions: a small form schema an organiser sets per event
// (text, single choice, multi choice; required or not), the answers a worker
// gives, checked here on the server against the event's questions, and the
// prefill from the worker's registration. The input schemas are for the domains'
// actions to reuse (form-built: every field has its Chinese label).
import * as z from 'zod';
import type { Occupation } from '../../../../typings/user';
import type {
  AnsweredQuestion,
  ProfileField,
  QuestionKind,
  SignUpAnswer,
  SignUpQuestion,
} from '../../../../typings/signup';
import { invalid } from '../../errors';
import type { UserDoc } from '../../stores/users';
import { form, id, text, withRule } from '../../validation';

export const MAX_QUESTIONS = 10;
export const MAX_OPTIONS = 10;
export const MAX_TEXT_ANSWER = 200;

const KINDS = ['text', 'single', 'multi'] as const satisfies readonly QuestionKind[];
const PROFILE_FIELDS = [
  'realName',
  'phone',
  'platform',
  'orgName',
  'occupation',
] as const satisfies readonly ProfileField[];

/** One question, as an organiser's action takes it. */
export const questionInput = () =>
  withRule(
    form(
      {
        key: id(),
        kind: z.enum(KINDS),
        label: text(40, 1),
        required: z.boolean(),
        options: z.array(text(20, 1)).max(MAX_OPTIONS).optional(),
        profileField: z.enum(PROFILE_FIELDS).optional(),
      },
      {
        key: '问题编号',
        kind: '题型',
        label: '问题',
        required: '是否必答',
        options: '选项',
        profileField: '从登记信息带出',
      },
    ),
    (q) => {
      const options = q.options ?? [];
      if (q.kind === 'text' && options.length) return { field: 'options', message: '填空题不需要选项' };
      if (q.kind !== 'text' && options.length < 2) return { field: 'options', message: '选择题至少要有 2 个选项' };
      if (new Set(options).size !== options.length) return { field: 'options', message: '选项不能重复' };
      return null;
    },
  );

/** An event's questions (keys unique). */
export const questionsInput = () =>
  z
    .array(questionInput())
    .max(MAX_QUESTIONS)
    .refine((qs) => new Set(qs.map((q) => q.key)).size === qs.length, '问题编号不能重复');

/** A worker's answers, as the sign-up action takes them. */
export const answersInput = () =>
  z
    .array(
      form({ key: id(), values: z.array(text(MAX_TEXT_ANSWER)).max(MAX_OPTIONS) }, { key: '问题编号', values: '回答' }),
    )
    .max(MAX_QUESTIONS);

/** Copies of the questions, options included (stored with the booking). */
export function normalizeQuestions(questions: SignUpQuestion[]): SignUpQuestion[] {
  return questions.map((q) => ({
    key: q.key,
    kind: q.kind,
    label: q.label,
    required: q.required,
    ...(q.kind !== 'text' ? { options: [...(q.options ?? [])] } : {}),
    ...(q.profileField ? { profileField: q.profileField } : {}),
  }));
}

/**
 * The answers checked against the event's questions, in the questions' order,
 * each with its question's label; throws INVALID_ARGUMENT naming the question.
 */
export function checkAnswers(questions: SignUpQuestion[], answers: SignUpAnswer[]): AnsweredQuestion[] {
  const byKey = new Map(questions.map((q) => [q.key, q]));
  const given = new Map<string, string[]>();
  for (const a of answers) {
    if (!byKey.has(a.key) || given.has(a.key)) throw invalid('报名问题已更新，请返回刷新后重新填写');
    given.set(a.key, a.values.map((v) => v.trim()).filter(Boolean));
  }
  const out: AnsweredQuestion[] = [];
  for (const q of questions) {
    const values = given.get(q.key) ?? [];
    if (!values.length) {
      if (q.required) throw invalid(q.kind === 'text' ? `请填写「${q.label}」` : `请选择「${q.label}」`);
      continue;
    }
    if (q.kind === 'text' && values.length > 1) throw invalid(`「${q.label}」只需填写一项`);
    if (q.kind === 'single' && values.length > 1) throw invalid(`「${q.label}」只能选一项`);
    if (q.kind !== 'text') {
      if (values.some((v) => !q.options?.includes(v))) throw invalid(`「${q.label}」请从给出的选项中选择`);
      if (new Set(values).size !== values.length) throw invalid(`「${q.label}」的选项不能重复`);
    }
    out.push({ key: q.key, label: q.label, values });
  }
  return out;
}

const OCCUPATION_LABELS: Record<Occupation, string> = {
  courier: '快递员',
  food_delivery: '外卖骑手',
  ride_hailing: '网约车司机',
  truck_driver: '货车司机',
  streamer: '网络主播',
  other: '其他',
};

function profileValue(user: UserDoc | null, field: ProfileField): string {
  const w = user?.worker;
  if (!w) return '';
  return field === 'occupation' ? OCCUPATION_LABELS[w.occupation] : (w[field] ?? '');
}

/** Answers prefilled from the worker's registration where a question names a field it has. */
export function prefillAnswers(questions: SignUpQuestion[], user: UserDoc | null): SignUpAnswer[] {
  const out: SignUpAnswer[] = [];
  for (const q of questions) {
    if (!q.profileField) continue;
    const value = profileValue(user, q.profileField).trim();
    if (!value) continue;
    if (q.kind === 'text') out.push({ key: q.key, values: [value.slice(0, MAX_TEXT_ANSWER)] });
    else if (q.options?.includes(value)) out.push({ key: q.key, values: [value] });
  }
  return out;
}
