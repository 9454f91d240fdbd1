// The demo data `npm start` and `--seed` provide, as other people's scenarios will
// meet it: through the functions, on seeded data.
import type { Campaign, Candidate, Nomination, NominationAdminView, ResultEntry } from '../../typings/campaign';
import type { Page } from '../../typings/common';
import type {
  CancelSignUpReceipt,
  MeetingDetail,
  MeetingSignUpReceipt,
  MeetingSummary,
} from '../../typings/roundtable';
import type { StationDetail, StationSummary } from '../../typings/station';
import type { DailyQuote, LectureDetail, LectureSummary } from '../../typings/study';
import type { AdminShopOrder, GoodsSummary, ShopOrder } from '../../typings/volunteer-shop';
import type { DashboardReport } from '../../typings/dashboard';
import { beijingDay } from '../../cloudfunctions/_shared/clock';
import { addDays } from '../../cloudfunctions/_shared/stats/period';
import { seedDemoData } from '../../scripts/seed';
import { SEED_CASE_IDS, SEED_RIDERS } from '../../scripts/seed/cases';
import { SEED_ORG_IDS } from '../../scripts/seed/orgs';
import { snapshotDb } from '../support/db-snapshot';
import { registerWorker } from '../support/fixtures';
import { type FunctionsHarness, startFunctions, SUPERADMIN } from '../support/functions';
import { sdkFor } from '../support/sdk';

let h: FunctionsHarness;
beforeAll(async () => {
  h = await startFunctions();
  await seedDemoData(h.emu, () => {});
  await h.as('seed-viewer').ok('user', 'login');
});
afterAll(() => h.stop());

it('seeding again changes nothing', async () => {
  const before = await snapshotDb(h.emu);
  await seedDemoData(h.emu, () => {});
  const strip = (s: string) =>
    s
      .replace(
        /"(createdAt|updatedAt|publishedAt|announcedAt|verifiedAt|consentAt|startAt|endAt|deadline|queuedAt|confirmedAt|at)":\{[^}]*\}/g,
        '',
      )
      .replace(/"phases":\{[^}]*\}/g, '');
  expect(strip(await snapshotDb(h.emu))).toBe(strip(before));
});

it('has at least 30 quotes, each with a source; original lines are marked as sample content', async () => {
  const { data } = await h.db.collection('quotes').limit(100).get();
  expect(data.length).toBeGreaterThanOrEqual(30);
  for (const q of data as { text: string; source: string; sample: boolean }[]) {
    expect(q.source).not.toBe('');
    if (q.sample) expect(q.source).toContain('示例');
    else expect(q.source).toMatch(/《.+》/);
  }
  expect((await h.as('seed-viewer').ok<DailyQuote>('study', 'todayQuote')).quote.text).not.toBe('');
});

it('has 8 published lectures in 3 series, with playable media in storage', async () => {
  const list = await h
    .as('seed-viewer')
    .ok<Page<LectureSummary> & { series: string[] }>('study', 'listLectures', { pageSize: 50 });
  expect(list.items).toHaveLength(8);
  expect(list.series).toHaveLength(3);
  const video = list.items.find((l) => l.kind === 'video')!;
  const detail = await h.as('seed-viewer').ok<LectureDetail>('study', 'getLecture', { id: video.id });
  const { fileContent } = await sdkFor(h.emu).downloadFile({ fileID: detail.mediaFileId });
  expect((fileContent as Buffer).length).toBeGreaterThan(10_000);
});

it('has a campaign open for voting with 4 categories × 6 candidates, and a finished one with results', async () => {
  const voting = await h.as('seed-viewer').ok<Campaign>('campaign', 'getCampaign', { id: 'camp-voting' });
  expect(voting.phase).toBe('voting');
  expect(voting.categories.map((c) => c.name)).toEqual([
    '最美快递小哥',
    '最美外卖小哥',
    '最美网约车司机',
    '最美网络主播',
  ]);
  for (const cat of voting.categories) {
    const page = await h
      .as('seed-viewer')
      .ok<Page<Candidate>>('campaign', 'listCandidates', { campaignId: voting.id, category: cat.key });
    expect(page.items).toHaveLength(6);
  }
  const vote = await h.as('seed-viewer').call('campaign', 'vote', { candidateId: 'cv00' });
  expect(vote).toMatchObject({ ok: true });
  const done = await h
    .as('seed-viewer')
    .ok<{ announced: boolean; byCategory: { entries: ResultEntry[] }[] }>('campaign', 'results', {
      campaignId: 'camp-2025',
    });
  expect(done.announced).toBe(true);
  expect(done.byCategory.map((c) => c.entries.filter((e) => e.winner).length)).toEqual([5, 5, 5, 5]);
});

