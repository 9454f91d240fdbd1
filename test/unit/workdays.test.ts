// The working-day clock on China's real 2026 calendar (chinese-days): weekends,
// holidays and the 调休 weekends that are working days, in Beijing time; a year
// the calendar does not cover is computed provisionally from the statutory holidays.
import { beijingDay } from '../../cloudfunctions/_shared/clock';
import {
  addWorkingDays,
  calendarCoverage,
  endOfWorkingDay,
  isProvisional,
  isWorkingDay,
  parseExtraYears,
  statutoryHolidays,
  WorkCalendarGap,
  workingDayAfter,
  workingDaysBetween,
} from '../../cloudfunctions/_shared/workdays';

/** An instant given as Beijing wall time. */
const bj = (s: string) => new Date(`${s}+08:00`);
const endOf = (day: string) => bj(`${day}T23:59:59.999`);

afterEach(() => {
  delete process.env.WORKDAY_CALENDAR_EXTRA;
});

describe('isWorkingDay', () => {
  it('weekdays work, weekends rest', () => {
    expect(isWorkingDay('2026-12-04')).toBe(true); // Friday
    expect(isWorkingDay('2026-12-05')).toBe(false); // Saturday
    expect(isWorkingDay('2026-12-06')).toBe(false); // Sunday
  });

  it('National Day 2026 (1–7 October) rests, and its 调休 weekends (Sunday 20 September, Saturday 10 October) work', () => {
    for (let d = 1; d <= 7; d++) expect(isWorkingDay(`2026-10-0${d}`)).toBe(false);
    expect(isWorkingDay('2026-09-20')).toBe(true);
    expect(isWorkingDay('2026-10-10')).toBe(true);
    expect(isWorkingDay('2026-10-11')).toBe(false);
    // Spring Festival 2026: 15–23 February off, Saturday 14 and Saturday 28 February work.
    expect(isWorkingDay('2026-02-16')).toBe(false);
    expect(isWorkingDay('2026-02-14')).toBe(true);
    expect(isWorkingDay('2026-02-28')).toBe(true);
  });

  it('takes an instant by its Beijing day: 23:30 UTC on a Friday is already Saturday in Beijing', () => {
    expect(isWorkingDay(new Date('2026-12-04T15:30:00Z'))).toBe(true); // 23:30 Friday Beijing
    expect(isWorkingDay(new Date('2026-12-04T16:30:00Z'))).toBe(false); // 00:30 Saturday Beijing
  });
});

describe('addWorkingDays', () => {
  it('Friday morning + 5 working days = the end of the next Friday', () => {
    expect(addWorkingDays(bj('2026-12-04T09:30:00'), 5)).toEqual(endOf('2026-12-11'));
  });

  it('before National Day: the holiday is skipped and the 调休 Saturday counts', () => {
    // Wednesday 30 September + 5: Thu 8, Fri 9, Sat 10 (调休), Mon 12, Tue 13 October.
    expect(addWorkingDays(bj('2026-09-30T10:00:00'), 5)).toEqual(endOf('2026-10-13'));
    // + 1 working day from the last day before the holiday is the first day after it.
    expect(addWorkingDays(bj('2026-09-30T17:00:00'), 1)).toEqual(endOf('2026-10-08'));
  });

  it('0 working days ("the same working day") is the end of that day, or of the next working day on a day off', () => {
    expect(addWorkingDays(bj('2026-12-04T08:00:00'), 0)).toEqual(endOf('2026-12-04'));
    expect(addWorkingDays(bj('2026-12-05T08:00:00'), 0)).toEqual(endOf('2026-12-07'));
    expect(addWorkingDays(bj('2026-10-03T08:00:00'), 0)).toEqual(endOf('2026-10-08'));
    expect(endOfWorkingDay(bj('2026-10-10T12:00:00'))).toEqual(endOf('2026-10-10'));
  });

  it('counts from a day off as from the day itself: Saturday + 5 = the end of Friday', () => {
    expect(addWorkingDays(bj('2026-12-05T20:00:00'), 5)).toEqual(endOf('2026-12-11'));
  });

  it('counts backwards: the working day before a Monday due date is the Friday before', () => {
    expect(workingDayAfter(bj('2026-12-14T23:59:59'), -1)).toBe('2026-12-11');
    expect(workingDayAfter('2026-10-08', -1)).toBe('2026-09-30');
  });
});

