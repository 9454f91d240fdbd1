// Signing up for a meeting through the roundtable function (the built bundle in
// the emulator, the real SDK): exact seats and a FIFO waitlist under 200
// concurrent taps, one record per worker, promotion with its subscribe message,
// cancelling a whole meeting, the rotating check-in code, and the reminders the
// scheduler sends with the clock pinned.
import type { Page } from '../../../typings/common';
import type {
  AdminMeeting,
  CancelSignUpReceipt,
  MeetingDetail,
  MeetingSignUpReceipt,
  MyMeetingSignUp,
} from '../../../typings/roundtable';
import type { CheckInCode, CheckInResult, EventCancelReport, SignUpRow } from '../../../typings/signup';
import { snapshotDb } from '../../support/db-snapshot';
import {
  acceptAll,
  ADMIN,
  clearOutbox,
  HOUR,
  MINUTE,
  OTHER_ADMIN,
  outbox,
  refuseMessages,
  type RtWorld,
  saveMeeting,
  signUpRecords,
  startRtWorld,
  upkeepAt,
  workers,
} from './world';

let w: RtWorld;
beforeAll(async () => {
  w = await startRtWorld();
}, 60_000);
afterAll(() => w.h.stop());

const join = (openid: string, meetingId: string, extra: object = {}) =>
  w.h.as(openid).call<MeetingSignUpReceipt>('roundtable', 'signUp', { meetingId, ...extra });

/** Every waitlisted row of a meeting as its organiser lists them, page by page. */
async function waitlist(meetingId: string): Promise<SignUpRow[]> {
  const rows: SignUpRow[] = [];
  for (let page = 1; ; page++) {
    const p = await w.h
      .as(ADMIN)
      .ok<Page<SignUpRow>>('roundtable', 'listSignUps', { meetingId, states: ['waitlisted'], page, pageSize: 50 });
    rows.push(...p.items);
    if (!p.hasMore) return rows;
  }
}

describe('seats are exact under concurrency', () => {
  let crowd: string[];
  beforeAll(async () => {
    crowd = await workers(w, 'crowd', 200);
  }, 120_000);

  it('200 concurrent sign-ups for 20 seats: 20 confirmed, 180 waitlisted at positions 1–180, no duplicates', async () => {
    const m = await saveMeeting(w, { capacity: 20 });
    const replies = await Promise.all(crowd.map((openid) => join(openid, m.id, { topic: `${openid} 的问题` })));
    expect(replies.filter((r) => !r.ok)).toEqual([]);
    const receipts = replies.map((r) => (r as { data: MeetingSignUpReceipt }).data);
    expect(receipts.filter((r) => r.signUp.state === 'confirmed')).toHaveLength(20);
    expect(receipts.filter((r) => r.signUp.state === 'waitlisted')).toHaveLength(180);

    const stored = await signUpRecords(w, m);
    expect(stored).toHaveLength(200);
    expect(new Set(stored.map((s) => s.userId)).size).toBe(200);
    expect(stored.filter((s) => s.state === 'confirmed')).toHaveLength(20);
    const queue = await waitlist(m.id);
    expect(queue.map((r) => r.position)).toEqual(Array.from({ length: 180 }, (_, i) => i + 1));
    const detail = await w.h.as('o-anyone').ok<MeetingDetail>('roundtable', 'getMeeting', { id: m.id });
    expect(detail.booking.counts).toEqual({ capacity: 20, seatsTaken: 20, seatsLeft: 0, waitlisted: 180, attended: 0 });
    expect(detail.coming).toMatchObject({ seated: 20, waitlisted: 180, checkedIn: 0 });
  }, 120_000);

  it('10 concurrent sign-ups by one worker make one record', async () => {
    const m = await saveMeeting(w, { capacity: 20 });
    const replies = await Promise.all(Array.from({ length: 10 }, () => join(crowd[0]!, m.id)));
    const receipts = replies.map((r) => (r.ok ? r.data : null));
    expect(receipts.every((r) => r?.signUp.state === 'confirmed')).toBe(true);
    expect(receipts.filter((r) => r && !r.already)).toHaveLength(1);
    expect(await signUpRecords(w, m)).toHaveLength(1);
    const detail = await w.h.as(crowd[0]!).ok<MeetingDetail>('roundtable', 'getMeeting', { id: m.id });
    expect(detail.booking.counts).toMatchObject({ seatsTaken: 1, seatsLeft: 19 });
    expect(detail.mine).toMatchObject({ state: 'confirmed', eventId: m.id });
  });
});

