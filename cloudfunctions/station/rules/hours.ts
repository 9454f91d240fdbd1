// Whether a station is open now, in Beijing time (pure). Periods are daily; one
// that ends before it starts (22:00–06:00) runs across midnight.
import type { OpeningHours, OpenState } from '../../../typings/station';

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
};

/** Minutes since Beijing midnight. */
export function beijingMinutes(now: Date): number {
  return Math.floor(((now.getTime() + 8 * 3_600_000) % 86_400_000) / 60_000);
}

function inPeriod(t: number, from: string, to: string): boolean {
  const a = minutes(from);
  const b = minutes(to);
  if (a === b) return true; // 00:00–00:00: the whole day
  return a < b ? t >= a && t < b : t >= a || t < b;
}

export function openState(hours: OpeningHours, now: Date): OpenState {
  if (hours.allDay) return 'open';
  const t = beijingMinutes(now);
  if (hours.periods.some((p) => inPeriod(t, p.from, p.to))) return 'open';
  return hours.nightAccess ? 'door' : 'closed';
}

/** Periods that are well-formed and do not overlap (a problem in Chinese, or null). */
export function hoursProblem(hours: OpeningHours): string | null {
  if (hours.allDay) return null;
  if (!hours.periods.length) return '请填写开放时间，或选择全天开放';
  const covered = new Set<number>();
  for (const p of hours.periods) {
    if (p.from === p.to) return '开放时间的开始和结束不能相同（全天开放请直接勾选）';
    for (let t = 0; t < 24 * 60; t++) {
      if (!inPeriod(t, p.from, p.to)) continue;
      if (covered.has(t)) return '开放时间段不能重叠';
      covered.add(t);
    }
  }
  return null;
}
