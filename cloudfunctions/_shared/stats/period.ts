// The dashboard's periods in Beijing days, and the period each is compared with.
// Pure: `today` is the caller's Beijing day, computed once from the server's clock.
import type { DashboardPeriod, DashboardRequest } from '../../../typings/dashboard';
import { invalid } from '../errors';

/** The longest custom range: a quarter. */
export const MAX_CUSTOM_DAYS = 92;

const DAY_MS = 86_400_000;
const toUtc = (day: string) => Date.parse(`${day}T00:00:00Z`);
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The day `n` days after `day` (before, for a negative n). */
export const addDays = (day: string, n: number) => fromUtc(toUtc(day) + n * DAY_MS);

/** Days from `from` to `to`, both included (0 when `to` is before `from`). */
export const dayCount = (from: string, to: string) => Math.max(0, Math.round((toUtc(to) - toUtc(from)) / DAY_MS) + 1);

/** Every day from `from` to `to`, in order. */
export const daysOf = (from: string, to: string) =>
  Array.from({ length: dayCount(from, to) }, (_, i) => addDays(from, i));

/** The last day of a month "YYYY-MM". */
const monthEnd = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return fromUtc(Date.UTC(y, m, 0));
};

/** The month `n` months after "YYYY-MM". */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return fromUtc(Date.UTC(y, m - 1 + n, 1)).slice(0, 7);
}

/** The 12 months ending with `month`, oldest first. */
export const twelveMonthsTo = (month: string) => Array.from({ length: 12 }, (_, i) => addMonths(month, i - 11));

function week(today: string): DashboardPeriod {
  // getUTCDay: 0 = Sunday; the week starts on Monday.
  const sinceMonday = (new Date(toUtc(today)).getUTCDay() + 6) % 7;
  const from = addDays(today, -sinceMonday);
  return { kind: 'week', from, to: today, previousFrom: addDays(from, -7), previousTo: addDays(today, -7) };
}

function month(today: string): DashboardPeriod {
  const from = `${today.slice(0, 7)}-01`;
  const last = addMonths(today.slice(0, 7), -1);
  const sameDay = `${last}-${today.slice(8)}`;
  const end = monthEnd(last);
  return { kind: 'month', from, to: today, previousFrom: `${last}-01`, previousTo: sameDay < end ? sameDay : end };
}

function custom(from: string | undefined, to: string | undefined, today: string): DashboardPeriod {
  if (!from || !to) throw invalid('请选择自定义时段的开始日期和结束日期');
  if (from > to) throw invalid('开始日期不能晚于结束日期');
  if (to > today) throw invalid('结束日期不能晚于今天');
  const n = dayCount(from, to);
  if (n > MAX_CUSTOM_DAYS) throw invalid(`自定义时段最长 ${MAX_CUSTOM_DAYS} 天，请缩短时段`);
  return { kind: 'custom', from, to, previousFrom: addDays(from, -n), previousTo: addDays(from, -1) };
}

/** The period a request names, on `today` (Beijing); INVALID_ARGUMENT for a custom range that cannot be shown. */
export function periodOf(request: DashboardRequest, today: string): DashboardPeriod {
  if (request.period === 'week') return week(today);
  if (request.period === 'month') return month(today);
  return custom(request.from, request.to, today);
}
