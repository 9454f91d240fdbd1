// The dashboard's counters verified against their records every run, over the days
// a record can still change: 40 days back (late check-outs, closes, ratings) and 60
// ahead (events booked for later days count on their start day).
import type { StatsRecountReport } from '../../../typings/scheduler';
import { beijingDay } from '../../_shared/clock';
import { addDays } from '../../_shared/stats/period';
import { recountStats as recount } from '../../_shared/stats/recount';
import { STATS_SOURCES } from './stats-sources';

export const RECOUNT_DAYS_BACK = 40;
export const RECOUNT_DAYS_AHEAD = 60;

export function recountStats(now: Date, settle: () => Promise<void>): Promise<StatsRecountReport> {
  const today = beijingDay(now);
  const window = { from: addDays(today, -RECOUNT_DAYS_BACK), to: addDays(today, RECOUNT_DAYS_AHEAD) };
  return recount(STATS_SOURCES, window, now, settle);
}
