// The daily_stats collection: the dashboard's pre-aggregated counters, one document
// per metric, key, org and Beijing day (_id = statId). Actions move them with atomic
// increments after their own write succeeded; a lost increment (a function dying
// between the two writes) is found and repaired by the scheduler's recount
// (_shared/stats/recount.ts), so a counter is never trusted without its records.
import type { DashboardPeriod, StatMetric } from '../../../typings/dashboard';
import { COLLECTIONS } from '../collections';
import { AGGREGATE_ROWS, cmd, collection, forEachPage, rowsOf } from '../db';
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

// ---- reads --------------------------------------------------------------------

/** The stored counters of these metrics on the days from `from` to `to`, a page at a time (the recount). */
export function forEachCounter(
  metrics: StatMetric[],
  from: string,
  to: string,
  visit: (docs: DailyStatDoc[]) => void | Promise<void>,
): Promise<void> {
  const _ = cmd();
  return forEachPage<DailyStatDoc>(
    COLLECTIONS.dailyStats,
    { metric: _.in(metrics), day: _.gte(from).and(_.lte(to)) },
    visit,
  );
}

/** A counter sum of the dashboard's reads; `day` or `month` where the read groups by it. */
export interface CounterRow {
  metric: StatMetric;
  key: string;
  day?: string;
  month?: string;
  n: number;
  label?: string;
}

export interface DashboardCounters {
  /** The period's daily metrics by (metric, key, day). */
  daily: CounterRow[];
  /** The period's votes by (campaign, day), with the campaign's title as `label`. */
  votes: CounterRow[];
  /** Every metric's total by (metric, key), for the period and the one before. */
  current: CounterRow[];
  previous: CounterRow[];
  /** volunteer_minutes by (key, month) over `months`. */
  volunteerMonths: CounterRow[];
  /** Verified members before the period began. */
  revealedBefore: number;
}

/** The metrics the dashboard charts day by day (sign-ups and attendance: the round tables'). */
const DAILY: StatMetric[] = ['checkins', 'learners', 'revealed'];

type GroupId = { metric?: StatMetric; key?: string; day?: string; month?: string } | null;

/**
 * Everything the dashboard shows of an org scope (null: every org) and a period, in
 * six aggregates run at once: a fixed number of round trips whatever the data size,
 * each grouped so its rows stay under AGGREGATE_ROWS (a quarter's days × a few keys).
 */
export async function dashboardCounters(
  orgIds: string[] | null,
  period: DashboardPeriod,
  months: string[],
): Promise<DashboardCounters> {
  const _ = cmd();
  const $ = _.aggregate;
  const days = (from: string, to: string) => _.gte(from).and(_.lte(to));
  const run = async (match: object, group: Record<string, string> | null, label = false) => {
    const res = await collection(COLLECTIONS.dailyStats)
      .aggregate()
      .match(orgIds ? _.and([match, { orgId: _.in(orgIds) }]) : match)
      .group({ _id: group, n: $.sum('$n'), ...(label ? { label: $.max('$label') } : {}) })
      .limit(AGGREGATE_ROWS)
      .end();
    return rowsOf<{ _id: GroupId; n: number; label?: string }>(res).map((r) => ({
      ...(r._id ?? {}),
      key: r._id?.key ?? '',
      n: Number(r.n),
      ...(r.label ? { label: r.label } : {}),
    })) as CounterRow[];
  };
  const byDay = { metric: '$metric', key: '$key', day: '$day' };
  const byKey = { metric: '$metric', key: '$key' };
  const inPeriod = days(period.from, period.to);
  const [daily, votes, current, previous, volunteerMonths, before] = await Promise.all([
    run(
      _.or([
        { metric: _.in(DAILY), day: inPeriod },
        { metric: _.in(['signups', 'attended']), key: 'roundtable', day: inPeriod },
      ]),
      byDay,
    ),
    run({ metric: 'votes', day: inPeriod }, byDay, true),
    run({ day: inPeriod }, byKey, true),
    run({ day: days(period.previousFrom, period.previousTo) }, byKey),
    run({ metric: 'volunteer_minutes', month: _.in(months) }, { metric: '$metric', key: '$key', month: '$month' }),
    run({ metric: 'revealed', day: _.lt(period.from) }, null),
  ]);
  return { daily, votes, current, previous, volunteerMonths, revealedBefore: before[0]?.n ?? 0 };
}
