// What study records add to the dashboard's daily counters (pure): a check-in one
// `checkins`, a study day one `learners`, a completed lecture one `completions` of
// its series on the completion's Beijing day, each under the record's org.
import { beijingDay } from '../../_shared/clock';
import type { Contribution } from '../../_shared/stats/contributions';

export const checkinContributions = (c: { day: string; orgId: string }): Contribution[] => [
  { metric: 'checkins', key: '', orgId: c.orgId, day: c.day, n: 1 },
];

export const studyDayContributions = (d: { day: string; orgId: string }): Contribution[] => [
  { metric: 'learners', key: '', orgId: d.orgId, day: d.day, n: 1 },
];

/** A progress record's completion (none while it is not completed). */
export function completionContributions(
  p: { completed: boolean; completedAt: Date | string | null; orgId: string },
  series: string,
): Contribution[] {
  if (!p.completed || !p.completedAt) return [];
  return [{ metric: 'completions', key: series, orgId: p.orgId, day: beijingDay(new Date(p.completedAt)), n: 1 }];
}
