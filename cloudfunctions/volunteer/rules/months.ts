// Beijing months and days as instants (pure).
import { BEIJING, beijingDay, dayjs } from '../../_shared/clock';

export const monthOf = (at: Date) => beijingDay(at).slice(0, 7);

/** A 'YYYY-MM' that exists. */
export const isMonthKey = (s: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(s);

/** The month's first instant and the next month's. */
export function monthRange(month: string): { from: Date; to: Date } {
  const start = dayjs.tz(`${month}-01`, BEIJING);
  return { from: start.toDate(), to: start.add(1, 'month').toDate() };
}

/** From the start of day `from` to the end of day `to` (Beijing). */
export function dayRange(from: string, to: string): { from: Date; to: Date } {
  return { from: dayjs.tz(from, BEIJING).toDate(), to: dayjs.tz(to, BEIJING).add(1, 'day').toDate() };
}
