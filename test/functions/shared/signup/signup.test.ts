// Signing up and cancelling: exact seats and a FIFO waitlist under concurrency,
// one record per (event, user), promotion with its notice, late cancels,
// capacity changes, questions and the round trips of the common path.
import {
  bookingView,
  cancel,
  counts,
  listSignUps,
  mySignUp,
  mySignUps,
  prefillAnswers,
  recordGrants,
  signUp,
  subscribeOffer,
  updateEvent,
} from '../../../../cloudfunctions/_shared/engines/signup';
import type { SignUpQuestion } from '../../../../typings/signup';
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
  roundTrips,
  startWorld,
  T0,
  type World,
} from './world';

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(() => w.stop());

const noAnswers = { answers: [] };
const join = (userId: string, key: Parameters<typeof signUp>[1], now = T0) =>
  signUp(ctxOf(userId, now), key, noAnswers);

/** Every waitlisted row of an event, page by page, as an organiser lists them. */
async function waitlist(key: Parameters<typeof signUp>[1]) {
  const rows = [];
  for (let page = 1; ; page++) {
    const p = await listSignUps(organiser(T0), key, { states: ['waitlisted'], page, pageSize: 50 });
    rows.push(...p.items);
    if (!p.hasMore) return rows;
  }
}

describe('seats are exact under concurrency', () => {
  it('200 concurrent sign-ups for 20 seats: 20 confirmed, 180 waitlisted at positions 1–180, no duplicates', async () => {
    const key = await openTestEvent({ capacity: 20 });
    const receipts = await Promise.all(Array.from({ length: 200 }, (_, i) => join(`u${i}`, key)));

    expect(receipts.filter((r) => r.signUp.state === 'confirmed')).toHaveLength(20);
    expect(receipts.filter((r) => r.signUp.state === 'waitlisted')).toHaveLength(180);
    const stored = await records(w, key);
    expect(stored).toHaveLength(200);
    expect(new Set(stored.map((r) => r.userId)).size).toBe(200);
    expect(stored.filter((r) => r.state === 'confirmed')).toHaveLength(20);
    expect(await counts(key)).toEqual({ capacity: 20, seatsTaken: 20, seatsLeft: 0, waitlisted: 180, attended: 0 });
    const queue = await waitlist(key);
    expect(queue.map((r) => r.position)).toEqual(Array.from({ length: 180 }, (_, i) => i + 1));
  });

  it('10 concurrent sign-ups by one worker make one record and hold one seat', async () => {
    const key = await openTestEvent({ capacity: 20 });
    const receipts = await Promise.all(Array.from({ length: 10 }, () => join('twice', key)));
    expect(receipts.filter((r) => !r.already)).toHaveLength(1);
    expect(receipts.every((r) => r.signUp.state === 'confirmed')).toBe(true);
    expect(await records(w, key)).toHaveLength(1);
    expect(await counts(key)).toMatchObject({ seatsTaken: 1, seatsLeft: 19, waitlisted: 0 });
  });

  it('10 concurrent sign-ups by one worker on a full event make one waitlisted record', async () => {
    const key = await openTestEvent({ capacity: 1 });
    await join('first', key);
    const receipts = await Promise.all(Array.from({ length: 10 }, () => join('again', key)));
    expect(receipts.filter((r) => !r.already)).toHaveLength(1);
    expect(receipts.every((r) => r.signUp.state === 'waitlisted' && r.signUp.position === 1)).toBe(true);
    expect(await records(w, key)).toHaveLength(2);
    expect(await counts(key)).toMatchObject({ seatsTaken: 1, waitlisted: 1 });
  });

  it('an event without a waitlist refuses FULL once its seats are taken, writing nothing', async () => {
    const key = await openTestEvent({ capacity: 2, waitlist: false });
    const results = await Promise.allSettled(['a', 'b', 'c', 'd'].map((u) => join(u, key)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    for (const r of results.filter((x): x is PromiseRejectedResult => x.status === 'rejected')) {
      expect(r.reason).toMatchObject({ code: 'FULL', message: expect.stringContaining('名额已满') });
    }
    expect(await records(w, key)).toHaveLength(2);
  });
});

describe('the waitlist is first in, first out', () => {
  /** Two seats taken by a and b; c, d, e waiting in that order; everyone accepted the notices. */
  async function fullEvent() {
    const key = await openTestEvent({ capacity: 2 });
    for (const [i, u] of ['a', 'b', 'c', 'd', 'e'].entries()) {
      await join(u, key, at(i * MINUTE));
      await recordGrants(
        ctxOf(u, T0),
        subscribeOffer().templateIds.map((templateId) => ({ templateId, result: 'accept' as const })),
      );
    }
    await clearOutbox(w);
    return key;
  }

  it('a cancellation promotes exactly position 1 and sends it one subscribe message', async () => {
    const key = await fullEvent();
    const receipt = await cancel(ctxOf('a', at(HOUR)), key);
    expect(receipt).toMatchObject({ promoted: 1, signUp: { state: 'cancelled', cancelledBy: 'self' } });

    expect((await mySignUp(ctxOf('c', T0), key))?.state).toBe('confirmed');
    expect((await waitlist(key)).map((r) => [r.userId, r.position])).toEqual([
      ['d', 1],
      ['e', 2],
    ]);
    const sent = await outbox(w);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ touser: 'o-c', template_id: 'dev-tpl-signup-promoted', page: 'pages/index/index' });
    expect(sent[0]!.data.phrase3).toEqual({ value: '候补成功' });
    expect(await counts(key)).toMatchObject({ seatsTaken: 2, waitlisted: 2 });
  });

  it('two concurrent cancellations promote positions 1 and 2, once each', async () => {
    const key = await fullEvent();
    await Promise.all([cancel(ctxOf('a', at(HOUR)), key), cancel(ctxOf('b', at(HOUR)), key)]);
    const states = Object.fromEntries((await records(w, key)).map((r) => [r.userId, r.state]));
    expect(states).toEqual({ a: 'cancelled', b: 'cancelled', c: 'confirmed', d: 'confirmed', e: 'waitlisted' });
    expect((await outbox(w)).map((m) => m.touser).sort()).toEqual(['o-c', 'o-d']);
    expect(await counts(key)).toMatchObject({ seatsTaken: 2, waitlisted: 1 });
  });

  it('20 concurrent cancellations promote exactly positions 1–20, each once, with one message each', async () => {
    const key = await openTestEvent({ capacity: 20 });
    const people = Array.from({ length: 60 }, (_, i) => `rush${i}`);
    for (const [i, u] of people.entries()) await join(u, key, at(i * 1000));
    await recordGrants(
      ctxOf('rush25', T0),
      subscribeOffer().templateIds.map((templateId) => ({ templateId, result: 'accept' as const })),
    );
    await clearOutbox(w);
    const receipts = await Promise.all(people.slice(0, 20).map((u) => cancel(ctxOf(u, at(HOUR)), key)));
    expect(receipts.reduce((n, r) => n + r.promoted, 0)).toBe(20);
    const states = Object.fromEntries((await records(w, key)).map((r) => [r.userId, r.state]));
    expect(people.slice(20, 40).every((u) => states[u] === 'confirmed')).toBe(true);
    expect(people.slice(40).every((u) => states[u] === 'waitlisted')).toBe(true);
    expect((await waitlist(key)).map((r) => [r.userId, r.position])).toEqual(
      people.slice(40).map((u, i) => [u, i + 1]),
    );
    expect(await counts(key)).toMatchObject({ seatsTaken: 20, seatsLeft: 0, waitlisted: 20 });
    // Only rush25 accepted the notices: one message, to them.
    expect((await outbox(w)).map((m) => m.touser)).toEqual(['o-rush25']);
  });

  it('each sees their own sign-ups with their place in the queue; an organiser sees names, phones and answers', async () => {
    const key = await fullEvent();
    await w.db.collection('users').add({
      _id: 'd',
      openid: 'o-d',
      nickname: '小D',
      status: 'active',
      worker: { realName: '丁小骑', phone: '13900002222' },
    });
    const mine = await mySignUps(ctxOf('d', T0), 'roundtable', {});
    expect(mine.items.find((s) => s.eventId === key.eventId)).toMatchObject({ state: 'waitlisted', position: 2 });
    expect(await mySignUps(ctxOf('d', T0), 'volunteer', {})).toMatchObject({ items: [] });
    const all = await listSignUps(organiser(T0), key, { page: 1, pageSize: 2 });
    expect(all.items.map((r) => [r.userId, r.state, r.position])).toEqual([
      ['a', 'confirmed', null],
      ['b', 'confirmed', null],
    ]);
    const rest = await listSignUps(organiser(T0), key, { page: 2, pageSize: 2 });
    expect(rest.items.map((r) => [r.userId, r.position, r.name, r.phone])).toEqual([
      ['c', 1, '未登记用户', ''],
      ['d', 2, '丁小骑', '13900002222'],
    ]);
    await expect(listSignUps(ctxOf('d', T0), key, {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a waitlisted person who cancels leaves the queue contiguous and frees no seat', async () => {
    const key = await fullEvent();
    expect(await cancel(ctxOf('d', at(HOUR)), key)).toMatchObject({ promoted: 0 });
    expect((await waitlist(key)).map((r) => [r.userId, r.position])).toEqual([
      ['c', 1],
      ['e', 2],
    ]);
    expect(await outbox(w)).toEqual([]);
    expect(await counts(key)).toMatchObject({ seatsTaken: 2, waitlisted: 2 });
  });

  it('a re-sign-up after cancelling reuses the record and joins the tail of the queue', async () => {
    const key = await fullEvent();
    await cancel(ctxOf('c', at(HOUR)), key);
    const again = await join('c', key, at(2 * HOUR));
    expect(again).toMatchObject({ already: false, signUp: { state: 'waitlisted', position: 3 } });
    expect((await records(w, key)).filter((r) => r.userId === 'c')).toHaveLength(1);
  });

  it('a cancellation after the deadline is refused with what to do instead; nothing changes', async () => {
    const key = await fullEvent();
    const late = at(3 * DAY - 30 * MINUTE); // the deadline is an hour before the start
    await expect(cancel(ctxOf('a', late), key)).rejects.toMatchObject({
      code: 'CLOSED',
      message: expect.stringMatching(/截止.*联系组织者/),
    });
    expect((await mySignUp(ctxOf('a', late), key))?.state).toBe('confirmed');
    expect(await counts(key)).toMatchObject({ seatsTaken: 2, waitlisted: 3 });
  });

  it('sign-ups close at the deadline and when the organiser closes them', async () => {
    const key = await openTestEvent({ capacity: 5 });
    await expect(join('late', key, at(3 * DAY - 30 * MINUTE))).rejects.toMatchObject({ code: 'CLOSED' });
    await updateEvent(organiser(T0), key, { open: false });
    await expect(join('closed', key)).rejects.toMatchObject({ code: 'CLOSED', message: '这场活动已停止报名' });
    expect(await records(w, key)).toEqual([]);
  });
});

describe('capacity changes', () => {
  it('an increase promotes from the waitlist in order; a decrease below the seats taken is refused', async () => {
    const key = await openTestEvent({ capacity: 2 });
    for (const [i, u] of ['a', 'b', 'c', 'd', 'e'].entries()) await join(u, key, at(i * MINUTE));

    expect(await updateEvent(organiser(T0), key, { capacity: 4 })).toMatchObject({
      promoted: 2,
      counts: { capacity: 4, seatsTaken: 4, seatsLeft: 0, waitlisted: 1 },
    });
    const states = Object.fromEntries((await records(w, key)).map((r) => [r.userId, r.state]));
    expect(states).toMatchObject({ c: 'confirmed', d: 'confirmed', e: 'waitlisted' });

    await expect(updateEvent(organiser(T0), key, { capacity: 3 })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: '已有 4 人报名成功，名额不能少于 4 个',
    });
    expect(await counts(key)).toMatchObject({ capacity: 4, seatsTaken: 4 });
    await cancel(ctxOf('a', T0), key); // e moves up
    await cancel(ctxOf('e', T0), key);
    expect(await updateEvent(organiser(T0), key, { capacity: 3 })).toMatchObject({
      counts: { capacity: 3, seatsTaken: 3, seatsLeft: 0 },
    });
  });

  it('only an organiser of the event’s org may change it', async () => {
    const key = await openTestEvent();
    await expect(updateEvent(ctxOf('stranger', T0), key, { capacity: 50 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(updateEvent(ctxOf('other-admin', T0, ['org-x']), key, { capacity: 50 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    // An admin of the district above the branch organises it too.
    await expect(updateEvent(ctxOf('district-admin', T0, ['org-d']), key, { capacity: 50 })).resolves.toMatchObject({
      counts: { capacity: 50 },
    });
  });
});

describe('sign-up questions', () => {
  const questions: SignUpQuestion[] = [
    { key: 'name', kind: 'text', label: '姓名', required: true, profileField: 'realName' },
    { key: 'topic', kind: 'single', label: '想聊的话题', required: true, options: ['充电', '停车', '社保'] },
    { key: 'time', kind: 'multi', label: '方便的时段', required: false, options: ['上午', '下午', '晚上'] },
  ];

  it('the detail page gets the form, its prefill from the registration, the windows and the counters', async () => {
    const key = await openTestEvent({ questions, capacity: 8 });
    const view = await bookingView(key);
    expect(view).toMatchObject({
      counts: { capacity: 8, seatsLeft: 8 },
      open: true,
      waitlist: true,
      startAt: at(3 * DAY).toISOString(),
      deadline: at(3 * DAY - HOUR).toISOString(),
    });
    expect(view.questions).toEqual(questions);
    expect(prefillAnswers(view.questions, ctxOf('q', T0).caller.user)).toEqual([{ key: 'name', values: ['骑手q'] }]);
  });

  it('answers are checked on the server, named by the question; nothing is written for a bad one', async () => {
    const key = await openTestEvent({ questions });
    const answer = (answers: { key: string; values: string[] }[]) => signUp(ctxOf('q', T0), key, { answers });
    await expect(answer([{ key: 'topic', values: ['充电'] }])).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: '请填写「姓名」',
    });
    await expect(
      answer([
        { key: 'name', values: ['张三'] },
        { key: 'topic', values: ['加班'] },
      ]),
    ).rejects.toMatchObject({ message: '「想聊的话题」请从给出的选项中选择' });
    expect(await records(w, key)).toEqual([]);
    expect(await counts(key)).toMatchObject({ seatsTaken: 0 });

    const ok = await answer([
      { key: 'time', values: ['晚上', '上午'] },
      { key: 'name', values: [' 张三 '] },
      { key: 'topic', values: ['停车'] },
    ]);
    expect(ok.signUp.answers).toEqual([
      { key: 'name', label: '姓名', values: ['张三'] },
      { key: 'topic', label: '想聊的话题', values: ['停车'] },
      { key: 'time', label: '方便的时段', values: ['晚上', '上午'] },
    ]);
  });
});

describe('round trips', () => {
  it('the common path is at most 3 database round trips (a seat: 2 and the day’s counter beside the insert; the waitlist: 3) once the booking is cached', async () => {
    const key = await openTestEvent({ capacity: 1 });
    await join('warm', key); // takes the seat; the booking is now this instance's copy
    let before = await roundTrips(w);
    await join('queued', key);
    expect((await roundTrips(w)) - before).toBeLessThanOrEqual(3);

    const roomy = await openTestEvent({ capacity: 10 });
    await join('warm', roomy);
    before = await roundTrips(w);
    await join('seated', roomy);
    // Take the seat, then insert the record and increment the dashboard's counter at once.
    expect((await roundTrips(w)) - before).toBe(3);
    expect(await booking(w, roomy)).toMatchObject({ seatsTaken: 2, free: 8 });
  });
});
