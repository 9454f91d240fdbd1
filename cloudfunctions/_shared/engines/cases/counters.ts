// The dashboard's counters follow each committed write of a case: moved by the
// difference between what the case contributed before and after (contributions.ts).
import { recordStats } from '../../stores/daily-stats';
import type { CaseDoc, CaseFields } from '../../stores/cases';
import { caseContributions } from './contributions';

/** After a write took the case from `before` (null: a new case) to `after`. Never throws. */
export function countCase(before: CaseDoc | null, after: CaseDoc, now: Date): Promise<void> {
  return recordStats(before ? caseContributions(before) : [], caseContributions(after), now);
}

/**
 * After a guarded move (stores/cases.moveCase) from the case as read. Its flags are
 * not in the move's guard (the scheduler raises them without bumping the version),
 * so the flags before are the written ones, unless the move itself set them.
 */
export function countMove(read: CaseDoc, moved: CaseDoc, fields: CaseFields, now: Date): Promise<void> {
  return countCase({ ...read, flags: 'flags' in fields ? read.flags : moved.flags }, moved, now);
}
