// 随手拍: a report in one call (photos, category, an optional line, location);
// photos checked by WeChat's asynchronous media check before anyone but the
// organisers sees them — a failed check keeps the photo hidden; points only once
// an organiser verifies the report: the first reporter 10, a duplicate 1, the same
// reporter for the same issue once, anonymous nothing, daily and monthly caps
// exact under 20 concurrent verifications, a double verification credited once.
import type { BoardCase, CaseAdminView, MyCase } from '../../../typings/cases';
import type { Page } from '../../../typings/common';
import { registerWorker } from '../../support/fixtures';
import { sdkFor } from '../../support/sdk';
import {
  bj,
  BRANCH_ADMIN,
  type CasesWorld,
  OTHER_RIDER,
  OUTSIDER_ADMIN,
  RIDER,
  startCasesWorld,
  VISITOR,
} from './world';

let w: CasesWorld;
beforeAll(async () => {
  w = await startCasesWorld();
}, 60_000);
afterAll(() => w.stop());

const AT = bj('2026-12-02T08:10:00');
const report = async (openid: string, userId: string, extra: Record<string, unknown> = {}, at = AT) =>
  w.submit(openid, at, {
    kind: 'report',
    category: 'road',
    photos: [await w.photo(userId, `${Math.random().toString(36).slice(2)}.png`)],
    description: '和平路口井盖缺失，夜里骑车很危险',
    address: '示例市和平路与文化路交叉口',
    location: { lat: 30.27, lng: 120.16 },
    ...extra,
  });
const verify = (caseId: string, valid = true, at = bj('2026-12-02T10:00:00')) =>
  w.as(BRANCH_ADMIN, at).call<CaseAdminView>('cases', 'verifyReport', { caseId, valid });
const balance = async (openid: string) =>
  (await w.as(openid, AT).ok<{ summary: { balance: number } }>('user', 'myPoints', {})).summary.balance;

describe('photos', () => {
  it('stay hidden from the reporter until the media check passes; a failed check keeps the photo hidden', async () => {
    const ok = await w.photo(w.rider.userId, 'pothole.png');
    const bad = await w.photo(w.rider.userId, 'bad.png', '违禁词');
    const c = await w.submit(RIDER, AT, { kind: 'report', category: 'road', photos: [ok, bad] });
    expect(c).toMatchObject({ photos: [], photosHidden: 2, title: '道路设施问题随手拍', photoCount: 2 });
    // Organisers see both, each with its check.
    expect((await w.adminView(c.id, AT)).photos.map((p) => [p.fileId, p.check])).toEqual([
      [ok, 'pending'],
      [bad, 'pending'],
    ]);

    const pushes = await w.deliverChecks();
    expect(pushes.map((p) => p.result.suggest)).toEqual(['pass', 'risky']);
    const mine = await w.as(RIDER, AT).ok<MyCase>('cases', 'getCase', { caseId: c.id });
    expect(mine.photos.map((p) => p.fileId)).toEqual([ok]);
    expect(mine.photos[0]!.url).toMatch(/^http/);
    expect(mine.photosHidden).toBe(1);
    expect(JSON.stringify(mine)).not.toContain(bad);
    expect((await w.adminView(c.id, AT)).photos.map((p) => p.check)).toEqual(['pass', 'rejected']);
    // No reply ever carries a trace id, so a push cannot be forged.
    for (const p of pushes) expect(JSON.stringify(await w.adminView(c.id, AT))).not.toContain(p.trace_id);
    const forged = await w.ip.invoke(
      'cases',
      { MsgType: 'event', Event: 'wxa_media_check', trace_id: 'guessed-trace-0001', result: { suggest: 'pass' } },
      { openid: RIDER },
    );
    expect(forged).toEqual({ ok: true, data: { applied: false } });
    // A verdict applies once: replaying the risky photo's push as "pass" changes nothing.
    const replay = await w.ip.invoke(
      'cases',
      { ...pushes[1]!, result: { suggest: 'pass', label: 100 } },
      { openid: '' },
    );
    expect(replay).toEqual({ ok: true, data: { applied: false } });
  });

  it('a report takes 1 to 9 photos of the reporter’s own folder', async () => {
    const none = await w.as(RIDER, AT).call('cases', 'submitCase', { kind: 'report', category: 'road', photos: [] });
    expect(none).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', message: expect.stringContaining('「照片」') });
    const ten = Array.from(
      { length: 10 },
      (_, i) => `cloud://local-dev.local-1250000000/cases/${w.rider.userId}/${i}.png`,
    );
    expect(
      await w.as(RIDER, AT).call('cases', 'submitCase', { kind: 'report', category: 'road', photos: ten }),
    ).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining('最多上传 9 张照片'),
    });
    const theirs = await w.photo(w.otherRider.userId, 'theirs.png');
    expect(
      await w.as(RIDER, AT).call('cases', 'submitCase', { kind: 'report', category: 'road', photos: [theirs] }),
    ).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining('不是你上传的文件'),
    });
  });
});

