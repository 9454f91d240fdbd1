// What a case adds to the dashboard's daily counters (pure). Every count is keyed
// by the case's category under its CURRENT owner org, so a transfer or a return
// moves all of the case's counts by the before/after difference alone.
import type { StatMetric } from '../../../../typings/dashboard';
import { beijingDay } from '../../clock';
import type { CaseDoc } from '../../stores/cases';
import { OPEN_STATES } from '../../stores/cases';
import type { Contribution } from '../../stats/contributions';
import { SATISFIED } from './rules';

export type CaseCounted = Pick<
  CaseDoc,
  'category' | 'orgId' | 'state' | 'submittedAt' | 'dueAt' | 'answeredAt' | 'closedAt' | 'rating' | 'ratedAt' | 'flags'
>;

/**
 * The day the case's current answer deadline was missed, or null. Overdue: the
 * deadline (dueAt) passed without an answer in time — answered after dueAt, or
 * still open with the scheduler's overdue flag raised at or after dueAt (a flag
 * from before a re-assignment moved the deadline does not count). Dated by the
 * deadline's Beijing day. A rejected case is never overdue; a reopened case is
 * judged on its new round (its first round's lateness no longer counts).
 */
export function overdueDay(c: CaseCounted): string | null {
  if (c.state === 'rejected') return null;
  const late = OPEN_STATES.includes(c.state)
    ? !!c.flags.overdue && c.flags.overdue.at >= c.dueAt
    : !!c.answeredAt && c.answeredAt > c.dueAt;
  return late ? beijingDay(c.dueAt) : null;
}

/**
 * cases_opened on the submission day (rejected cases — invalid or duplicates —
 * are not counted: they were never cases to work on); cases_closed on the closing
 * day; cases_overdue as overdueDay says; cases_rated and, when 满意 or 基本满意,
 * cases_satisfied on the rating day (ratedAt; cases rated before it was recorded:
 * their closing day, the rating and the closing having been one step).
 */
export function caseContributions(c: CaseCounted): Contribution[] {
  const out: Contribution[] = [];
  const add = (metric: StatMetric, at: Date | string) =>
    out.push({ metric, key: c.category, orgId: c.orgId, day: typeof at === 'string' ? at : beijingDay(at), n: 1 });
  if (c.state !== 'rejected') add('cases_opened', c.submittedAt);
  if (c.closedAt) add('cases_closed', c.closedAt);
  const overdue = overdueDay(c);
  if (overdue) add('cases_overdue', overdue);
  const ratedAt = c.ratedAt ?? c.closedAt;
  if (c.rating && ratedAt) {
    add('cases_rated', ratedAt);
    if (SATISFIED.includes(c.rating)) add('cases_satisfied', ratedAt);
  }
  return out;
}