describe('the station network', () => {
  const nearby = (req: object) =>
    h.as('seed-viewer').ok<Page<StationSummary> & { located: boolean }>('station', 'nearbyStations', req);

  it('is one centre, six stations and thirty service points, each an org of the tree', async () => {
    const all = await nearby({ pageSize: 50 });
    expect(all.located).toBe(false);
    const kinds = all.items.map((s) => s.kind);
    expect(kinds.filter((k) => k === 'center')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'station')).toHaveLength(6);
    expect(kinds.filter((k) => k === 'point')).toHaveLength(30);
    const { data: orgs } = await h.db.collection('orgs').where({ type: 'station' }).limit(100).get();
    expect(orgs.map((o: { _id: string }) => o._id).sort()).toEqual(all.items.map((s) => s.id).sort());
    for (const s of all.items) expect(s.address).toContain('演示');
  });

  it('answers "nearest first" from the centre’s doorstep with the centre itself', async () => {
    const page = await nearby({ lat: 30.268, lng: 120.148, pageSize: 5 });
    expect(page.located).toBe(true);
    expect(page.items[0]).toMatchObject({ id: 'st-center', kind: 'center' });
    expect(page.items[0]!.distanceM).toBeLessThan(1);
    const distances = page.items.map((s) => s.distanceM!);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });

  it('gives every station a fictional phone no one answers', async () => {
    const d = await h.as('seed-viewer').ok<StationDetail>('station', 'getStation', { id: 'st-center' });
    expect(d.phone).toMatch(/^0571-0000\d{4}$/);
    expect(d.manager.phone).toMatch(/^0571-0000\d{4}$/);
    expect(d.manager.name).toContain('示例');
  });
});

describe('the campaign taking nominations', () => {
  const nominationOf = (nomineeName: string) => ({
    campaignId: 'camp-nomination',
    category: 'volunteer',
    relation: 'other' as const,
    nomineeName,
    platform: '示例快递城北网点',
    phone: '13900002222',
    deeds: '每周末到驿站为骑手义务修理电动车，三年来从未间断，还带动身边同事一起参与志愿服务。',
    photos: [],
  });

  it('is open for nominations now, with voting later', async () => {
    const c = await h.as('seed-viewer').ok<Campaign>('campaign', 'getCampaign', { id: 'camp-nomination' });
    expect(c.phase).toBe('nomination');
    expect(c.categories.map((k) => k.name)).toEqual(['志愿服务之星', '安全出行之星', '暖心邻里之星']);
    expect(c.rules).toContain('演示');
    expect(Date.parse(c.phases.nominationEnd)).toBeGreaterThan(Date.now() + 7 * 86_400_000);
    expect(Date.parse(c.phases.votingStart)).toBeGreaterThan(Date.parse(c.phases.nominationEnd));
  });

  it('takes a registered worker’s nomination, which a superadmin reviews into candidate A001', async () => {
    await registerWorker(h, 'seed-worker', SEED_ORG_IDS.expressBranch);
    const nomination = await h.as('seed-worker').ok<Nomination>('campaign', 'nominate', nominationOf('李示例'));
    expect(nomination).toMatchObject({ status: 'pending', candidateId: null });

    await h.as(SUPERADMIN).ok('user', 'login');
    const reviewed = await h
      .as(SUPERADMIN)
      .ok<NominationAdminView>('campaign', 'reviewNomination', { id: nomination.id, approve: true });
    expect(reviewed).toMatchObject({ status: 'approved', candidateId: expect.any(String), nominatorName: '张小快' });
    const candidates = await h
      .as('seed-viewer')
      .ok<Page<Candidate>>('campaign', 'listCandidates', { campaignId: 'camp-nomination' });
    expect(candidates.items).toEqual([
      expect.objectContaining({ id: reviewed.candidateId, name: '李示例', number: 'A001', category: 'volunteer' }),
    ]);
  });

  it('seeding again keeps the numbers already given: the next approval is A002, not a duplicate', async () => {
    await seedDemoData(h.emu, () => {});
    const second = await h.as('seed-worker').ok<Nomination>('campaign', 'nominate', nominationOf('王示例'));
    const reviewed = await h
      .as(SUPERADMIN)
      .ok<NominationAdminView>('campaign', 'reviewNomination', { id: second.id, approve: true });
    const page = await h
      .as('seed-viewer')
      .ok<Page<Candidate>>('campaign', 'listCandidates', { campaignId: 'camp-nomination' });
    expect(page.items.find((c) => c.id === reviewed.candidateId)?.number).toBe('A002');
  });

  it('refuses a nomination from someone who has not signed in (UNAUTHENTICATED)', async () => {
    const reply = await h.as('never-logged-in').call('campaign', 'nominate', nominationOf('赵示例'));
    expect(reply).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });
});

