// The dashboard's volunteer-hours counter through the volunteer function (the built
// bundle, the real SDK): after credit from a scanned pair, an approved claim, an
// approved self-report and a backfill, the stored `daily_stats` equal the sums this
// test makes itself from the raw hours records — by kind, on the Beijing day the
// service started, under the MEMBER's org (not the org that recorded the hours);
// refused and repeated actions move nothing; concurrent credits stay exact.
import type { AdminVolunteerClaim, VolunteerClaim } from '../../../typings/volunteer-team';
import { allDocs, beijingDate, storedCounters, Tally } from '../../support/daily-stats';
import { png } from '../../support/images';
import { sdkFor } from '../../support/sdk';
import {
  activity,
  ADMIN,
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
  type VolWorld,
} from './world';

let w: VolWorld;
beforeAll(async () => {
  w = await startVolWorld();
}, 60_000);
afterAll(() => w.h.stop());

/** 10:00 Beijing the day after T0. */
const START = T0 + DAY + HOUR;

/** What the counter must be: every hours record's minutes, by kind, under its member's org, on its start's day. */
async function fromRecords(): Promise<Record<string, number>> {
  const members = new Map(
    (await allDocs<{ _id: string; orgId: string }>(w.h.db, 'volunteer_members')).map((m) => [m._id, m.orgId]),
  );
  const tally = new Tally();
  type Hours = { userId: string; kind: string; minutes: number; startAt: Date };
  for (const h of await allDocs<Hours>(w.h.db, 'volunteer_hours'))
    tally.add('volunteer_minutes', h.kind, members.get(h.userId)!, beijingDate(h.startAt), h.minutes);
  return tally.counts;
}

const stored = () => storedCounters(w.h.db, ['volunteer_minutes']);

async function expectExact(): Promise<void> {
  expect(await stored()).toEqual(await fromRecords());
}

const minutesOn = async (kind: 'credit' | 'honor', at: number) =>
  (await stored())[`volunteer_minutes|${kind}|${w.orgs.expressBranch.id}|${beijingDate(new Date(at))}`] ?? 0;

async function upload(userId: string, name: string): Promise<string> {
  const app = sdkFor(w.h.emu);
  return (await app.uploadFile({ cloudPath: `volunteer/${userId}/${name}`, fileContent: png({ text: name }) })).fileID;
}

const adminUserId = async () => (await w.h.as(ADMIN).ok<{ userId: string }>('user', 'getProfile', {})).userId;

function backfill(userId: string, start: number, minutes: number, evidence: string) {
  return w.h
    .as(ADMIN)
    .at(iso(T0))
    .call('volunteer', 'addHonorHours', {
      userId,
      title: '协助社区疏导交通',
      startAt: iso(start),
      endAt: iso(start + HOUR),
      minutes,
      reason: '纸质签到表补录',
      evidence: [evidence],
    });
}

describe('every path that writes hours moves the counter', () => {
  it('credit from a scanned pair, on the activity’s day, under the member’s org', async () => {
    await member(w, 'o-ds-pair');
    const a = await activity(w, START);
    await signUp(w, 'o-ds-pair', a.id);
    expect((await scanIn(w, 'o-ds-pair', a.id, START + 10 * MINUTE)).ok).toBe(true);
    expect((await scanOut(w, 'o-ds-pair', a.id, START + 115 * MINUTE)).ok).toBe(true);
    expect(await minutesOn('credit', START)).toBe(105);
    // A repeated scan credits nothing more.
    expect(await scanOut(w, 'o-ds-pair', a.id, START + 116 * MINUTE)).toMatchObject({
      ok: true,
      data: { already: true },
    });
    expect(await minutesOn('credit', START)).toBe(105);
    await expectExact();
  });

  it('an approved claim (a manual check-in) as honor; a second approval moves nothing', async () => {
    const userId = await member(w, 'o-ds-claim');
    const start = START + 2 * DAY;
    const a = await activity(w, start);
    await signUp(w, 'o-ds-claim', a.id);
    await w.h
      .as(ADMIN)
      .at(iso(start + 5 * MINUTE))
      .ok('volunteer', 'manualCheckIn', { activityId: a.id, userId });
    await scanOut(w, 'o-ds-claim', a.id, start + 115 * MINUTE);
    const queue = await w.h.as(ADMIN).ok<{ items: AdminVolunteerClaim[] }>('volunteer', 'listClaims', {});
    const claim = queue.items.find((c) => c.userId === userId)!;
    const review = { claimId: claim.id, decision: 'approve', minutes: 90, reason: '现场负责人确认在岗' };
    await w.h.as(ADMIN).ok('volunteer', 'reviewClaim', review);
    expect(await minutesOn('honor', start)).toBe(90);
    const before = await stored();
    expect(await w.h.as(ADMIN).call('volunteer', 'reviewClaim', review)).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await stored()).toEqual(before);
    await expectExact();
  });

  it('an approved self-report reviewed by the district counts under the member’s own branch', async () => {
    const userId = await member(w, 'o-ds-self');
    const photo = await upload(userId, 'self.png');
    const claim = await w.h
      .as('o-ds-self')
      .at(iso(T0))
      .ok<VolunteerClaim>('volunteer', 'submitService', {
        serviceType: 'road_help',
        text: '在示例路口帮助一位摔倒的老人联系家属并送医。',
        startAt: iso(T0 - 3 * HOUR),
        endAt: iso(T0 - 2 * HOUR),
        photos: [photo],
        orgId: w.orgs.district.id,
      });
    await w.h
      .as(ADMIN)
      .ok('volunteer', 'reviewClaim', { claimId: claim.id, decision: 'approve', minutes: 45, reason: '情况属实' });
    const { data } = await w.h.db.collection('volunteer_hours').where({ userId }).get();
    expect(data).toEqual([expect.objectContaining({ orgId: w.orgs.district.id, minutes: 45 })]);
    expect(await minutesOn('honor', T0 - 3 * HOUR)).toBe(45);
    expect(Object.keys(await stored()).some((k) => k.includes(`|${w.orgs.district.id}|`))).toBe(false);
    await expectExact();
  });

  it('a backfill; the same backfill again and one over its span are refused and move nothing', async () => {
    const userId = await member(w, 'o-ds-back');
    const evidence = await upload(await adminUserId(), 'sheet.png');
    const start = T0 - 2 * DAY;
    expect((await backfill(userId, start, 50, evidence)).ok).toBe(true);
    expect(await minutesOn('honor', start)).toBe(50);
    const before = await stored();
    expect(await backfill(userId, start, 50, evidence)).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await backfill(userId, start - DAY, 61, evidence)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    expect(await backfill(userId, start - DAY, 30, 'not a file')).toMatchObject({ ok: false });
    expect(await stored()).toEqual(before);
    await expectExact();
  });
});

describe('concurrency', () => {
  it('concurrent backfills for several members on one day, and the same one twice at once: exact', async () => {
    const ids = await Promise.all(['o-ds-c1', 'o-ds-c2', 'o-ds-c3', 'o-ds-c4'].map((o) => member(w, o)));
    const evidence = await upload(await adminUserId(), 'batch.png');
    const start = T0 - 4 * DAY;
    const replies = await Promise.all([...ids, ids[0]!].map((id, i) => backfill(id, start, 20 + (i % 4), evidence)));
    expect(replies.filter((r) => r.ok)).toHaveLength(4);
    expect(await minutesOn('honor', start)).toBe(20 + 21 + 22 + 23);
    await expectExact();
  }, 60_000);
});
