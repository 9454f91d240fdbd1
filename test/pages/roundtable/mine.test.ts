// 我的报名 and 我的培训 through the full stack, on a pinned clock: every state a
// sign-up can be in, and the training record (学时 of classes attended,
// completions, the online series' progress with its way to the lectures).
import { clearSession } from '../../../miniprogram/utils/session';
import { actAs, callAs, pinNow, startBackend } from '../support/backend';
import { makeAdmin, registerWorker, seedOrgs, type PageOrgs } from '../support/fixtures';
import { flush, loadPage, waitFor, wxDouble, type RenderedPage } from '../support/page';
import { addMeeting, cancelAs, HOUR_MS, signUpAs } from '../support/roundtable';
import { publishedLecture } from '../support/study';
import { detachAll, render, tapOn, textAt } from '../support/ui';

const mineId = loadPage('packages/roundtable/pages/mine/index');

const RIDER = 'rt-mine-rider';
const ADMIN = 'rt-mine-admin';
const NOW = Date.parse('2026-12-01T02:00:00Z');

let backend: Awaited<ReturnType<typeof startBackend>>;
let orgs: PageOrgs;
const m: Record<'coming' | 'queued' | 'dropped' | 'course' | 'online' | 'clinic', string> = {
  coming: '',
  queued: '',
  dropped: '',
  course: '',
  online: '',
  clinic: '',
};
beforeAll(async () => {
  backend = await startBackend(RIDER);
  pinNow(NOW);
  orgs = await seedOrgs();
  await makeAdmin(ADMIN, [orgs.district.id]);
  await registerWorker(RIDER, orgs.expressBranch.id);
  await registerWorker('rt-mine-other', orgs.foodBranch.id, { phone: '13900005555' });
  await publishedLecture(ADMIN, orgs.district.id, { title: '安全骑行第一课', series: '安全与健康' });
  await publishedLecture(ADMIN, orgs.district.id, { title: '安全骑行第二课', series: '安全与健康' });
  const add = (o: Parameters<typeof addMeeting>[3]) =>
    addMeeting(ADMIN, orgs.district.id, orgs.station.id, { base: NOW, ...o }).then((x) => x.id);
  m.coming = await add({ title: '小哥圆桌会：充电与停车' });
  m.queued = await add({ title: '小哥圆桌会：劳动权益', capacity: 1 });
  m.dropped = await add({ title: '小哥圆桌会：子女入学' });
  m.course = await add({
    kind: 'training',
    title: '电动车维修培训班',
    startsInH: 2,
    deadline: new Date(NOW + HOUR_MS).toISOString(),
    training: { course: '电动车维修', classHours: 4 },
  });
  m.online = await add({
    kind: 'training',
    title: '安全骑行培训班',
    startsInH: 2,
    deadline: new Date(NOW + HOUR_MS).toISOString(),
    training: { course: '安全骑行', classHours: 2, series: '安全与健康' },
  });
  m.clinic = await add({
    kind: 'activity',
    title: '爱心义诊进驿站',
    startsInH: 2,
    deadline: new Date(NOW + HOUR_MS).toISOString(),
    activityType: 'free_clinic',
  });
  await signUpAs('rt-mine-other', m.queued);
  for (const id of Object.values(m)) await signUpAs(RIDER, id);
  await cancelAs(RIDER, m.dropped);
  const { userId } = await callAs<{ userId: string }>(RIDER, 'user', 'getProfile');
  pinNow(NOW + 2 * HOUR_MS);
  for (const id of [m.course, m.online]) await callAs(ADMIN, 'roundtable', 'manualCheckIn', { meetingId: id, userId });
  await callAs(ADMIN, 'roundtable', 'markAttendance', { meetingId: m.clinic, userId, mark: 'no_show' });
});
afterAll(() => backend.stop());

beforeEach(() => {
  wxDouble().reset();
  clearSession();
  actAs(RIDER);
  // The classes and the clinic are over.
  pinNow(NOW + 5 * HOUR_MS);
});
afterEach(() => {
  detachAll();
  pinNow(null);
});

