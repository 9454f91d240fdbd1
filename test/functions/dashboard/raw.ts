// The dashboard tests' truth: every record collection a counter is kept from, read
// raw from the emulator's database, and the small helpers the metric rows sum with
// (an org scope, the period's days, Beijing days) — none of them the code under test.
import type { DashboardPeriod, DashboardReport } from '../../../typings/dashboard';
import { allDocs, beijingDate } from '../../support/daily-stats';
import type { FunctionsHarness } from '../../support/functions';

export type Doc = Record<string, unknown>;

/** The raw collections, by the name the rows use. */
const COLLECTIONS = {
  orgs: 'orgs',
  checkins: 'quote_checkins',
  studyDays: 'study_days',
  progress: 'lecture_progress',
  lectures: 'lectures',
  users: 'users',
  cases: 'cases',
  campaigns: 'campaigns',
  ballots: 'ballots',
  signups: 'signups',
  signupEvents: 'signup_events',
  volunteerHours: 'volunteer_hours',
  volunteerMembers: 'volunteer_members',
} as const;

export type Raw = Record<Exclude<keyof typeof COLLECTIONS, 'orgs'>, Doc[]> & {
  orgs: { _id: string; ancestors: string[] }[];
};

export async function rawRecords(h: FunctionsHarness): Promise<Raw> {
  const entries = await Promise.all(
    Object.entries(COLLECTIONS).map(async ([name, collection]) => [name, await allDocs<Doc>(h.db, collection)]),
  );
  return Object.fromEntries(entries) as Raw;
}

/** Whether an org lies in the sub-trees of `roots` (every org when roots is null). */
export function scopeOf(raw: Raw, roots: string[] | null): (orgId: unknown) => boolean {
  if (!roots) return () => true;
  const ids = new Set(
    raw.orgs.filter((o) => roots.includes(o._id) || o.ancestors.some((a) => roots.includes(a))).map((o) => o._id),
  );
  return (orgId) => ids.has(orgId as string);
}

/** A Beijing wall-clock time as an instant. */
export const bj = (day: string, time = '10:00') => new Date(`${day}T${time}:00+08:00`).toISOString();
export const bjDay = (at: unknown) => beijingDate(at as string | Date);

export const daysOf = (p: DashboardPeriod) => {
  const out: string[] = [];
  for (let d = p.from; d <= p.to; d = new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10))
    out.push(d);
  return out;
};
export const within = (day: string, from: string, to: string) => day >= from && day <= to;

/** The period's days or the previous period's, as a test of a day. */
export type Window = 'current' | 'previous';
export const inWindow = (p: DashboardPeriod, w: Window) => (day: string) =>
  w === 'current' ? within(day, p.from, p.to) : within(day, p.previousFrom, p.previousTo);

export const headline = (r: DashboardReport, key: string) => r.headlines.find((x) => x.key === key)!;

/** One metric family's figure: what the raw records say, and where the report shows it. */
export interface MetricRow {
  /** The metric family (study, 亮身份, cases, votes, sign-ups, volunteer hours). */
  family: string;
  name: string;
  expected(raw: Raw, inScope: (orgId: unknown) => boolean, p: DashboardPeriod): unknown;
  actual(r: DashboardReport): unknown;
}
