// Meetings through the roundtable function: organisers create and edit them
// within their sub-tree (future times only, a station's or an address's point),
// workers list them nearest first or soonest first and open one (who is coming as
// counts and avatars, their own sign-up and prefill), minutes after the end,
// statistics equal to the records, and training completion with the study
// feature's lecture series.
import type { Page } from '../../../typings/common';
import type {
  AdminMeeting,
  SaveMeetingRequest,
  MeetingDetail,
  MeetingStats,
  MeetingSummary,
  Minutes,
  MyTraining,
} from '../../../typings/roundtable';
import type { MyProfile } from '../../../typings/user';
import { meetingInput } from '../../support/arrange';
import { snapshotDb } from '../../support/db-snapshot';
import { SUPERADMIN } from '../../support/functions';
import { png } from '../../support/images';
import { sdkFor } from '../../support/sdk';
import {
  ADMIN,
  DAY,
  HERE,
  HOUR,
  MINUTE,
  OTHER_ADMIN,
  type RtWorld,
  saveMeeting,
  signUpRecords,
  startRtWorld,
  workers,
} from './world';

let w: RtWorld;
beforeAll(async () => {
  w = await startRtWorld();
}, 60_000);
afterAll(() => w.h.stop());

type Listed = Page<MeetingSummary> & { located: boolean };
const list = (req: object = {}) => w.h.as('o-anyone').ok<Listed>('roundtable', 'listMeetings', req);
const detail = (id: string, as = 'o-anyone') => w.h.as(as).ok<MeetingDetail>('roundtable', 'getMeeting', { id });
const join = (openid: string, meetingId: string, extra: object = {}, at?: string) =>
  (at ? w.h.as(openid).at(at) : w.h.as(openid)).ok('roundtable', 'signUp', { meetingId, ...extra });

