// The dashboard's sign-up counters through the roundtable function (the built
// bundle, the real SDK): after every kind of write the engine makes — seats, the
// waitlist, a promotion, cancels, check-ins by code and by hand, the whole meeting
// cancelled, a meeting moved to another day — the stored `daily_stats` equal the
// sums this test makes itself from the raw sign-up records; a refused action moves
// no counter; concurrent sign-ups leave them exact.
import type { Page } from '../../../typings/common';
import type { AdminMeeting, MeetingSignUpReceipt } from '../../../typings/roundtable';
import type { CheckInCode, SignUpRow } from '../../../typings/signup';
import { allDocs, beijingDate, storedCounters, Tally } from '../../support/daily-stats';
import { ADMIN, MINUTE, type RtWorld, saveMeeting, startRtWorld, workers } from './world';

let w: RtWorld;
beforeAll(async () => {
  w = await startRtWorld();
}, 60_000);
afterAll(() => w.h.stop());

const SEATED = ['confirmed', 'attended', 'no_show'];

/** What the counters must be: every sign-up record in a seat state, by its event's domain, org and Beijing start day. */
async function fromRecords(): Promise<Record<string, number>> {
  type Booking = { _id: string; domain: string; orgId: string; startAt: Date };
  const events = new Map((await allDocs<Booking>(w.h.db, 'signup_events')).map((e) => [e._id, e]));
  const tally = new Tally();
  for (const s of await allDocs<{ eventKey: string; state: string }>(w.h.db, 'signups')) {
    const e = events.get(s.eventKey)!;
    const day = beijingDate(e.startAt);
    if (SEATED.includes(s.state)) tally.add('signups', e.domain, e.orgId, day, 1);
    if (s.state === 'attended') tally.add('attended', e.domain, e.orgId, day, 1);
  }
  return tally.counts;
}

const stored = () => storedCounters(w.h.db, ['signups', 'attended']);

async function expectExact(): Promise<void> {
  expect(await stored()).toEqual(await fromRecords());
}

/** The stored counter of a meeting's day (each test's meetings start on a day of their own). */
async function counter(metric: 'signups' | 'attended', m: AdminMeeting): Promise<number> {
  return (await stored())[`${metric}|roundtable|${w.orgs.district.id}|${beijingDate(m.startAt)}`] ?? 0;
}

const join = (openid: string, meetingId: string) =>
  w.h.as(openid).call<MeetingSignUpReceipt>('roundtable', 'signUp', { meetingId });
const pinned = (m: AdminMeeting, offset: number) => new Date(new Date(m.startAt).getTime() + offset).toISOString();

async function rows(meetingId: string): Promise<SignUpRow[]> {
  return (await w.h.as(ADMIN).ok<Page<SignUpRow>>('roundtable', 'listSignUps', { meetingId, pageSize: 50 })).items;
}

const userIdOf = async (openid: string) =>
  (await w.h.as(openid).ok<{ userId: string }>('user', 'getProfile', {})).userId;