describe('the meetings', () => {
  const CENTRE = { lat: 30.268, lng: 120.148 };
  const listed = (req: object) =>
    h.as('seed-viewer').ok<Page<MeetingSummary> & { located: boolean }>('roundtable', 'listMeetings', req);
  const meeting = (id: string, as = 'seed-viewer') => h.as(as).ok<MeetingDetail>('roundtable', 'getMeeting', { id });

  it('lists two round-tables, a training class and two activities coming up, nearest first from the centre', async () => {
    const near = await listed({ ...CENTRE, pageSize: 50 });
    expect(near.items[0]).toMatchObject({ id: 'mt-seed-rt-charging', venue: { stationId: 'st-center' } });
    expect(near.items[0]!.distanceM).toBeLessThan(1);
    expect(near.items.map((m) => m.id).sort()).toEqual(
      [
        'mt-seed-act-clinic',
        'mt-seed-act-legal',
        'mt-seed-rt-charging',
        'mt-seed-rt-rights',
        'mt-seed-training-safety',
      ].sort(),
    );
    const kinds = async (kind: string) => (await listed({ kind })).items.map((m) => m.id).sort();
    expect(await kinds('roundtable')).toEqual(['mt-seed-rt-charging', 'mt-seed-rt-rights']);
    expect(await kinds('training')).toEqual(['mt-seed-training-safety']);
    expect(await kinds('activity')).toEqual(['mt-seed-act-clinic', 'mt-seed-act-legal']);
    const byTime = await listed({});
    const starts = byTime.items.map((m) => Date.parse(m.startAt));
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    for (const m of near.items) expect(Date.parse(m.startAt)).toBeGreaterThan(Date.now());
  });

  it('the round-table with one seat left: a new worker takes it, the next waits, a seeded rider cancels and promotes', async () => {
    const page = await meeting('mt-seed-rt-rights');
    expect(page.booking.counts).toEqual({ capacity: 10, seatsTaken: 9, seatsLeft: 1, waitlisted: 0, attended: 0 });
    expect(page.coming).toMatchObject({ seated: 9 });
    expect(JSON.stringify(page)).not.toMatch(/示例）|1990000/);
    await registerWorker(h, 'seed-rt-first', SEED_ORG_IDS.expressBranch);
    await registerWorker(h, 'seed-rt-second', SEED_ORG_IDS.foodBranch, { occupation: 'food_delivery' });
    const prefill = (await meeting('mt-seed-rt-rights', 'seed-rt-first')).prefill;
    expect(prefill).toEqual([{ key: 'job', values: ['快递员'] }]);
    const first = await h
      .as('seed-rt-first')
      .ok<MeetingSignUpReceipt>('roundtable', 'signUp', { meetingId: 'mt-seed-rt-rights', answers: prefill });
    expect(first.signUp.state).toBe('confirmed');
    // The form is optional: a sign-up with only a topic goes through.
    const second = await h.as('seed-rt-second').ok<MeetingSignUpReceipt>('roundtable', 'signUp', {
      meetingId: 'mt-seed-rt-rights',
      topic: '超时罚款能不能申诉',
    });
    expect(second.signUp).toMatchObject({ state: 'waitlisted', position: 1 });
    const left = await h
      .as('seed-rider-03')
      .ok<CancelSignUpReceipt>('roundtable', 'cancelSignUp', { meetingId: 'mt-seed-rt-rights' });
    expect(left.promoted).toBe(1);
    expect((await meeting('mt-seed-rt-rights', 'seed-rt-second')).mine?.state).toBe('confirmed');
  });

  it('the round-table held ten days ago shows its minutes and who came', async () => {
    const held = await meeting('mt-seed-rt-held');
    expect(held.phase).toBe('ended');
    expect(held.minutes?.raised).toHaveLength(3);
    expect(held.minutes?.takenAway.map((i) => i.department)).toEqual(['区教育局（示例）', '区邮政管理局（示例）']);
    expect(held.booking.counts).toMatchObject({ seatsTaken: 8, attended: 6 });
    expect(held.canSignUp).toBe(false);
  });

  it('the training class’s online part is a seeded lecture series', async () => {
    const training = await meeting('mt-seed-training-safety');
    expect(training.training).toMatchObject({ classHours: 4, series: '安全与健康' });
    const lectures = await h
      .as('seed-viewer')
      .ok<Page<LectureSummary> & { series: string[] }>('study', 'listLectures', { series: '安全与健康', pageSize: 50 });
    expect(lectures.items.length).toBeGreaterThan(0);
  });

  it('every seeded booking’s counters equal its sign-up records', async () => {
    const { data: bookings } = await h.db
      .collection('signup_events')
      .where({ eventId: h.db.RegExp({ regexp: '^mt-seed-' }) })
      .get();
    expect(bookings).toHaveLength(6);
    for (const b of bookings as {
      _id: string;
      seatsTaken: number;
      free: number;
      capacity: number;
      waitlisted: number;
      attended: number;
    }[]) {
      const { data } = await h.db.collection('signups').where({ eventKey: b._id }).limit(1000).get();
      const n = (states: string[]) => (data as { state: string }[]).filter((s) => states.includes(s.state)).length;
      expect({
        id: b._id,
        seatsTaken: b.seatsTaken,
        free: b.free,
        waitlisted: b.waitlisted,
        attended: b.attended,
      }).toEqual({
        id: b._id,
        seatsTaken: n(['confirmed', 'attended', 'no_show']),
        free: b.capacity - n(['confirmed', 'attended', 'no_show']),
        waitlisted: n(['waitlisted']),
        attended: n(['attended']),
      });
    }
  });
});

