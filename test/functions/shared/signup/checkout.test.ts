// Check-out (events that check out): the organiser's check-out code, distinct from
// the check-in code; an attended sign-up checks out once; never before checking
// in; a manual check-out beside the manual check-in, audited; refusals write nothing.
import {
  checkInWithCode,
  checkOutWithCode,
  issueCode,
  manualCheckIn,
  manualCheckOut,
  markAttendance,
  mySignUp,
  signUp,
} from '../../../../cloudfunctions/_shared/engines/signup';
import { at, ctxOf, DAY, MINUTE, openTestEvent, ORGS, organiser, startWorld, T0, type World } from './world';

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(() => w.stop());

const START = at(3 * DAY);
/** The first instant of a 10-second slot, 10 minutes after the start. */
const DURING = new Date(Math.floor((START.getTime() + 10 * MINUTE) / 10_000) * 10_000);
const plus = (ms: number) => new Date(DURING.getTime() + ms);

async function snapshot(): Promise<string> {
  const read = async (name: string) => (await w.db.collection(name).limit(1000).get()).data;
  return JSON.stringify([await read('signups'), await read('signup_events'), await read('audit_logs')]);
}

async function eventWith(users: string[]) {
  const key = await openTestEvent({ capacity: users.length });
  for (const u of users) await signUp(ctxOf(u, T0), key, { answers: [] });
  return key;
}

