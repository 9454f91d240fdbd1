// Credit hours with a controlled clock: only from a scanned check-in and check-out,
// min(out, end) − max(in, start), capped at the planned duration and earned only
// at 60 % of it; at most 3 in/out pairs a Beijing day; a forgotten check-out
// becomes a pending claim (the scheduler), never credit; points once per record.
import type {
  CheckOutResult,
  MyHours,
  VolunteerActivityDetail,
  VolunteerCheckInResult,
  VolunteerClaim,
} from '../../../typings/volunteer-team';
import type { Page } from '../../../typings/common';
import type { AdminVolunteerClaim } from '../../../typings/volunteer-team';
import {
  activity,
  ADMIN,
  code,
  DAY,
  HOUR,
  iso,
  member,
  MINUTE,
  scanIn,
  scanOut,
  signUp,
  startVolWorld,
  T0,
  upkeepAt,
  type VolWorld,
} from './world';

let w: VolWorld;
beforeAll(async () => {
  w = await startVolWorld();
}, 60_000);
afterAll(() => w.h.stop());

/** 10:00 Beijing the day after T0, on a 10-second slot boundary. */
const START = T0 + DAY + HOUR;

const ok = <T>(r: { ok: boolean; data?: T; code?: string; message?: string }): T => {
  if (!r.ok) throw new Error(`${r.code} ${r.message}`);
  return r.data as T;
};

async function ledger(userId: string) {
  const { data } = await w.h.db.collection('points_ledger').where({ userId }).get();
  return data as { amount: number; reason: string; _id: string }[];
}

describe('credit hours from the scans', () => {
  it('in 10 min late and out 5 min before the end of a 2 h activity: 1 h 45 min of credit, points once', async () => {
    const userId = await member(w, 'o-late');
    const a = await activity(w, START);
    await signUp(w, 'o-late', a.id);
    const checkIn = ok(await scanIn(w, 'o-late', a.id, START + 10 * MINUTE));
    expect(checkIn).toMatchObject({ already: false, pairsToday: 1, signUp: { state: 'attended' } });
    const out = ok<CheckOutResult>(await scanOut(w, 'o-late', a.id, START + 115 * MINUTE));
    expect(out.servedMinutes).toBe(105);
    expect(out.hours).toMatchObject({ kind: 'credit', source: 'scan', minutes: 105, points: 17 });
    expect(out.signUp.checkedOutAt).toBe(iso(START + 115 * MINUTE));

    // A repeat scan changes nothing: no second record, no second points entry.
    const again = ok<CheckOutResult>(await scanOut(w, 'o-late', a.id, START + 116 * MINUTE));
    expect(again).toMatchObject({ already: true, hours: null });
    const hours = await w.h.as('o-late').ok<MyHours>('volunteer', 'myHours', {});
    expect(hours.summary).toMatchObject({ creditMinutes: 105, honorMinutes: 0, totalMinutes: 105 });
    expect(hours.records.items).toHaveLength(1);
    const entries = (await ledger(userId)).filter((e) => e.reason === 'volunteer_hours');
    expect(entries).toEqual([expect.objectContaining({ amount: 17, _id: `volunteer_hours:${out.hours!.id}` })]);
    const user = (await w.h.db.collection('users').doc(userId).get()).data[0] as { points: { balance: number } };
    expect(user.points.balance).toBe(17);
  });

  it('out 50 min after checking in is below 60 %: checked out, no credit', async () => {
    await member(w, 'o-short');
    const a = await activity(w, START + 3 * HOUR);
    await signUp(w, 'o-short', a.id);
    ok(await scanIn(w, 'o-short', a.id, START + 3 * HOUR + 10 * MINUTE));
    const out = ok<CheckOutResult>(await scanOut(w, 'o-short', a.id, START + 3 * HOUR + 60 * MINUTE));
    expect(out).toMatchObject({ already: false, hours: null, servedMinutes: 50 });
    const hours = await w.h.as('o-short').ok<MyHours>('volunteer', 'myHours', {});
    expect(hours.summary.creditMinutes).toBe(0);
  });

  it('time outside the activity does not count, and credit is capped at the planned duration', async () => {
    await member(w, 'o-early');
    const a = await activity(w, START + 6 * HOUR, 120, { plannedMinutes: 90 });
    await signUp(w, 'o-early', a.id);
    ok(await scanIn(w, 'o-early', a.id, START + 6 * HOUR - 20 * MINUTE));
    const out = ok<CheckOutResult>(await scanOut(w, 'o-early', a.id, START + 6 * HOUR + 125 * MINUTE));
    expect(out.hours).toMatchObject({ minutes: 90 });
  });

  it('a check-in code does not check out and a check-out code does not check in', async () => {
    await member(w, 'o-mixed');
    const a = await activity(w, START + 9 * HOUR);
    await signUp(w, 'o-mixed', a.id);
    const at = START + 9 * HOUR + MINUTE;
    const outCode = await code(w, a.id, 'out', at);
    const wrongIn = await w.h
      .as('o-mixed')
      .at(iso(at))
      .call('volunteer', 'checkIn', { activityId: a.id, code: outCode.code });
    expect(wrongIn).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    const early = await scanOut(w, 'o-mixed', a.id, at);
    expect(early).toMatchObject({ ok: false, code: 'CONFLICT' });
    ok(await scanIn(w, 'o-mixed', a.id, at));
    const inCode = await code(w, a.id, 'in', at + 90 * MINUTE);
    const wrongOut = await w.h
      .as('o-mixed')
      .at(iso(at + 90 * MINUTE))
      .call('volunteer', 'checkOut', { activityId: a.id, code: inCode.code });
    expect(wrongOut).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
  });
});

