// The daily_stats collection: the dashboard's pre-aggregated counters, one document
// per metric, key, org and Beijing day (_id = statId). Actions move them with atomic
// increments after their own write succeeded; a lost increment (a function dying
// between the two writes) is found and repaired by the scheduler's recount
// (_shared/stats/recount.ts), so a counter is never trusted without its records.
import { COLLECTIONS } from '../collections';
import { cmd, collection } from '../db';
import { isDuplicateKey } from '../errors';
import { type Contribution, netChanges, statId } from '../stats/contributions';

export interface DailyStatDoc {
  _id: string;
  metric: Contribution['metric'];
  key: string;
  orgId: string;
  day: string;
  /** YYYY-MM of `day` (the monthly charts group by it). */
  month: string;
  n: number;
  label: string;
  updatedAt: Date;
}

const stats = () => collection(COLLECTIONS.dailyStats);

/** Adds `c.n` to its counter, creating it on the day's first count: one write, two on a new counter. */
export async function incrementStat(c: Contribution, now = new Date()): Promise<void> {
  const _ = cmd();
  const id = statId(c);
  const change = { n: _.inc(c.n), updatedAt: now, ...(c.label ? { label: c.label } : {}) };
  if ((await stats().where({ _id: id }).update(change)).updated) return;
  try {
    await stats().add({
      _id: id,
      metric: c.metric,
      key: c.key,
      orgId: c.orgId,
      day: c.day,
      month: c.day.slice(0, 7),
      n: c.n,
      label: c.label ?? '',
      updatedAt: now,
    } satisfies DailyStatDoc);
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    // Created by a concurrent first count: increment it.
    await stats().where({ _id: id }).update(change);
  }
}

/**
 * Moves the counters for a record that went from `before` to `after`. Never throws:
 * the record's own write has already happened, and the recount repairs what a
 * failed increment missed — the caller's action must not fail for a counter.
 */
export async function recordStats(before: Contribution[], after: Contribution[], now = new Date()): Promise<void> {
  const changes = netChanges(before, after);
  const results = await Promise.allSettled(changes.map((c) => incrementStat(c, now)));
  results.forEach((r, i) => {
    if (r.status === 'rejected')
      console.error(JSON.stringify({ store: 'daily_stats', counter: statId(changes[i]), error: String(r.reason) }));
  });
}
