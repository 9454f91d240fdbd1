// The `scheduler` function: upkeep run by its timer trigger only (CloudBase allows
// one timer per function, so one action runs every task).
import type { ActionSpec } from './common';
import type { CaseUpkeepReport } from './cases';
import type { ReminderReport, SignUpRecountReport } from './signup';
import type { VolunteerCloseReport } from './volunteer-team';

export interface RecountReport {
  campaigns: number;
  repaired: { campaignId: string; candidateId: string; drift: number }[];
  /** Drifts that changed between the two passes (votes in flight), left for the next run. */
  unsettled: number;
}

/** The dashboard's daily counters compared with their records over a window of days (…/_shared/stats/recount.ts). */
export interface StatsRecountReport {
  from: string;
  to: string;
  /** The sources recounted, in order; at scale a run stops after its time budget and the next run leads with the next source. */
  sources: string[];
  /** Counters compared (expected or stored). */
  checked: number;
  /** Counters moved by `drift` (expected − stored, the same in both passes). */
  repaired: { id: string; drift: number }[];
  /** Drifts that changed between the two passes (writes in flight), left for the next run. */
  unsettled: number;
}

/** Candidates made by an approval that never recorded its decision (a crash between the two writes). */
export interface OrphanReport {
  checked: number;
  withdrawn: { candidateId: string; nominationId: string }[];
}

/** Each task's report, or `{ failed: true }` when it threw (the others still ran). */
export interface UpkeepReport {
  recountVotes: RecountReport | { failed: true };
  orphanCandidates: OrphanReport | { failed: true };
  /** Sign-up counters made equal to the records (cloudfunctions/_shared/engines/signup/recount.ts). */
  recountSignUps: SignUpRecountReport | { failed: true };
  /** Sign-up reminders and late promotion notices sent (…/signup/reminders.ts). */
  signUpReminders: ReminderReport | { failed: true };
  /** Case flags, reminders, overdue notices, escalations and auto-closes (…/cases/upkeep.ts). */
  cases: CaseUpkeepReport | { failed: true };
  /** Volunteer check-ins never checked out, closed as pending claims once the check-out window closed (volunteer). */
  volunteerCheckOuts: VolunteerCloseReport | { failed: true };
  /** The dashboard's daily counters verified against their records and repaired. */
  recountStats: StatsRecountReport | { failed: true };
}

export interface SchedulerApi {
  upkeep: ActionSpec<Record<string, never>, UpkeepReport, 'timer'>;
}
