// The hours records as the dashboard's counters (the recount's truth): every
// record whose service started on a day of the window, under its member's org,
// mapped by the same pure function the credit counts with (rules/stats.ts).
import { beijingDayStart } from '../../_shared/clock';
import type { StatsSource } from '../../_shared/stats/contributions';
import { hoursContributions } from '../rules/stats';
import { hoursStartingBetween } from './hours';
import { membersByIds } from './members';

const DAY_MS = 86_400_000;

export const volunteerHoursStatsSource: StatsSource = {
  name: 'volunteer_hours',
  metrics: ['volunteer_minutes'],
  async contributions(from, to) {
    const records = await hoursStartingBetween(beijingDayStart(from), new Date(beijingDayStart(to).getTime() + DAY_MS));
    const members = await membersByIds([...new Set(records.map((h) => h.userId))]);
    return records.flatMap((h) => hoursContributions(h, members.get(h.userId)?.orgId));
  },
};
