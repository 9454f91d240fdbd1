// The dashboard's world: two districts with records of every metric family (study,
// 亮身份 here; cases, votes, sign-ups and volunteer hours in feeds.ts) made through
// the real actions at pinned Beijing times, and what the counters must say computed
// by the test from the raw record collections (never through the code under test).
// Each figure is one row of METRIC_ROWS; a family adds its rows.
import type { DashboardReport } from '../../../typings/dashboard';
import { makeAdmin, type OrgFixture, registerWorker, seedOrgs } from '../../support/fixtures';
import { type FunctionsHarness, SUPERADMIN } from '../../support/functions';
import { FEED_ROWS } from './feed-rows';
import { buildFeeds } from './feeds';
import { bj, bjDay, daysOf, headline, type MetricRow, type Raw, scopeOf, within } from './raw';

export { bj, rawRecords } from './raw';

/** Wednesday 2026-11-25, 12:00 in Beijing: "today" of every dashboard call. */
export const NOW = '2026-11-25T04:00:00.000Z';
export const DISTRICT_ADMIN = 'o-dash-district';
export const OTHER_ADMIN = 'o-dash-other';
export const WORKER = 'o-dash-w1';

export interface DashWorld {
  orgs: OrgFixture;
}

/** Opens the lecture at 10:00 that day and watches it for `upTo` seconds (60: to the end, completed). */
async function study(h: FunctionsHarness, openid: string, lectureId: string, day: string, upTo = 60) {
  const at = (s: number) => new Date(new Date(bj(day)).getTime() + s * 1000).toISOString();
  await h.as(openid).at(at(0)).ok('study', 'getLecture', { id: lectureId });
  for (let t = 10; t <= upTo; t += 10)
    await h.as(openid).at(at(t)).ok('study', 'reportProgress', { lectureId, positionSec: t });
}

async function lecture(h: FunctionsHarness, orgId: string, series: string) {
  const su = h.as(SUPERADMIN);
  const l = await su.ok<{ id: string }>('study', 'saveLecture', {
    title: `${series}微党课`,
    speaker: '示例讲师',
    kind: 'article',
    durationSec: 60,
    body: '<p>正文</p>',
    series,
    orgId,
  });
  await su.ok('study', 'setLecturePublished', { id: l.id, published: true });
  return l.id;
}

export async function buildDashWorld(h: FunctionsHarness): Promise<DashWorld> {
  const orgs = await seedOrgs(h);
  const su = h.as(SUPERADMIN);
  await su.ok('study', 'saveQuote', { text: '看板测试金句', source: '测试', orgId: orgs.district.id });
  await makeAdmin(h, DISTRICT_ADMIN, [orgs.district.id]);
  await makeAdmin(h, OTHER_ADMIN, [orgs.otherDistrict.id]);
  await registerWorker(h, WORKER, orgs.expressBranch.id);
  await registerWorker(h, 'o-dash-w2', orgs.foodBranch.id, { phone: '13900002201' });
  await registerWorker(h, 'o-dash-w3', orgs.otherBranch.id, { phone: '13900002202' });
  const member = (openid: string, orgId: string, phone: string) =>
    registerWorker(h, openid, orgId, { phone, isPartyMember: true, branchName: '示例党支部' });
  const m1 = await member('o-dash-m1', orgs.foodBranch.id, '13900002203');
  const m2 = await member('o-dash-m2', orgs.otherBranch.id, '13900002204');
  const m3 = await member('o-dash-m3', orgs.expressBranch.id, '13900002205');
  await su.at(bj('2026-11-18')).ok('user', 'verifyMember', { userId: m3.userId, approve: true });
  await su.at(bj('2026-11-23')).ok('user', 'verifyMember', { userId: m2.userId, approve: true });
  await su.at(bj('2026-11-24')).ok('user', 'verifyMember', { userId: m1.userId, approve: true });
  // Check-ins this week and last (the week compared with).
  for (const [openid, day] of [
    [WORKER, '2026-11-23'],
    [WORKER, '2026-11-24'],
    ['o-dash-w2', '2026-11-24'],
    ['o-dash-w3', '2026-11-23'],
    [WORKER, '2026-11-17'],
    ['o-dash-m1', '2026-11-25'],
  ] as const)
    await h.as(openid).at(bj(day, '08:00')).ok('study', 'checkIn');
  const safety = await lecture(h, orgs.district.id, '安全');
  const policy = await lecture(h, orgs.otherDistrict.id, '政策');
  await study(h, WORKER, safety, '2026-11-24');
  await study(h, 'o-dash-w3', safety, '2026-11-24');
  await study(h, 'o-dash-w3', policy, '2026-11-25');
  await study(h, 'o-dash-w2', policy, '2026-11-18');
  // A learner who studied without finishing (their day counts, no completion), and one on the day they checked in.
  await study(h, 'o-dash-m2', safety, '2026-11-24', 20);
  await study(h, 'o-dash-m1', policy, '2026-11-25', 20);
  await buildFeeds(h, orgs, {
    districtAdmin: DISTRICT_ADMIN,
    otherAdmin: OTHER_ADMIN,
    district: [WORKER, 'o-dash-w2', 'o-dash-m1'],
    other: ['o-dash-w3', 'o-dash-m2'],
  });
  return { orgs };
}