describe('the demo cases', () => {
  const admin = () => h.as(SUPERADMIN);
  const rider = () => h.as('demo-rider-1');

  it('fill an organiser’s queue in various states, some overdue, one never responded to', async () => {
    const all = await admin().ok<Page<{ id: string; state: string; flags: string[] }>>('cases', 'listCases', {
      orgId: SEED_ORG_IDS.district,
      pageSize: 50,
    });
    const byId = new Map(all.items.map((c) => [c.id, c]));
    expect([...byId.keys()].sort()).toEqual(Object.values(SEED_CASE_IDS).sort());
    expect(new Set(all.items.map((c) => c.state))).toEqual(
      new Set(['in_progress', 'submitted', 'returned', 'closed', 'accepted', 'rejected']),
    );
    expect(byId.get(SEED_CASE_IDS.overdue)!.flags).toContain('overdue');
    expect(byId.get(SEED_CASE_IDS.unanswered)!.flags).toEqual(expect.arrayContaining(['red', 'overdue']));
    const overdue = await admin().ok<Page<{ id: string }>>('cases', 'listCases', { flag: 'overdue', pageSize: 50 });
    expect(overdue.items.map((c) => c.id)).toEqual(
      expect.arrayContaining([SEED_CASE_IDS.overdue, SEED_CASE_IDS.unanswered]),
    );
  });

  it('put one answered case on the public board, without the raiser’s name or phone', async () => {
    const board = await h.as('seed-viewer').ok<Page<{ id: string }>>('cases', 'publicBoard', {});
    expect(board.items.map((b) => b.id)).toEqual([SEED_CASE_IDS.onBoard]);
    const text = JSON.stringify(board);
    for (const r of SEED_RIDERS)
      for (const secret of [r.realName, r.phone, r.openid]) expect(text).not.toContain(secret);
  });

  it('give a demo rider their reports to follow: the verified one with its photo and points, the duplicate linked', async () => {
    const mine = await rider().ok<Page<{ id: string }>>('cases', 'myCases', {});
    expect(mine.items.map((c) => c.id)).toEqual(expect.arrayContaining([SEED_CASE_IDS.report, SEED_CASE_IDS.overdue]));
    const report = await rider().ok<{ photos: { url: string }[]; points: number | null }>('cases', 'getCase', {
      caseId: SEED_CASE_IDS.report,
    });
    expect(report.points).toBe(10);
    expect(report.photos).toHaveLength(1);
    expect((await fetch(report.photos[0]!.url)).status).toBe(200);
    // Their ledger carries the report's award (the points shop's demo adds hours and redemptions beside it).
    const points = await rider().ok<{ entries: { items: { reason: string; amount: number; sourceId: string }[] } }>(
      'user',
      'myPoints',
      { pageSize: 50 },
    );
    expect(points.entries.items).toContainEqual(
      expect.objectContaining({ reason: 'case_report', amount: 10, sourceId: SEED_CASE_IDS.report }),
    );
    const dup = await h
      .as('demo-rider-2')
      .ok<{ duplicateOf: { id: string } | null }>('cases', 'getCase', { caseId: SEED_CASE_IDS.duplicate });
    expect(dup.duplicateOf?.id).toBe(SEED_CASE_IDS.report);
  });

  it('let an organiser re-assign the returned one and answer the overdue one', async () => {
    await admin().ok('cases', 'acceptCase', { caseId: SEED_CASE_IDS.returned, orgId: SEED_ORG_IDS.express });
    const answered = await admin().ok<{ state: string }>('cases', 'answerCase', {
      caseId: SEED_CASE_IDS.overdue,
      text: '驿站已增加 4 个充电桩（演示）。',
    });
    expect(answered.state).toBe('answered');
  });
});

