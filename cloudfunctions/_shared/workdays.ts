// The working-day clock, in Beijing time, from China's official calendar: the
// State Council's public holidays and the 调休 weekends that are working days, as
// the maintained `chinese-days` package publishes them (its JSON calendar:
// holidays, workdays). A day is a working day when it is a weekday that is not a
// holiday, or a weekend day the calendar makes a working day.
//
// A year the package does not cover yet (the State Council publishes each year's
// arrangement late in the year before; the package follows) is not refused — a
// rider's demand must never bounce because of a calendar — and not guessed from
// weekdays either: it is computed *provisionally* from the statutory holidays
// themselves (《全国年节及纪念日放假办法》 as revised in 2024, from 2025: 元旦 1 day,
// 春节 4 days from 除夕, 清明 1, 劳动节 2 (5/1–5/2), 端午 1, 中秋 1, 国庆 3 (10/1–10/3)),
// the lunar dates and the 清明 solar term from the same package. What a provisional
// year lacks is the yearly 调休 (bridging days off and the weekends worked in
// exchange), so a deadline near a holiday may be a day or two off until the year
// is published; every provisional computation is logged, and the scheduler warns
// ahead of time. The remedy is `npm update chinese-days` once the package has the
// year, or, without a release, the year in the functions' environment:
//   WORKDAY_CALENDAR_EXTRA='{"2027":{"holidays":["2027-01-01",…],"workdays":["2027-02-20",…]}}'
// copied from the official notice. Only a year outside the lunar tables (after
// 2099) fails: WorkCalendarGap, which callers turn into UNAVAILABLE.
//
// Deadlines are whole working days: "n working days after" an instant ends at the
// end (24:00 Beijing, i.e. 23:59:59.999) of the n-th working day after that
// instant's Beijing day — a demand received on a Friday morning with 5 working
// days is due at the end of the next Friday.
import { getSolarDateFromLunar, getSolarTermDate } from 'chinese-days';
import calendar from 'chinese-days/dist/chinese-days.json';
import { beijingDay, beijingDayStart } from './clock';

/** A year the working-day calendar has no data for. */
export class WorkCalendarGap extends Error {
  constructor(readonly year: number) {
    super(
      `the working-day calendar has no data for ${year}: update chinese-days (npm update chinese-days) once the ` +
        `State Council publishes ${year}'s holidays, or give them in WORKDAY_CALENDAR_EXTRA`,
    );
    this.name = 'WorkCalendarGap';
  }
}

interface YearData {
  holidays: Set<string>;
  workdays: Set<string>;
  /** Statutory holidays only, without the year's 调休 (not published yet). */
  provisional?: boolean;
}

/** The lunar tables (and so the statutory holidays) reach this year. */
const LAST_LUNAR_YEAR = 2099;

const DAY = /^(\d{4})-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

function packageYears(): Map<number, YearData> {
  const years = new Map<number, YearData>();
  const yearOf = (day: string) => {
    const y = Number(day.slice(0, 4));
    let data = years.get(y);
    if (!data) years.set(y, (data = { holidays: new Set(), workdays: new Set() }));
    return data;
  };
  const source = calendar as { holidays: Record<string, string>; workdays: Record<string, string> };
  // A year is covered when the package lists its holidays (every year has some).
  for (const day of Object.keys(source.holidays)) yearOf(day).holidays.add(day);
  for (const day of Object.keys(source.workdays)) if (years.has(Number(day.slice(0, 4)))) yearOf(day).workdays.add(day);
  return years;
}

/** Years given in WORKDAY_CALENDAR_EXTRA (they replace the package's for the same year). */
export function parseExtraYears(text: string | undefined): Map<number, YearData> {
  const years = new Map<number, YearData>();
  if (!text?.trim()) return years;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error('WORKDAY_CALENDAR_EXTRA is not JSON');
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw new Error('WORKDAY_CALENDAR_EXTRA must be an object');
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const year = Number(key);
    const v = value as { holidays?: unknown; workdays?: unknown } | null;
    const list = (x: unknown, what: string) => {
      if (!Array.isArray(x) || !x.every((d) => typeof d === 'string' && DAY.test(d) && d.startsWith(`${key}-`)))
        throw new Error(`WORKDAY_CALENDAR_EXTRA.${key}.${what} must list days of ${key} as YYYY-MM-DD`);
      return new Set(x as string[]);
    };
    if (!/^\d{4}$/.test(key) || !v || typeof v !== 'object')
      throw new Error(`WORKDAY_CALENDAR_EXTRA: "${key}" is not a year with holidays and workdays`);
    years.set(year, { holidays: list(v.holidays, 'holidays'), workdays: list(v.workdays ?? [], 'workdays') });
  }
  return years;
}

let cached: { extra: string | undefined; years: Map<number, YearData> } | null = null;