function completionsBySeries(raw: Raw, inScope: (o: unknown) => boolean, from: string, to: string) {
  const series = new Map(raw.lectures.map((l) => [l._id, String(l.series ?? '')]));
  const out: Record<string, number> = {};
  for (const p of raw.progress)
    if (p.completed && inScope(p.orgId) && within(bjDay(p.completedAt), from, to)) {
      const s = series.get(p.lectureId) ?? '';
      out[s] = (out[s] ?? 0) + 1;
    }
  return out;
}

const verified = (raw: Raw, inScope: (o: unknown) => boolean) =>
  raw.users.filter(
    (u) =>
      u.status === 'active' &&
      u.memberStatus === 'verified' &&
      u.memberVerifiedAt &&
      inScope((u.worker as { orgId?: string } | null)?.orgId),
  );

const STUDY_ROWS: Omit<MetricRow, 'family'>[] = [
  {
    name: 'check-ins per day',
    expected: (raw, inScope, p) =>
      daysOf(p).map((d) => raw.checkins.filter((c) => c.day === d && inScope(c.orgId)).length),
    actual: (r) => r.daily.checkins,
  },
  {
    name: 'check-ins of the previous period',
    expected: (raw, inScope, p) =>
      raw.checkins.filter((c) => within(c.day as string, p.previousFrom, p.previousTo) && inScope(c.orgId)).length,
    actual: (r) => headline(r, 'checkins').previous,
  },
  {
    name: 'learners per day',
    expected: (raw, inScope, p) =>
      daysOf(p).map((d) => raw.studyDays.filter((s) => s.day === d && inScope(s.orgId)).length),
    actual: (r) => r.daily.learners,
  },
  {
    name: 'completions by series',
    expected: (raw, inScope, p) => completionsBySeries(raw, inScope, p.from, p.to),
    actual: (r) => Object.fromEntries(r.completionsBySeries.map((s) => [s.series, s.count])),
  },
  {
    name: 'completions of the previous period',
    expected: (raw, inScope, p) =>
      Object.values(completionsBySeries(raw, inScope, p.previousFrom, p.previousTo)).reduce((a, b) => a + b, 0),
    actual: (r) => headline(r, 'completions').previous,
  },
];

const REVEALED_ROWS: Omit<MetricRow, 'family'>[] = [
  {
    name: 'members revealed in the period',
    expected: (raw, inScope, p) =>
      verified(raw, inScope).filter((u) => within(bjDay(u.memberVerifiedAt), p.from, p.to)).length,
    actual: (r) => headline(r, 'revealed').value,
  },
  {
    name: 'members revealed in total at the end of each day',
    expected: (raw, inScope, p) =>
      daysOf(p).map((d) => verified(raw, inScope).filter((u) => bjDay(u.memberVerifiedAt) <= d).length),
    actual: (r) => r.daily.revealedTotal,
  },
];

export const METRIC_ROWS: MetricRow[] = [
  ...STUDY_ROWS.map((r) => ({ family: 'study', ...r })),
  ...REVEALED_ROWS.map((r) => ({ family: '亮身份', ...r })),
  ...FEED_ROWS,
];

/** Every row's expected figure and the report's, by row name. */
export function compare(raw: Raw, roots: string[] | null, r: DashboardReport) {
  const inScope = scopeOf(raw, roots);
  const row = (f: (m: MetricRow) => unknown) => Object.fromEntries(METRIC_ROWS.map((m) => [m.name, f(m)]));
  return { expected: row((m) => m.expected(raw, inScope, r.period)), actual: row((m) => m.actual(r)) };
}
