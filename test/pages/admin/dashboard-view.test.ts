// The dashboard's pure parts: a report as what the organiser home shows (headlines
// with their change in words, chart specs with Chinese labels), the custom period's
// rules, a chart's summary and its uCharts options.
import type { DashboardReport, Headline } from '../../../typings/dashboard';
import { axisMax, chartOptions, PALETTE } from '../../../miniprogram/packages/admin/components/chart/options';
import {
  barChartHeight,
  chartSummary,
  type ChartSpec,
  isEmptyChart,
} from '../../../miniprogram/packages/admin/components/chart/spec';
import {
  addDays,
  dashboardRequest,
  MAX_CUSTOM_DAYS,
  pickEnd,
  pickerBounds,
} from '../../../miniprogram/packages/admin/components/dashboard/period';
import {
  campaignChart,
  changeText,
  dashboardView,
  headlineView,
} from '../../../miniprogram/packages/admin/components/dashboard/view';

const headline = (over: Partial<Headline>): Headline => ({
  key: 'checkins',
  value: 0,
  previous: 0,
  delta: 0,
  changePct: null,
  ...over,
});

function report(over: Partial<DashboardReport> = {}): DashboardReport {
  return {
    orgIds: ['d1'],
    scopeName: '城东区新业态党委',
    period: {
      kind: 'week',
      from: '2026-11-02',
      to: '2026-11-04',
      previousFrom: '2026-10-26',
      previousTo: '2026-10-28',
    },
    headlines: [headline({ value: 12, previous: 10, delta: 2, changePct: 20 })],
    days: ['2026-11-02', '2026-11-03', '2026-11-04'],
    daily: {
      checkins: [3, 4, 5],
      learners: [2, 3, 3],
      signups: [0, 1, 0],
      attended: [0, 1, 0],
      revealedTotal: [7, 7, 8],
    },
    completionsBySeries: [
      { series: '党史故事', count: 4 },
      { series: '', count: 1 },
    ],
    signupsByDomain: [
      { domain: 'roundtable', signups: 6, attended: 5 },
      { domain: 'volunteer', signups: 3, attended: 2 },
    ],
    casesByCategory: [
      { category: 'rights', opened: 4, closed: 2, overdue: 1, rated: 4, satisfied: 3 },
      { category: 'road', opened: 2, closed: 0, overdue: 0, rated: 0, satisfied: 0 },
    ],
    volunteerMonths: [
      { month: '2026-10', creditHours: 4.5, honorHours: 0 },
      { month: '2026-11', creditHours: 6, honorHours: 2.5 },
    ],
    campaigns: [
      { campaignId: 'c1', title: '最美骑手', total: 9, votes: [2, 3, 4] },
      { campaignId: 'c2', title: '最美快递员', total: 3, votes: [0, 1, 2] },
    ],
    empty: false,
    generatedAt: '2026-11-04T08:00:00.000Z',
    ...over,
  };
}

describe('headlines', () => {
  it('says the change from the previous period: up, down, unchanged, or from nothing', () => {
    expect(changeText(headline({ value: 12, previous: 10, delta: 2, changePct: 20 }))).toBe('↑ 20%');
    expect(changeText(headline({ value: 5, previous: 10, delta: -5, changePct: -50 }))).toBe('↓ 50%');
    expect(changeText(headline({ value: 4, previous: 4, delta: 0, changePct: 0 }))).toBe('持平');
    expect(changeText(headline({ value: 0, previous: 0, delta: 0, changePct: null }))).toBe('持平');
    expect(changeText(headline({ value: 3, previous: 0, delta: 3, changePct: null }))).toBe('上期为0');
  });

  it('labels each number in Chinese with its unit, and more overdue cases is bad news', () => {
    expect(headlineView(headline({ key: 'satisfaction', value: 75, previous: 50, delta: 25, changePct: 50 }))).toEqual({
      key: 'satisfaction',
      label: '满意率',
      value: '75%',
      change: '↑ 50%',
      tone: 'good',
    });
    expect(
      headlineView(headline({ key: 'volunteerHours', value: 8.5, previous: 10, delta: -1.5, changePct: -15 })),
    ).toMatchObject({
      label: '志愿时数',
      value: '8.5 小时',
      tone: 'bad',
    });
    expect(
      headlineView(headline({ key: 'casesOverdue', value: 2, previous: 1, delta: 1, changePct: 100 })),
    ).toMatchObject({
      label: '逾期',
      tone: 'bad',
    });
    expect(
      headlineView(headline({ key: 'casesOverdue', value: 0, previous: 1, delta: -1, changePct: -100 })).tone,
    ).toBe('good');
    expect(headlineView(headline({ key: 'revealed' })).tone).toBe('flat');
  });
});