describe('the check-out code', () => {
  it('checks an attended sign-up out once; scanning again answers already', async () => {
    const key = await eventWith(['rider']);
    const inCode = await issueCode(organiser(DURING), key, 'in');
    await checkInWithCode(ctxOf('rider', plus(1_000)), key, inCode.code);
    const outCode = await issueCode(organiser(plus(60 * MINUTE)), key, 'out');
    expect(outCode.purpose).toBe('out');
    expect(outCode.code).toMatch(/\.o$/);

    const first = await checkOutWithCode(ctxOf('rider', plus(60 * MINUTE + 1_000)), key, outCode.code);
    expect(first).toMatchObject({
      already: false,
      signUp: { state: 'attended', checkedOutAt: plus(60 * MINUTE + 1_000).toISOString() },
    });
    const again = await checkOutWithCode(ctxOf('rider', plus(60 * MINUTE + 5_000)), key, outCode.code);
    expect(again).toMatchObject({
      already: true,
      signUp: { checkedOutAt: plus(60 * MINUTE + 1_000).toISOString() },
    });
  });

  it('concurrent scans by one worker record one check-out', async () => {
    const key = await eventWith(['rider']);
    await checkInWithCode(ctxOf('rider', plus(1_000)), key, (await issueCode(organiser(DURING), key)).code);
    const { code } = await issueCode(organiser(plus(30 * MINUTE)), key, 'out');
    const replies = await Promise.all(
      Array.from({ length: 5 }, () => checkOutWithCode(ctxOf('rider', plus(30 * MINUTE + 1_000)), key, code)),
    );
    expect(replies.filter((r) => !r.already)).toHaveLength(1);
  });

  it('a check-in code never checks out, and a check-out code never checks in, writing nothing', async () => {
    const key = await eventWith(['rider']);
    const inCode = (await issueCode(organiser(DURING), key, 'in')).code;
    const outCode = (await issueCode(organiser(DURING), key, 'out')).code;
    const before = await snapshot();
    await expect(checkInWithCode(ctxOf('rider', plus(1_000)), key, outCode)).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining('签退码'),
    });
    expect(await snapshot()).toBe(before);
    await checkInWithCode(ctxOf('rider', plus(1_000)), key, inCode);
    const checkedIn = await snapshot();
    await expect(checkOutWithCode(ctxOf('rider', plus(2_000)), key, inCode)).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining('签到码'),
    });
    expect(await snapshot()).toBe(checkedIn);
    expect((await mySignUp(ctxOf('rider', plus(3_000)), key))?.checkedOutAt).toBeNull();
  });

  it('refuses to check out before checking in, and without a sign-up, writing nothing', async () => {
    const key = await eventWith(['rider']);
    const { code } = await issueCode(organiser(DURING), key, 'out');
    const before = await snapshot();
    await expect(checkOutWithCode(ctxOf('rider', plus(1_000)), key, code)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('还没有签到'),
    });
    await expect(checkOutWithCode(ctxOf('stranger', plus(1_000)), key, code)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(await snapshot()).toBe(before);
  });

  it('an expired or forged check-out code is refused', async () => {
    const key = await eventWith(['rider']);
    await checkInWithCode(ctxOf('rider', plus(1_000)), key, (await issueCode(organiser(DURING), key)).code);
    const { code } = await issueCode(organiser(DURING), key, 'out');
    await expect(checkOutWithCode(ctxOf('rider', plus(30_000)), key, code)).rejects.toMatchObject({ code: 'CLOSED' });
    const forged = code.replace(/\.([A-Za-z0-9_-]{16})\.o$/, '.AAAAAAAAAAAAAAAA.o');
    await expect(checkOutWithCode(ctxOf('rider', plus(1_000)), key, forged)).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });

  it('only an organiser of the event’s org shows a check-out code', async () => {
    const key = await eventWith(['rider']);
    await expect(issueCode(ctxOf('rider', DURING), key, 'out')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(issueCode(ctxOf('x-admin', DURING, [ORGS.other]), key, 'out')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});

describe('check-out by hand', () => {
  it('an organiser checks an attended sign-up out, audited, once; not before the start, not before check-in', async () => {
    const key = await eventWith(['a', 'b']);
    await manualCheckIn(organiser(DURING), key, 'a');
    await expect(manualCheckOut(organiser(at(3 * DAY - MINUTE)), key, 'a')).rejects.toMatchObject({
      code: 'CLOSED',
    });
    await expect(manualCheckOut(organiser(plus(MINUTE)), key, 'b')).rejects.toMatchObject({ code: 'CONFLICT' });
    const done = await manualCheckOut(organiser(plus(MINUTE)), key, 'a');
    expect(done).toMatchObject({ already: false, signUp: { checkedOutAt: plus(MINUTE).toISOString() } });
    expect((await manualCheckOut(organiser(plus(2 * MINUTE)), key, 'a')).already).toBe(true);
    const { data } = await w.db.collection('audit_logs').where({ action: 'signup.checkout' }).get();
    expect(data).toHaveLength(1);
    await expect(manualCheckOut(ctxOf('x-admin', plus(MINUTE), [ORGS.other]), key, 'a')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('correcting an attendance to no-show drops its check-out', async () => {
    const key = await eventWith(['a']);
    await manualCheckIn(organiser(DURING), key, 'a');
    await manualCheckOut(organiser(plus(MINUTE)), key, 'a');
    const r = await markAttendance(organiser(plus(2 * MINUTE)), key, 'a', 'no_show');
    expect(r.signUp).toMatchObject({ state: 'no_show', checkedInAt: null, checkedOutAt: null });
  });
});

describe('a domain’s check-in gate', () => {
  it('is asked only for a sign-up about to check in; a refusal writes nothing; a lost move undoes it', async () => {
    const key = await eventWith(['a']);
    const { code } = await issueCode(organiser(DURING), key);
    const before = await snapshot();
    const refuse = async () => {
      throw Object.assign(new Error('limit'), { code: 'LIMIT_REACHED' });
    };
    await expect(checkInWithCode(ctxOf('a', plus(1_000)), key, code, refuse)).rejects.toMatchObject({
      code: 'LIMIT_REACHED',
    });
    expect(await snapshot()).toBe(before);
    let taken = 0;
    const gate = async () => {
      taken++;
      return async () => {
        taken--;
      };
    };
    await checkInWithCode(ctxOf('a', plus(1_000)), key, code, gate);
    expect(taken).toBe(1);
    await checkInWithCode(ctxOf('a', plus(2_000)), key, code, gate);
    expect(taken).toBe(1);
    await expect(checkInWithCode(ctxOf('nobody', plus(2_000)), key, code, gate)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(taken).toBe(1);
  });
});
