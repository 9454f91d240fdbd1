// The recount repairs what a crash between the engine's two writes leaves — a seat
// held by nobody, a waitlist or attendance count behind — tested by injecting that
// drift; a drift that moves between its two passes is a sign-up in flight and is
// left alone; a seat it frees goes to the waitlist's head.
import { counts, mySignUp, signUp } from '../../../../cloudfunctions/_shared/engines/signup';
import { recountSignUps } from '../../../../cloudfunctions/_shared/engines/signup/recount';
import type { EventKey } from '../../../../cloudfunctions/_shared/engines/signup';
import { at, booking, ctxOf, DAY, openTestEvent, startWorld, T0, type World } from './world';

let w: World;
let warn: jest.SpyInstance;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(() => w.stop());
// A repair is logged for whoever looks into why it was needed: asserted, not printed.
beforeEach(() => {
  warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => warn.mockRestore());

const settled = () => Promise.resolve();
const idOf = (key: EventKey) => `${key.domain}:${key.eventId}`;
const drift = (key: EventKey, d: Record<string, number>) =>
  w.db
    .collection('signup_events')
    .doc(idOf(key))
    .update(Object.fromEntries(Object.entries(d).map(([k, n]) => [k, w.db.command.inc(n)])));

const repairedFor = (report: Awaited<ReturnType<typeof recountSignUps>>, key: EventKey) =>
  report.repaired.filter((r) => r.eventKey === idOf(key));

it('gives back a seat taken for a sign-up that was never written, and promotes into it', async () => {
  const key = await openTestEvent({ capacity: 3 });
  for (const u of ['a', 'b']) await signUp(ctxOf(u, T0), key, { answers: [] });
  // A crash after taking the last seat and before writing the record: a seat held by nobody.
  await drift(key, { seatsTaken: 1, free: -1 });
  await signUp(ctxOf('c', T0), key, { answers: [] }); // so c waits …
  await drift(key, { waitlisted: -1 }); // … and, say, a crash also kept c's waitlist count from following.

  const report = await recountSignUps(T0, settled);
  expect(repairedFor(report, key)).toEqual([{ eventKey: idOf(key), seatsTaken: -1, waitlisted: 1, attended: 0 }]);
  expect(warn).toHaveBeenCalledWith(expect.stringContaining('sign-up counter drift repaired'));
  // The seat given back went to c, the head of the waitlist.
  expect(report.promoted).toBe(1);
  expect((await mySignUp(ctxOf('c', T0), key))?.state).toBe('confirmed');
  expect(await counts(key)).toEqual({ capacity: 3, seatsTaken: 3, seatsLeft: 0, waitlisted: 0, attended: 0 });
  expect(await booking(w, key)).toMatchObject({ free: 0, seatsTaken: 3 });
  // Nothing left to repair.
  expect(repairedFor(await recountSignUps(T0, settled), key)).toEqual([]);
});

it('repairs an attendance count behind the records', async () => {
  const key = await openTestEvent({ capacity: 2 });
  await signUp(ctxOf('a', T0), key, { answers: [] });
  await w.db
    .collection('signups')
    .doc(`${idOf(key)}:a`)
    .update({ state: 'attended' });
  const report = await recountSignUps(T0, settled);
  expect(repairedFor(report, key)).toEqual([{ eventKey: idOf(key), seatsTaken: 0, waitlisted: 0, attended: 1 }]);
  expect(await counts(key)).toMatchObject({ attended: 1, seatsTaken: 1 });
});

it('leaves a drift that changes between its two passes (a sign-up in flight) for the next run', async () => {
  const key = await openTestEvent({ capacity: 5 });
  await drift(key, { seatsTaken: 1, free: -1 }); // a seat just taken, its record not written yet …
  const report = await recountSignUps(T0, () => drift(key, { seatsTaken: 1, free: -1 })); // … and another
  expect(repairedFor(report, key)).toEqual([]);
  expect(report.unsettled).toBeGreaterThanOrEqual(1);
  expect(await counts(key)).toMatchObject({ seatsTaken: 2 });
  // Those records never came (crashes): once nothing moves, the next run repairs both.
  expect(repairedFor(await recountSignUps(T0, settled), key)).toEqual([
    { eventKey: idOf(key), seatsTaken: -2, waitlisted: 0, attended: 0 },
  ]);
  expect(await counts(key)).toMatchObject({ seatsTaken: 0, seatsLeft: 5 });
});

it('no longer looks at events that ended more than two days ago', async () => {
  const key = await openTestEvent({ capacity: 2 });
  await drift(key, { seatsTaken: 1, free: -1 });
  const report = await recountSignUps(at(6 * DAY), settled);
  expect(repairedFor(report, key)).toEqual([]);
});
