// The case engine's periodic work: flags (red, yellow, overdue) raised once, the
// reminder, the overdue notice and the escalation sent once each, answers closed
// 7 days on, and a warning before the working-day calendar runs out — see the
// engine's upkeep.ts.
import type { CaseUpkeepReport } from '../../../typings/cases';
import { runCaseUpkeep } from '../../_shared/engines/cases';

export function runCases(now: Date): Promise<CaseUpkeepReport> {
  return runCaseUpkeep(now);
}
