// Verified party members as the dashboard's `revealed` counters (for the recount),
// through the same pure contribution the user actions record.
import { beijingDayStart } from '../../_shared/clock';
import type { Contribution, StatsSource } from '../../_shared/stats/contributions';
import { addDays } from '../../_shared/stats/period';
import { forEachMemberVerified } from '../../_shared/stores/users';
import { memberContributions } from '../rules/stats';

export const memberStatsSource: StatsSource = {
  name: 'members',
  metrics: ['revealed'],
  async contributions(from, to) {
    const out: Contribution[] = [];
    await forEachMemberVerified(beijingDayStart(from), beijingDayStart(addDays(to, 1)), (docs) =>
      docs.forEach((u) => out.push(...memberContributions(u))),
    );
    return out;
  },
};
