// The sign-up form of a meeting: the topic the rider wants to raise and the
// meeting's questions (text, single or multi choice), prefilled from their
// registration; the checks the server makes again; and what WeChat's subscribe
// dialog answered, as the grants the sign-up reports.
import type { MeetingDetail } from '../../../../../typings/roundtable';
import type { SignUpAnswer, SubscribeChoice, SubscribeGrant } from '../../../../../typings/signup';
import type { ChipOption } from '../../../../components/choice-chips/index';

export interface QuestionView {
  key: string;
  label: string;
  kind: 'text' | 'single' | 'multi';
  required: boolean;
  options: ChipOption[];
  /** A text answer. */
  text: string;
  /** The chosen options (single: at most one). */
  values: string[];
}

export const MAX_TOPIC = 200;

export function questionViews(m: Pick<MeetingDetail, 'booking' | 'prefill'>): QuestionView[] {
  return m.booking.questions.map((q) => {
    const prefilled = m.prefill.find((a) => a.key === q.key)?.values ?? [];
    return {
      key: q.key,
      label: q.label,
      kind: q.kind,
      required: q.required,
      options: (q.options ?? []).map((o) => ({ value: o, label: o })),
      text: q.kind === 'text' ? (prefilled[0] ?? '') : '',
      values: q.kind === 'text' ? [] : prefilled,
    };
  });
}

/** The first unanswered required question or a topic too long, in the server's words; null when fine. */
export function checkForm(topic: string, questions: QuestionView[]): string | null {
  if ([...topic.trim()].length > MAX_TOPIC) return `想提的问题不能超过 ${MAX_TOPIC} 个字`;
  for (const q of questions) {
    const answered = q.kind === 'text' ? !!q.text.trim() : q.values.length > 0;
    if (q.required && !answered) return q.kind === 'text' ? `请填写「${q.label}」` : `请选择「${q.label}」`;
  }
  return null;
}

export function answersOf(questions: QuestionView[]): SignUpAnswer[] {
  return questions.flatMap((q) => {
    const values = q.kind === 'text' ? (q.text.trim() ? [q.text.trim()] : []) : q.values;
    return values.length ? [{ key: q.key, values }] : [];
  });
}

const CHOICES: SubscribeChoice[] = ['accept', 'reject', 'ban', 'filter'];

/** wx.requestSubscribeMessage's answer ({ [templateId]: 'accept' | … }) as the grants to report. */
export function grantsOf(templateIds: string[], answer: Record<string, unknown>): SubscribeGrant[] {
  return templateIds.flatMap((templateId) => {
    const result = answer[templateId];
    return CHOICES.includes(result as SubscribeChoice) ? [{ templateId, result: result as SubscribeChoice }] : [];
  });
}
