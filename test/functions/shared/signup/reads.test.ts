// What the domains read of their events beside the booking itself: a note kept
// with the sign-up, several bookings for a list page, the records counted by state
// for statistics, the few avatars a page shows of who is coming, one worker's
// sign-ups across domains, and an organiser's keyword search with true positions.
import {
  bookingViewsOf,
  cancel,
  eventKeyOf,
  listSignUps,
  markAttendance,
  mySignUps,
  seatedAvatars,
  signUp,
  stateCounts,
} from '../../../../cloudfunctions/_shared/engines/signup';
import { at, ctxOf, DAY, MINUTE, newKey, openTestEvent, organiser, records, startWorld, T0, type World } from './world';

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(() => w.stop());

const join = (userId: string, key: Parameters<typeof signUp>[1], note?: string, now = T0) =>
  signUp(ctxOf(userId, now), key, { answers: [], note });

it('keeps the note the worker wrote (trimmed), shows it to them and to organisers, and refuses one too long', async () => {
  const key = await openTestEvent({ capacity: 1 });
  expect((await join('n1', key, '  电动车充电桩不够用  ')).signUp.note).toBe('电动车充电桩不够用');
  expect((await join('n2', key)).signUp).toMatchObject({ state: 'waitlisted', note: '' });
  const rows = await listSignUps(organiser(T0), key, {});
  expect(rows.items.map((r) => [r.userId, r.note])).toEqual([
    ['n1', '电动车充电桩不够用'],
    ['n2', ''],
  ]);
  await expect(join('n3', key, '长'.repeat(201))).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  expect(await records(w, key)).toHaveLength(2);
  // A repeated tap changes nothing, the note included.
  expect(await join('n1', key, '另一个问题')).toMatchObject({ already: true, signUp: { note: '电动车充电桩不够用' } });
});

it('reads several bookings in one query, and counts the records of several events by state', async () => {
  const a = await openTestEvent({ capacity: 2 });
  const b = await openTestEvent({ capacity: 5 });
  for (const u of ['p', 'q', 'r']) await join(u, a);
  await join('p', b);
  await cancel(ctxOf('p', T0), b);
  const views = await bookingViewsOf([a, b, newKey()]);
  expect(views.size).toBe(2);
  expect(views.get(eventKeyOf(a))?.counts).toEqual({
    capacity: 2,
    seatsTaken: 2,
    seatsLeft: 0,
    waitlisted: 1,
    attended: 0,
  });
  await markAttendance(organiser(at(3 * DAY)), a, 'q', 'no_show');
  await markAttendance(organiser(at(3 * DAY)), a, 'p', 'attended');
  const counted = await stateCounts([a, b]);
  expect(counted.get(eventKeyOf(a))).toEqual({ confirmed: 0, waitlisted: 1, cancelled: 0, attended: 1, no_show: 1 });
  expect(counted.get(eventKeyOf(b))).toEqual({ confirmed: 0, waitlisted: 0, cancelled: 1, attended: 0, no_show: 0 });
});

it('shows up to N avatars of seated people who set one, in sign-up order — nothing of the waitlist', async () => {
  const key = await openTestEvent({ capacity: 3 });
  for (const [i, u] of ['f1', 'f2', 'f3', 'f4'].entries()) {
    await w.db
      .collection('users')
      .doc(u)
      .set({
        openid: `o-${u}`,
        nickname: u,
        status: 'active',
        avatarFileId: i === 1 ? '' : `cloud://x.y/avatars/${u}/a.png`,
      });
    await join(u, key, undefined, at(i * MINUTE));
  }
  expect(await seatedAvatars(key, 8)).toEqual(['cloud://x.y/avatars/f1/a.png', 'cloud://x.y/avatars/f3/a.png']);
  expect(await seatedAvatars(key, 1)).toEqual(['cloud://x.y/avatars/f1/a.png']);
});

it('lists one worker’s sign-ups across several domains, newest first', async () => {
  const rt = await openTestEvent();
  const tr = await openTestEvent({}, { domain: 'training', eventId: `tr-${Date.now().toString(36)}` });
  const vo = await openTestEvent({}, { domain: 'volunteer', eventId: `vo-${Date.now().toString(36)}` });
  await join('multi', rt, undefined, at(1));
  await join('multi', tr, undefined, at(2));
  await join('multi', vo, undefined, at(3));
  const both = await mySignUps(ctxOf('multi', T0), ['roundtable', 'training'], {});
  expect(both.items.map((s) => s.domain)).toEqual(['training', 'roundtable']);
});

describe('an organiser’s keyword search', () => {
  it('finds people by part of their name or nickname, or by 4+ digits of their phone, with their true waitlist place', async () => {
    const key = await openTestEvent({ capacity: 1 });
    const people = [
      ['k1', '王小快', '13900000001'],
      ['k2', '李大送', '13900000002'],
      ['k3', '王二骑', '13900000003'],
    ] as const;
    for (const [i, [u, name, phone]] of people.entries()) {
      await w.db
        .collection('users')
        .doc(u)
        .set({ openid: `o-${u}`, nickname: `昵称${u}`, status: 'active', worker: { realName: name, phone } });
      await join(u, key, undefined, at(i * MINUTE));
    }
    const wang = await listSignUps(organiser(T0), key, { keyword: '王' });
    expect(wang.items.map((r) => [r.userId, r.state, r.position])).toEqual([
      ['k1', 'confirmed', null],
      ['k3', 'waitlisted', 2],
    ]);
    expect((await listSignUps(organiser(T0), key, { keyword: '0002' })).items.map((r) => r.userId)).toEqual(['k2']);
    // Three digits are not a phone search.
    expect((await listSignUps(organiser(T0), key, { keyword: '139' })).items).toEqual([]);
    expect(
      (await listSignUps(organiser(T0), key, { keyword: '王', states: ['waitlisted'] })).items.map((r) => [
        r.userId,
        r.position,
      ]),
    ).toEqual([['k3', 2]]);
    const paged = await listSignUps(organiser(T0), key, { keyword: '昵称', page: 2, pageSize: 2 });
    expect([paged.items.map((r) => r.userId), paged.hasMore]).toEqual([['k3'], false]);
    await expect(listSignUps(ctxOf('k1', T0), key, { keyword: '王' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
