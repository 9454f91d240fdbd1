// Bad input to the team's actions is refused with a Chinese message naming the
// field, and changes nothing: spans in the future or too long, someone else's
// photos, a planned duration longer than the activity, client-sent hours or points,
// garbage codes. (The generated suite sends every action its schema's bad inputs too.)
import { snapshotDb } from '../../support/db-snapshot';
import { png } from '../../support/images';
import { sdkFor } from '../../support/sdk';
import { activity, ADMIN, DAY, HOUR, iso, member, signUp, startVolWorld, T0, type VolWorld } from './world';

let w: VolWorld;
let userId: string;
let photo: string;
let activityId: string;
beforeAll(async () => {
  w = await startVolWorld();
  userId = await member(w, 'o-bad');
  const app = sdkFor(w.h.emu);
  photo = (await app.uploadFile({ cloudPath: `volunteer/${userId}/a.png`, fileContent: png({ text: 'a' }) })).fileID;
  activityId = (await activity(w, T0 + DAY)).id;
  await signUp(w, 'o-bad', activityId);
}, 60_000);
afterAll(() => w.h.stop());

const service = (over: object = {}) => ({
  serviceType: 'grid_duty',
  text: '在小区网格巡查电动车飞线充电，登记了三处隐患。',
  startAt: iso(T0 - 3 * HOUR),
  endAt: iso(T0 - 2 * HOUR),
  photos: [photo],
  ...over,
});

async function refused(openid: string, action: string, data: object, code = 'INVALID_ARGUMENT') {
  const before = await snapshotDb(w.h.emu);
  const r = await w.h.as(openid).at(iso(T0)).call('volunteer', action, data);
  expect(r).toMatchObject({ ok: false, code, message: expect.stringMatching(/[\u4e00-\u9fff]/) });
  expect(await snapshotDb(w.h.emu)).toBe(before);
  return r;
}

describe('a self-reported service', () => {
  it('is refused in the future, too long, too old, without photos, or with someone else’s photos', async () => {
    await refused('o-bad', 'submitService', service({ endAt: iso(T0 + HOUR) }));
    await refused('o-bad', 'submitService', service({ startAt: iso(T0 - 15 * HOUR), endAt: iso(T0 - HOUR) }));
    await refused('o-bad', 'submitService', service({ startAt: iso(T0 - 40 * DAY), endAt: iso(T0 - 40 * DAY + HOUR) }));
    await refused('o-bad', 'submitService', service({ startAt: iso(T0 - HOUR), endAt: iso(T0 - 2 * HOUR) }));
    await refused('o-bad', 'submitService', service({ photos: [] }));
    await refused('o-bad', 'submitService', service({ text: '太短' }));
    await refused('o-bad', 'submitService', service({ photos: [photo.replace(userId, 'someone-else')] }));
    await refused('o-bad', 'submitService', service({ orgId: w.orgs.otherDistrict.id }));
  });

  it('refuses client-sent hours, points or a state', async () => {
    for (const extra of [{ minutes: 600 }, { points: 100 }, { state: 'approved' }, { grantedMinutes: 60 }])
      await refused('o-bad', 'submitService', service(extra));
  });
});

describe('organisers’ input', () => {
  it('a planned duration longer than the activity, an activity over a day, a deadline after the start', async () => {
    const base = {
      title: '社区志愿服务活动',
      serviceType: 'community',
      venue: { name: '示例社区', address: '示例区示例路 1 号' },
      startAt: iso(T0 + 2 * DAY),
      endAt: iso(T0 + 2 * DAY + 2 * HOUR),
      deadline: iso(T0 + 2 * DAY - HOUR),
      capacity: 10,
      orgId: w.orgs.expressBranch.id,
    };
    await refused(ADMIN, 'saveActivity', { ...base, plannedMinutes: 121 });
    await refused(ADMIN, 'saveActivity', { ...base, endAt: iso(T0 + 3 * DAY + HOUR) });
    await refused(ADMIN, 'saveActivity', { ...base, deadline: iso(T0 + 2 * DAY + HOUR) });
    await refused(ADMIN, 'saveActivity', { ...base, status: 'published' });
  });

  it('a review with minutes but no reason, an approval without minutes, a backfill with client points', async () => {
    await refused(ADMIN, 'reviewClaim', { claimId: 'nothing', decision: 'approve', minutes: 10 });
    await refused(ADMIN, 'reviewClaim', { claimId: 'nothing', decision: 'approve', reason: '属实' });
    await refused(ADMIN, 'reviewClaim', { claimId: 'nothing', decision: 'reject', reason: '不属实' }, 'NOT_FOUND');
    await refused(ADMIN, 'addHonorHours', {
      userId,
      activityId,
      minutes: 60,
      reason: '补录',
      evidence: [photo],
      points: 1000,
    });
    await refused(ADMIN, 'addHonorHours', {
      userId,
      activityId,
      title: '又填了内容',
      minutes: 60,
      reason: '补录',
      evidence: [photo],
    });
  });
});

describe('scans', () => {
  it('a garbage, foreign or forged code is refused, writing nothing', async () => {
    const at = T0 + DAY + 5 * 60_000;
    for (const code of ['', 'hello', 'roundtable.x.1.aaaaaaaaaaaaaaaa', `volunteer.${activityId}.1.aaaaaaaaaaaaaaaa`]) {
      const before = await snapshotDb(w.h.emu);
      const r = await w.h.as('o-bad').at(iso(at)).call('volunteer', 'checkIn', { activityId, code });
      expect(r).toMatchObject({ ok: false });
      expect(await snapshotDb(w.h.emu)).toBe(before);
    }
  });
});
