// The meeting's sign-up form beyond the event's questions (the shared
// signup-questions component): the topic the rider wants to raise.
import { checkAnswers, type QuestionView } from '../../../../components/signup-questions/form';

export const MAX_TOPIC = 200;

/** A topic too long or the first unanswered required question, in the server's words; null when fine. */
export function checkForm(topic: string, questions: QuestionView[]): string | null {
  if ([...topic.trim()].length > MAX_TOPIC) return `想提的问题不能超过 ${MAX_TOPIC} 个字`;
  return checkAnswers(questions);
}
