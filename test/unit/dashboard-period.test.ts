// The dashboard's periods: the week from Monday, the month from the 1st, a custom
// range with its limits, and the period each is compared with.
import { addMonths, dayCount, periodOf, twelveMonthsTo } from '../../cloudfunctions/_shared/stats/period';

const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    return { code: (err as { code?: string }).code, message: (err as Error).message };
  }
  return null;
};

describe('week', () => {
  it.each([
    ['2026-11-23', '2026-11-23', '2026-11-16', '2026-11-16'], // a Monday: just today
    ['2026-11-25', '2026-11-23', '2026-11-16', '2026-11-18'],
    ['2026-11-29', '2026-11-23', '2026-11-16', '2026-11-22'], // a Sunday: the whole week
    ['2027-01-01', '2026-12-28', '2026-12-21', '2026-12-25'], // across a year
  ])('on %s: from %s, compared with %s to %s', (today, from, previousFrom, previousTo) => {
    expect(periodOf({ period: 'week' }, today)).toEqual({ kind: 'week', from, to: today, previousFrom, previousTo });
  });
});

describe('month', () => {
  it.each([
    ['2026-11-25', '2026-11-01', '2026-10-01', '2026-10-25'],
    ['2026-03-31', '2026-03-01', '2026-02-01', '2026-02-28'], // clamped to February's end
    ['2028-03-30', '2028-03-01', '2028-02-01', '2028-02-29'], // a leap year
    ['2026-01-15', '2026-01-01', '2025-12-01', '2025-12-15'],
  ])('on %s: from %s, compared with %s to %s', (today, from, previousFrom, previousTo) => {
    expect(periodOf({ period: 'month' }, today)).toEqual({ kind: 'month', from, to: today, previousFrom, previousTo });
  });
});

describe('custom', () => {
  it('is compared with as many days just before', () => {
    expect(periodOf({ period: 'custom', from: '2026-11-10', to: '2026-11-19' }, '2026-11-25')).toEqual({
      kind: 'custom',
      from: '2026-11-10',
      to: '2026-11-19',
      previousFrom: '2026-10-31',
      previousTo: '2026-11-09',
    });
  });

  it('takes 92 days and one day', () => {
    expect(periodOf({ period: 'custom', from: '2026-08-26', to: '2026-11-25' }, '2026-11-25').previousTo).toBe(
      '2026-08-25',
    );
    expect(dayCount('2026-08-26', '2026-11-25')).toBe(92);
    expect(periodOf({ period: 'custom', from: '2026-11-25', to: '2026-11-25' }, '2026-11-25').previousFrom).toBe(
      '2026-11-24',
    );
  });

  it.each([
    [{ from: '2026-11-01' }, '请选择自定义时段的开始日期和结束日期'],
    [{ to: '2026-11-01' }, '请选择自定义时段的开始日期和结束日期'],
    [{ from: '2026-11-20', to: '2026-11-19' }, '开始日期不能晚于结束日期'],
    [{ from: '2026-08-25', to: '2026-11-25' }, '自定义时段最长 92 天，请缩短时段'],
    [{ from: '2026-11-20', to: '2026-11-26' }, '结束日期不能晚于今天'],
  ])('%j is refused: %s', (range, message) => {
    expect(refusal(() => periodOf({ period: 'custom', ...range }, '2026-11-25'))).toEqual({
      code: 'INVALID_ARGUMENT',
      message,
    });
  });
});

it('twelve months end with the given one', () => {
  expect(twelveMonthsTo('2026-02')).toEqual([
    '2025-03',
    '2025-04',
    '2025-05',
    '2025-06',
    '2025-07',
    '2025-08',
    '2025-09',
    '2025-10',
    '2025-11',
    '2025-12',
    '2026-01',
    '2026-02',
  ]);
  expect(addMonths('2026-12', 1)).toBe('2027-01');
});
