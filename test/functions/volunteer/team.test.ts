// Membership, organisers' scope, client-sent values, leaderboards, statements and
// certificates through the volunteer function (the built bundle in the emulator).
import ExcelJS from 'exceljs';
import type { Page } from '../../../typings/common';
import type {
  AdminVolunteerMember,
  HoursRecord,
  Leaderboard,
  MonthlyStatement,
  MyMembership,
  VolunteerCertificate,
  VolunteerClaim,
  VolunteerMember,
} from '../../../typings/volunteer-team';
import { snapshotDb } from '../../support/db-snapshot';
import { SUPERADMIN } from '../../support/functions';
import { png } from '../../support/images';
import { sdkFor } from '../../support/sdk';
import {
  activity,
  ADMIN,
  applicant,
  DAY,
  HOUR,
  iso,
  member,
  MINUTE,
  OTHER_ADMIN,
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

const START = T0 + DAY + HOUR;
const FAKE = 'cloud://local-dev.local-1250000000/volunteer/';

/** Uploads a PNG under volunteer/<userId>/ (as the mini-program would) and returns its file id. */
async function upload(userId: string, name: string): Promise<string> {
  const app = sdkFor(w.h.emu);
  return (await app.uploadFile({ cloudPath: `volunteer/${userId}/${name}`, fileContent: png({ text: name }) })).fileID;
}

describe('membership with review', () => {
  it('apply → pending; a client-sent status or hours are refused and change nothing', async () => {
    const profile = await applicant(w, 'o-apply');
    const mine = await w.h.as('o-apply').ok<MyMembership>('volunteer', 'myMembership', {});
    expect(mine.member).toMatchObject({ status: 'pending', hours: { creditMinutes: 0, honorMinutes: 0 } });
    const before = await snapshotDb(w.h.emu);
    for (const extra of [{ status: 'approved' }, { creditMinutes: 6000 }, { points: 999 }, { hours: 100 }]) {
      const r = await w.h.as('o-apply').call('volunteer', 'applyMember', {
        realName: '志愿者ply',
        phone: '13600001111',
        occupation: 'courier',
        platform: '示例快递',
        orgId: w.orgs.expressBranch.id,
        ...extra,
      });
      expect(r).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    }
    expect(await snapshotDb(w.h.emu)).toEqual(before);
    // A pending applicant cannot sign up yet.
    const a = await activity(w, START);
    const r = await w.h.as('o-apply').at(iso(T0)).call('volunteer', 'signUp', { activityId: a.id });
    expect(r).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(profile.userId).toBeTruthy();
  });

  it('rejected with a reason, re-applying returns to pending; approve; suspend and reinstate', async () => {
    const { userId } = await applicant(w, 'o-reject');
    const noReason = await w.h.as(ADMIN).call('volunteer', 'reviewMember', { userId, decision: 'reject' });
    expect(noReason).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    const rejected = await w.h
      .as(ADMIN)
      .ok<AdminVolunteerMember>('volunteer', 'reviewMember', { userId, decision: 'reject', reason: '手机号无法接通' });
    expect(rejected).toMatchObject({ status: 'rejected', statusReason: '手机号无法接通' });
    const again = await w.h.as('o-reject').ok<VolunteerMember>('volunteer', 'applyMember', {
      realName: '志愿者ect',
      phone: '13600002222',
      occupation: 'courier',
      platform: '示例快递',
      orgId: w.orgs.expressBranch.id,
    });
    expect(again).toMatchObject({ status: 'pending', statusReason: '', phone: '13600002222' });
    const twice = await w.h.as('o-reject').call('volunteer', 'applyMember', {
      realName: '志愿者ect',
      phone: '13600002222',
      occupation: 'courier',
      platform: '示例快递',
      orgId: w.orgs.expressBranch.id,
    });
    expect(twice).toMatchObject({ ok: false, code: 'CONFLICT' });
    await w.h.as(ADMIN).ok('volunteer', 'reviewMember', { userId, decision: 'approve' });
    const suspended = await w.h
      .as(ADMIN)
      .ok<AdminVolunteerMember>('volunteer', 'reviewMember', { userId, decision: 'suspend', reason: '多次报名未到' });
    expect(suspended.status).toBe('suspended');
    const reinstated = await w.h
      .as(ADMIN)
      .ok<AdminVolunteerMember>('volunteer', 'reviewMember', { userId, decision: 'reinstate' });
    expect(reinstated.status).toBe('approved');
    const { data } = await w.h.db
      .collection('audit_logs')
      .where({ action: 'volunteer.reviewMember', targetId: userId })
      .get();
    expect(data).toHaveLength(4);
  });

  it('a non-organiser cannot review; an organiser of another district cannot act on this one', async () => {
    const { userId } = await applicant(w, 'o-scope');
    await member(w, 'o-peer');
    const before = await snapshotDb(w.h.emu);
    expect(await w.h.as('o-peer').call('volunteer', 'reviewMember', { userId, decision: 'approve' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await w.h.as(OTHER_ADMIN).call('volunteer', 'reviewMember', { userId, decision: 'approve' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(
      await w.h.as(OTHER_ADMIN).call('volunteer', 'addHonorHours', {
        userId,
        title: '协助疏导交通',
        startAt: iso(T0 - DAY),
        endAt: iso(T0 - DAY + HOUR),
        minutes: 60,
        reason: '越权补录',
        evidence: [`${FAKE}x/a.png`],
      }),
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await w.h.as(OTHER_ADMIN).call('volunteer', 'listMembers', { orgId: w.orgs.district.id })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await snapshotDb(w.h.emu)).toEqual(before);
  });
});

describe('organisers', () => {
  it('a non-organiser cannot review a claim or add honor hours; another district’s organiser cannot code or review', async () => {
    const userId = await member(w, 'o-claimer');
    const { userId: peerId } = await w.h.as('o-claimer').ok<{ userId: string }>('user', 'getProfile', {});
    expect(peerId).toBe(userId);
    const start = START + 2 * HOUR;
    const a = await activity(w, start);
    await signUp(w, 'o-claimer', a.id);
    const fileId = await upload(userId, 'help.png');
    const claim = await w.h
      .as('o-claimer')
      .at(iso(T0))
      .call<VolunteerClaim>('volunteer', 'submitService', {
        serviceType: 'road_help',
        text: '在示例路口帮助一位摔倒的老人联系家属并送医。',
        startAt: iso(T0 - 3 * HOUR),
        endAt: iso(T0 - 2 * HOUR),
        photos: [fileId],
      });
    if (!claim.ok) throw new Error(`${claim.code} ${claim.message}`);
    expect(claim.data).toMatchObject({ kind: 'service', state: 'pending', maxMinutes: 60 });
    const before = await snapshotDb(w.h.emu);
    const review = { claimId: claim.data.id, decision: 'approve', minutes: 60, reason: '情况属实' };
    expect(await w.h.as('o-claimer').call('volunteer', 'reviewClaim', review)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await w.h.as(OTHER_ADMIN).call('volunteer', 'reviewClaim', review)).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await w.h.as('o-claimer').call('volunteer', 'addHonorHours', {
        userId,
        activityId: a.id,
        minutes: 60,
        reason: '自己给自己补录',
        evidence: [fileId],
      }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await w.h
        .as(OTHER_ADMIN)
        .at(iso(start))
        .call('volunteer', 'issueCheckInCode', { activityId: a.id, purpose: 'in' }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await w.h
        .as(OTHER_ADMIN)
        .call('volunteer', 'saveActivity', { ...saveBody(a.id), orgId: w.orgs.expressBranch.id }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(await snapshotDb(w.h.emu)).toEqual(before);

    // The self-report is capped at its span and, approved, is honor hours apart from credit.
    const over = await w.h.as(ADMIN).call('volunteer', 'reviewClaim', { ...review, minutes: 61 });
    expect(over).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    await w.h.as(ADMIN).ok('volunteer', 'reviewClaim', review);
    const hours = await w.h
      .as('o-claimer')
      .ok<{ summary: { honorMinutes: number; creditMinutes: number } }>('volunteer', 'myHours', {});
    expect(hours.summary).toMatchObject({ honorMinutes: 60, creditMinutes: 0 });
  });

  it('organisers cannot create activities in the past; backfill is capped at the activity’s duration', async () => {
    const userId = await member(w, 'o-backfill');
    const past = await w.h
      .as(ADMIN)
      .at(iso(T0))
      .call('volunteer', 'saveActivity', {
        ...saveBody(undefined),
        startAt: iso(T0 - DAY),
        endAt: iso(T0 - DAY + HOUR),
        deadline: iso(T0 - DAY - HOUR),
      });
    expect(past).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    const a = await activity(w, START + 3 * HOUR, 120, { plannedMinutes: 90 });
    const later = iso(START + 6 * HOUR);
    const evidence = [
      await upload((await w.h.as(ADMIN).ok<{ userId: string }>('user', 'getProfile', {})).userId, 'sheet.png'),
    ];
    const tooMany = await w.h
      .as(ADMIN)
      .at(later)
      .call('volunteer', 'addHonorHours', { userId, activityId: a.id, minutes: 91, reason: '签到表补录', evidence });
    expect(tooMany).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    const added = await w.h.as(ADMIN).at(later).ok<HoursRecord>('volunteer', 'addHonorHours', {
      userId,
      activityId: a.id,
      minutes: 90,
      reason: '签到表补录',
      evidence,
    });
    expect(added).toMatchObject({ kind: 'honor', source: 'backfill', minutes: 90, points: 15 });
    const twice = await w.h
      .as(ADMIN)
      .at(later)
      .call('volunteer', 'addHonorHours', { userId, activityId: a.id, minutes: 90, reason: '签到表补录', evidence });
    expect(twice).toMatchObject({ ok: false, code: 'CONFLICT' });
  });
});

function saveBody(id: string | undefined) {
  return {
    ...(id ? { id } : {}),
    title: '越权的志愿活动',
    serviceType: 'community',
    venue: { name: '示例社区', address: '示例区示例路 1 号' },
    startAt: iso(START + 10 * DAY),
    endAt: iso(START + 10 * DAY + HOUR),
    deadline: iso(START + 10 * DAY - HOUR),
    capacity: 10,
    orgId: w.orgs.expressBranch.id,
  };
}

describe('leaderboards, statements and certificates', () => {
  let aId: string;
  beforeAll(async () => {
    for (const [openid, name] of [
      ['o-top', '张三丰'],
      ['o-hide', '李四'],
    ] as const)
      await member(w, openid, name);
    const start = START + 20 * DAY;
    const a = await activity(w, start);
    aId = a.id;
    for (const [openid, late] of [
      ['o-top', 0],
      ['o-hide', 30],
    ] as const) {
      await signUp(w, openid, a.id);
      await scanIn(w, openid, a.id, start + late * MINUTE);
      await scanOut(w, openid, a.id, start + 2 * HOUR);
    }
  }, 60_000);

  it('ranks by hours with names masked; a member who opts out disappears and takes no rank', async () => {
    const month = iso(START + 20 * DAY).slice(0, 7);
    const board = await w.h
      .as('o-top')
      .ok<Leaderboard>('volunteer', 'leaderboard', { period: 'month', month, orgId: w.orgs.expressBranch.id });
    // 张 120 min of credit, 李 90 (ties with a 90-minute backfill are broken by credit), then others of the month.
    expect(board.entries.map((e) => e.name).slice(0, 2)).toEqual(['张**', '李*']);
    expect(board.entries[1]).toMatchObject({ rank: 2, creditMinutes: 90, star: 0, me: false });
    expect(board).toMatchObject({ myRank: 1, myVisible: true });
    await w.h.as('o-hide').ok('volunteer', 'setLeaderboardVisibility', { visible: false });
    for (const period of ['month', 'all'] as const) {
      const hidden = await w.h
        .as('o-hide')
        .ok<Leaderboard>('volunteer', 'leaderboard', { period, month, orgId: w.orgs.expressBranch.id });
      expect(hidden.entries.map((e) => e.name)).not.toContain('李*');
      expect(hidden).toMatchObject({ myRank: null, myVisible: false });
    }
    await w.h.as('o-hide').ok('volunteer', 'setLeaderboardVisibility', { visible: true });
  });

  it('the monthly statement shows hours and points in and out for that month', async () => {
    const month = iso(START + 20 * DAY).slice(0, 7);
    const s = await w.h.as('o-top').ok<MonthlyStatement>('volunteer', 'myStatement', { month });
    expect(s).toMatchObject({ month, creditMinutes: 120, honorMinutes: 0, points: { earned: 20, spent: 0, net: 20 } });
    const empty = await w.h.as('o-top').ok<MonthlyStatement>('volunteer', 'myStatement', { month: '2025-01' });
    expect(empty).toMatchObject({ creditMinutes: 0, records: [], points: { earned: 0, spent: 0 } });
    expect(await w.h.as('o-top').call('volunteer', 'myStatement', { month: '2026-13' })).toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });

  it('a certificate verifies by its number and shows only what it shows; a forged number is NOT_FOUND', async () => {
    const cert = await w.h
      .as('o-top')
      .at(iso(START + 21 * DAY))
      .ok<VolunteerCertificate>('volunteer', 'myCertificate', {});
    expect(cert.number).toMatch(/^ZY2026[0-9A-Z]{16}$/);
    expect(cert).toMatchObject({
      holder: { name: '张三丰', phoneMasked: expect.stringMatching(/^136\*{4}\d{4}$/) },
      orgName: w.orgs.expressBranch.name,
      creditMinutes: 120,
      totalMinutes: 120,
      verifyPath: `packages/volunteer/pages/verify/index?no=${cert.number}`,
    });
    expect(cert.content[0]).toMatchObject({ title: '路口文明交通劝导', minutes: 120, kind: 'credit' });
    const repeat = await w.h
      .as('o-top')
      .at(iso(START + 21 * DAY))
      .ok<VolunteerCertificate>('volunteer', 'myCertificate', {});
    expect(repeat.number).toBe(cert.number);
    const verified = await w.h
      .as('')
      .ok<VolunteerCertificate>('volunteer', 'verifyCertificate', { number: cert.number });
    // What the paper shows, the name masked: a public check never shows more than the certificate.
    expect(verified).toEqual({ ...cert, holder: { ...cert.holder, name: '张**' } });
    const forged = `${cert.number.slice(0, -1)}${cert.number.endsWith('0') ? '1' : '0'}`;
    expect(await w.h.as('').call('volunteer', 'verifyCertificate', { number: forged })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    expect(await w.h.as('').call('volunteer', 'verifyCertificate', { number: 'ZY2026' })).toMatchObject({
      code: 'NOT_FOUND',
    });
    const code = await w.h
      .as('o-top')
      .ok<{ fileId: string }>('volunteer', 'certificatePosterCode', { number: cert.number });
    expect(code.fileId).toMatch(new RegExp(`posters/certificate-${cert.number}\\.png$`));
    const notMine = await w.h.as('o-hide').call('volunteer', 'certificatePosterCode', { number: cert.number });
    expect(notMine).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(aId).toBeTruthy();
  });

  it('organisers see members with hours and points, and the stats', async () => {
    const list = await w.h
      .as(ADMIN)
      .ok<Page<AdminVolunteerMember>>('volunteer', 'listMembers', { status: 'approved', keyword: '张三' });
    expect(list.items).toEqual([
      expect.objectContaining({ realName: '张三丰', hoursPoints: 20, pointsBalance: 20, attended: 1 }),
    ]);
    const stats = await w.h
      .as(ADMIN)
      .ok<{ creditMinutes: number; activitiesHeld: number }>('volunteer', 'volunteerStats', {
        from: '2026-12-01',
        to: '2026-12-31',
        orgId: w.orgs.district.id,
      });
    expect(stats.creditMinutes).toBeGreaterThanOrEqual(210);
    const su = await w.h.as(SUPERADMIN).call('volunteer', 'volunteerStats', { from: '2026-12-01', to: '2026-12-31' });
    expect(su).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
  });

  it('exports the members’ hours through the office function, for organisers of the org only', async () => {
    const input = { orgId: w.orgs.expressBranch.id, from: '2026-12-01', to: '2026-12-31' };
    const r = await w.h.as(ADMIN).ok<{ fileId: string; url: string }>('office', 'exportVolunteerHours', input);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await (await fetch(r.url)).arrayBuffer()) as never);
    const sheet = wb.getWorksheet('志愿服务时数')!;
    expect(sheet.getRow(1).values).toEqual(expect.arrayContaining(['姓名', '手机号', '累计信用时数（小时）']));
    const top = sheet.getRows(2, sheet.rowCount - 1)!.find((row) => row.getCell(1).value === '张三丰')!;
    expect(top.getCell(6).value).toBe(2);
    expect(top.getCell(10).value).toBe(20);
    for (const who of [OTHER_ADMIN, 'o-top'])
      expect(await w.h.as(who).call('office', 'exportVolunteerHours', input)).toMatchObject({ code: 'FORBIDDEN' });
  });
});
