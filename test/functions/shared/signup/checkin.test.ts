// Check-in: the rotating code only an organiser of the event's org can show, only
// around the event; accepted for its slot and 20 s more, for its own event, once
// per sign-up; refusals write nothing. Manual check-in and no-show are audited.
import {
  checkInWithCode,
  counts,
  issueCode,
  manualCheckIn,
  markAttendance,
  mySignUp,
  removeByOrganiser,
  signUp,
} from '../../../../cloudfunctions/_shared/engines/signup';
import {
  at,
  ctxOf,
  DAY,
  HOUR,
  MINUTE,
  newKey,
  openTestEvent,
  ORGS,
  organiser,
  startWorld,
  T0,
  type World,
} from './world';

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(() => w.stop());

/** The event starts three days after T0; check-in opens 30 minutes before. */
const START = at(3 * DAY);
/** The first instant of a 10-second slot, 10 minutes after the start. */
const DURING = new Date(Math.floor((START.getTime() + 10 * MINUTE) / 10_000) * 10_000);
const plus = (ms: number) => new Date(DURING.getTime() + ms);

/** Everything stored, to show that a refusal wrote nothing. */
async function snapshot(): Promise<string> {
  const read = async (name: string) => (await w.db.collection(name).limit(1000).get()).data;
  return JSON.stringify([await read('signups'), await read('signup_events'), await read('audit_logs')]);
}

async function eventWith(confirmed: string[], waitlisted: string[] = []) {
  const key = await openTestEvent({ capacity: confirmed.length });
  for (const u of [...confirmed, ...waitlisted]) await signUp(ctxOf(u, T0), key, { answers: [] });
  return key;
}