describe('organisers create and edit meetings in their sub-tree', () => {
  it('a meeting at a station copies its name, address and point; one elsewhere takes an address and a point', async () => {
    const atStation = await saveMeeting(w, { venue: { stationId: w.stations.near } });
    expect(atStation.venue).toEqual({
      stationId: w.stations.near,
      name: '近处驿站',
      address: '示例路 1 号',
      location: { lat: 29.51, lng: 106.505 },
    });
    expect(atStation).toMatchObject({
      kind: 'roundtable',
      status: 'published',
      phase: 'upcoming',
      orgName: '示例区委',
      counts: { capacity: 20, seatsLeft: 20 },
      guests: [
        { department: '区人社局', name: '王示例', title: '副局长' },
        { department: '区总工会', name: '', title: '' },
      ],
    });
    const elsewhere = await saveMeeting(w, {
      kind: 'activity',
      activityType: 'free_clinic',
      title: '爱心义诊进社区',
      venue: { name: '城东社区活动室', address: '示例路 8 号', location: { lat: 29.6, lng: 106.6 } },
    });
    expect(elsewhere.venue).toEqual({
      stationId: null,
      name: '城东社区活动室',
      address: '示例路 8 号',
      location: { lat: 29.6, lng: 106.6 },
    });
    expect(elsewhere.activityType).toBe('free_clinic');
  });

  it('refuses times in the past, a deadline after the start, and fields of another kind — in Chinese, nothing written', async () => {
    const before = await snapshotDb(w.h.emu);
    const refuse = async (over: object, field: string) => {
      const r = await w.h.as(ADMIN).call('roundtable', 'saveMeeting', { ...baseInput(), ...over });
      expect(r).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', message: expect.stringContaining(field) });
    };
    const past = Date.now() - DAY;
    await refuse({ startAt: iso(past), endAt: iso(past + HOUR), deadline: iso(past - HOUR) }, '开始时间');
    const soon = Date.now() + DAY;
    await refuse({ startAt: iso(soon), endAt: iso(soon + HOUR), deadline: iso(soon + MINUTE) }, '报名截止时间');
    await refuse({ startAt: iso(soon), endAt: iso(soon - HOUR), deadline: iso(soon - 2 * HOUR) }, '结束时间');
    await refuse({ kind: 'training' }, '培训信息');
    await refuse({ activityType: 'legal_advice' }, '活动内容');
    await refuse({ kind: 'activity' }, '活动内容');
    await refuse({ venue: {} }, '地点名称');
    await refuse({ venue: { stationId: w.stations.here, address: '示例路 100 号' } }, '驿站');
    await refuse({ capacity: 0 }, '名额');
    expect(await snapshotDb(w.h.emu)).toBe(before);
  });

  it('another district’s admin is refused, a station that does not exist is not found; nothing written', async () => {
    const before = await snapshotDb(w.h.emu);
    expect(await w.h.as(OTHER_ADMIN).call('roundtable', 'saveMeeting', await baseInput())).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(
      await w.h.as(ADMIN).call('roundtable', 'saveMeeting', { ...baseInput(), venue: { stationId: 'nope' } }),
    ).toMatchObject({ ok: false, code: 'NOT_FOUND', message: '驿站不存在或已删除' });
    expect(await w.h.as('o-worker-x').call('roundtable', 'saveMeeting', await baseInput())).toMatchObject({
      ok: false,
    });
    expect(await snapshotDb(w.h.emu)).toBe(before);
  });

  it('an edit keeps kind and org; more seats promote the waitlist, fewer than taken are refused; audited', async () => {
    const m = await saveMeeting(w, { capacity: 1 });
    const people = await workers(w, 'edit', 3);
    for (const p of people) await join(p, m.id);
    const input = { ...baseInput(), id: m.id, startAt: m.startAt, endAt: m.endAt, deadline: m.deadline };
    const grown = await w.h.as(ADMIN).ok<AdminMeeting>('roundtable', 'saveMeeting', { ...input, capacity: 2 });
    expect(grown.counts).toMatchObject({ capacity: 2, seatsTaken: 2, waitlisted: 1 });
    expect(await w.h.as(ADMIN).call('roundtable', 'saveMeeting', { ...input, capacity: 1 })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: expect.stringContaining('名额不能少于 2'),
    });
    expect(
      await w.h.as(ADMIN).call('roundtable', 'saveMeeting', {
        ...input,
        kind: 'activity',
        activityType: 'other',
      }),
    ).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringContaining('类型') });
    expect(
      await w.h.as(ADMIN).call('roundtable', 'saveMeeting', { ...input, orgId: w.orgs.expressBranch.id }),
    ).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringContaining('主办组织') });
    const renamed = await w.h
      .as(ADMIN)
      .ok<AdminMeeting>('roundtable', 'saveMeeting', { ...input, capacity: 2, title: '小哥圆桌会：改个名字' });
    expect((await detail(m.id)).title).toBe('小哥圆桌会：改个名字');
    expect(renamed.counts.seatsTaken).toBe(2);
    const { data: logs } = await w.h.db.collection('audit_logs').where({ targetId: m.id }).get();
    expect(logs.map((l: { summary: string }) => l.summary)).toEqual([
      '新建小哥圆桌会「小哥圆桌会：充电与停车」',
      '修改小哥圆桌会「小哥圆桌会：充电与停车」',
      '修改小哥圆桌会「小哥圆桌会：改个名字」',
    ]);
  });

  it('organisers list their own meetings by phase; another district’s admin sees none of them', async () => {
    const mine = await w.h
      .as(ADMIN)
      .ok<Page<AdminMeeting>>('roundtable', 'adminListMeetings', { phase: 'upcoming', pageSize: 50 });
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((m) => m.orgId === w.orgs.district.id && m.phase === 'upcoming')).toBe(true);
    const theirs = await w.h.as(OTHER_ADMIN).ok<Page<AdminMeeting>>('roundtable', 'adminListMeetings', {});
    expect(theirs.items).toEqual([]);
    expect(
      await w.h.as(OTHER_ADMIN).call('roundtable', 'adminListMeetings', { orgId: w.orgs.district.id }),
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

const baseInput = (over: Partial<SaveMeetingRequest> = {}) => meetingInput(w.orgs.district.id, w.stations.here, over);
const iso = (ms: number) => new Date(ms).toISOString();

describe('listing meetings', () => {
  /** A district of its own, so other tests' meetings stay out of these lists. */
  let org: string;
  let ids: Record<string, string>;
  beforeAll(async () => {
    org = w.orgs.food.id;
    const make = async (over: Partial<SaveMeetingRequest>) =>
      (await w.h.as(ADMIN).ok<AdminMeeting>('roundtable', 'saveMeeting', { ...baseInput(), orgId: org, ...over })).id;
    const soon = Date.now() + 2 * DAY;
    const t = (h: number) => ({
      startAt: iso(soon + h * HOUR),
      endAt: iso(soon + (h + 2) * HOUR),
      deadline: iso(soon + (h - 1) * HOUR),
    });
    ids = {
      // Inviting everyone (no occupation listed).
      far: await make({ ...t(0), title: '远处驿站的圆桌会', venue: { stationId: w.stations.far }, occupations: [] }),
      here: await make({ ...t(3), title: '身边驿站的圆桌会' }),
      near: await make({
        ...t(6),
        title: '近处驿站的义诊',
        kind: 'activity',
        activityType: 'free_clinic',
        venue: { stationId: w.stations.near },
      }),
      training: await make({
        ...t(9),
        title: '互联网营销师培训班',
        kind: 'training',
        training: { course: '互联网营销师', classHours: 4 },
        occupations: ['streamer'],
        venue: { name: '远郊培训中心', address: '示例路 99 号', location: { lat: 29.9, lng: 106.9 } },
      }),
      cancelled: await make({ ...t(1), title: '取消了的圆桌会' }),
    };
    await w.h.as(ADMIN).ok('roundtable', 'cancelMeeting', { id: ids.cancelled, reason: '场地冲突' });
  });
  const inOrg = (req: object = {}) => list({ orgId: org, pageSize: 50, ...req });

  it('nearest first from the caller’s point, each with its distance; cancelled ones are not listed', async () => {
    const r = await inOrg(HERE);
    expect(r.located).toBe(true);
    expect(r.items.map((m) => m.id)).toEqual([ids.here, ids.near, ids.far, ids.training]);
    const distances = r.items.map((m) => m.distanceM!);
    expect(distances[0]).toBeLessThan(1);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    expect(r.items[1]).toMatchObject({ kind: 'activity', activityType: 'free_clinic', counts: { seatsLeft: 20 } });
  });

  it('soonest first without a point, with kind, occupation and station filters and paging', async () => {
    const r = await inOrg();
    expect(r.located).toBe(false);
    expect(r.items.map((m) => m.id)).toEqual([ids.far, ids.here, ids.near, ids.training]);
    expect(r.items.every((m) => m.distanceM === null)).toBe(true);
    expect((await inOrg({ kind: 'training' })).items.map((m) => m.id)).toEqual([ids.training]);
    expect((await inOrg({ ...HERE, kind: 'activity' })).items.map((m) => m.id)).toEqual([ids.near]);
    // Meetings that invite couriers, or everyone: not the streamers' class.
    expect((await inOrg({ occupation: 'courier' })).items.map((m) => m.id)).toEqual([ids.far, ids.here, ids.near]);
    expect((await inOrg({ occupation: 'streamer' })).items.map((m) => m.id)).toEqual([ids.far, ids.training]);
    expect((await inOrg({ stationId: w.stations.near })).items.map((m) => m.id)).toEqual([ids.near]);
    const first = await inOrg({ pageSize: 3 });
    const second = await inOrg({ pageSize: 3, page: 2 });
    expect([first.hasMore, second.hasMore, second.items.map((m) => m.id)]).toEqual([true, false, [ids.training]]);
    const nearPaged = await inOrg({ ...HERE, pageSize: 3, page: 2 });
    expect([nearPaged.items.map((m) => m.id), nearPaged.hasMore]).toEqual([[ids.training], false]);
  });

  it('ended meetings leave the list; ongoing ones stay until their end', async () => {
    const during = iso(Date.now() + 2 * DAY + HOUR);
    const r = await w.h.as('o-anyone').at(during).ok<Listed>('roundtable', 'listMeetings', { orgId: org });
    expect(r.items.map((m) => [m.id, m.phase])).toEqual([
      [ids.far, 'ongoing'],
      [ids.here, 'upcoming'],
      [ids.near, 'upcoming'],
      [ids.training, 'upcoming'],
    ]);
    const later = iso(Date.now() + 2 * DAY + 2.5 * HOUR);
    const after = await w.h.as('o-anyone').at(later).ok<Listed>('roundtable', 'listMeetings', { orgId: org });
    expect(after.items.map((m) => m.id)).toEqual([ids.here, ids.near, ids.training]);
  });

  it('a latitude without a longitude is refused, named in Chinese', async () => {
    expect(await w.h.as('o-anyone').call('roundtable', 'listMeetings', { lat: 29.5 })).toMatchObject({
      ok: false,
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining('经度'),
    });
  });
});

describe('a meeting’s page', () => {
  it('shows who is coming as counts and avatars — never names or phones — and the caller’s own sign-up with prefill', async () => {
    const m = await saveMeeting(w, {
      capacity: 2,
      questions: [
        { key: 'name', kind: 'text', label: '姓名', required: true, profileField: 'realName' },
        { key: 'need', kind: 'single', label: '需要午餐吗', required: false, options: ['需要', '不需要'] },
      ],
    });
    const [a, b, c] = await workers(w, 'faces', 3);
    const profile = await w.h.as(a!).ok<MyProfile>('user', 'getProfile');
    const { fileID } = await sdkFor(w.h.emu).uploadFile({
      cloudPath: `avatars/${profile.userId}/me.png`,
      fileContent: png(),
    });
    await w.h.as(a!).ok('user', 'updateProfile', { avatarFileId: fileID });
    const mine = await detail(m.id, a!);
    expect(mine.prefill).toEqual([{ key: 'name', values: ['骑手faces0'] }]);
    expect(mine.canSignUp).toBe(true);
    for (const p of [a, b, c]) await join(p!, m.id, { answers: [{ key: 'name', values: [`${p}的名字`] }] });

    const anyone = await detail(m.id);
    expect(anyone.coming).toMatchObject({ seated: 2, waitlisted: 1, checkedIn: 0 });
    expect(anyone.coming.avatars).toHaveLength(1);
    expect((await fetch(anyone.coming.avatars[0]!)).status).toBe(200);
    expect(anyone.mine).toBeNull();
    expect(anyone.prefill).toEqual([]);
    const text = JSON.stringify(anyone);
    expect(text).not.toMatch(/骑手faces|139\d{8}|faces-\d/);
    const theirs = await detail(m.id, c!);
    expect(theirs.mine).toMatchObject({ state: 'waitlisted', position: 1, answers: [{ label: '姓名' }] });
    expect(theirs.booking.questions.map((q) => q.key)).toEqual(['name', 'need']);
    expect(theirs.subscribe.templateIds).toHaveLength(3);
  });

  it('an unknown meeting is not found', async () => {
    expect(await w.h.as('o-anyone').call('roundtable', 'getMeeting', { id: 'nope' })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
      message: '活动不存在或已删除',
    });
  });
});

describe('minutes', () => {
  const MINUTES = {
    raised: [{ text: '老旧小区夜间充电难', department: '骑手代表' }, { text: '午间停车被罚' }],
    answered: [{ text: '驿站增设 20 个充电柜', department: '区总工会' }],
    takenAway: [{ text: '商圈临时停车位', department: '市场监管局' }],
  };

  it('are published once the meeting ended, shown on its page, and editable by organisers afterwards', async () => {
    const base = Date.now() - 5 * DAY;
    const m = await saveMeeting(w, { base, startsInH: 24 });
    const ended = new Date(m.endAt).getTime();
    const early = await w.h
      .as(ADMIN)
      .at(iso(ended - MINUTE))
      .call('roundtable', 'publishMinutes', { meetingId: m.id, ...MINUTES });
    expect(early).toMatchObject({ ok: false, code: 'CLOSED' });
    expect((await detail(m.id)).minutes).toBeNull();

    const published = await w.h.as(ADMIN).ok<Minutes>('roundtable', 'publishMinutes', { meetingId: m.id, ...MINUTES });
    expect(published.raised).toEqual([
      { text: '老旧小区夜间充电难', department: '骑手代表' },
      { text: '午间停车被罚' },
    ]);
    const page = await detail(m.id);
    expect(page).toMatchObject({ phase: 'ended', minutes: { takenAway: [{ department: '市场监管局' }] } });

    const edited = await w.h.as(ADMIN).ok<Minutes>('roundtable', 'publishMinutes', {
      meetingId: m.id,
      ...MINUTES,
      answered: [...MINUTES.answered, { text: '社保参保指引进驿站', department: '区人社局' }],
    });
    expect(edited.publishedAt).toBe(published.publishedAt);
    expect(edited.answered).toHaveLength(2);
    expect(
      await w.h.as(OTHER_ADMIN).call('roundtable', 'publishMinutes', { meetingId: m.id, ...MINUTES }),
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(
      await w.h
        .as(ADMIN)
        .call('roundtable', 'publishMinutes', { meetingId: m.id, raised: [], answered: [], takenAway: [] }),
    ).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', message: expect.stringContaining('至少') });
    const { data: logs } = await w.h.db
      .collection('audit_logs')
      .where({ targetId: m.id, action: 'publishMinutes' })
      .get();
    expect(logs.map((l: { summary: string }) => l.summary.slice(0, 2))).toEqual(['发布', '修改']);
  });

  it('what was taken away becomes a tracked case whose progress the meeting’s page shows — nobody’s identity', async () => {
    const m = await saveMeeting(w, { base: Date.now() - 5 * DAY, startsInH: 24 });
    await w.h.as(ADMIN).ok('roundtable', 'publishMinutes', { meetingId: m.id, ...MINUTES });
    expect((await detail(m.id)).cases).toEqual([]);
    const made = await w.h.as(ADMIN).ok<{ id: string; state: string }>('cases', 'createCase', {
      category: 'conditions',
      title: '商圈临时停车位',
      description: '圆桌会上骑手反映商圈没有临时停车位，取餐时常被罚款，希望协调。',
      orgId: w.orgs.district.id,
      source: { kind: 'meeting', meetingId: m.id, item: '带走：商圈临时停车位' },
    });
    const page = await detail(m.id);
    expect(page.cases).toEqual([
      {
        id: made.id,
        title: '商圈临时停车位',
        categoryLabel: '工作条件',
        state: made.state,
        orgName: expect.any(String),
        answeredAt: null,
      },
    ]);
  });
});

describe('statistics', () => {
  it('per org sub-tree and period equal the sign-up records: held, sign-ups, attendance, no-shows, 人次, per course', async () => {
    const org = w.orgs.express.id;
    const base = Date.now() - 20 * DAY;
    const make = (over: Partial<SaveMeetingRequest>, startsInH: number) =>
      w.h
        .as(ADMIN)
        .at(iso(base))
        .ok<AdminMeeting>(
          'roundtable',
          'saveMeeting',
          meetingInput(org, w.stations.here, { base, startsInH, ...over }),
        );
    const rt = await make({ capacity: 3 }, 24);
    const tr = await make(
      { kind: 'training', title: '快递员技能培训班', training: { course: '快递业务员（初级）', classHours: 3 } },
      48,
    );
    const called = await make({ title: '取消了的圆桌会' }, 72);
    const upcoming = await w.h
      .as(ADMIN)
      .ok<AdminMeeting>('roundtable', 'saveMeeting', { ...baseInput(), orgId: org, title: '还没开的圆桌会' });
    const people = await workers(w, 'stats', 5);
    const signUpAt = iso(base + HOUR);
    for (const p of people.slice(0, 4)) await join(p, rt.id, {}, signUpAt);
    for (const p of people.slice(0, 2)) await join(p, tr.id, {}, signUpAt);
    await join(people[4]!, upcoming.id);
    await w.h.as(ADMIN).at(signUpAt).ok('roundtable', 'cancelMeeting', { id: called.id, reason: '讲师临时有事' });
    const rows = async (id: string) =>
      (
        await w.h
          .as(ADMIN)
          .at(signUpAt)
          .ok<Page<{ userId: string; state: string }>>('roundtable', 'listSignUps', { meetingId: id })
      ).items;
    const during = (m: AdminMeeting) => iso(new Date(m.startAt).getTime() + 10 * MINUTE);
    const [r1, r2, r3] = (await rows(rt.id)).filter((r) => r.state === 'confirmed');
    await w.h.as(ADMIN).at(during(rt)).ok('roundtable', 'manualCheckIn', { meetingId: rt.id, userId: r1!.userId });
    await w.h.as(ADMIN).at(during(rt)).ok('roundtable', 'manualCheckIn', { meetingId: rt.id, userId: r2!.userId });
    await w.h
      .as(ADMIN)
      .at(during(rt))
      .ok('roundtable', 'markAttendance', { meetingId: rt.id, userId: r3!.userId, mark: 'no_show' });
    for (const r of await rows(tr.id))
      await w.h.as(ADMIN).at(during(tr)).ok('roundtable', 'manualCheckIn', { meetingId: tr.id, userId: r.userId });

    const day = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 10);
    const stats = await w.h.as(ADMIN).ok<MeetingStats>('roundtable', 'meetingStats', {
      from: day(base),
      to: day(Date.now() + 5 * DAY),
      orgId: org,
    });

    // The truth: the records themselves.
    const held = [rt, tr];
    let signUps = 0;
    let attended = 0;
    let noShow = 0;
    for (const m of held) {
      const recs = await signUpRecords(w, m);
      signUps += recs.filter((r) => ['confirmed', 'attended', 'no_show'].includes(r.state)).length;
      attended += recs.filter((r) => r.state === 'attended').length;
      noShow += recs.filter((r) => r.state === 'no_show').length;
    }
    expect([signUps, attended, noShow]).toEqual([5, 4, 1]);
    expect(stats.totals).toEqual({
      held: 2,
      cancelled: 1,
      signUps,
      attended,
      noShow,
      attendanceRate: 0.8,
      noShowRate: 0.2,
      personTimes: attended,
    });
    expect(stats.byKind.find((k) => k.kind === 'training')).toMatchObject({ held: 1, signUps: 2, personTimes: 2 });
    expect(stats.courses).toEqual([{ course: '快递业务员（初级）', classes: 1, personTimes: 2, classHours: 6 }]);
    expect(stats.meetings.map((m) => m.id)).toEqual([rt.id, tr.id, called.id, upcoming.id]);
    expect(stats.meetings.find((m) => m.id === upcoming.id)).toMatchObject({ held: 0, signUps: 0 });

    expect(
      await w.h
        .as(OTHER_ADMIN)
        .call('roundtable', 'meetingStats', { from: day(base), to: day(Date.now()), orgId: org }),
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(
      await w.h.as(ADMIN).call('roundtable', 'meetingStats', { from: day(Date.now()), to: day(base) }),
    ).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', message: expect.stringContaining('结束日期') });
  });
});

describe('training records', () => {
  it('a class counts as completed when attended and its lecture series is completed; without a series, when attended', async () => {
    const lectures: string[] = [];
    for (const title of ['直播选品', '直播话术']) {
      const l = await w.h.as(SUPERADMIN).ok<{ id: string }>('study', 'saveLecture', {
        title,
        speaker: '示例讲师',
        kind: 'article',
        durationSec: 60,
        body: '<p>正文</p>',
        series: '互联网营销入门',
        orgId: w.orgs.district.id,
      });
      await w.h.as(SUPERADMIN).ok('study', 'setLecturePublished', { id: l.id, published: true });
      lectures.push(l.id);
    }
    const base = Date.now() - 10 * DAY;
    const course = (series?: string) => ({
      kind: 'training' as const,
      title: series ? '互联网营销师培训班（线上 + 线下）' : '电动车安全维修培训',
      training: {
        course: series ? '互联网营销师' : '电动车维修',
        classHours: series ? 8 : 2,
        ...(series ? { series } : {}),
      },
    });
    const withSeries = await saveMeeting(w, { ...course('互联网营销入门'), base, startsInH: 24 });
    const without = await saveMeeting(w, { ...course(), base, startsInH: 48 });
    const [studious, lazy] = await workers(w, 'trainee', 2);
    for (const p of [studious, lazy]) {
      await join(p!, withSeries.id, {}, iso(base + HOUR));
      await join(p!, without.id, {}, iso(base + HOUR));
    }
    // studious studies the whole series online (reports every 20 s of real server time).
    const t0 = base + 2 * HOUR;
    for (const id of lectures) {
      await w.h.as(studious!).at(iso(t0)).ok('study', 'getLecture', { id });
      for (const s of [20, 40, 60])
        await w.h
          .as(studious!)
          .at(iso(t0 + s * 1000))
          .ok('study', 'reportProgress', { lectureId: id, positionSec: s });
    }
    // lazy studies one of the two.
    await w.h.as(lazy!).at(iso(t0)).ok('study', 'getLecture', { id: lectures[0] });
    for (const s of [20, 40, 60])
      await w.h
        .as(lazy!)
        .at(iso(t0 + s * 1000))
        .ok('study', 'reportProgress', { lectureId: lectures[0], positionSec: s });
    const checkInAll = async (m: AdminMeeting) => {
      const when = iso(new Date(m.startAt).getTime() + 5 * MINUTE);
      const rows = await w.h.as(ADMIN).ok<Page<{ userId: string }>>('roundtable', 'listSignUps', { meetingId: m.id });
      for (const r of rows.items)
        await w.h.as(ADMIN).at(when).ok('roundtable', 'manualCheckIn', { meetingId: m.id, userId: r.userId });
    };
    await checkInAll(withSeries);
    await checkInAll(without);

    const mine = await w.h.as(studious!).ok<MyTraining>('roundtable', 'myTraining');
    expect(mine).toMatchObject({ attended: 2, classHours: 10, completed: 2 });
    expect(mine.classes.find((c) => c.meeting.id === withSeries.id)).toMatchObject({
      series: '互联网营销入门',
      seriesLectures: 2,
      seriesCompleted: 2,
      seriesDone: true,
      completed: true,
    });
    const theirs = await w.h.as(lazy!).ok<MyTraining>('roundtable', 'myTraining');
    expect(theirs).toMatchObject({ attended: 2, classHours: 10, completed: 1 });
    expect(theirs.classes.find((c) => c.meeting.id === withSeries.id)).toMatchObject({
      attended: true,
      seriesCompleted: 1,
      seriesDone: false,
      completed: false,
    });
    expect(theirs.classes.find((c) => c.meeting.id === without.id)).toMatchObject({ series: null, completed: true });
  });

  it('a series must exist (published lectures) when a class names one', async () => {
    const r = await w.h.as(ADMIN).call('roundtable', 'saveMeeting', {
      ...baseInput(),
      kind: 'training',
      training: { course: '某课程', classHours: 2, series: '不存在的系列' },
    });
    expect(r).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', message: expect.stringContaining('不存在的系列') });
  });
});
