// The dashboard report shaped from the counters' sums: headlines and their change,
// daily series aligned with the days, the cumulative 亮身份, breakdowns by key.
import { headline, dashboardReport } from '../../cloudfunctions/_shared/stats/report';
import type { DashboardCounters } from '../../cloudfunctions/_shared/stores/daily-stats';
import { periodOf, twelveMonthsTo } from '../../cloudfunctions/_shared/stats/period';

const period = periodOf({ period: 'week' }, '2026-11-25');
const NONE: DashboardCounters = {
  daily: [],
  votes: [],
  current: [],
  previous: [],
  volunteerMonths: [],
  revealedBefore: 0,
};
const report = (counters: Partial<DashboardCounters>) =>
  dashboardReport({
    orgIds: ['d1'],
    scopeName: '示例区委',
    period,
    months: twelveMonthsTo('2026-11'),
    counters: { ...NONE, ...counters },
    now: new Date('2026-11-25T04:00:00Z'),
  });

describe('headlines', () => {
  it('change against the previous period, a percent rounded; null when there was none', () => {
    expect(headline('checkins', 15, 10)).toEqual({ key: 'checkins', value: 15, previous: 10, delta: 5, changePct: 50 });
    expect(headline('checkins', 2, 3)).toMatchObject({ delta: -1, changePct: -33 });
    expect(headline('votes', 4, 0)).toMatchObject({ delta: 4, changePct: null });
    expect(headline('volunteerHours', 1.3, 1.1)).toMatchObject({ delta: 0.2 });
  });

  it('learners per day over the period’s days, hours from minutes, satisfaction of the rated', () => {
    const r = report({
      current: [
        { metric: 'learners', key: '', n: 7 },
        { metric: 'volunteer_minutes', key: 'credit', n: 90 },
        { metric: 'volunteer_minutes', key: 'honor', n: 45 },
        { metric: 'cases_rated', key: 'rights', n: 3 },
        { metric: 'cases_satisfied', key: 'rights', n: 2 },
      ],
      previous: [{ metric: 'learners', key: '', n: 3 }],
    });
    const value = (k: string) => r.headlines.find((h) => h.key === k)!;
    expect(value('learnersPerDay')).toMatchObject({ value: 2.3, previous: 1, delta: 1.3 });
    expect(value('volunteerHours').value).toBe(2.3);
    expect(value('satisfaction').value).toBe(67);
    expect(r.empty).toBe(false);
  });

  it('an empty period says so, with every headline 0', () => {
    const r = report({});
    expect(r.empty).toBe(true);
    expect(r.headlines.every((h) => h.value === 0 && h.changePct === null)).toBe(true);
    expect(r.volunteerMonths).toHaveLength(12);
    expect(r.daily.checkins).toEqual([0, 0, 0]);
  });
});

describe('series and breakdowns', () => {
  it('daily arrays follow the days; 亮身份 accumulates from before the period', () => {
    const r = report({
      daily: [
        { metric: 'checkins', key: '', day: '2026-11-25', n: 4 },
        { metric: 'checkins', key: '', day: '2026-11-23', n: 1 },
        { metric: 'signups', key: 'roundtable', day: '2026-11-24', n: 6 },
        { metric: 'revealed', key: '', day: '2026-11-24', n: 2 },
      ],
      revealedBefore: 10,
    });
    expect(r.days).toEqual(['2026-11-23', '2026-11-24', '2026-11-25']);
    expect(r.daily.checkins).toEqual([1, 0, 4]);
    expect(r.daily.signups).toEqual([0, 6, 0]);
    expect(r.daily.revealedTotal).toEqual([10, 12, 12]);
  });

  it('campaigns most votes first with their titles; series, domains and categories by count', () => {
    const r = report({
      votes: [
        { metric: 'votes', key: 'c1', day: '2026-11-24', n: 3, label: '最美快递员' },
        { metric: 'votes', key: 'c2', day: '2026-11-23', n: 5, label: '最美骑手' },
        { metric: 'votes', key: 'c2', day: '2026-11-25', n: 1, label: '最美骑手' },
      ],
      current: [
        { metric: 'completions', key: '安全', n: 2 },
        { metric: 'completions', key: '', n: 5 },
        { metric: 'signups', key: 'training', n: 4 },
        { metric: 'attended', key: 'training', n: 3 },
        { metric: 'cases_opened', key: 'road', n: 1 },
        { metric: 'cases_opened', key: 'rights', n: 3 },
        { metric: 'cases_closed', key: 'road', n: 1 },
      ],
      volunteerMonths: [{ metric: 'volunteer_minutes', key: 'credit', month: '2026-11', n: 120 }],
    });
    expect(r.campaigns).toEqual([
      { campaignId: 'c2', title: '最美骑手', total: 6, votes: [5, 0, 1] },
      { campaignId: 'c1', title: '最美快递员', total: 3, votes: [0, 3, 0] },
    ]);
    expect(r.completionsBySeries).toEqual([
      { series: '', count: 5 },
      { series: '安全', count: 2 },
    ]);
    expect(r.signupsByDomain).toEqual([{ domain: 'training', signups: 4, attended: 3 }]);
    expect(r.casesByCategory.map((c) => [c.category, c.opened, c.closed])).toEqual([
      ['rights', 3, 0],
      ['road', 1, 1],
    ]);
    expect(r.volunteerMonths.at(-1)).toEqual({ month: '2026-11', creditHours: 2, honorHours: 0 });
  });
});
