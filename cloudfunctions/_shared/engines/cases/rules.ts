// The case engine's pure rules: deadlines on the working-day clock, the live
// flags, when the scheduler's stages fall due, and what the public board may show.
import type { CaseFlag, CaseRating, CaseState } from '../../../../typings/cases';
import { beijingDayStart, beijingDay } from '../../clock';
import { AppError } from '../../errors';
import type { CaseDoc } from '../../stores/cases';
import { OPEN_STATES, WORKING_STATES } from '../../stores/cases';
import { addWorkingDays, endOfWorkingDay, WorkCalendarGap, workingDayAfter } from '../../workdays';
import {
  type Deadlines,
  ESCALATE_AFTER_WORKING_DAYS,
  NOTICE_HOUR,
  RED_AFTER_MS,
  REOPEN_WITHIN_MS,
  YELLOW_AFTER_MS,
} from './config';

/** Runs a computation on the working-day clock; a year it does not cover becomes UNAVAILABLE (and is logged). */
export function onCalendar<T>(compute: () => T): T {
  try {
    return compute();
  } catch (err) {
    if (!(err instanceof WorkCalendarGap)) throw err;
    console.error(JSON.stringify({ message: 'work calendar gap', year: err.year, error: err.message }));
    throw new AppError(
      'UNAVAILABLE',
      `工作日历尚未包含 ${err.year} 年的节假日安排，暂时无法计算办理期限，请稍后再试或联系管理员`,
    );
  }
}

/** The first-response and answer deadlines of a case received at `at`. */
export function deadlinesAt(at: Date, d: Deadlines): { respondBy: Date; dueAt: Date } {
  return onCalendar(() => ({
    respondBy: addWorkingDays(at, d.respondDays),
    dueAt: d.answerDays === 0 ? endOfWorkingDay(at) : addWorkingDays(at, d.answerDays),
  }));
}

export const isOpen = (s: CaseState) => OPEN_STATES.includes(s);

/** The flags that hold for a case at `now`. */
export function liveFlags(c: CaseDoc, now: Date): CaseFlag[] {
  const flags: CaseFlag[] = [];
  const t = now.getTime();
  if (c.state === 'submitted' && !c.firstResponseAt && t - c.submittedAt.getTime() > RED_AFTER_MS) flags.push('red');
  if (WORKING_STATES.includes(c.state) && t - c.lastActivityAt.getTime() > YELLOW_AFTER_MS) flags.push('yellow');
  if (isOpen(c.state) && t > c.dueAt.getTime()) flags.push('overdue');
  return flags;
}

const atNoticeHour = (day: string) => new Date(beijingDayStart(day).getTime() + NOTICE_HOUR * 3_600_000);

/**
 * When the scheduler's stages fall due for a case due at `dueAt` (09:00 Beijing on
 * their working day): the reminder the working day before the due day, the overdue
 * notice the working day after it, the escalation 5 working days after it.
 */
export function stageTimes(dueAt: Date): { reminder: Date; overdue: Date; escalation: Date } {
  const dueDay = beijingDay(dueAt);
  return {
    reminder: atNoticeHour(workingDayAfter(dueDay, -1)),
    overdue: atNoticeHour(workingDayAfter(dueDay, 1)),
    escalation: atNoticeHour(workingDayAfter(dueDay, ESCALATE_AFTER_WORKING_DAYS)),
  };
}

/** Until when the raiser may reopen an answered case, or null when they may not. */
export function reopenUntil(c: CaseDoc, now: Date): Date | null {
  if (!c.answeredAt || c.reopenCount > 0 || (c.state !== 'answered' && c.state !== 'closed')) return null;
  const until = new Date(c.answeredAt.getTime() + REOPEN_WITHIN_MS);
  return now < until ? until : null;
}

export const canRate = (c: CaseDoc) => (c.state === 'answered' || c.state === 'closed') && !c.rating;

// ---- the public board ---------------------------------------------------------------------

/** Phone numbers and long digit runs (ids, plates) masked; the raiser's name masked wherever it appears. */
export function maskPersonal(text: string, names: string[]): string {
  let out = text.replace(/\d{7,}/g, (m) => `${m.slice(0, 3)}${'*'.repeat(m.length - 3)}`);
  for (const name of names.filter((n) => [...n].length >= 2)) {
    out = out.split(name).join(`${[...name][0]}${'*'.repeat([...name].length - 1)}`);
  }
  return out;
}

// ---- statistics -------------------------------------------------------------------------------

/** The nearest-rank percentile of sorted values (p in 0–100), or null for none. */
export function percentile(sorted: number[], p: number): number | null {
  if (!sorted.length) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export const SATISFIED: readonly CaseRating[] = ['satisfied', 'basically_satisfied'];

/** Whether a case was (or is) overdue: answered after its due date, or open past it. */
export function wasOverdue(c: CaseDoc, now: Date): boolean | null {
  if (c.state === 'rejected') return null;
  const answered = c.firstAnsweredAt ?? c.answeredAt;
  if (answered) return answered > c.dueAt;
  return now > c.dueAt ? true : null;
}