describe('workingDaysBetween', () => {
  it('Friday → next Friday is 5; the same day is 0; backwards is negative', () => {
    expect(workingDaysBetween(bj('2026-12-04T09:00:00'), bj('2026-12-11T18:00:00'))).toBe(5);
    expect(workingDaysBetween('2026-12-04', '2026-12-04')).toBe(0);
    expect(workingDaysBetween('2026-12-11', '2026-12-04')).toBe(-5);
  });

  it('across National Day: 30 September → 13 October is 5 working days', () => {
    expect(workingDaysBetween('2026-09-30', '2026-10-13')).toBe(5);
  });

  it('agrees with addWorkingDays for every start in 2026 and 1–10 working days', () => {
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2026, 11, 10); t += 86_400_000) {
      const from = new Date(t + 2 * 3_600_000);
      for (const n of [1, 5, 10]) {
        const due = addWorkingDays(from, n);
        if (due.getUTCFullYear() > 2026) continue;
        expect(workingDaysBetween(from, due)).toBe(n);
        expect(isWorkingDay(due)).toBe(true);
      }
    }
  });
});

describe('a year the calendar does not cover', () => {
  it('the statutory holidays are right: every year the package covers since the 2025 rules contains them', () => {
    const { years } = calendarCoverage();
    for (const year of years.filter((y) => y >= 2025)) {
      for (const day of statutoryHolidays(year)) expect([year, day, isWorkingDay(day)]).toEqual([year, day, false]);
    }
    // 2026 in full: 除夕 to 初三, 清明, 端午 and 中秋 from the lunar calendar and the solar term.
    expect(statutoryHolidays(2026)).toEqual([
      '2026-01-01',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-04-05',
      '2026-05-01',
      '2026-05-02',
      '2026-06-19',
      '2026-09-25',
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
    ]);
  });

  it('is computed provisionally from the statutory holidays (never refused, never plain Monday to Friday), and says so', () => {
    const { years } = calendarCoverage();
    expect(years).toContain(2026);
    const missing = Math.max(...years) + 1;
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      expect(isProvisional(`${missing}-03-03`)).toBe(true);
      expect(isProvisional('2026-03-03')).toBe(false);
      // 元旦 and the Spring Festival (除夕 to 初三) are days off; an ordinary weekday works.
      const [newYear, eve, first, second, third] = statutoryHolidays(missing);
      for (const day of [newYear!, eve!, first!, second!, third!]) expect(isWorkingDay(day)).toBe(false);
      expect(isWorkingDay(`${missing}-03-03`)).toBe(new Date(`${missing}-03-03T00:00:00Z`).getUTCDay() % 6 !== 0);
      // A deadline running into it skips 元旦.
      const due = addWorkingDays(bj(`${missing - 1}-12-30T10:00:00`), 1);
      expect(beijingDay(due)).not.toBe(`${missing}-01-01`);
      expect(warn.mock.calls.flat().join('\n')).toContain('work calendar provisional');
    } finally {
      warn.mockRestore();
    }
  });

  it('fails loudly past the lunar tables', () => {
    expect(() => isWorkingDay('2100-01-05')).toThrow(WorkCalendarGap);
    expect(() => isWorkingDay('2100-01-05')).toThrow(/no data for 2100/);
  });

  it('can be given in WORKDAY_CALENDAR_EXTRA until the package covers it (values from the official notice)', () => {
    const missing = Math.max(...calendarCoverage().years) + 1;
    process.env.WORKDAY_CALENDAR_EXTRA = JSON.stringify({
      [missing]: { holidays: [`${missing}-01-01`], workdays: [] },
    });
    expect(isWorkingDay(`${missing}-01-01`)).toBe(false);
    expect(calendarCoverage().years).toContain(missing);
    expect(calendarCoverage().lastDay).toBe(`${missing}-12-31`);
  });

  it('refuses a malformed WORKDAY_CALENDAR_EXTRA, naming what is wrong', () => {
    expect(() => parseExtraYears('nope')).toThrow(/not JSON/);
    expect(() => parseExtraYears('{"2027":{"holidays":["2028-01-01"]}}')).toThrow(/2027\.holidays/);
    expect(() => parseExtraYears('{"x":{}}')).toThrow(/"x" is not a year/);
  });
});
