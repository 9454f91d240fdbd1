// The organisers' meeting list through the full stack: their org sub-tree's
// meetings with seats, waitlist and check-ins, filters by kind and state, search,
// each row's pages (editor, sign-ups, check-in code, minutes once held), scope.
import { clearSession } from '../../../miniprogram/utils/session';
import { actAs, pinNow, startBackend } from '../support/backend';
import { login, makeAdmin, registerWorker, seedOrgs, SUPERADMIN, type PageOrgs } from '../support/fixtures';
import { flush, loadPage, waitFor, wxDouble, type RenderedPage } from '../support/page';
import { addMeeting, HOUR_MS, signUpAs } from '../support/roundtable';
import { addStation } from '../support/station';
import { detachAll, has, render, tapButton, tapOn, textAt } from '../support/ui';

const listId = loadPage('packages/roundtable/pages/admin-meetings/index');
const ADMIN = 'rt-admin-list';
const NOW = Date.parse('2026-12-01T02:00:00Z');

let backend: Awaited<ReturnType<typeof startBackend>>;
let orgs: PageOrgs;
const ids = { table: '', training: '', held: '', other: '' };
beforeAll(async () => {
  backend = await startBackend(ADMIN);
  pinNow(NOW);
  orgs = await seedOrgs();
  await makeAdmin(ADMIN, [orgs.express.id]);
  const station = await addStation(orgs.express.id, { name: '快递驿站', number: 'KD-01' });
  ids.table = (
    await addMeeting(ADMIN, orgs.express.id, station.id, { base: NOW, title: '小哥圆桌会：派费与社保', capacity: 1 })
  ).id;
  ids.training = (
    await addMeeting(ADMIN, orgs.express.id, station.id, {
      base: NOW,
      kind: 'training',
      title: '快递员安全培训',
      training: { course: '安全驾驶', classHours: 2 },
    })
  ).id;
  ids.held = (
    await addMeeting(ADMIN, orgs.express.id, station.id, { base: NOW, startsInH: 2, title: '小哥圆桌会：已开过的' })
  ).id;
  // Another org's meeting: not this organiser's.
  ids.other = (await addMeeting(SUPERADMIN, orgs.food.id, orgs.station.id, { base: NOW, title: '外卖骑手圆桌会' })).id;
  for (const [i, w] of ['rt-al-w1', 'rt-al-w2'].entries()) {
    await registerWorker(w, orgs.expressBranch.id, { phone: `1390000800${i}` });
    await signUpAs(w, ids.table);
  }
});
afterAll(() => backend.stop());

beforeEach(() => {
  wxDouble().reset();
  clearSession();
  // A day later: the short one has been held.
  pinNow(NOW + 24 * HOUR_MS);
});
afterEach(() => {
  detachAll();
  pinNow(null);
});

async function open(openid = ADMIN): Promise<RenderedPage> {
  actAs(openid);
  const page = render(listId);
  await waitFor(() => expect(page.data.access).not.toBe('loading'));
  if (page.data.access === 'ready') await waitFor(() => expect(page.data.list.status).not.toBe('loading'));
  await flush();
  return page;
}

const titles = (page: RenderedPage) => (page.data.list.items as { title: string }[]).map((r) => r.title);

it('lists the meetings of the organiser’s org sub-tree with seats, waitlist and check-ins', async () => {
  const page = await open();

  expect(titles(page).sort()).toEqual(['小哥圆桌会：已开过的', '小哥圆桌会：派费与社保', '快递员安全培训'].sort());
  const row = textAt(page, `#meeting-${ids.table}`);
  expect(row).toContain('即将开始');
  expect(row).toContain('报名 1/1 · 候补 1 · 签到 0');
  expect(row).toContain('快递物流行业党委');
  expect(textAt(page, `#meeting-${ids.held}`)).toContain('已结束');
  // A held meeting is not edited, its code is over: its minutes are.
  expect(has(page, `#edit-${ids.held}`)).toBe(false);
  expect(has(page, `#checkin-${ids.held}`)).toBe(false);
  expect(textAt(page, `#minutes-${ids.held}`)).toBe('发布纪要');
  expect(has(page, `#minutes-${ids.table}`)).toBe(false);
});

it('filters by kind and state, and searches by title', async () => {
  const page = await open();

  await tapOn(page, '#kind-training');
  await waitFor(() => expect(titles(page)).toEqual(['快递员安全培训']));
  await tapOn(page, '#kind-training');
  await tapOn(page, '#phase-ended');
  await waitFor(() => expect(titles(page)).toEqual(['小哥圆桌会：已开过的']));
  await tapOn(page, '#phase-ended');
  page.querySelector('#search >>> .t-input__keyword')!.dispatchEvent('confirm', { detail: { value: '派费' } });
  await waitFor(() => expect(titles(page)).toEqual(['小哥圆桌会：派费与社保']));
  page.querySelector('#search >>> .t-input__keyword')!.dispatchEvent('confirm', { detail: { value: '没有这样的' } });
  await waitFor(() => expect(page.data.list.status).toBe('empty'));
  expect(textAt(page, '#list-state')).toContain('没有符合条件的活动');
});

it('新建, and each row’s pages: editor, sign-ups, check-in code, minutes, statistics', async () => {
  const page = await open();

  await tapButton(page, 'add');
  await tapOn(page, `#edit-${ids.table}`);
  await tapOn(page, `#signups-${ids.table}`);
  await tapOn(page, `#checkin-${ids.table}`);
  await tapOn(page, `#minutes-${ids.held}`);
  await tapOn(page, '#stats');

  const root = '/packages/roundtable/pages';
  expect((wxDouble().callsOf('navigateTo') as { url: string }[]).map((c) => c.url)).toEqual([
    `${root}/admin-meeting-edit/index`,
    `${root}/admin-meeting-edit/index?id=${ids.table}`,
    `${root}/admin-signups/index?id=${ids.table}`,
    `${root}/admin-checkin/index?id=${ids.table}`,
    `${root}/admin-minutes/index?id=${ids.held}`,
    `${root}/admin-stats/index`,
  ]);
});

it('someone who is no organiser is told so', async () => {
  await login('rt-admin-nobody');
  const page = await open('rt-admin-nobody');
  expect(page.data.access).toBe('denied');
  expect(textAt(page, '#page-state')).toContain('管理后台仅对管理员开放');
});