describe('the waitlist', () => {
  let people: string[];
  let m: AdminMeeting;
  beforeAll(async () => {
    people = await workers(w, 'queue', 5);
    m = await saveMeeting(w, { capacity: 2 });
    const grants = await acceptAll(w, m.id);
    for (const openid of people) expect((await join(openid, m.id, { grants })).ok).toBe(true);
    await clearOutbox(w);
  });

  it('a cancellation promotes exactly position 1 and sends it one subscribe message', async () => {
    const r = await w.h.as(people[0]!).ok<CancelSignUpReceipt>('roundtable', 'cancelSignUp', { meetingId: m.id });
    expect(r).toMatchObject({ promoted: 1, signUp: { state: 'cancelled', cancelledBy: 'self' } });
    const mine = await w.h.as(people[2]!).ok<Page<MyMeetingSignUp>>('roundtable', 'mySignUps', {});
    expect(mine.items.find((x) => x.meeting.id === m.id)?.signUp).toMatchObject({ state: 'confirmed', position: null });
    expect((await waitlist(m.id)).map((row) => [row.userId, row.position])).toEqual([
      [expect.any(String), 1],
      [expect.any(String), 2],
    ]);
    const sent = await outbox(w);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      touser: people[2],
      template_id: 'dev-tpl-signup-promoted',
      page: `packages/roundtable/pages/meeting/index?id=${m.id}`,
    });
    expect(sent[0]!.data.phrase3).toEqual({ value: '候补成功' });
  });

  it('"my sign-ups" shows each meeting’s title, time, venue and the state with the queue place', async () => {
    const mine = await w.h.as(people[4]!).ok<Page<MyMeetingSignUp>>('roundtable', 'mySignUps', { kind: 'roundtable' });
    const row = mine.items.find((x) => x.meeting.id === m.id)!;
    expect(row.meeting).toMatchObject({ title: m.title, startAt: m.startAt, venue: { name: m.venue.name } });
    expect(row.signUp).toMatchObject({ state: 'waitlisted', position: 2 });
    expect(await w.h.as(people[4]!).ok('roundtable', 'mySignUps', { kind: 'training' })).toMatchObject({ items: [] });
  });
});