describe('the demo volunteer team', () => {
  const su = () => h.as(SUPERADMIN);

  it('has members in every review state, activities coming up, and claims waiting for review', async () => {
    await su().ok('user', 'login');
    const coming = await h
      .as('seed-viewer')
      .ok<Page<{ id: string }>>('volunteer', 'listActivities', { orgId: SEED_ORG_IDS.district });
    expect(coming.items.map((a) => a.id)).toEqual(['va-seed-safety', 'va-seed-grid']);
    for (const [status, count] of [
      ['pending', 2],
      ['rejected', 1],
      ['approved', 6],
    ] as const) {
      const page = await su().ok<Page<unknown>>('volunteer', 'listMembers', { orgId: SEED_ORG_IDS.district, status });
      expect({ status, n: page.items.length }).toEqual({ status, n: count });
    }
    const claims = await su().ok<Page<{ kind: string; photos: unknown[] }>>('volunteer', 'listClaims', {
      orgId: SEED_ORG_IDS.district,
    });
    expect(claims.items.map((c) => c.kind).sort()).toEqual(['missed_checkout', 'service']);
    expect(claims.items.find((c) => c.kind === 'service')!.photos).toHaveLength(1);
  });

  it('credited the held activities’ scans: hours, points equal to the ledger, a hidden member off the board', async () => {
    const hours = await h
      .as('seed-volunteer-02')
      .ok<{ summary: { creditMinutes: number }; records: Page<{ minutes: number }> }>('volunteer', 'myHours', {});
    expect(hours.summary.creditMinutes).toBe(105 + 150);
    const points = await h.as('seed-volunteer-02').ok<{ summary: { balance: number } }>('user', 'myPoints', {});
    expect(points.summary.balance).toBe(17 + 25);
    const board = await h
      .as('seed-volunteer-02')
      .ok<{ entries: { name: string }[] }>('volunteer', 'leaderboard', { period: 'all', orgId: SEED_ORG_IDS.district });
    expect(board.entries.filter((e) => e.name.startsWith('郭'))).toEqual([]);
    expect(board.entries.length).toBe(4);
  });
});

