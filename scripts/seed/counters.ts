// The dashboard's daily counters for the seeded records: the recount engine (the one
// the scheduler runs) over the seed's whole date range, so the counters are what the
// records say, however they were written. It runs here, in the seeding process,
// against the target emulator: the SDK finds it the way a function does (the SCF
// variables), and nothing is in flight, so the settle between passes is immediate.
import type { StatsRecountReport } from '../../typings/scheduler';
import type { SeedModule } from './index';

/** The seed's records lie within a year back and the events booked ahead. */
const DAYS_BACK = 400;
const DAYS_AHEAD = 120;

export function countersSeed(target: { adminUrl: string; envId: string }): SeedModule {
  return {
    name: 'dashboard counters',
    async run(_db, now) {
      Object.assign(process.env, {
        TENCENTCLOUD_RUNENV: 'SCF',
        TENCENTCLOUD: 'true',
        SCF_NAMESPACE: target.envId,
        TENCENTCLOUD_SECRETID: 'seed',
        TENCENTCLOUD_SECRETKEY: 'seed',
        TCB_CONTEXT_CNFG: JSON.stringify({ URL: target.adminUrl }),
      });
      const [{ recountStats }, { STATS_SOURCES }, { beijingDay }, { addDays }] = await Promise.all([
        import('../../cloudfunctions/_shared/stats/recount'),
        import('../../cloudfunctions/scheduler/tasks/stats-sources'),
        import('../../cloudfunctions/_shared/clock'),
        import('../../cloudfunctions/_shared/stats/period'),
      ]);
      const today = beijingDay(now);
      const window = { from: addDays(today, -DAYS_BACK), to: addDays(today, DAYS_AHEAD) };
      const report: StatsRecountReport = await recountStats(STATS_SOURCES, window, now, async () => {});
      return report.repaired.length;
    },
  };
}
