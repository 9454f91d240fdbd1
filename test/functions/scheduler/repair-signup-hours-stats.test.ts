// The scheduler's upkeep repairs the dashboard's sign-up and volunteer-hours
// counters: a counter corrupted, one lost and one the records do not explain are
// moved by exactly their drift to what the raw records say, and a second run finds
// nothing left to do.
import type { AdminMeeting } from '../../../typings/roundtable';
import { meetingInput } from '../../support/arrange';
import { allDocs, beijingDate, storedCounters, Tally } from '../../support/daily-stats';
import { makeAdmin, type OrgFixture, registerWorker, seedOrgs } from '../../support/fixtures';
import { png } from '../../support/images';
import { type InProcess, runUpkeep, startInProcess } from '../../support/in-process';
import { sdkFor } from '../../support/sdk';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ADMIN = 'o-stats-admin';

let ip: InProcess;
let orgs: OrgFixture;
beforeAll(async () => {
  ip = await startInProcess();
  orgs = await seedOrgs(ip);
  await makeAdmin(ip, ADMIN, [orgs.district.id]);
}, 60_000);
afterAll(() => ip.stop());

const db = () => sdkFor(ip.emu).database();
const METRICS = ['signups', 'attended', 'volunteer_minutes'] as const;

const upkeep = async (at: number) =>
  (await runUpkeep(ip, at)).recountStats as { repaired: { id: string; drift: number }[]; unsettled: number };

/** The counters the raw records call for (computed here, not by the sources under test). */
async function fromRecords(): Promise<Record<string, number>> {
  const tally = new Tally();
  type Booking = { _id: string; domain: string; orgId: string; startAt: Date };
  const events = new Map((await allDocs<Booking>(db(), 'signup_events')).map((e) => [e._id, e]));
  for (const s of await allDocs<{ eventKey: string; state: string }>(db(), 'signups')) {
    const e = events.get(s.eventKey)!;
    const day = beijingDate(e.startAt);
    if (['confirmed', 'attended', 'no_show'].includes(s.state)) tally.add('signups', e.domain, e.orgId, day, 1);
    if (s.state === 'attended') tally.add('attended', e.domain, e.orgId, day, 1);
  }
  const members = new Map(
    (await allDocs<{ _id: string; orgId: string }>(db(), 'volunteer_members')).map((m) => [m._id, m.orgId]),
  );
  type Hours = { userId: string; kind: string; minutes: number; startAt: Date };
  for (const h of await allDocs<Hours>(db(), 'volunteer_hours'))
    tally.add('volunteer_minutes', h.kind, members.get(h.userId)!, beijingDate(h.startAt), h.minutes);
  return tally.counts;
}

it('repairs a corrupted, a lost and an unexplained counter of sign-ups, attendance and volunteer minutes', async () => {
  // Records through the actions: two sign-ups and a manual check-in; a member's backfilled hours.
  const m = await ip
    .as(ADMIN)
    .ok<AdminMeeting>('roundtable', 'saveMeeting', meetingInput(orgs.district.id, orgs.station.id, { capacity: 5 }));
  const people = await Promise.all(['o-stats-a', 'o-stats-b'].map((o) => registerWorker(ip, o, orgs.expressBranch.id)));
  for (const p of ['o-stats-a', 'o-stats-b']) await ip.as(p).ok('roundtable', 'signUp', { meetingId: m.id });
  const startMs = new Date(m.startAt).getTime();
  await ip
    .as(ADMIN)
    .at(new Date(startMs - 10 * 60_000).toISOString())
    .ok('roundtable', 'manualCheckIn', { meetingId: m.id, userId: people[0]!.userId });
  const volunteer = people[1]!;
  await ip.as('o-stats-b').ok('volunteer', 'applyMember', {
    realName: '志愿者示例',
    phone: '13600009876',
    occupation: 'courier',
    platform: '示例快递公司',
    orgId: orgs.expressBranch.id,
  });
  await ip.as(ADMIN).ok('volunteer', 'reviewMember', { userId: volunteer.userId, decision: 'approve' });
  const adminId = (await ip.as(ADMIN).ok<{ userId: string }>('user', 'getProfile', {})).userId;
  const evidence = (
    await sdkFor(ip.emu).uploadFile({ cloudPath: `volunteer/${adminId}/sheet.png`, fileContent: png({ text: 's' }) })
  ).fileID;
  const served = Date.now() - 3 * DAY;
  await ip.as(ADMIN).ok('volunteer', 'addHonorHours', {
    userId: volunteer.userId,
    title: '协助社区疏导交通',
    startAt: new Date(served).toISOString(),
    endAt: new Date(served + HOUR).toISOString(),
    minutes: 40,
    reason: '纸质签到表补录',
    evidence: [evidence],
  });
  const exact = await fromRecords();
  expect(await storedCounters(db(), [...METRICS])).toEqual(exact);

  // What a lost or doubled increment would leave.
  const day = beijingDate(m.startAt);
  const seats = `signups|roundtable|${orgs.district.id}|${day}`;
  const attended = `attended|roundtable|${orgs.district.id}|${day}`;
  const minutes = `volunteer_minutes|honor|${orgs.expressBranch.id}|${beijingDate(new Date(served))}`;
  const unexplained = `signups|roundtable|${orgs.district.id}|${beijingDate(new Date(startMs + DAY))}`;
  expect([exact[seats], exact[attended], exact[minutes]]).toEqual([2, 1, 40]);
  const stats = db().collection('daily_stats');
  await stats.doc(seats).update({ n: 5 });
  await stats.doc(attended).remove();
  await stats.doc(minutes).update({ n: 25 });
  await stats.add({
    ...(await stats.doc(seats).get()).data[0],
    _id: unexplained,
    day: unexplained.split('|')[3],
    n: 4,
  });

  const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
  const report = await upkeep(Date.now());
  // A repair is logged, for whoever looks into why it was needed.
  expect(warn).toHaveBeenCalledWith(expect.stringContaining('daily stats drift repaired'));
  warn.mockRestore();
  expect(report.unsettled).toBe(0);
  expect(report.repaired).toEqual(
    expect.arrayContaining([
      { id: seats, drift: -3 },
      { id: attended, drift: 1 },
      { id: minutes, drift: 15 },
      { id: unexplained, drift: -4 },
    ]),
  );
  expect(report.repaired).toHaveLength(4);
  expect(await storedCounters(db(), [...METRICS])).toEqual(exact);
  expect((await upkeep(Date.now())).repaired).toEqual([]);
}, 60_000);