describe('manual marks', () => {
  it('a manual check-in with a scanned check-out earns no credit: a pending claim for review', async () => {
    const userId = await member(w, 'o-manual');
    const start = START + 8 * DAY;
    const a = await activity(w, start);
    await signUp(w, 'o-manual', a.id);
    await w.h
      .as(ADMIN)
      .at(iso(start + 5 * MINUTE))
      .ok('volunteer', 'manualCheckIn', { activityId: a.id, userId });
    const out = ok<CheckOutResult>(await scanOut(w, 'o-manual', a.id, start + 115 * MINUTE));
    expect(out).toMatchObject({ already: false, hours: null, servedMinutes: 110 });
    const detail = await w.h
      .as('o-manual')
      .at(iso(start + 2 * HOUR))
      .ok<VolunteerActivityDetail>('volunteer', 'getActivity', { activityId: a.id });
    expect(detail).toMatchObject({
      memberStatus: 'approved',
      myHours: null,
      myClaim: { kind: 'missed_checkout', state: 'pending' },
      mine: { state: 'attended', checkedOutAt: iso(start + 115 * MINUTE) },
    });
    const hours = await w.h.as('o-manual').ok<MyHours>('volunteer', 'myHours', {});
    expect(hours.summary.creditMinutes).toBe(0);
  });
});