function years(): Map<number, YearData> {
  const extra = process.env.WORKDAY_CALENDAR_EXTRA;
  if (!cached || cached.extra !== extra) {
    const merged = packageYears();
    for (const [y, data] of parseExtraYears(extra)) merged.set(y, data);
    cached = { extra, years: merged };
  }
  return cached.years;
}

const provisionalYears = new Map<number, YearData>();

/**
 * A year's statutory holidays (《全国年节及纪念日放假办法》, 2025 on), without the
 * yearly 调休 the State Council adds: what a year not yet published is computed from.
 */
export function statutoryHolidays(year: number): string[] {
  if (year < 2025 || year > LAST_LUNAR_YEAR) throw new WorkCalendarGap(year);
  const lunar = (md: string) => getSolarDateFromLunar(`${year}-${md}`).date;
  const springDay = lunar('01-01');
  return [
    `${year}-01-01`,
    shift(springDay, -1), // 除夕
    springDay,
    shift(springDay, 1),
    shift(springDay, 2),
    getSolarTermDate(year, 4, 'pure_brightness'), // 清明
    `${year}-05-01`,
    `${year}-05-02`,
    lunar('05-05'), // 端午
    lunar('08-15'), // 中秋
    `${year}-10-01`,
    `${year}-10-02`,
    `${year}-10-03`,
  ];
}

function provisionalYear(year: number): YearData {
  let data = provisionalYears.get(year);
  if (!data) {
    data = { holidays: new Set(statutoryHolidays(year)), workdays: new Set(), provisional: true };
    provisionalYears.set(year, data);
    console.warn(
      JSON.stringify({
        message: 'work calendar provisional',
        year,
        detail: `${year} is not in chinese-days or WORKDAY_CALENDAR_EXTRA yet: statutory holidays only, no 调休`,
      }),
    );
  }
  return data;
}

function yearData(day: string): YearData {
  const year = Number(day.slice(0, 4));
  return years().get(year) ?? provisionalYear(year);
}

/** Whether a day's year is computed provisionally (statutory holidays, no 调休 yet). */
export function isProvisional(at: Date | string): boolean {
  return yearData(dayOf(at)).provisional === true;
}

/** The day key `n` calendar days after a day key. */
function shift(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + n * DAY_MS).toISOString().slice(0, 10);
}

const dayOf = (at: Date | string) => (typeof at === 'string' ? at : beijingDay(at));

/** Whether a Beijing day ("2026-10-10", or the day of an instant) is a working day. */
export function isWorkingDay(at: Date | string): boolean {
  const day = dayOf(at);
  const data = yearData(day);
  if (data.workdays.has(day)) return true;
  if (data.holidays.has(day)) return false;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The end of a Beijing day: 23:59:59.999 (a deadline "that day"). */
export function endOfDay(day: string): Date {
  return new Date(beijingDayStart(shift(day, 1)).getTime() - 1);
}

/** The first working day on or after a day (or the day of an instant), as a day key. */
export function workingDayOnOrAfter(at: Date | string): string {
  let day = dayOf(at);
  while (!isWorkingDay(day)) day = shift(day, 1);
  return day;
}

/** The end of the working day an instant falls on, or of the next working day when it falls on a day off. */
export function endOfWorkingDay(at: Date | string): Date {
  return endOfDay(workingDayOnOrAfter(at));
}

/**
 * The n-th working day after the Beijing day of `from` (n < 0: before it), as a day
 * key; n = 0 is that day if it is a working day, else the next working day.
 */
export function workingDayAfter(from: Date | string, n: number): string {
  if (!Number.isInteger(n)) throw new Error(`working days must be a whole number, got ${n}`);
  let day = dayOf(from);
  if (n === 0) return workingDayOnOrAfter(day);
  const step = n > 0 ? 1 : -1;
  for (let left = Math.abs(n); left > 0;) {
    day = shift(day, step);
    if (isWorkingDay(day)) left--;
  }
  return day;
}

/**
 * A deadline n working days after `from`: the end of the n-th working day after its
 * Beijing day (n = 0, "the same working day": the end of that day, or of the next
 * working day when it is a day off).
 */
export function addWorkingDays(from: Date, n: number): Date {
  return endOfDay(workingDayAfter(from, n));
}

/**
 * Working days after the Beijing day of `a` up to and including that of `b`
 * (Friday → the next Friday is 5); negative when `b` is before `a`.
 */
export function workingDaysBetween(a: Date | string, b: Date | string): number {
  const [from, to] = [dayOf(a), dayOf(b)];
  if (from > to) return -workingDaysBetween(to, from);
  let count = 0;
  for (let day = from; day !== to;) {
    day = shift(day, 1);
    if (isWorkingDay(day)) count++;
  }
  return count;
}

/** The years the official calendar covers (package and WORKDAY_CALENDAR_EXTRA), and its last covered day (later years are provisional). */
export function calendarCoverage(): { years: number[]; lastDay: string } {
  const list = [...years().keys()].sort((x, y) => x - y);
  return { years: list, lastDay: `${list.at(-1) ?? 1970}-12-31` };
}
