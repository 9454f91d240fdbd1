// The dashboard's counters verified against their records, over the days a record
// can still change: 40 days back (late check-outs, closes, ratings) and 60 ahead
// (events booked for later days count on their start day). One source at a time,
// within a time budget: the upkeep shares the scheduler's 60 s with other tasks,
// and at a large district's volume (bench: 10,000 records per feature) the six
// sources together take longer than that. Each run starts with the source after
// the one the previous run started with, so every source is reached in turn.
import type { StatsRecountReport } from '../../../typings/scheduler';
import { beijingDay } from '../../_shared/clock';
import { addDays } from '../../_shared/stats/period';
import { recountStats as recount } from '../../_shared/stats/recount';
import { STATS_SOURCES } from './stats-sources';

export const RECOUNT_DAYS_BACK = 40;
export const RECOUNT_DAYS_AHEAD = 60;
/** No further source is started after this long (one source may run past it). */
export const RECOUNT_BUDGET_MS = 20_000;
/** The timer's period: consecutive runs lead with consecutive sources. */
const RUN_MS = 10 * 60_000;

/**
 * Runs `run` on the items starting with item `lead` and wrapping around, and starts
 * no further item once `budgetMs` has passed (the first always runs). The items run.
 */
export async function inTurn<T>(
  items: T[],
  lead: number,
  budgetMs: number,
  run: (item: T) => Promise<void>,
  clock: () => number = Date.now,
): Promise<T[]> {
  const first = items.length ? lead % items.length : 0;
  const order = [...items.slice(first), ...items.slice(0, first)];
  const done: T[] = [];
  const started = clock();
  for (const item of order) {
    if (done.length && clock() - started > budgetMs) break;
    await run(item);
    done.push(item);
  }
  return done;
}

export async function recountStats(now: Date, settle: () => Promise<void>): Promise<StatsRecountReport> {
  const today = beijingDay(now);
  const window = { from: addDays(today, -RECOUNT_DAYS_BACK), to: addDays(today, RECOUNT_DAYS_AHEAD) };
  const report: StatsRecountReport = { ...window, sources: [], checked: 0, repaired: [], unsettled: 0 };
  const lead = Math.floor(now.getTime() / RUN_MS);
  await inTurn(STATS_SOURCES, lead, RECOUNT_BUDGET_MS, async (source) => {
    const one = await recount([source], window, now, settle);
    report.sources.push(source.name);
    report.checked += one.checked;
    report.repaired.push(...one.repaired);
    report.unsettled += one.unsettled;
  });
  return report;
}