describe('cancelling a meeting', () => {
  it('cancels every confirmed and waitlisted sign-up and notifies each by subscribe message; audited', async () => {
    const people = await workers(w, 'called-off', 4);
    const m = await saveMeeting(w, { capacity: 2 });
    const grants = await acceptAll(w, m.id);
    for (const openid of people) await join(openid, m.id, { grants });
    await refuseMessages(w, people[3]!, 43101);
    await clearOutbox(w);
    const before = await snapshotDb(w.h.emu);
    expect(await w.h.as(OTHER_ADMIN).call('roundtable', 'cancelMeeting', { id: m.id, reason: '越权' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await snapshotDb(w.h.emu)).toBe(before);

    const r = await w.h
      .as(ADMIN)
      .ok<{ meeting: AdminMeeting; report: EventCancelReport }>('roundtable', 'cancelMeeting', {
        id: m.id,
        reason: '台风预警，改期另行通知',
      });
    expect(r.report).toEqual({
      cancelled: 4,
      confirmed: 2,
      waitlisted: 2,
      notices: { sent: 3, noGrant: 0, refused: 1, failed: 0 },
    });
    expect(r.meeting).toMatchObject({
      status: 'cancelled',
      phase: 'cancelled',
      cancelReason: '台风预警，改期另行通知',
    });
    expect((await outbox(w)).map((x) => x.touser).sort()).toEqual(people.slice(0, 3).sort());
    expect((await outbox(w))[0]!.data).toMatchObject({
      phrase3: { value: '活动取消' },
      thing4: { value: '取消原因：台风预警，改期另行通知' },
    });
    expect((await signUpRecords(w, m)).map((s) => s.state)).toEqual(Array(4).fill('cancelled'));
    const detail = await w.h.as(people[0]!).ok<MeetingDetail>('roundtable', 'getMeeting', { id: m.id });
    expect(detail).toMatchObject({ status: 'cancelled', canSignUp: false, mine: { cancelledBy: 'event' } });
    expect(await join(people[0]!, m.id)).toMatchObject({ ok: false, code: 'CLOSED' });
    const { data: logs } = await w.h.db.collection('audit_logs').where({ targetId: m.id }).get();
    expect(logs.map((l: { action: string }) => l.action)).toEqual(['saveMeeting', 'cancelMeeting']);
    expect(await w.h.as(ADMIN).call('roundtable', 'cancelMeeting', { id: m.id, reason: '再取消' })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
  });
});

describe('check-in with the rotating code', () => {
  let m: AdminMeeting;
  let other: AdminMeeting;
  let [seated, queued, stranger]: string[] = [];
  const start = () => new Date(m.startAt).getTime();
  const at = (ms: number) => new Date(start() + ms).toISOString();
  const code = async (meeting: AdminMeeting, when: string) =>
    (await w.h.as(ADMIN).at(when).ok<CheckInCode>('roundtable', 'issueCheckInCode', { meetingId: meeting.id })).code;
  const scan = (openid: string, meetingId: string, c: string, when: string) =>
    w.h.as(openid).at(when).call<CheckInResult>('roundtable', 'checkIn', { meetingId, code: c });

  beforeAll(async () => {
    [seated, queued, stranger] = await workers(w, 'scan', 3);
    m = await saveMeeting(w, { capacity: 1 });
    other = await saveMeeting(w, { capacity: 5, title: '另一场小哥圆桌会' });
    await join(seated!, m.id);
    await join(queued!, m.id);
    await join(seated!, other.id);
  });

  it('a confirmed worker checks in once with the organiser’s current code; scanning again changes nothing', async () => {
    const c = await code(m, at(-10 * MINUTE));
    expect(await scan(seated!, m.id, c, at(-10 * MINUTE + 5_000))).toMatchObject({
      ok: true,
      data: { already: false, signUp: { state: 'attended' } },
    });
    expect(await scan(seated!, m.id, c, at(-10 * MINUTE + 6_000))).toMatchObject({ ok: true, data: { already: true } });
    const d = await w.h.as('o-anyone').ok<MeetingDetail>('roundtable', 'getMeeting', { id: m.id });
    expect(d.booking.counts.attended).toBe(1);
  });

  it('a code of another meeting, of an expired slot, or a made-up one is refused, nothing written', async () => {
    const before = await snapshotDb(w.h.emu);
    const fromOther = await code(other, at(0));
    expect(await scan(seated!, m.id, fromOther, at(1_000))).toMatchObject({
      ok: false,
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining('其他活动'),
    });
    const old = await code(other, at(0));
    expect(await scan(seated!, other.id, old, at(35_000))).toMatchObject({
      ok: false,
      code: 'CLOSED',
      message: expect.stringContaining('过期'),
    });
    expect(await scan(seated!, other.id, 'hello', at(1_000))).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    expect(await snapshotDb(w.h.emu)).toBe(before);
  });

  it('only an organiser of the meeting’s org can show a code, and only around the meeting', async () => {
    const before = await snapshotDb(w.h.emu);
    expect(
      await w.h.as(OTHER_ADMIN).at(at(0)).call('roundtable', 'issueCheckInCode', { meetingId: m.id }),
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await w.h.as(seated!).at(at(0)).call('roundtable', 'issueCheckInCode', { meetingId: m.id })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(
      await w.h
        .as(ADMIN)
        .at(at(-2 * HOUR))
        .call('roundtable', 'issueCheckInCode', { meetingId: m.id }),
    ).toMatchObject({ ok: false, code: 'CLOSED' });
    expect(await snapshotDb(w.h.emu)).toBe(before);
  });

  it('a worker without a confirmed sign-up cannot check in: waitlisted, or never signed up', async () => {
    const c = await code(m, at(0));
    const before = await snapshotDb(w.h.emu);
    expect(await scan(queued!, m.id, c, at(1_000))).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: expect.stringContaining('候补'),
    });
    expect(await scan(stranger!, m.id, c, at(1_000))).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: expect.stringContaining('没有报名成功'),
    });
    expect(await snapshotDb(w.h.emu)).toBe(before);
  });

  it('an organiser checks a worker in by hand or marks a no-show, audited; a removal frees the seat', async () => {
    const people = await workers(w, 'manual', 3);
    const meeting = await saveMeeting(w, { capacity: 2 });
    for (const p of people) await join(p, meeting.id);
    const rows = await w.h.as(ADMIN).ok<Page<SignUpRow>>('roundtable', 'listSignUps', { meetingId: meeting.id });
    const [a, b, c] = rows.items;
    const startMs = new Date(meeting.startAt).getTime();
    const when = new Date(startMs + 10 * MINUTE).toISOString();
    expect(
      await w.h
        .as(ADMIN)
        .at(new Date(startMs - HOUR).toISOString())
        .ok('roundtable', 'markAttendance', {
          meetingId: meeting.id,
          userId: c!.userId,
          mark: 'remove',
          reason: '重复报名',
        }),
    ).toMatchObject({ promoted: 0, signUp: { state: 'cancelled', cancelledBy: 'organiser' } });
    expect(
      await w.h.as(ADMIN).at(when).ok('roundtable', 'manualCheckIn', { meetingId: meeting.id, userId: a!.userId }),
    ).toMatchObject({ signUp: { state: 'attended' } });
    expect(
      await w.h
        .as(ADMIN)
        .at(when)
        .ok('roundtable', 'markAttendance', { meetingId: meeting.id, userId: b!.userId, mark: 'no_show' }),
    ).toMatchObject({ signUp: { state: 'no_show' } });
    const { data: logs } = await w.h.db
      .collection('audit_logs')
      .where({ targetType: 'signup', targetId: w.h.db.RegExp({ regexp: meeting.id }) })
      .get();
    expect(logs.map((l: { action: string }) => l.action).sort()).toEqual([
      'signup.attendance',
      'signup.attendance',
      'signup.remove',
    ]);
    expect(
      await w.h
        .as(OTHER_ADMIN)
        .at(when)
        .call('roundtable', 'manualCheckIn', { meetingId: meeting.id, userId: b!.userId }),
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('reminders, with the clock pinned, through the scheduler’s upkeep', () => {
  it('go out once per subscribed sign-up the day before and an hour before; a 43101 user is recorded, not retried', async () => {
    const [sub, nosub, refuser] = await workers(w, 'remind', 3);
    // A month ahead: no other meeting of these tests starts within a day of it.
    const m = await saveMeeting(w, { capacity: 5, startsInH: 30 * 24 });
    const grants = await acceptAll(w, m.id);
    await join(sub!, m.id, { grants });
    await join(nosub!, m.id);
    await join(refuser!, m.id, { grants });
    await refuseMessages(w, refuser!, 43101);
    await clearOutbox(w);
    const start = new Date(m.startAt).getTime();
    const before = (ms: number) => new Date(start - ms);

    const dayBefore = await upkeepAt(w, before(23 * HOUR));
    expect(dayBefore.signUpReminders).toMatchObject({
      due: 3,
      sent: 1,
      noGrant: 1,
      refused: [{ errcode: 43101, count: 1 }],
    });
    expect((await outbox(w)).map((x) => [x.touser, x.template_id])).toEqual([[sub, 'dev-tpl-signup-day-before']]);
    // Later runs the same day send nothing again, and the refusal is not retried.
    expect((await upkeepAt(w, before(22 * HOUR))).signUpReminders).toMatchObject({ due: 0, sent: 0 });
    expect((await upkeepAt(w, before(3 * HOUR))).signUpReminders).toMatchObject({ due: 0, sent: 0 });

    const hourBefore = await upkeepAt(w, before(50 * MINUTE));
    expect(hourBefore.signUpReminders).toMatchObject({
      due: 3,
      sent: 1,
      noGrant: 1,
      refused: [{ errcode: 43101, count: 1 }],
    });
    expect((await upkeepAt(w, before(40 * MINUTE))).signUpReminders).toMatchObject({ due: 0 });
    expect((await outbox(w)).map((x) => [x.touser, x.template_id])).toEqual([
      [sub, 'dev-tpl-signup-day-before'],
      [sub, 'dev-tpl-signup-hour-before'],
    ]);
    const records = await signUpRecords(w, m);
    const refused = (
      await w.h.db
        .collection('signups')
        .doc(records.find((r) => r.openid === refuser)!._id)
        .get()
    ).data[0];
    expect(refused.notices.dayBefore).toMatchObject({ status: 'refused', errcode: 43101 });
    // The hour reminder is a notice of its own (another template's grant): tried once, refused once, recorded.
    expect(refused.notices.hourBefore).toMatchObject({ status: 'refused', errcode: 43101 });
  });
});

describe('what a worker may not do', () => {
  it('a visitor who has not registered is asked to register; a late cancel is refused with what to do instead', async () => {
    await w.h.as('o-visitor-rt').ok('user', 'login');
    const m = await saveMeeting(w, { capacity: 5 });
    expect(await join('o-visitor-rt', m.id)).toMatchObject({ ok: false, code: 'NOT_REGISTERED' });
    const [late] = await workers(w, 'late', 1);
    await join(late!, m.id);
    const afterDeadline = new Date(new Date(m.deadline).getTime() + MINUTE).toISOString();
    expect(await w.h.as(late!).at(afterDeadline).call('roundtable', 'cancelSignUp', { meetingId: m.id })).toMatchObject(
      { ok: false, code: 'CLOSED', message: expect.stringContaining('联系组织者') },
    );
    expect(await w.h.as(late!).at(afterDeadline).call('roundtable', 'signUp', { meetingId: m.id })).toMatchObject({
      ok: false,
      code: 'CLOSED',
      message: expect.stringContaining('截止'),
    });
  });

  it('an organiser’s list shows names and phones; another district’s admin is refused it', async () => {
    const m = await saveMeeting(w, { capacity: 5 });
    const [p] = await workers(w, 'listed', 1);
    await join(p!, m.id, { topic: '希望多建几个充电柜' });
    const list = await w.h.as(ADMIN).ok<Page<SignUpRow> & { counts: object }>('roundtable', 'listSignUps', {
      meetingId: m.id,
    });
    expect(list.items[0]).toMatchObject({ name: '骑手listed0', note: '希望多建几个充电柜', state: 'confirmed' });
    expect(list.items[0]!.phone).toMatch(/^139\d{8}$/);
    expect(list.counts).toMatchObject({ seatsTaken: 1 });
    expect(await w.h.as(OTHER_ADMIN).call('roundtable', 'listSignUps', { meetingId: m.id })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    const byName = await w.h
      .as(ADMIN)
      .ok<Page<SignUpRow>>('roundtable', 'listSignUps', { meetingId: m.id, keyword: 'listed' });
    expect(byName.items).toHaveLength(1);
  });
});
