// The dashboard's report shaped from the counters' sums (pure): headlines with their
// change, daily series aligned with the period's days, and the per-key breakdowns.
import type { CaseCategory } from '../../../typings/cases';
import type { DashboardPeriod, DashboardReport, Headline, HeadlineKey, StatMetric } from '../../../typings/dashboard';
import type { SignUpDomain } from '../../../typings/signup';
import type { CounterRow, DashboardCounters } from '../stores/daily-stats';
import { dayCount, daysOf } from './period';

const SIGNUP_DOMAINS: SignUpDomain[] = ['roundtable', 'training', 'station', 'volunteer'];

const oneDecimal = (x: number) => Math.round(x * 10) / 10;
const hours = (minutes: number) => oneDecimal(minutes / 60);
const percent = (part: number, of: number) => (of ? Math.round((part / of) * 100) : 0);

/** Sums of a period's totals by metric and by (metric, key). */
function totalsOf(rows: CounterRow[]) {
  const metric = new Map<StatMetric, number>();
  const byKey = new Map<StatMetric, Map<string, number>>();
  for (const r of rows) {
    metric.set(r.metric, (metric.get(r.metric) ?? 0) + r.n);
    const keys = byKey.get(r.metric) ?? new Map<string, number>();
    keys.set(r.key, (keys.get(r.key) ?? 0) + r.n);
    byKey.set(r.metric, keys);
  }
  return { of: (m: StatMetric) => metric.get(m) ?? 0, keys: (m: StatMetric) => byKey.get(m) ?? new Map() };
}

type Totals = ReturnType<typeof totalsOf>;

/** Each headline's value from a period's totals and its length in days. */
function headlineValues(t: Totals, days: number): Record<HeadlineKey, number> {
  return {
    checkins: t.of('checkins'),
    learnersPerDay: days ? oneDecimal(t.of('learners') / days) : 0,
    completions: t.of('completions'),
    signups: t.of('signups'),
    attended: t.of('attended'),
    casesOpened: t.of('cases_opened'),
    casesClosed: t.of('cases_closed'),
    casesOverdue: t.of('cases_overdue'),
    satisfaction: percent(t.of('cases_satisfied'), t.of('cases_rated')),
    volunteerHours: hours(t.of('volunteer_minutes')),
    votes: t.of('votes'),
    revealed: t.of('revealed'),
  };
}

const DECIMAL: Set<HeadlineKey> = new Set(['learnersPerDay', 'volunteerHours']);

export function headline(key: HeadlineKey, value: number, previous: number): Headline {
  const delta = DECIMAL.has(key) ? oneDecimal(value - previous) : value - previous;
  return {
    key,
    value,
    previous,
    delta,
    changePct: previous ? Math.round(((value - previous) / previous) * 100) : null,
  };
}

/** A series per key of `rows`, aligned with `days`. */
function seriesByKey(rows: CounterRow[], days: string[]): Map<string, number[]> {
  const index = new Map(days.map((d, i) => [d, i]));
  const out = new Map<string, number[]>();
  for (const r of rows) {
    const i = index.get(r.day ?? '');
    if (i === undefined) continue;
    const id = `${r.metric}|${r.key}`;
    const series = out.get(id) ?? days.map(() => 0);
    series[i]! += r.n;
    out.set(id, series);
  }
  return out;
}

const byCountDesc =
  <T>(count: (x: T) => number) =>
  (a: T, b: T) =>
    count(b) - count(a);

export interface ReportInput {
  orgIds: string[] | null;
  scopeName: string;
  period: DashboardPeriod;
  months: string[];
  counters: DashboardCounters;
  now: Date;
}

export function dashboardReport({ orgIds, scopeName, period, months, counters, now }: ReportInput): DashboardReport {
  const days = daysOf(period.from, period.to);
  const cur = totalsOf(counters.current);
  const prev = totalsOf(counters.previous);
  const values = headlineValues(cur, days.length);
  const before = headlineValues(prev, dayCount(period.previousFrom, period.previousTo));
  const headlines = (Object.keys(values) as HeadlineKey[]).map((k) => headline(k, values[k], before[k]));

  const daily = seriesByKey(counters.daily, days);
  const series = (id: string) => daily.get(id) ?? days.map(() => 0);
  let revealed = counters.revealedBefore;
  const revealedTotal = series('revealed|').map((n) => (revealed += n));

  // A campaign's title is its counters' label (the latest written).
  const labels = new Map(
    [...counters.current, ...counters.votes].filter((r) => r.label).map((r) => [`${r.metric}|${r.key}`, r.label!]),
  );
  const votes = seriesByKey(counters.votes, days);
  const campaigns = [...votes.entries()]
    .map(([id, perDay]) => ({
      campaignId: id.slice('votes|'.length),
      title: labels.get(id) ?? '',
      total: perDay.reduce((a, b) => a + b, 0),
      votes: perDay,
    }))
    .filter((c) => c.total)
    .sort(byCountDesc((c) => c.total));

  const categories = new Set<string>(
    (['cases_opened', 'cases_closed', 'cases_overdue', 'cases_rated', 'cases_satisfied'] as const).flatMap((m) => [
      ...cur.keys(m).keys(),
    ]),
  );
  const minutesOf = (month: string, key: string) =>
    counters.volunteerMonths.filter((r) => r.month === month && r.key === key).reduce((a, r) => a + r.n, 0);

  return {
    orgIds,
    scopeName,
    period,
    headlines,
    days,
    daily: {
      checkins: series('checkins|'),
      learners: series('learners|'),
      signups: series('signups|roundtable'),
      attended: series('attended|roundtable'),
      revealedTotal,
    },
    completionsBySeries: [...cur.keys('completions').entries()]
      .map(([series, count]) => ({ series, count }))
      .filter((s) => s.count)
      .sort(byCountDesc((s) => s.count)),
    signupsByDomain: SIGNUP_DOMAINS.map((domain) => ({
      domain,
      signups: cur.keys('signups').get(domain) ?? 0,
      attended: cur.keys('attended').get(domain) ?? 0,
    })).filter((d) => d.signups || d.attended),
    casesByCategory: [...categories]
      .map((category) => ({
        category: category as CaseCategory,
        opened: cur.keys('cases_opened').get(category) ?? 0,
        closed: cur.keys('cases_closed').get(category) ?? 0,
        overdue: cur.keys('cases_overdue').get(category) ?? 0,
        rated: cur.keys('cases_rated').get(category) ?? 0,
        satisfied: cur.keys('cases_satisfied').get(category) ?? 0,
      }))
      .filter((c) => c.opened || c.closed || c.overdue || c.rated)
      .sort(byCountDesc((c) => c.opened)),
    volunteerMonths: months.map((month) => ({
      month,
      creditHours: hours(minutesOf(month, 'credit')),
      honorHours: hours(minutesOf(month, 'honor')),
    })),
    campaigns,
    empty: headlines.every((h) => h.value === 0 && h.previous === 0),
    generatedAt: now.toISOString(),
  };
}
