// The sign-up engine's records as the dashboard's counters (the recount's truth):
// every booking whose event starts on a day of the window, cancelled or not, with
// its seats held and check-ins counted from its sign-up records, mapped by the same
// pure function the engine's writes count with (engines/signup/stats.ts).
import { beijingDayStart } from '../clock';
import { bookingContributions } from '../engines/signup/stats';
import type { StatsSource } from '../stats/contributions';
import { bookingsStartingBetween } from './signup-events';
import { countStatesOf } from './signups';

const DAY_MS = 86_400_000;
/** Events counted per aggregate (at most five state rows each, under its 10,000 rows). */
const EVENTS_PER_COUNT = 1000;

export const signUpStatsSource: StatsSource = {
  name: 'signups',
  metrics: ['signups', 'attended'],
  async contributions(from, to) {
    const events = await bookingsStartingBetween(
      beijingDayStart(from),
      new Date(beijingDayStart(to).getTime() + DAY_MS),
    );
    const out = [];
    for (let i = 0; i < events.length; i += EVENTS_PER_COUNT) {
      const slice = events.slice(i, i + EVENTS_PER_COUNT);
      const states = await countStatesOf(slice.map((b) => b._id));
      for (const b of slice) {
        const n = states.get(b._id) ?? {};
        const attended = n.attended ?? 0;
        out.push(
          ...bookingContributions({ ...b, seatsTaken: (n.confirmed ?? 0) + attended + (n.no_show ?? 0), attended }),
        );
      }
    }
    return out;
  },
};
