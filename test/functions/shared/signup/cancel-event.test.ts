// Cancelling a whole event: every confirmed and waitlisted sign-up cancelled
// (cancelledBy 'event') and notified once with the status template, the counters
// following the records, nothing after it (no sign-up, promotion, change, code or
// reminder), only by an organiser and before the end; repeatable, and the
// scheduler's recount sweeps what a crash or a straggler left.
import {
  cancel,
  cancelEvent,
  counts,
  issueCode,
  mySignUp,
  recordGrants,
  signUp,
  subscribeOffer,
  updateEvent,
} from '../../../../cloudfunctions/_shared/engines/signup';
import type { EventKey } from '../../../../cloudfunctions/_shared/engines/signup';
import { recountSignUps } from '../../../../cloudfunctions/_shared/engines/signup/recount';
import { sendReminders } from '../../../../cloudfunctions/_shared/engines/signup/reminders';
import {
  at,
  booking,
  clearOutbox,
  ctxOf,
  DAY,
  HOUR,
  MINUTE,
  openTestEvent,
  organiser,
  outbox,
  records,
  refuseMessages,
  startWorld,
  T0,
  type World,
} from './world';

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(() => w.stop());

const acceptAll = (userId: string) =>
  recordGrants(
    ctxOf(userId, T0),
    subscribeOffer().templateIds.map((templateId) => ({ templateId, result: 'accept' as const })),
  );

/** Two seats (a, b), three waiting (c, d, e); everyone but e accepted the notices. */
async function fullEvent(): Promise<EventKey> {
  const key = await openTestEvent({ capacity: 2 });
  for (const [i, u] of ['a', 'b', 'c', 'd', 'e'].entries()) {
    await signUp(ctxOf(u, at(i * MINUTE)), key, { answers: [] });
    if (u !== 'e') await acceptAll(u);
  }
  await clearOutbox(w);
  return key;
}

const noticeOf = async (key: EventKey, userId: string) =>
  (await w.db.collection('signups').doc(`${key.domain}:${key.eventId}:${userId}`).get()).data[0]?.notices?.cancelled;

it('cancels every confirmed and waitlisted sign-up and notifies each once, with the reason', async () => {
  const key = await fullEvent();
  await refuseMessages(w, 'o-d', 43101);
  const report = await cancelEvent(organiser(at(HOUR)), key, '暴雨预警，改期另行通知');
  expect(report).toEqual({
    cancelled: 5,
    confirmed: 2,
    waitlisted: 3,
    notices: { sent: 3, noGrant: 1, refused: 1, failed: 0 },
  });
  const stored = await records(w, key);
  expect(stored.map((r) => r.state)).toEqual(Array(5).fill('cancelled'));
  expect((await mySignUp(ctxOf('c', T0), key))?.cancelledBy).toBe('event');
  expect(await counts(key)).toEqual({ capacity: 2, seatsTaken: 0, seatsLeft: 2, waitlisted: 0, attended: 0 });
  const sent = await outbox(w);
  expect(sent.map((m) => m.touser).sort()).toEqual(['o-a', 'o-b', 'o-c']);
  expect(sent[0]).toMatchObject({ template_id: 'dev-tpl-signup-promoted' });
  expect(sent[0]!.data.phrase3).toEqual({ value: '活动取消' });
  expect(sent[0]!.data.thing4).toEqual({ value: '取消原因：暴雨预警，改期另行通知' });
  expect(await noticeOf(key, 'd')).toMatchObject({ status: 'refused', errcode: 43101 });
  expect(await noticeOf(key, 'e')).toMatchObject({ status: 'no_grant' });

  // Again: nothing left to cancel, nobody notified twice.
  expect(await cancelEvent(organiser(at(HOUR)), key, '暴雨预警')).toMatchObject({ cancelled: 0 });
  expect(await outbox(w)).toHaveLength(3);
});