it('has a points shop: goods with stock for the demo riders, three orders in three states, balances equal to the ledger', async () => {
  const rider = h.as(SEED_RIDERS[0].openid);
  const goods = await rider.ok<Page<GoodsSummary> & { balance: number }>('volunteer', 'listGoods', { pageSize: 50 });
  const names = goods.items.map((g) => g.name);
  expect(names).toEqual(expect.arrayContaining(['骑行安全头盔', '防滑骑行手套', '护膝（一副）', '外卖保温箱']));
  expect(names).not.toContain('分体雨衣（补货中）');
  expect(goods.items.every((g) => g.stock > 0)).toBe(true);
  const mine = await rider.ok<Page<ShopOrder>>('volunteer', 'myOrders', {});
  expect(mine.items.map((o) => o.state).sort()).toEqual(['fulfilled', 'pending']);
  const pending = mine.items.find((o) => o.state === 'pending')!;
  const scanned = await h
    .as(SUPERADMIN)
    .ok<AdminShopOrder>('volunteer', 'findOrderByCode', { pickupCode: pending.pickupCode });
  expect(scanned).toMatchObject({ id: pending.id, state: 'pending', worker: { realName: SEED_RIDERS[0].realName } });
  const other = await h.as(SEED_RIDERS[1].openid).ok<Page<ShopOrder>>('volunteer', 'myOrders', {});
  expect(other.items).toEqual([expect.objectContaining({ state: 'cancelled', refunded: 120 })]);
  for (const r of SEED_RIDERS) {
    const { data: users } = await h.db.collection('users').doc(r._id).get();
    const { data: ledger } = await h.db.collection('points_ledger').where({ userId: r._id }).limit(1000).get();
    const sum = (ledger as { amount: number }[]).reduce((n, e) => n + e.amount, 0);
    expect((users[0] as { points: { balance: number } }).points.balance).toBe(sum);
  }
  expect(goods.balance).toBe(190);
});

it('the dashboard shows the seeded records: its counters built by the recount, equal to them', async () => {
  const r = await h.as(SUPERADMIN).ok<DashboardReport>('user', 'dashboard', { period: 'month' });
  expect(r.empty).toBe(false);
  const { data } = await h.db
    .collection('quote_checkins')
    .where({ day: h.db.command.gte(r.period.from).and(h.db.command.lte(r.period.to)) })
    .limit(1000)
    .get();
  expect(r.daily.checkins.reduce((a, b) => a + b, 0)).toBe(data.length);
  expect(data.length).toBeGreaterThan(0);
  const { total } = await h.db.collection('users').where({ memberStatus: 'verified', status: 'active' }).count();
  expect(r.daily.revealedTotal.at(-1)).toBe(total);
  expect(total).toBeGreaterThan(0);
});

it('gives every chart of the dashboard data over the last two weeks, and the voting campaign ballots its counts agree with', async () => {
  const to = beijingDay(new Date());
  const r = await h
    .as(SUPERADMIN)
    .ok<DashboardReport>('user', 'dashboard', { period: 'custom', from: addDays(to, -13), to });
  // Some learners study without checking in, so the two lines differ.
  expect(r.daily.learners.some((n, i) => n > r.daily.checkins[i]!)).toBe(true);
  expect(r.completionsBySeries.length).toBeGreaterThan(0);
  expect(r.signupsByDomain.some((d) => d.signups > 0)).toBe(true);
  expect(r.signupsByDomain.some((d) => d.attended > 0)).toBe(true);
  expect(r.casesByCategory.some((c) => c.opened > 0)).toBe(true);
  expect(r.volunteerMonths.some((m) => m.creditHours > 0)).toBe(true);
  const voting = r.campaigns.find((c) => c.campaignId === 'camp-voting');
  expect(voting?.total).toBeGreaterThan(0);
  // The candidates' counts are the ballots' valid votes, as the campaign recount checks.
  const { data: ballots } = await h.db.collection('ballots').where({ campaignId: 'camp-voting' }).limit(1000).get();
  const { data: candidates } = await h.db
    .collection('candidates')
    .where({ campaignId: 'camp-voting' })
    .limit(100)
    .get();
  const cast = (ballots as { log: { voided?: boolean }[] }[]).flatMap((b) => b.log.filter((e) => !e.voided));
  expect((candidates as { votes: number }[]).reduce((n, c) => n + c.votes, 0)).toBe(cast.length);
  for (const b of ballots as { total: number; log: unknown[] }[]) expect(b.total).toBe(b.log.length);
});