describe('at most 3 in/out pairs a day', () => {
  it('a 4th check-in on the same Beijing day is refused; the next day is fresh', async () => {
    await member(w, 'o-busy');
    const day = START + 2 * DAY;
    const acts = await Promise.all([0, 1, 2, 3].map((i) => activity(w, day + i * 2 * HOUR, 60)));
    for (const a of acts) await signUp(w, 'o-busy', a.id);
    for (const [i, a] of acts.slice(0, 3).entries()) {
      const r = ok<VolunteerCheckInResult>(await scanIn(w, 'o-busy', a.id, day + i * 2 * HOUR + MINUTE));
      expect(r.pairsToday).toBe(i + 1);
    }
    const fourth = await scanIn(w, 'o-busy', acts[3]!.id, day + 6 * HOUR + MINUTE);
    expect(fourth).toMatchObject({ ok: false, code: 'LIMIT_REACHED' });
    const detail = await w.h
      .as('o-busy')
      .ok<VolunteerActivityDetail>('volunteer', 'getActivity', { activityId: acts[3]!.id });
    expect(detail.mine?.state).toBe('confirmed');
    // A repeated scan of an activity already checked in takes no pair.
    const repeat = ok<VolunteerCheckInResult>(await scanIn(w, 'o-busy', acts[0]!.id, day + 30 * MINUTE));
    expect(repeat).toMatchObject({ already: true, pairsToday: 3 });
    const tomorrow = await activity(w, day + DAY, 60);
    await signUp(w, 'o-busy', tomorrow.id);
    expect(ok<VolunteerCheckInResult>(await scanIn(w, 'o-busy', tomorrow.id, day + DAY + MINUTE)).pairsToday).toBe(1);
  });

  it('concurrent check-ins to 5 activities of one day: exactly 3 get through', async () => {
    await member(w, 'o-race');
    const day = START + 4 * DAY;
    const acts = await Promise.all([0, 1, 2, 3, 4].map(() => activity(w, day, 60)));
    for (const a of acts) await signUp(w, 'o-race', a.id);
    const at = day + MINUTE;
    const codes = await Promise.all(acts.map((a) => code(w, a.id, 'in', at)));
    const replies = await Promise.all(
      acts.map((a, i) =>
        w.h.as('o-race').at(iso(at)).call('volunteer', 'checkIn', { activityId: a.id, code: codes[i]!.code }),
      ),
    );
    expect(replies.filter((r) => r.ok)).toHaveLength(3);
    expect(replies.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(['LIMIT_REACHED', 'LIMIT_REACHED']);
  });
});

describe('a forgotten check-out', () => {
  it('becomes a pending claim once the check-out window closes — never credit — and an organiser may grant honor hours', async () => {
    const userId = await member(w, 'o-forgot');
    const start = START + 6 * DAY;
    const a = await activity(w, start);
    await signUp(w, 'o-forgot', a.id);
    ok(await scanIn(w, 'o-forgot', a.id, start + 5 * MINUTE));
    // Still open for scanning until 30 min after the end: nothing closed yet.
    await upkeepAt(w, start + 2 * HOUR + 10 * MINUTE);
    expect((await w.h.db.collection('volunteer_claims').where({ userId }).get()).data).toHaveLength(0);
    const report = await upkeepAt(w, start + 2 * HOUR + 31 * MINUTE);
    expect(report.volunteerCheckOuts).toMatchObject({ claims: 1 });
    const again = await upkeepAt(w, start + 2 * HOUR + 41 * MINUTE);
    expect(again.volunteerCheckOuts).toMatchObject({ claims: 0 });

    const hours = await w.h.as('o-forgot').ok<MyHours>('volunteer', 'myHours', {});
    expect(hours.summary).toMatchObject({ creditMinutes: 0, honorMinutes: 0 });
    const claims = await w.h.as('o-forgot').ok<Page<VolunteerClaim>>('volunteer', 'myClaims', {});
    expect(claims.items).toEqual([
      expect.objectContaining({ kind: 'missed_checkout', state: 'pending', activityId: a.id, maxMinutes: 115 }),
    ]);

    const queue = await w.h.as(ADMIN).ok<Page<AdminVolunteerClaim>>('volunteer', 'listClaims', {});
    const claim = queue.items.find((c) => c.userId === userId)!;
    expect(claim.name).toBe('志愿者got');
    const tooMuch = await w.h.as(ADMIN).call('volunteer', 'reviewClaim', {
      claimId: claim.id,
      decision: 'approve',
      minutes: 116,
      reason: '现场负责人确认全程在岗',
    });
    expect(tooMuch).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    const approved = await w.h.as(ADMIN).ok<AdminVolunteerClaim>('volunteer', 'reviewClaim', {
      claimId: claim.id,
      decision: 'approve',
      minutes: 100,
      reason: '现场负责人确认全程在岗',
    });
    expect(approved).toMatchObject({ state: 'approved', grantedMinutes: 100 });
    const twice = await w.h
      .as(ADMIN)
      .call('volunteer', 'reviewClaim', { claimId: claim.id, decision: 'approve', minutes: 100, reason: '再次审核' });
    expect(twice).toMatchObject({ ok: false, code: 'CONFLICT' });
    const after = await w.h.as('o-forgot').ok<MyHours>('volunteer', 'myHours', {});
    expect(after.summary).toMatchObject({ creditMinutes: 0, honorMinutes: 100 });
    expect((await ledger(userId)).filter((e) => e.reason === 'volunteer_hours')).toHaveLength(1);
    const { data: audits } = await w.h.db.collection('audit_logs').where({ action: 'volunteer.reviewClaim' }).get();
    expect(audits.length).toBeGreaterThanOrEqual(1);
  });
});
