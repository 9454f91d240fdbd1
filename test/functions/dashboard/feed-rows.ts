// The metric rows of cases, votes, sign-ups and volunteer hours: each figure of the
// report summed here from the raw records as typings/dashboard.ts defines it — a
// case's counts under its current org by category, valid votes under the
// campaign's org, seats and check-ins under the booking's org on the event's start
// day, volunteer minutes under the member's org on the service's start day.
import type { DashboardPeriod, DashboardReport } from '../../../typings/dashboard';
import { bjDay, daysOf, type Doc, headline, inWindow, type MetricRow, type Raw, type Window } from './raw';

type InScope = (orgId: unknown) => boolean;
const WINDOWS: Window[] = ['current', 'previous'];
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const oneDecimal = (x: number) => Math.round(x * 10) / 10;

// ---- cases ------------------------------------------------------------------------

const OPEN = ['submitted', 'accepted', 'in_progress', 'extended', 'reopened', 'returned'];
const at = (x: unknown) => new Date(x as string).getTime();
type CaseTally = { opened: number; closed: number; overdue: number; rated: number; satisfied: number };

/** The window's cases per category, as the metric definitions read, from the raw cases. */
function casesByCategory(raw: Raw, inScope: InScope, p: DashboardPeriod, w: Window): Record<string, CaseTally> {
  const inside = inWindow(p, w);
  const out: Record<string, CaseTally> = {};
  const add = (c: Doc, field: keyof CaseTally, when: unknown) => {
    if (!inside(bjDay(when))) return;
    const t = (out[c.category as string] ??= { opened: 0, closed: 0, overdue: 0, rated: 0, satisfied: 0 });
    t[field]++;
  };
  for (const c of raw.cases) {
    if (c.state === 'rejected' || !inScope(c.orgId)) continue;
    add(c, 'opened', c.submittedAt);
    if (c.closedAt) add(c, 'closed', c.closedAt);
    const flag = (c.flags as { overdue?: { at: unknown } }).overdue;
    const late = OPEN.includes(c.state as string)
      ? !!flag && at(flag.at) >= at(c.dueAt)
      : !!c.answeredAt && at(c.answeredAt) > at(c.dueAt);
    if (late) add(c, 'overdue', c.dueAt);
    if (c.rating) {
      add(c, 'rated', c.ratedAt ?? c.closedAt);
      if (c.rating === 'satisfied' || c.rating === 'basically_satisfied') add(c, 'satisfied', c.ratedAt ?? c.closedAt);
    }
  }
  return out;
}

const casesTotal = (raw: Raw, inScope: InScope, p: DashboardPeriod, w: Window) => {
  const t = Object.values(casesByCategory(raw, inScope, p, w));
  const of = (f: keyof CaseTally) => sum(t.map((x) => x[f]));
  return {
    casesOpened: of('opened'),
    casesClosed: of('closed'),
    casesOverdue: of('overdue'),
    satisfaction: of('rated') ? Math.round((of('satisfied') / of('rated')) * 100) : 0,
  };
};

const CASE_HEADLINES = ['casesOpened', 'casesClosed', 'casesOverdue', 'satisfaction'] as const;

const CASE_ROWS: MetricRow[] = [
  {
    family: 'cases',
    name: 'cases by category',
    expected: (raw, inScope, p) => casesByCategory(raw, inScope, p, 'current'),
    actual: (r) => Object.fromEntries(r.casesByCategory.map(({ category, ...t }) => [category, t])),
  },
  ...WINDOWS.map((w): MetricRow => ({
    family: 'cases',
    name: `case headlines (${w})`,
    expected: (raw, inScope, p) => casesTotal(raw, inScope, p, w),
    actual: (r) =>
      Object.fromEntries(CASE_HEADLINES.map((k) => [k, headline(r, k)[w === 'current' ? 'value' : 'previous']])),
  })),
];

// ---- votes ------------------------------------------------------------------------

/** Valid (not voided) votes per campaign per day in scope, from the raw ballots and campaigns. */
function votesByCampaign(raw: Raw, inScope: InScope) {
  const campaigns = new Map(raw.campaigns.map((c) => [c._id, c]));
  const out = new Map<string, { title: string; byDay: Map<string, number> }>();
  for (const b of raw.ballots) {
    const c = campaigns.get(b.campaignId)!;
    if (!inScope(c.orgId)) continue;
    const valid = (b.log as { voided?: boolean }[]).filter((e) => !e.voided).length;
    const entry = out.get(c._id as string) ?? { title: c.title as string, byDay: new Map() };
    entry.byDay.set(b.day as string, (entry.byDay.get(b.day as string) ?? 0) + valid);
    out.set(c._id as string, entry);
  }
  return out;
}

const votesIn = (raw: Raw, inScope: InScope, p: DashboardPeriod, w: Window) =>
  sum(
    [...votesByCampaign(raw, inScope).values()].flatMap((c) =>
      [...c.byDay].filter(([d]) => inWindow(p, w)(d)).map(([, n]) => n),
    ),
  );

