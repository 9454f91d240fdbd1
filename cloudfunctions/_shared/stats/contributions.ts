// What one record adds to the dashboard's daily counters. Each feature says, in a
// pure function, what its record contributes (a check-in: 1 to `checkins` on its day
// under its org); a write then moves the counters by the difference between the
// record's contributions before and after it, and the recount sums the same
// contributions over the records. One definition, so the two cannot disagree.
import type { StatMetric } from '../../../typings/dashboard';

export interface Contribution {
  metric: StatMetric;
  /** The series, domain, category, hours' kind or campaign id; '' where nothing refines the metric. */
  key: string;
  /** The record's org (not its path: the dashboard finds a sub-tree's orgs when it reads). */
  orgId: string;
  /** Beijing day, YYYY-MM-DD. */
  day: string;
  n: number;
  /** A name to show for the key (a campaign's title); the latest one written wins. */
  label?: string;
}

/** The counter a contribution lands in. */
export const statId = (c: Pick<Contribution, 'metric' | 'key' | 'orgId' | 'day'>) =>
  `${c.metric}|${c.key}|${c.orgId}|${c.day}`;

/** Contributions summed per counter, zero sums dropped. */
export function sumByCounter(contributions: Contribution[]): Map<string, Contribution> {
  const out = new Map<string, Contribution>();
  for (const c of contributions) {
    const id = statId(c);
    const seen = out.get(id);
    if (seen) {
      seen.n += c.n;
      if (c.label) seen.label = c.label;
    } else out.set(id, { ...c });
  }
  for (const [id, c] of out) if (c.n === 0 && !c.label) out.delete(id);
  return out;
}

/** How the counters must move when a record goes from `before` to `after` (a new record: before = []). */
export function netChanges(before: Contribution[], after: Contribution[]): Contribution[] {
  const moved = sumByCounter([...before.map((c) => ({ ...c, n: -c.n, label: undefined })), ...after]);
  return [...moved.values()];
}

/**
 * A feature's records as contributions, for the recount: every contribution its
 * records make to a day in [from, to] (more is fine: the recount keeps only the
 * window's days). Lives in the feature's store layer, beside the records.
 */
export interface StatsSource {
  name: string;
  /** The metrics this source alone produces (the recount compares these counters with it). */
  metrics: StatMetric[];
  contributions(from: string, to: string, now: Date): Promise<Contribution[]>;
}
