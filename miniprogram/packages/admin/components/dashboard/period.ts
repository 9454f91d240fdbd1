// The dashboard's period: 本周 and 本月 are the server's (Monday or the 1st to
// today, in Beijing); 自定义 is two days the organiser picks, kept in order, not
// after today and at most 92 days apart (the server refuses more).
import type { DashboardPeriodKind, DashboardRequest } from '../../../../../typings/dashboard';
import type { DayKey } from '../../../../../typings/study';
import { formatDate } from '../../../../utils/format';

export const MAX_CUSTOM_DAYS = 92;
const DAY_MS = 86_400_000;

/** Today in Beijing, on the phone's clock. */
export const todayKey = (): DayKey => formatDate(new Date(Date.now()).toISOString());

export const addDays = (day: DayKey, n: number): DayKey =>
  formatDate(new Date(Date.parse(`${day}T00:00:00+08:00`) + n * DAY_MS).toISOString());

const min = (a: DayKey, b: DayKey) => (a < b ? a : b);
const max = (a: DayKey, b: DayKey) => (a > b ? a : b);

export function dashboardRequest(period: DashboardPeriodKind, from: DayKey, to: DayKey): DashboardRequest {
  return period === 'custom' ? { period, from, to } : { period };
}

export interface CustomRange {
  from: DayKey;
  to: DayKey;
}

/** A custom range after one end was picked: the other end moves so the range stays valid. */
export function pickEnd(range: CustomRange, end: 'from' | 'to', day: DayKey, today: DayKey): CustomRange {
  const span = MAX_CUSTOM_DAYS - 1;
  if (end === 'from') {
    const from = min(day, today);
    return { from, to: min(max(range.to, from), min(today, addDays(from, span))) };
  }
  const to = min(day, today);
  return { from: max(min(range.from, to), addDays(to, -span)), to };
}

/** What each date picker may offer for the range. */
export function pickerBounds(range: CustomRange, today: DayKey) {
  return {
    fromStart: addDays(range.to, -(MAX_CUSTOM_DAYS - 1)),
    fromEnd: range.to,
    toStart: range.from,
    toEnd: min(today, addDays(range.from, MAX_CUSTOM_DAYS - 1)),
  };
}