describe('the counters follow every write of the engine', () => {
  it('seats to capacity, the waitlist, a promotion after a cancel, an organiser’s removal', async () => {
    const people = await workers(w, 'fill', 3);
    const m = await saveMeeting(w, { capacity: 2, startsInH: 72 });
    for (const p of people) expect((await join(p, m.id)).ok).toBe(true);
    // Both meetings start that day: one seat each.
    expect(await counter('signups', m)).toBe(2);
    await expectExact();

    expect(await w.h.as(people[0]!).ok('roundtable', 'cancelSignUp', { meetingId: m.id })).toMatchObject({
      promoted: 1,
    });
    // Both meetings start that day: one seat each.
    expect(await counter('signups', m)).toBe(2);
    await expectExact();

    const userId = await userIdOf(people[1]!);
    await w.h.as(ADMIN).ok('roundtable', 'markAttendance', { meetingId: m.id, userId, mark: 'remove', reason: '重复' });
    expect(await counter('signups', m)).toBe(1);
    await expectExact();
  });

  it('check-in by code and by hand, a no-show, and a check-in corrected to a no-show', async () => {
    const people = await workers(w, 'come', 3);
    const m = await saveMeeting(w, { capacity: 5, startsInH: 96 });
    for (const p of people) await join(p, m.id);
    const when = pinned(m, 5 * MINUTE);
    const { code } = await w.h
      .as(ADMIN)
      .at(when)
      .ok<CheckInCode>('roundtable', 'issueCheckInCode', { meetingId: m.id });
    await w.h.as(people[0]!).at(when).ok('roundtable', 'checkIn', { meetingId: m.id, code });
    const mark = async (openid: string, to: string) =>
      w.h
        .as(ADMIN)
        .at(when)
        .ok('roundtable', 'markAttendance', { meetingId: m.id, userId: await userIdOf(openid), mark: to });
    await w.h
      .as(ADMIN)
      .at(when)
      .ok('roundtable', 'manualCheckIn', { meetingId: m.id, userId: await userIdOf(people[1]!) });
    await mark(people[2]!, 'no_show');
    expect([await counter('signups', m), await counter('attended', m)]).toEqual([3, 2]);
    await expectExact();

    await mark(people[0]!, 'no_show');
    expect([await counter('signups', m), await counter('attended', m)]).toEqual([3, 1]);
    await expectExact();
  });

  it('the organiser cancels the meeting: the seats of those not checked in go, the check-in stays', async () => {
    const people = await workers(w, 'off', 4);
    const m = await saveMeeting(w, { capacity: 3, startsInH: 120 });
    for (const p of people) await join(p, m.id);
    const when = pinned(m, -20 * MINUTE);
    const userId = await userIdOf(people[0]!);
    await w.h.as(ADMIN).at(when).ok('roundtable', 'manualCheckIn', { meetingId: m.id, userId });
    await w.h.as(ADMIN).at(when).ok('roundtable', 'cancelMeeting', { id: m.id, reason: '暴雨红色预警，活动取消' });
    expect([await counter('signups', m), await counter('attended', m)]).toEqual([1, 1]);
    await expectExact();
  });

  it('a meeting moved to another day takes its counts there; the old day is left with none', async () => {
    const people = await workers(w, 'move', 2);
    const m = await saveMeeting(w, { capacity: 5, startsInH: 144 });
    for (const p of people) await join(p, m.id);
    const userId = await userIdOf(people[0]!);
    await w.h
      .as(ADMIN)
      .at(pinned(m, -10 * MINUTE))
      .ok('roundtable', 'manualCheckIn', {
        meetingId: m.id,
        userId,
      });
    const moved = await saveMeeting(w, { id: m.id, capacity: 5, startsInH: 192 });
    expect(beijingDate(moved.startAt)).not.toBe(beijingDate(m.startAt));
    expect([await counter('signups', m), await counter('attended', m)]).toEqual([0, 0]);
    expect([await counter('signups', moved), await counter('attended', moved)]).toEqual([2, 1]);
    await expectExact();
  });
});

describe('refused actions move no counter', () => {
  it('FULL without a waitlist, a repeated sign-up, bad input, a cancel without a sign-up', async () => {
    const [a, b] = await workers(w, 'refused', 2);
    const m = await saveMeeting(w, { capacity: 1, waitlist: false, startsInH: 216 });
    const roomy = await saveMeeting(w, { capacity: 5, startsInH: 216 });
    expect((await join(a!, m.id)).ok).toBe(true);
    expect((await join(a!, roomy.id)).ok).toBe(true);
    const before = await stored();
    expect(await join(b!, m.id)).toMatchObject({ ok: false, code: 'FULL' });
    expect(await join(a!, m.id)).toMatchObject({ ok: false, code: 'FULL' });
    expect(await join(a!, roomy.id)).toMatchObject({ ok: true, data: { already: true } });
    expect(await w.h.as(b!).call('roundtable', 'signUp', { meetingId: 'not an id!' })).toMatchObject({
      ok: false,
      code: 'INVALID_ARGUMENT',
    });
    expect(await w.h.as(b!).call('roundtable', 'signUp', { meetingId: m.id, seats: 3 })).toMatchObject({ ok: false });
    expect(await w.h.as(b!).call('roundtable', 'cancelSignUp', { meetingId: m.id })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    expect(await stored()).toEqual(before);
    // Both meetings start that day: one seat each.
    expect(await counter('signups', m)).toBe(2);
    await expectExact();
  });
});

describe('concurrency', () => {
  it('concurrent sign-ups into small events, then concurrent cancels with promotions: the counters stay exact', async () => {
    const crowd = await workers(w, 'rush', 14);
    const queued = await saveMeeting(w, { capacity: 4, startsInH: 240 });
    const strict = await saveMeeting(w, { capacity: 3, waitlist: false, startsInH: 264 });
    const replies = await Promise.all([
      ...crowd.map((p) => join(p, queued.id)),
      ...crowd.slice(0, 8).map((p) => join(p, strict.id)),
    ]);
    expect(replies.slice(crowd.length).filter((r) => !r.ok)).toHaveLength(5);
    expect([await counter('signups', queued), await counter('signups', strict)]).toEqual([4, 3]);
    await expectExact();

    // workers() names `rush-<i>` 骑手rush<i>.
    const seated = (await rows(queued.id))
      .filter((r) => r.state === 'confirmed')
      .map((r) => `rush-${r.name.slice('骑手rush'.length)}`);
    const cancels = await Promise.all(
      seated.map((p) => w.h.as(p).ok<{ promoted: number }>('roundtable', 'cancelSignUp', { meetingId: queued.id })),
    );
    expect(cancels.reduce((n, c) => n + c.promoted, 0)).toBe(4);
    expect(await counter('signups', queued)).toBe(4);
    await expectExact();
  }, 60_000);
});
