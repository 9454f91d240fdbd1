// What the dashboard shows of a report (pure): the headline numbers with their
// change from the previous period in words, and one chart spec per chart.
import type { DashboardReport, Headline } from '../../../../../typings/dashboard';
import { CASE_CATEGORY_LABELS } from '../../../../config/labels';
import { DOMAIN_LABELS, HEADLINE_LABELS, NO_SERIES, RISE_IS_BAD } from '../../utils/labels';
import { barChartHeight, type ChartSpec } from '../chart/spec';

export interface HeadlineView {
  key: Headline['key'];
  label: string;
  value: string;
  /** ↑ 12%, ↓ 5%, 持平, or 上期为0. */
  change: string;
  /** good / bad news, for the change's colour; flat when unchanged. */
  tone: 'good' | 'bad' | 'flat';
}

export interface DashboardView {
  scopeName: string;
  periodText: string;
  previousText: string;
  headlines: HeadlineView[];
  daily: ChartSpec;
  completions: ChartSpec;
  signups: ChartSpec;
  cases: ChartSpec;
  /** The bar charts' heights in rpx (they grow with their categories). */
  completionsHeight: number;
  casesHeight: number;
  /** Satisfaction per category that was rated, as lines under the cases chart. */
  satisfaction: string[];
  volunteer: ChartSpec;
  revealed: ChartSpec;
  campaigns: { id: string; title: string; total: number }[];
  empty: boolean;
}

const UNITS: Partial<Record<Headline['key'], string>> = { satisfaction: '%', volunteerHours: ' 小时' };

export function changeText(h: Headline): string {
  if (h.delta === 0) return '持平';
  if (h.changePct === null) return '上期为0';
  return `${h.delta > 0 ? '↑' : '↓'} ${Math.abs(h.changePct)}%`;
}

export function headlineView(h: Headline): HeadlineView {
  const rise = h.delta > 0;
  const bad = RISE_IS_BAD.has(h.key) ? rise : !rise;
  return {
    key: h.key,
    label: HEADLINE_LABELS[h.key],
    value: `${h.value}${UNITS[h.key] ?? ''}`,
    change: changeText(h),
    tone: h.delta === 0 ? 'flat' : bad ? 'bad' : 'good',
  };
}

/** "2026-11-05" → "11/5". */
export const dayLabel = (day: string) => `${Number(day.slice(5, 7))}/${Number(day.slice(8, 10))}`;
/** "2026-11" → "11月". */
export const monthLabel = (month: string) => `${Number(month.slice(5, 7))}月`;
const percent = (part: number, whole: number) => Math.round((part / whole) * 100);

/** The votes per day of the chosen campaign (the first when none is); no series when no campaign had votes. */
export function campaignChart(report: DashboardReport, campaignId: string): ChartSpec {
  const c = report.campaigns.find((x) => x.campaignId === campaignId) ?? report.campaigns[0];
  return {
    type: 'line',
    categories: report.days.map(dayLabel),
    series: c ? [{ name: c.title, data: c.votes }] : [],
    unit: '票',
  };
}

const ratedIn = (r: DashboardReport) => r.casesByCategory.some((c) => c.rated > 0);

/** With no case rated in the period a satisfaction rate of 0% would be false: there is none. */
function unrated(h: Headline): HeadlineView {
  return { key: h.key, label: HEADLINE_LABELS[h.key], value: '—', change: '本期无评价', tone: 'flat' };
}

export function dashboardView(r: DashboardReport): DashboardView {
  const days = r.days.map(dayLabel);
  const completions: ChartSpec = {
    type: 'bar',
    categories: r.completionsBySeries.map((s) => s.series || NO_SERIES),
    series: [{ name: '完成课程', data: r.completionsBySeries.map((s) => s.count) }],
    unit: '次',
  };
  // Bars: up to ten categories' names, which would not fit side by side under columns.
  const cases: ChartSpec = {
    type: 'bar',
    categories: r.casesByCategory.map((c) => CASE_CATEGORY_LABELS[c.category]),
    series: [
      { name: '新增', data: r.casesByCategory.map((c) => c.opened) },
      { name: '逾期', data: r.casesByCategory.map((c) => c.overdue) },
    ],
    unit: '件',
  };
  return {
    scopeName: r.scopeName,
    periodText: `${r.period.from} 至 ${r.period.to}`,
    previousText: `对比 ${r.period.previousFrom} 至 ${r.period.previousTo}`,
    headlines: r.headlines.map((h) => (h.key === 'satisfaction' && !ratedIn(r) ? unrated(h) : headlineView(h))),
    daily: {
      type: 'line',
      categories: days,
      series: [
        { name: '打卡人次', data: r.daily.checkins },
        { name: '学习人数', data: r.daily.learners },
      ],
    },
    completions,
    completionsHeight: barChartHeight(completions),
    signups: {
      type: 'column',
      categories: r.signupsByDomain.map((d) => DOMAIN_LABELS[d.domain]),
      series: [
        { name: '报名', data: r.signupsByDomain.map((d) => d.signups) },
        { name: '出席', data: r.signupsByDomain.map((d) => d.attended) },
      ],
      unit: '人次',
    },
    cases,
    casesHeight: barChartHeight(cases),
    satisfaction: r.casesByCategory
      .filter((c) => c.rated > 0)
      .map((c) => `${CASE_CATEGORY_LABELS[c.category]}：满意率 ${percent(c.satisfied, c.rated)}%（${c.rated} 件评价）`),
    volunteer: {
      type: 'column',
      stacked: true,
      categories: r.volunteerMonths.map((m) => monthLabel(m.month)),
      series: [
        { name: '信用时数', data: r.volunteerMonths.map((m) => m.creditHours) },
        { name: '荣誉时数', data: r.volunteerMonths.map((m) => m.honorHours) },
      ],
      unit: '小时',
    },
    revealed: {
      type: 'line',
      categories: days,
      series: [{ name: '亮身份党员', data: r.daily.revealedTotal }],
      unit: '人',
    },
    campaigns: r.campaigns.map((c) => ({ id: c.campaignId, title: c.title, total: c.total })),
    empty: r.empty,
  };
}