describe('the rotating code', () => {
  it('checks a confirmed sign-up in once; scanning again changes nothing', async () => {
    const key = await eventWith(['rider']);
    const shown = await issueCode(organiser(DURING), key);
    expect(shown.code).toMatch(/^[A-Za-z0-9._-]+$/);
    expect(shown.code.length).toBeLessThanOrEqual(80);
    expect(shown).toMatchObject({
      refreshAt: plus(10_000).toISOString(),
      validUntil: plus(30_000).toISOString(),
    });

    const first = await checkInWithCode(ctxOf('rider', plus(3_000)), key, shown.code);
    expect(first).toMatchObject({
      already: false,
      signUp: { state: 'attended', checkedInAt: plus(3_000).toISOString() },
    });
    const again = await checkInWithCode(ctxOf('rider', plus(5_000)), key, shown.code);
    expect(again).toMatchObject({ already: true, signUp: { checkedInAt: plus(3_000).toISOString() } });
    expect(await counts(key)).toMatchObject({ attended: 1 });
  });

  it('the same shown code checks in everyone present, each once', async () => {
    const key = await eventWith(['a', 'b', 'c']);
    const { code } = await issueCode(organiser(DURING), key);
    await Promise.all(['a', 'b', 'c', 'a', 'b'].map((u) => checkInWithCode(ctxOf(u, plus(1_000)), key, code)));
    expect(await counts(key)).toMatchObject({ attended: 3 });
  });

  it('is accepted for its slot and 20 s more, and refused after that, writing nothing', async () => {
    const key = await eventWith(['late', 'ontime']);
    const { code } = await issueCode(organiser(DURING), key);
    await expect(checkInWithCode(ctxOf('ontime', plus(29_999)), key, code)).resolves.toMatchObject({
      already: false,
    });
    const before = await snapshot();
    await expect(checkInWithCode(ctxOf('late', plus(30_000)), key, code)).rejects.toMatchObject({
      code: 'CLOSED',
      message: expect.stringContaining('已过期'),
    });
    expect(await snapshot()).toBe(before);
  });

  it('a code from another event is refused, writing nothing', async () => {
    const mine = await eventWith(['rider']);
    const other = await eventWith(['someone']);
    const { code } = await issueCode(organiser(DURING), other);
    const before = await snapshot();
    await expect(checkInWithCode(ctxOf('rider', plus(1_000)), mine, code)).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining('其他活动'),
    });
    expect(await snapshot()).toBe(before);
  });

  it('a forged or garbled code is refused, writing nothing', async () => {
    const key = await eventWith(['rider']);
    const { code } = await issueCode(organiser(DURING), key);
    const forged = `${code.slice(0, -1)}${code.endsWith('A') ? 'B' : 'A'}`;
    const before = await snapshot();
    await expect(checkInWithCode(ctxOf('rider', plus(1_000)), key, forged)).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    await expect(checkInWithCode(ctxOf('rider', plus(1_000)), key, 'https://example.com/?x=1')).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining('不是签到二维码'),
    });
    expect(await snapshot()).toBe(before);
  });

  it('only an organiser of the event’s org can show it, and only from 30 min before the start to 30 min after the end', async () => {
    const key = await eventWith(['rider']);
    const before = await snapshot();
    await expect(issueCode(ctxOf('rider', DURING), key)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(issueCode(ctxOf('other-admin', DURING, [ORGS.other]), key)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(issueCode(organiser(at(3 * DAY - 31 * MINUTE)), key)).rejects.toMatchObject({ code: 'CLOSED' });
    await expect(issueCode(organiser(at(3 * DAY + 2 * HOUR + 31 * MINUTE)), key)).rejects.toMatchObject({
      code: 'CLOSED',
    });
    await expect(issueCode(organiser(at(3 * DAY - 30 * MINUTE)), key)).resolves.toBeDefined();
    expect(await snapshot()).toBe(before);
  });

  it('without a confirmed sign-up the check-in is refused, writing nothing', async () => {
    const key = await eventWith(['seated'], ['queued']);
    await signUp(ctxOf('gone', T0), key, { answers: [] });
    await removeByOrganiser(organiser(T0), key, 'gone', '');
    const { code } = await issueCode(organiser(DURING), key);
    const before = await snapshot();
    for (const [who, why] of [
      ['queued', '候补名单'],
      ['gone', '没有报名成功'],
      ['stranger', '没有报名成功'],
    ]) {
      await expect(checkInWithCode(ctxOf(who!, plus(1_000)), key, code)).rejects.toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining(why!),
      });
    }
    expect(await snapshot()).toBe(before);
  });

  it('an unknown event is NOT_FOUND', async () => {
    await expect(issueCode(organiser(DURING), newKey())).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('attendance by hand', () => {
  const auditOf = async (signUpId: string) =>
    (await w.db.collection('audit_logs').where({ targetId: signUpId }).get()).data as { action: string }[];

  it('an organiser checks a sign-up in by hand, audited; no-show only once the event started', async () => {
    const key = await eventWith(['rider']);
    const id = `${key.domain}:${key.eventId}:rider`;
    await expect(markAttendance(organiser(at(3 * DAY - 10 * MINUTE)), key, 'rider', 'no_show')).rejects.toMatchObject({
      code: 'CLOSED',
    });
    await expect(manualCheckIn(organiser(at(3 * DAY - 10 * MINUTE)), key, 'rider')).resolves.toMatchObject({
      signUp: { state: 'attended' },
    });
    expect(await counts(key)).toMatchObject({ attended: 1 });
    // Corrected: the rider was not there after all.
    await markAttendance(organiser(DURING), key, 'rider', 'no_show');
    expect(await counts(key)).toMatchObject({ attended: 0, seatsTaken: 1 });
    expect((await mySignUp(ctxOf('rider', DURING), key))?.state).toBe('no_show');
    expect((await auditOf(id)).map((a) => a.action)).toEqual(['signup.attendance', 'signup.attendance']);
    // A no-show scanning the code later is sent to the organiser.
    const { code } = await issueCode(organiser(DURING), key);
    await expect(checkInWithCode(ctxOf('rider', plus(1_000)), key, code)).rejects.toMatchObject({
      message: expect.stringContaining('缺席'),
    });
  });

  it('nobody but an organiser of the event’s org marks attendance or removes a sign-up', async () => {
    const key = await eventWith(['rider', 'other']);
    const before = await snapshot();
    await expect(manualCheckIn(ctxOf('other', DURING), key, 'rider')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(removeByOrganiser(ctxOf('other', DURING), key, 'rider', '')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await snapshot()).toBe(before);
  });

  it('removing a confirmed sign-up is audited and promotes the waitlist’s head', async () => {
    const key = await eventWith(['rider'], ['next']);
    const removed = await removeByOrganiser(organiser(T0), key, 'rider', '重复报名');
    expect(removed).toMatchObject({ promoted: 1, signUp: { state: 'cancelled', cancelledBy: 'organiser' } });
    expect((await mySignUp(ctxOf('next', T0), key))?.state).toBe('confirmed');
    expect(await auditOf(`${key.domain}:${key.eventId}:rider`)).toEqual([
      expect.objectContaining({ action: 'signup.remove', summary: expect.stringContaining('重复报名') }),
    ]);
  });
});