describe('points', () => {
  it('the first reporter gets 10, a duplicate 1, the same reporter on the same issue once; a double verification credits once', async () => {
    const [first, dup, ownDup, secondDup] = [
      await report(OTHER_RIDER, w.otherRider.userId),
      await report(RIDER, w.rider.userId, {}, bj('2026-12-02T08:20:00')),
      await report(OTHER_RIDER, w.otherRider.userId, {}, bj('2026-12-02T08:30:00')),
      await report(RIDER, w.rider.userId, {}, bj('2026-12-02T08:40:00')),
    ];
    const before = { mine: await balance(RIDER), theirs: await balance(OTHER_RIDER) };
    for (const d of [dup, ownDup, secondDup])
      await w
        .as(BRANCH_ADMIN, bj('2026-12-02T09:00:00'))
        .ok('cases', 'markDuplicate', { caseId: d.id, originalId: first.id });

    const double = await Promise.all([verify(first.id), verify(first.id)]);
    expect(double.map((r) => (r.ok ? 'ok' : r.code)).sort()).toEqual(['CONFLICT', 'ok']);
    for (const d of [dup, ownDup, secondDup]) expect(await verify(d.id)).toMatchObject({ ok: true });

    expect(await balance(OTHER_RIDER)).toBe(before.theirs + 10);
    expect(await balance(RIDER)).toBe(before.mine + 1);
    const mine = await w.as(RIDER, AT).ok<MyCase>('cases', 'getCase', { caseId: dup.id });
    expect(mine).toMatchObject({ state: 'rejected', points: 1, duplicateOf: { id: first.id } });
    expect((await w.as(RIDER, AT).ok<MyCase>('cases', 'getCase', { caseId: secondDup.id })).points).toBeNull();
  });

  it('an anonymous report needs no registration and earns nothing; organisers never see who sent it', async () => {
    const { profile } = await w.as(VISITOR, AT).ok<{ profile: { userId: string } }>('user', 'login', {});
    const c = await report(VISITOR, profile.userId, { anonymous: true, orgId: w.orgs.expressBranch.id });
    const named = { kind: 'report', category: 'road', photos: [await w.photo(profile.userId, 'named.png')] };
    expect(await w.as(VISITOR, AT).call('cases', 'submitCase', named)).toMatchObject({
      code: 'NOT_REGISTERED',
    });
    const verified = await verify(c.id);
    expect(verified).toMatchObject({ ok: true, data: { raiser: null, verification: { valid: true, points: 0 } } });
    expect(await balance(VISITOR)).toBe(0);
  });

  it('daily and monthly caps hold exactly under 20 concurrent verifications', async () => {
    const capper = await registerWorker(w.ip, 'o-case-capper', w.orgs.expressBranch.id, {
      realName: '赵上限',
      phone: '13955556666',
    });
    const at = (d: number, h: number) =>
      bj(`2026-11-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00`);
    // 20 reports (one an hour: at most 10 an hour are taken), verified all at once on 10 November: 30 a day.
    const day1 = [];
    for (let i = 0; i < 20; i++) day1.push(await report('o-case-capper', capper.userId, {}, at(9, i)));
    const results = await Promise.all(day1.map((c) => verify(c.id, true, at(10, 12))));
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(await balance('o-case-capper')).toBe(30);
    const credited = results.map((r) => (r.ok ? (r.data.verification?.points ?? 0) : 0));
    expect(credited.filter((p) => p === 10)).toHaveLength(3);
    expect(credited.reduce((s, p) => s + p, 0)).toBe(30);

    // Nine more days of the month at 30 make 300; the 11th day credits nothing.
    for (let d = 11; d <= 20; d++) {
      const batch = [];
      for (let i = 0; i < 4; i++) batch.push(await report('o-case-capper', capper.userId, {}, at(d, 8)));
      await Promise.all(batch.map((c) => verify(c.id, true, at(d, 12))));
    }
    expect(await balance('o-case-capper')).toBe(300);
    const ledger = await sdkFor(w.ip.emu)
      .database()
      .collection('points_ledger')
      .where({ userId: capper.userId })
      .limit(1000)
      .get();
    expect((ledger.data as { amount: number }[]).reduce((s, e) => s + e.amount, 0)).toBe(300);
  }, 120_000);
});

describe('the public board', () => {
  it('shows answered cases whose raisers opted in, by category, with the answer — never a name, phone, openid or photo', async () => {
    const c = await report(RIDER, w.rider.userId, {
      publicOptIn: true,
      description: '王保密在和平路口发现井盖缺失，电话13911112222',
    });
    const hidden = await report(RIDER, w.rider.userId);
    for (const x of [c, hidden])
      await w.as(BRANCH_ADMIN, bj('2026-12-03T09:00:00')).ok('cases', 'answerCase', {
        caseId: x.id,
        text: '王保密师傅您好，井盖已于当日补装。',
      });
    const board = await w
      .as('', bj('2026-12-03T10:00:00'))
      .ok<Page<BoardCase>>('cases', 'publicBoard', { kind: 'report' });
    const ids = board.items.map((b) => b.id);
    expect(ids).toContain(c.id);
    expect(ids).not.toContain(hidden.id);
    const text = JSON.stringify(board);
    for (const secret of ['王保密', '13911112222', RIDER, w.rider.userId, 'cloud://'])
      expect(text).not.toContain(secret);
    expect(board.items.find((b) => b.id === c.id)).toMatchObject({
      categoryLabel: '道路设施',
      answer: { text: '王**师傅您好，井盖已于当日补装。' },
      summary: expect.stringContaining('139********'),
    });
  });

  it('an organiser of another district sees none of it in their queue', async () => {
    const page = await w.as(OUTSIDER_ADMIN, AT).ok<Page<{ id: string }>>('cases', 'listCases', {});
    expect(page.items).toEqual([]);
    expect(await w.as(OUTSIDER_ADMIN, AT).call('cases', 'listCases', { orgId: w.orgs.expressBranch.id })).toMatchObject(
      {
        code: 'FORBIDDEN',
      },
    );
  });
});