async function open(query: Record<string, string> = {}): Promise<RenderedPage> {
  const page = render(mineId);
  (page.instance as unknown as { onLoad(q: object): void }).onLoad(query);
  await waitFor(() => expect(page.data.list.status).not.toBe('loading'));
  await waitFor(() => expect(page.data.training.status).not.toBe('loading'));
  await flush();
  return page;
}

it('我的报名: each sign-up with its state — 已报名, 候补第 n 位, 已签到, 缺席, 已取消', async () => {
  const page = await open();

  expect(page.data.list.items).toHaveLength(6);
  expect(textAt(page, `#signup-${m.coming}`)).toContain('已报名');
  expect(textAt(page, `#signup-${m.queued}`)).toContain('候补第 1 位');
  expect(textAt(page, `#signup-${m.dropped}`)).toContain('已取消');
  expect(textAt(page, `#signup-${m.course}`)).toContain('已签到');
  expect(textAt(page, `#signup-${m.course}`)).toContain('已结束');
  expect(textAt(page, `#signup-${m.clinic}`)).toContain('缺席');
  expect(textAt(page, `#signup-${m.clinic}`)).toContain('社区活动');

  await tapOn(page, `#signup-${m.queued}`);
  expect(wxDouble().callsOf('navigateTo')).toEqual([
    expect.objectContaining({ url: `/packages/roundtable/pages/meeting/index?id=${m.queued}` }),
  ]);
});

it('我的培训: classes, 学时 attended, completions, and the online series still to study', async () => {
  const page = await open({ tab: 'training' });

  expect(page.data.tab).toBe('training');
  expect(textAt(page, '#training-summary')).toMatch(/2\s*参加培训（次）\s*6\s*累计学时\s*1\s*结业/);
  expect(textAt(page, `#class-${m.course}`)).toContain('已结业');
  expect(textAt(page, `#class-${m.course}`)).toContain('4 学时');
  const online = textAt(page, `#class-${m.online}`);
  expect(online).toContain('已签到');
  expect(online).toContain('线上课程「安全与健康」已学 0/2 课');
  expect(online).toContain('还需学完线上课程');

  await tapOn(page, `#series-${m.online}`);
  expect(wxDouble().callsOf('navigateTo')).toEqual([
    expect.objectContaining({ url: `/packages/study/pages/lectures/index?series=${encodeURIComponent('安全与健康')}` }),
  ]);
});

it('someone not registered is asked to register, and nothing of theirs is asked for', async () => {
  actAs('rt-mine-visitor');
  const page = render(mineId);
  await waitFor(() => expect(page.data.access).toBe('unregistered'));

  await tapOn(page, '#register >>> .t-button');
  expect(wxDouble().callsOf('navigateTo')).toEqual([
    expect.objectContaining({ url: '/packages/user/pages/register/index' }),
  ]);
  const actions = (wxDouble().callsOf('cloud.callFunction') as { data: { action: string } }[]).map(
    (c) => c.data.action,
  );
  expect(actions).toEqual(['login']);
});

it('someone who signed up for nothing is told so, and offered the meetings', async () => {
  actAs('rt-mine-newcomer');
  await registerWorker('rt-mine-newcomer', orgs.expressBranch.id, { phone: '13900006666' });
  const page = await open();

  expect(page.data.list.status).toBe('empty');
  expect(textAt(page, '#list-state')).toContain('还没有报名过活动');
  await tapOn(page, '#tab-training');
  expect(textAt(page, '#training-state')).toContain('还没有参加过技能培训');
  await tapOn(page, '#tab-signups');
  await tapOn(page, '#go-meetings >>> .t-button');
  expect(wxDouble().callsOf('navigateTo')).toEqual([
    expect.objectContaining({ url: '/packages/roundtable/pages/index/index' }),
  ]);
});
