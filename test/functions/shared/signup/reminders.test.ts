// Reminders with the clock pinned: the day before and one hour before the start,
// once per subscribed sign-up, to its own openid, values fitted to WeChat's rules
// (the emulator's stand-in refuses any that break them); 43101 and 20004 recorded,
// never retried; sends counted against the grants the client reported.
import { cancel, recordGrants, signUp, subscribeOffer } from '../../../../cloudfunctions/_shared/engines/signup';
import { dueReminders, sendReminders } from '../../../../cloudfunctions/_shared/engines/signup/reminders';
import type { EventKey } from '../../../../cloudfunctions/_shared/engines/signup';
import {
  at,
  clearOutbox,
  ctxOf,
  DAY,
  HOUR,
  MINUTE,
  openTestEvent,
  outbox,
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

const START = at(3 * DAY);
const before = (ms: number) => new Date(START.getTime() - ms);
const TEMPLATES = {
  promoted: 'dev-tpl-signup-promoted',
  dayBefore: 'dev-tpl-signup-day-before',
  hourBefore: 'dev-tpl-signup-hour-before',
};

const acceptAll = (userId: string) =>
  recordGrants(
    ctxOf(userId, T0),
    subscribeOffer().templateIds.map((templateId) => ({ templateId, result: 'accept' as const })),
  );

async function notice(key: EventKey, userId: string, kind: string) {
  const doc = (await w.db.collection('signups').doc(`${key.domain}:${key.eventId}:${userId}`).get()).data[0];
  return doc?.notices?.[kind];
}

/** A clean slate: earlier tests' events must not be due at the same instants. */
beforeEach(async () => {
  await w.db
    .collection('signup_events')
    .where({ capacity: w.db.command.gt(0) })
    .remove();
  await clearOutbox(w);
});

it('offers the three configured templates, and counts only what the user accepted of ours', async () => {
  expect(subscribeOffer()).toEqual({ templateIds: Object.values(TEMPLATES) });
  const granted = await recordGrants(ctxOf('picky', T0), [
    { templateId: TEMPLATES.dayBefore, result: 'accept' },
    { templateId: TEMPLATES.hourBefore, result: 'reject' },
    { templateId: 'someone-elses-template', result: 'accept' },
  ]);
  expect(granted).toEqual({ granted: [TEMPLATES.dayBefore] });
  expect((await w.db.collection('subscribe_grants').doc('picky').get()).data[0].left).toEqual({
    [TEMPLATES.dayBefore]: 1,
  });
});

it('sends each subscribed sign-up one reminder the day before and one an hour before, to its own openid', async () => {
  const key = await openTestEvent({
    capacity: 3,
    notice: { title: '小哥圆桌会：关于电动车充电桩和停车难的问题', place: '城北党群服务驿站', page: 'p/detail?id=1' },
  });
  for (const u of ['sub', 'nosub', 'refuser', 'switchedoff', 'queued']) {
    await signUp(ctxOf(u, T0), key, { answers: [] });
    if (u !== 'nosub') await acceptAll(u);
  }
  await refuseMessages(w, 'o-refuser', 43101);
  await refuseMessages(w, 'o-switchedoff', 20004);

  // Three days before: nothing due yet.
  expect(await dueReminders(before(25 * HOUR))).toEqual([]);

  const dayBefore = before(24 * HOUR - 5 * MINUTE);
  expect((await dueReminders(dayBefore)).map((d) => [d.kind, d.signUp.userId]).sort()).toEqual([
    ['dayBefore', 'nosub'],
    ['dayBefore', 'refuser'],
    ['dayBefore', 'sub'],
  ]);
  // Three seats: sub, nosub and refuser hold them; switchedoff and queued wait, and the waitlist is not reminded.
  const first = await sendReminders(dayBefore);
  expect(first).toMatchObject({ due: 3, sent: 1, noGrant: 1, refused: [{ errcode: 43101, count: 1 }], failed: 0 });
  const sent = await outbox(w);
  expect(sent).toHaveLength(1);
  expect(sent[0]).toMatchObject({ touser: 'o-sub', template_id: TEMPLATES.dayBefore, page: 'p/detail?id=1' });
  expect(sent[0]!.data).toEqual({
    thing1: { value: '小哥圆桌会：关于电动车充电桩和停车难的…' },
    time2: { value: '2026年12月4日 10:00' },
    thing3: { value: '城北党群服务驿站' },
    thing4: { value: '明天 10:00 开始，请准时参加' },
  });
  expect(Array.from(sent[0]!.data.thing1!.value)).toHaveLength(20);
  expect(await notice(key, 'refuser', 'dayBefore')).toMatchObject({ status: 'refused', errcode: 43101 });
  expect(await notice(key, 'nosub', 'dayBefore')).toMatchObject({ status: 'no_grant' });

  // Run again (and again, later the same day): nothing is sent twice, the refusal is not retried.
  expect(await sendReminders(dayBefore)).toMatchObject({ due: 0, sent: 0 });
  expect(await sendReminders(before(5 * HOUR))).toMatchObject({ due: 0, sent: 0 });
  expect(await outbox(w)).toHaveLength(1);

  const hourBefore = before(50 * MINUTE);
  const second = await sendReminders(hourBefore);
  expect(second).toMatchObject({ due: 3, sent: 1, noGrant: 1 });
  expect((await outbox(w)).map((m) => [m.touser, m.template_id])).toEqual([
    ['o-sub', TEMPLATES.dayBefore],
    ['o-sub', TEMPLATES.hourBefore],
  ]);
  expect((await outbox(w))[1]!.data.thing4).toEqual({ value: '今天 10:00 开始，请准时参加' });
  expect(await sendReminders(before(5 * MINUTE))).toMatchObject({ due: 0 });
  // Nothing once it started.
  expect(await dueReminders(at(3 * DAY + MINUTE))).toEqual([]);
});

it('records 20004 (messages switched off) and does not retry it', async () => {
  const key = await openTestEvent({ capacity: 1 });
  await signUp(ctxOf('off', T0), key, { answers: [] });
  await acceptAll('off');
  await refuseMessages(w, 'o-off', 20004);
  expect(await sendReminders(before(2 * HOUR))).toMatchObject({ refused: [{ errcode: 20004, count: 1 }] });
  expect(await notice(key, 'off', 'dayBefore')).toMatchObject({ status: 'refused', errcode: 20004 });
  expect(await sendReminders(before(2 * HOUR - MINUTE))).toMatchObject({ due: 0 });
  // The grant WeChat says is gone is not spent on later sends either.
  expect((await w.db.collection('subscribe_grants').doc('off').get()).data[0].left[TEMPLATES.dayBefore]).toBe(0);
});

it('a sign-up made within the last hour gets only the hour reminder; a cancelled one none', async () => {
  const key = await openTestEvent({ capacity: 5, deadline: START });
  await signUp(ctxOf('lastminute', before(40 * MINUTE)), key, { answers: [] });
  await signUp(ctxOf('changed', T0), key, { answers: [] });
  await acceptAll('lastminute');
  await acceptAll('changed');
  await cancel(ctxOf('changed', before(2 * HOUR)), key);
  expect(await sendReminders(before(30 * MINUTE))).toMatchObject({ due: 1, sent: 1 });
  expect((await outbox(w)).map((m) => [m.touser, m.template_id])).toEqual([['o-lastminute', TEMPLATES.hourBefore]]);
  expect(await notice(key, 'lastminute', 'dayBefore')).toBeUndefined();
});

it('sends a promotion notice its promoter could not send, once', async () => {
  const key = await openTestEvent({ capacity: 1 });
  await signUp(ctxOf('seat', T0), key, { answers: [] });
  await signUp(ctxOf('waiting', T0), key, { answers: [] });
  await cancel(ctxOf('seat', T0), key);
  // What a crash between the promotion and its notice leaves: promoted, the notice pending, the grant unspent.
  const id = `${key.domain}:${key.eventId}:waiting`;
  await w.db
    .collection('signups')
    .doc(id)
    .update({ 'notices.promoted': { status: 'pending', at: T0 } });
  await acceptAll('waiting');
  await clearOutbox(w);

  expect(await sendReminders(at(MINUTE))).toMatchObject({ due: 0 }); // younger than 2 minutes: the promoter may still send it
  expect(await sendReminders(at(3 * MINUTE))).toMatchObject({ due: 1, sent: 1 });
  expect(await sendReminders(at(4 * MINUTE))).toMatchObject({ due: 0 });
  expect((await outbox(w)).map((m) => [m.touser, m.template_id])).toEqual([['o-waiting', TEMPLATES.promoted]]);
});