describe('the report as charts', () => {
  const view = dashboardView(report());

  it('puts the days, series, domains, categories and months in Chinese on the axes', () => {
    expect(view.daily).toEqual({
      type: 'line',
      categories: ['11/2', '11/3', '11/4'],
      series: [
        { name: '打卡人次', data: [3, 4, 5] },
        { name: '学习人数', data: [2, 3, 3] },
      ],
    });
    expect(view.completions.categories).toEqual(['党史故事', '未分系列']);
    expect(view.completions.type).toBe('bar');
    expect(view.signups.categories).toEqual(['圆桌会', '志愿活动']);
    expect(view.signups.series.map((s) => s.data)).toEqual([
      [6, 3],
      [5, 2],
    ]);
    expect(view.cases).toMatchObject({ type: 'bar', categories: ['权益保障', '道路设施'] });
    expect([view.completionsHeight, view.casesHeight]).toEqual([
      barChartHeight(view.completions),
      barChartHeight(view.cases),
    ]);
    expect(view.cases.series).toEqual([
      { name: '新增', data: [4, 2] },
      { name: '逾期', data: [1, 0] },
    ]);
    expect(view.volunteer).toMatchObject({ type: 'column', stacked: true, categories: ['10月', '11月'] });
    expect(view.volunteer.series.map((s) => s.data)).toEqual([
      [4.5, 6],
      [0, 2.5],
    ]);
    expect(view.revealed.series).toEqual([{ name: '亮身份党员', data: [7, 7, 8] }]);
    expect(view.periodText).toBe('2026-11-02 至 2026-11-04');
    expect(view.previousText).toBe('对比 2026-10-26 至 2026-10-28');
  });

  it('states satisfaction only for categories someone rated', () => {
    expect(view.satisfaction).toEqual(['权益保障：满意率 75%（4 件评价）']);
  });

  it('shows no satisfaction rate when no case was rated in the period (0% would be false)', () => {
    const satisfaction = headline({ key: 'satisfaction', value: 0, previous: 80, delta: -80, changePct: -100 });
    const rated = dashboardView(report({ headlines: [satisfaction] })).headlines[0];
    expect(rated).toMatchObject({ value: '0%', change: '↓ 100%', tone: 'bad' });
    const none = report({
      headlines: [satisfaction],
      casesByCategory: [{ category: 'road', opened: 2, closed: 0, overdue: 0, rated: 0, satisfied: 0 }],
    });
    expect(dashboardView(none).headlines[0]).toEqual({
      key: 'satisfaction',
      label: '满意率',
      value: '—',
      change: '本期无评价',
      tone: 'flat',
    });
  });

  it('draws the chosen campaign’s votes, the first when the choice is gone, nothing without campaigns', () => {
    expect(campaignChart(report(), 'c2').series).toEqual([{ name: '最美快递员', data: [0, 1, 2] }]);
    expect(campaignChart(report(), 'gone').series[0]!.name).toBe('最美骑手');
    expect(isEmptyChart(campaignChart(report({ campaigns: [] }), ''))).toBe(true);
    expect(view.campaigns).toEqual([
      { id: 'c1', title: '最美骑手', total: 9 },
      { id: 'c2', title: '最美快递员', total: 3 },
    ]);
  });
});