it('after it nothing moves: no sign-up, change, code, promotion or reminder', async () => {
  const key = await fullEvent();
  await cancelEvent(organiser(at(HOUR)), key, '场地检修');
  await expect(signUp(ctxOf('late', at(HOUR)), key, { answers: [] })).rejects.toMatchObject({
    code: 'CLOSED',
    message: '这场活动已取消',
  });
  await expect(updateEvent(organiser(at(HOUR)), key, { capacity: 10 })).rejects.toMatchObject({ code: 'CONFLICT' });
  await expect(issueCode(organiser(at(3 * DAY)), key)).rejects.toMatchObject({ code: 'CLOSED' });
  expect(await cancel(ctxOf('a', at(HOUR)), key)).toMatchObject({ already: true, promoted: 0 });
  await clearOutbox(w);
  expect(await sendReminders(at(3 * DAY - 2 * HOUR))).toMatchObject({ due: 0, sent: 0 });
  expect(await outbox(w)).toEqual([]);
  expect(await booking(w, key)).toMatchObject({ status: 'cancelled', cancelled: { reason: '场地检修' } });
});

it('only an organiser of the event’s org may cancel it, and only before it ends; refusals change nothing', async () => {
  const key = await fullEvent();
  await expect(cancelEvent(ctxOf('a', at(HOUR)), key, '不想去了')).rejects.toMatchObject({ code: 'FORBIDDEN' });
  await expect(cancelEvent(ctxOf('x', at(HOUR), ['org-x']), key, '越权')).rejects.toMatchObject({
    code: 'FORBIDDEN',
  });
  await expect(cancelEvent(organiser(at(3 * DAY + 3 * HOUR)), key, '太晚')).rejects.toMatchObject({
    code: 'CONFLICT',
    message: '活动已经结束，不能取消',
  });
  expect(await booking(w, key)).toMatchObject({ status: 'open', seatsTaken: 2, waitlisted: 3 });
  expect((await records(w, key)).filter((r) => r.state === 'cancelled')).toEqual([]);
});

it('the recount sweeps a sign-up that landed on a cancelled event and sends a notice its canceller left pending', async () => {
  const key = await fullEvent();
  await cancelEvent(organiser(at(HOUR)), key, '改期');
  await clearOutbox(w);
  // A seat taken an instant before the cancellation whose record landed after the sweep …
  const id = `${key.domain}:${key.eventId}`;
  await w.db
    .collection('signups')
    .doc(`${id}:straggler`)
    .set({
      eventKey: id,
      domain: key.domain,
      eventId: key.eventId,
      userId: 'straggler',
      openid: 'o-straggler',
      state: 'confirmed',
      answers: [],
      note: '',
      queuedAt: at(HOUR),
      confirmedAt: at(HOUR),
      cancelledAt: null,
      cancelledBy: null,
      checkIn: null,
      notices: {},
      rev: 0,
      createdAt: at(HOUR),
      updatedAt: at(HOUR),
    });
  await w.db
    .collection('signup_events')
    .doc(id)
    .update({ seatsTaken: w.db.command.inc(1), free: w.db.command.inc(-1) });
  await acceptAll('straggler');
  // … and a cancellation notice a crash left pending.
  await w.db
    .collection('signups')
    .doc(`${id}:a`)
    .update({ 'notices.cancelled': { status: 'pending', at: at(HOUR) } });

  const report = await recountSignUps(at(2 * HOUR), async () => {});
  expect(report).toMatchObject({ swept: 1, repaired: [] });
  expect((await records(w, key)).find((r) => r.userId === 'straggler')?.state).toBe('cancelled');
  expect(await counts(key)).toMatchObject({ seatsTaken: 0, waitlisted: 0 });
  expect((await outbox(w)).map((m) => m.touser)).toEqual(['o-straggler']);

  // The pending one goes out with the scheduler's reminders (a accepted the templates on every tap above).
  await clearOutbox(w);
  expect(await sendReminders(at(2 * HOUR))).toMatchObject({ due: 1, sent: 1 });
  expect((await outbox(w)).map((m) => [m.touser, m.data.phrase3?.value])).toEqual([['o-a', '活动取消']]);
  expect(await noticeOf(key, 'a')).toMatchObject({ status: 'sent' });
  expect(await sendReminders(at(3 * HOUR))).toMatchObject({ due: 0 });
});