const VOTE_ROWS: MetricRow[] = [
  {
    family: 'votes',
    name: 'votes per campaign per day',
    expected: (raw, inScope, p) =>
      Object.fromEntries(
        [...votesByCampaign(raw, inScope)]
          .map(([id, c]) => {
            const votes = daysOf(p).map((d) => c.byDay.get(d) ?? 0);
            return [id, { title: c.title, total: sum(votes), votes }] as const;
          })
          .filter(([, c]) => c.total),
      ),
    actual: (r) => Object.fromEntries(r.campaigns.map(({ campaignId, ...c }) => [campaignId, c])),
  },
  ...WINDOWS.map((w): MetricRow => ({
    family: 'votes',
    name: `votes (${w})`,
    expected: (raw, inScope, p) => votesIn(raw, inScope, p, w),
    actual: (r) => headline(r, 'votes')[w === 'current' ? 'value' : 'previous'],
  })),
];

// ---- sign-ups ---------------------------------------------------------------------

const SEATED = ['confirmed', 'attended', 'no_show'];

/** Each sign-up record in scope with its event's domain and Beijing start day. */
function seats(raw: Raw, inScope: InScope) {
  const events = new Map(raw.signupEvents.map((e) => [e._id, e]));
  return raw.signups.flatMap((s) => {
    const e = events.get(s.eventKey)!;
    if (!inScope(e.orgId)) return [];
    return [
      {
        domain: e.domain as string,
        day: bjDay(e.startAt),
        seated: SEATED.includes(s.state as string),
        came: s.state === 'attended',
      },
    ];
  });
}

function signupsByDomain(raw: Raw, inScope: InScope, p: DashboardPeriod, w: Window) {
  const out: Record<string, { signups: number; attended: number }> = {};
  for (const s of seats(raw, inScope))
    if (inWindow(p, w)(s.day) && (s.seated || s.came)) {
      const t = (out[s.domain] ??= { signups: 0, attended: 0 });
      t.signups += s.seated ? 1 : 0;
      t.attended += s.came ? 1 : 0;
    }
  return out;
}

const SIGNUP_ROWS: MetricRow[] = [
  {
    family: 'sign-ups',
    name: 'round-table sign-ups and attendance per day',
    expected: (raw, inScope, p) => {
      const rt = seats(raw, inScope).filter((s) => s.domain === 'roundtable');
      const perDay = (f: (s: (typeof rt)[number]) => boolean) =>
        daysOf(p).map((d) => rt.filter((s) => s.day === d && f(s)).length);
      return { signups: perDay((s) => s.seated), attended: perDay((s) => s.came) };
    },
    actual: (r) => ({ signups: r.daily.signups, attended: r.daily.attended }),
  },
  {
    family: 'sign-ups',
    name: 'sign-ups by domain',
    expected: (raw, inScope, p) => signupsByDomain(raw, inScope, p, 'current'),
    actual: (r) => Object.fromEntries(r.signupsByDomain.map(({ domain, ...t }) => [domain, t])),
  },
  ...WINDOWS.map((w): MetricRow => ({
    family: 'sign-ups',
    name: `sign-ups and attendance (${w})`,
    expected: (raw, inScope, p) => {
      const t = Object.values(signupsByDomain(raw, inScope, p, w));
      return { signups: sum(t.map((x) => x.signups)), attended: sum(t.map((x) => x.attended)) };
    },
    actual: (r) => {
      const pick = (k: 'signups' | 'attended') => headline(r, k)[w === 'current' ? 'value' : 'previous'];
      return { signups: pick('signups'), attended: pick('attended') };
    },
  })),
];

// ---- volunteer hours --------------------------------------------------------------

/** Each hours record in scope (by its member's org) with its kind, minutes and Beijing start day. */
function hours(raw: Raw, inScope: InScope) {
  const memberOrg = new Map(raw.volunteerMembers.map((m) => [m._id, m.orgId]));
  return raw.volunteerHours
    .filter((x) => inScope(memberOrg.get(x.userId)))
    .map((x) => ({ kind: x.kind as string, minutes: x.minutes as number, day: bjDay(x.startAt) }));
}

/** The 12 months "YYYY-MM" ending with the period's last day's month. */
function twelveMonths(p: DashboardPeriod): string[] {
  const [y, m] = p.to.split('-').map(Number) as [number, number];
  return Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 12 + i, 1));
    return d.toISOString().slice(0, 7);
  });
}

const VOLUNTEER_ROWS: MetricRow[] = [
  {
    family: 'volunteer hours',
    name: 'volunteer hours per month',
    expected: (raw, inScope, p) => {
      const of = (month: string, kind: string) =>
        oneDecimal(
          sum(
            hours(raw, inScope)
              .filter((x) => x.day.startsWith(month) && x.kind === kind)
              .map((x) => x.minutes),
          ) / 60,
        );
      return twelveMonths(p).map((month) => ({
        month,
        creditHours: of(month, 'credit'),
        honorHours: of(month, 'honor'),
      }));
    },
    actual: (r) => r.volunteerMonths,
  },
  ...WINDOWS.map((w): MetricRow => ({
    family: 'volunteer hours',
    name: `volunteer hours (${w})`,
    expected: (raw, inScope, p) =>
      oneDecimal(
        sum(
          hours(raw, inScope)
            .filter((x) => inWindow(p, w)(x.day))
            .map((x) => x.minutes),
        ) / 60,
      ),
    actual: (r: DashboardReport) => headline(r, 'volunteerHours')[w === 'current' ? 'value' : 'previous'],
  })),
];

export const FEED_ROWS: MetricRow[] = [...CASE_ROWS, ...VOTE_ROWS, ...SIGNUP_ROWS, ...VOLUNTEER_ROWS];