describe('chart specs', () => {
  it('is empty with no categories or only zeros', () => {
    expect(isEmptyChart({ type: 'column', categories: [], series: [] })).toBe(true);
    expect(isEmptyChart({ type: 'line', categories: ['11/2'], series: [{ name: 'a', data: [0] }] })).toBe(true);
    expect(isEmptyChart({ type: 'line', categories: ['11/2'], series: [{ name: 'a', data: [1] }] })).toBe(false);
  });

  it('summarises each series for a screen reader', () => {
    const spec = dashboardView(report()).signups;
    expect(chartSummary('报名与出席', spec)).toBe(
      '报名与出席：报名共 9人次，最多为圆桌会 6人次；出席共 7人次，最多为圆桌会 5人次',
    );
    expect(chartSummary('报名与出席', { ...spec, categories: [] })).toBe('报名与出席：本期暂无数据');
  });

  it('asks uCharts for flat colours, large dark labels and pixels at the screen’s ratio', () => {
    const ctx = {};
    const opts = chartOptions(dashboardView(report()).volunteer, ctx, { width: 320, height: 200, pixelRatio: 2 });
    expect(opts).toMatchObject({
      type: 'column',
      context: ctx,
      canvas2d: true,
      width: 640,
      height: 400,
      pixelRatio: 2,
      color: PALETTE,
      animation: false,
      categories: ['10月', '11月'],
    });
    const extra = opts.extra as Record<string, Record<string, unknown>>;
    expect(extra.column).toMatchObject({ type: 'stack', linearType: 'none' });
    // 13 px on a 375 px wide phone is 26rpx.
    expect(opts.fontSize).toBeGreaterThanOrEqual(12);
    for (const c of PALETTE) expect(c).toMatch(/^#[0-9A-F]{6}$/);
  });

  const size = { width: 335, height: 220, pixelRatio: 2 };
  const days = (n: number) => Array.from({ length: n }, (_, i) => `11/${i + 1}`);
  const lineOf = (n: number): ChartSpec => ({
    type: 'line',
    categories: days(n),
    series: [
      { name: '打卡人次', data: days(n).map(() => 3) },
      { name: '学习人数', data: days(n).map(() => 3) },
    ],
  });

  it('dashes every line after the first, so a line with the same values as another still shows', () => {
    const series = chartOptions(lineOf(3), {}, size).series as Record<string, unknown>[];
    expect(series[0]).not.toHaveProperty('lineType');
    expect(series[1]).toMatchObject({ lineType: 'dash', pointShape: 'rect' });
  });

  it('labels at most seven categories, always the latest, when more would overlap', () => {
    const labelsOf = (n: number) => {
      const format = (chartOptions(lineOf(n), {}, size).xAxis as { formatter?: (l: string, i: number) => string })
        .formatter;
      return days(n)
        .map((d, i) => (format ? format(d, i) : d))
        .filter(Boolean);
    };
    expect(labelsOf(7)).toEqual(days(7));
    expect(labelsOf(12)).toEqual(['11/2', '11/4', '11/6', '11/8', '11/10', '11/12']);
    expect(labelsOf(31)).toHaveLength(7);
    expect(labelsOf(31).at(-1)).toBe('11/31');
  });

  it('runs a bar chart’s values along x and its categories down y, and hides zero values beside a bar', () => {
    const cases = dashboardView(report()).cases;
    const opts = chartOptions(cases, {}, size);
    expect(opts.xAxis).toMatchObject({ min: 0, max: axisMax(cases), splitNumber: 4 });
    expect(opts.yAxis).not.toHaveProperty('data');
    const [opened] = opts.series as { formatter: (v: number) => string }[];
    expect([opened!.formatter(0), opened!.formatter(4)]).toEqual(['', '4']);
    expect(chartOptions(dashboardView(report()).signups, {}, size).series).not.toContainEqual(
      expect.objectContaining({ formatter: expect.anything() }),
    );
  });

  it('grows a bar chart with its categories and series', () => {
    const bars = (categories: number, series: number): ChartSpec => ({
      type: 'bar',
      categories: days(categories),
      series: Array.from({ length: series }, (_, i) => ({ name: `s${i}`, data: days(categories).map(() => 1) })),
    });
    expect(barChartHeight(bars(10, 2))).toBeGreaterThan(barChartHeight(bars(3, 2)));
    expect(barChartHeight(bars(3, 2))).toBeGreaterThan(barChartHeight(bars(3, 1)));
    expect(barChartHeight(bars(1, 1))).toBe(240);
  });

  it('tops the axis at a multiple of its four grid lines, stacked columns at their sums', () => {
    const v = dashboardView(report());
    expect(axisMax(v.signups)).toBe(8);
    expect(axisMax(v.volunteer)).toBe(12);
    expect(axisMax(v.revealed)).toBe(8);
    expect(axisMax({ type: 'line', categories: ['11/2'], series: [{ name: 'a', data: [0] }] })).toBe(4);
  });
});

describe('the period', () => {
  const today = '2026-11-20';

  it('sends the dates only for a custom period', () => {
    expect(dashboardRequest('week', '2026-11-01', today)).toEqual({ period: 'week' });
    expect(dashboardRequest('month', '2026-11-01', today)).toEqual({ period: 'month' });
    expect(dashboardRequest('custom', '2026-11-01', today)).toEqual({
      period: 'custom',
      from: '2026-11-01',
      to: today,
    });
  });

  it('keeps a custom range in order, not after today and at most 92 days long', () => {
    const range = { from: '2026-11-01', to: '2026-11-10' };
    expect(pickEnd(range, 'from', '2026-11-12', today)).toEqual({ from: '2026-11-12', to: '2026-11-12' });
    expect(pickEnd(range, 'to', '2026-10-20', today)).toEqual({ from: '2026-10-20', to: '2026-10-20' });
    expect(pickEnd(range, 'to', '2026-12-01', today)).toEqual({ from: '2026-11-01', to: today });
    const long = pickEnd(range, 'from', '2026-06-01', today);
    expect(long).toEqual({ from: '2026-06-01', to: addDays('2026-06-01', MAX_CUSTOM_DAYS - 1) });
    const back = pickEnd({ from: '2026-06-01', to: '2026-06-10' }, 'to', today, today);
    expect(back).toEqual({ from: addDays(today, -(MAX_CUSTOM_DAYS - 1)), to: today });
  });

  it('offers each picker only days that keep the range valid', () => {
    expect(pickerBounds({ from: '2026-11-01', to: '2026-11-10' }, today)).toEqual({
      fromStart: addDays('2026-11-10', -91),
      fromEnd: '2026-11-10',
      toStart: '2026-11-01',
      toEnd: today,
    });
    expect(pickerBounds({ from: '2026-06-01', to: '2026-06-10' }, today).toEnd).toBe('2026-08-31');
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
  });
});
