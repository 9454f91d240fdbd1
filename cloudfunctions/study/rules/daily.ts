// Pure rules of the daily quote: which quote a day gets when none is scheduled,
// and how check-in streaks count.
import { previousDay } from '../../_shared/clock';

/** A stable index for a day: everyone gets the same pick; different days spread out. */
export function pickIndex(day: string, count: number): number {
  if (count <= 0) throw new Error('no quotes to pick from');
  let hash = 0x811c9dc5;
  for (const ch of day) {
    hash ^= ch.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % count;
}

export interface CheckinStats {
  streak: number;
  total: number;
  lastDay: string;
}

export const NO_CHECKINS: CheckinStats = { streak: 0, total: 0, lastDay: '' };

/** Stats after checking in on `day` (once per day; the caller guarantees it). */
export function afterCheckIn(stats: CheckinStats, day: string): CheckinStats {
  const streak = stats.lastDay === previousDay(day) ? stats.streak + 1 : 1;
  return { streak, total: stats.total + 1, lastDay: day };
}

/** The streak as of `today`: it survives until the end of the day after the last check-in. */
export function currentStreak(stats: CheckinStats, today: string): number {
  return stats.lastDay === today || stats.lastDay === previousDay(today) ? stats.streak : 0;
}
