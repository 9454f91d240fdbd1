// Time on the server, never the client's: Beijing-time day keys with dayjs.
// The emulator may pin "now" per invocation (EMULATOR_NOW in the context — never
// present on CloudBase) so tests can cross midnight deterministically.
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

export const BEIJING = 'Asia/Shanghai';

/** Now, honouring a pinned clock from the invocation context (local testing only). */
export function nowFrom(env: Record<string, unknown>): Date {
  const pinned = env.EMULATOR_NOW;
  if (typeof pinned === 'string' && pinned) {
    const d = new Date(pinned);
    if (!Number.isNaN(d.getTime())) return d;
  }
  return new Date();
}

/** The Beijing calendar day of an instant, e.g. "2026-11-28". */
export function beijingDay(at: Date): string {
  return dayjs(at).tz(BEIJING).format('YYYY-MM-DD');
}

/** The day before a day key. */
export function previousDay(day: string): string {
  return dayjs.tz(day, BEIJING).subtract(1, 'day').format('YYYY-MM-DD');
}

/** Start of a Beijing day as an instant. */
export function beijingDayStart(day: string): Date {
  return dayjs.tz(day, BEIJING).toDate();
}

/** Whole days from `a` to `b` (day keys). */
export function daysBetween(a: string, b: string): number {
  return dayjs.tz(b, BEIJING).diff(dayjs.tz(a, BEIJING), 'day');
}

export { dayjs };
