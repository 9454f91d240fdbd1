// The volunteer team's pure rules: credit minutes of a scanned pair, the 60 %
// threshold, star levels, points per hour and its configuration, certificate numbers.
import { DEFAULT_POINTS_PER_HOUR, pointsPerHour } from '../../cloudfunctions/volunteer/rules/config';
import { earnsCredit, pointsFor, servedMinutes, starOf, summaryOf } from '../../cloudfunctions/volunteer/rules/hours';
import { monthOf, monthRange } from '../../cloudfunctions/volunteer/rules/months';
import { certificateNumber, NUMBER_PATTERN } from '../../cloudfunctions/volunteer/rules/numbering';

const MIN = 60_000;
const start = new Date('2026-12-08T02:00:00Z');
const at = (m: number) => new Date(start.getTime() + m * MIN);
const twoHours = { startAt: start, endAt: at(120) };

describe('credit minutes', () => {
  it('count min(out, end) − max(in, start), capped at the planned duration', () => {
    expect(servedMinutes(at(10), at(115), twoHours, 120)).toBe(105);
    expect(servedMinutes(at(-30), at(150), twoHours, 120)).toBe(120);
    expect(servedMinutes(at(-30), at(150), twoHours, 90)).toBe(90);
    expect(servedMinutes(at(130), at(140), twoHours, 120)).toBe(0);
    expect(servedMinutes(at(10), at(10.99), twoHours, 120)).toBe(0);
  });

  it('are earned at 60 % of the planned duration, not below', () => {
    expect(earnsCredit(72, 120)).toBe(true);
    expect(earnsCredit(71, 120)).toBe(false);
    expect(earnsCredit(50, 120)).toBe(false);
    expect(earnsCredit(0, 0)).toBe(false);
  });
});

describe('stars and points', () => {
  it('1–5 stars at 100 / 300 / 600 / 1000 / 1500 hours of credit and honor together', () => {
    expect([0, 99 * 60 + 59, 100 * 60, 300 * 60, 600 * 60, 1000 * 60, 1500 * 60, 9999 * 60].map(starOf)).toEqual([
      0, 0, 1, 2, 3, 4, 5, 5,
    ]);
    expect(summaryOf(50 * 60, 50 * 60)).toMatchObject({
      totalMinutes: 6000,
      star: 1,
      nextStar: { star: 2, hoursLeft: 200 },
    });
    expect(summaryOf(1500 * 60, 0).nextStar).toBeNull();
  });

  it('points per hour, whole points rounded down; the rate from VOLUNTEER_POINTS_PER_HOUR', () => {
    expect(pointsFor(105, 10)).toBe(17);
    expect(pointsFor(5, 10)).toBe(0);
    expect(pointsPerHour({})).toBe(DEFAULT_POINTS_PER_HOUR);
    expect(pointsPerHour({ VOLUNTEER_POINTS_PER_HOUR: '20' })).toBe(20);
    expect(pointsPerHour({ VOLUNTEER_POINTS_PER_HOUR: '0' })).toBe(0);
    const error = jest.spyOn(console, 'error').mockImplementation(() => {});
    expect(pointsPerHour({ VOLUNTEER_POINTS_PER_HOUR: '-3' })).toBe(DEFAULT_POINTS_PER_HOUR);
    expect(pointsPerHour({ VOLUNTEER_POINTS_PER_HOUR: 'lots' })).toBe(DEFAULT_POINTS_PER_HOUR);
    error.mockRestore();
  });
});

describe('months and numbers', () => {
  it('Beijing months: 31 Dec 23:30 Beijing is December; a month is its first instant to the next', () => {
    expect(monthOf(new Date('2026-12-31T15:30:00Z'))).toBe('2026-12');
    expect(monthOf(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01');
    expect(monthRange('2026-12')).toEqual({
      from: new Date('2026-11-30T16:00:00Z'),
      to: new Date('2026-12-31T16:00:00Z'),
    });
  });

  it('certificate numbers: 22 characters of the pattern, different for different randomness', () => {
    const a = certificateNumber(2026, new Uint8Array(10).fill(0));
    const b = certificateNumber(2026, new Uint8Array(10).fill(255));
    expect(a).toBe('ZY20260000000000000000');
    expect(b).toBe('ZY2026ZZZZZZZZZZZZZZZZ');
    for (const n of [a, b]) expect(n).toMatch(NUMBER_PATTERN);
    expect(a.length).toBeLessThanOrEqual(32);
  });
});
