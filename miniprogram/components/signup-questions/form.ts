// An event's sign-up form as a worker fills it in (the round table's meetings and
// the volunteer activities): the questions (text, single or multi choice)
// prefilled from their registration, the checks the server makes again, the
// answers the sign-up sends, and WeChat's subscribe dialog — asked for inside the
// sign-up tap itself (WeChat shows it only there) — as the grants it reports.
import type { BookingView, SignUpAnswer, SubscribeChoice, SubscribeGrant } from '../../../typings/signup';
import type { ChipOption } from '../choice-chips/index';

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

export function questionViews(e: { booking: Pick<BookingView, 'questions'>; prefill: SignUpAnswer[] }): QuestionView[] {
  return e.booking.questions.map((q) => {
    const prefilled = e.prefill.find((a) => a.key === q.key)?.values ?? [];
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

/** The questions with one answer changed (the component's edits). */
export function withAnswer(questions: QuestionView[], index: number, answer: { text?: string; values?: string[] }) {
  return questions.map((q, i) => (i === index ? { ...q, ...answer } : q));
}

/** The first unanswered required question, in the server's words; null when fine. */
export function checkAnswers(questions: QuestionView[]): string | null {
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

/**
 * Asks WeChat's subscribe dialog for the offered templates (at most 3) — call it
 * synchronously inside the tap — and calls `then` with the grants: none when
 * nothing is offered, messages are switched off or the dialog cannot show (the
 * sign-up goes ahead all the same).
 */
export function askSubscribe(templateIds: string[], then: (grants: SubscribeGrant[]) => void): void {
  const tmplIds = templateIds.slice(0, 3);
  if (!tmplIds.length) {
    then([]);
    return;
  }
  wx.requestSubscribeMessage({
    tmplIds,
    success: (res) => then(grantsOf(tmplIds, res)),
    fail: () => then([]),
  });
}
