// The list of meetings through the full stack: nearest first (the roundtable
// function's $geoNear on the venue) when the rider allowed location before —
// never asking — and soonest first otherwise; the kind filter; seats and waitlist.
import type { MeetingRow } from '../../../miniprogram/packages/roundtable/pages/index/index';
import { clearSession } from '../../../miniprogram/utils/session';
import { actAs, pinNow, startBackend } from '../support/backend';
import { makeAdmin, registerWorker, seedOrgs, type PageOrgs } from '../support/fixtures';
import { flush, loadPage, waitFor, wxDouble, type RenderedPage } from '../support/page';
import { addMeeting, signUpAs } from '../support/roundtable';
import { allowedAt, phoneLocation, prompts } from '../support/station';
import { detachAll, render, tapOn, textAt } from '../support/ui';

const listId = loadPage('packages/roundtable/pages/index/index');

const ADMIN = 'rt-list-admin';
const NOW = Date.parse('2026-12-01T02:00:00Z');
/** A few dozen metres from 城东党群服务驿站 (29.5, 106.5). */
const RIDER = { lat: 29.5005, lng: 106.5005 };

let backend: Awaited<ReturnType<typeof startBackend>>;
let orgs: PageOrgs;
let ids: { table: string; training: string; clinic: string };
beforeAll(async () => {
  backend = await startBackend('rt-list-rider');
  pinNow(NOW);
  orgs = await seedOrgs();
  await makeAdmin(ADMIN, [orgs.district.id]);
  const table = await addMeeting(ADMIN, orgs.district.id, orgs.station.id, {
    base: NOW,
    startsInH: 72,
    capacity: 1,
    title: '小哥圆桌会：充电与停车',
  });
  const training = await addMeeting(ADMIN, orgs.district.id, orgs.station.id, {
    base: NOW,
    startsInH: 24,
    kind: 'training',
    title: '互联网营销师培训班',
    venue: { name: '物流园培训教室', address: '示例物流园 8 号楼', location: { lat: 29.6, lng: 106.6 } },
    training: { course: '互联网营销师', classHours: 4 },
  });
  const clinic = await addMeeting(ADMIN, orgs.district.id, orgs.station.id, {
    base: NOW,
    startsInH: 120,
    kind: 'activity',
    title: '爱心义诊进驿站',
    venue: { name: '江边社区活动室', address: '示例江边路 3 号', location: { lat: 29.502, lng: 106.502 } },
    activityType: 'free_clinic',
  });
  for (const [i, openid] of ['rt-list-w1', 'rt-list-w2'].entries()) {
    await registerWorker(openid, orgs.expressBranch.id, { phone: `1390000300${i}` });
    await signUpAs(openid, table.id);
  }
  ids = { table: table.id, training: training.id, clinic: clinic.id };
});
afterAll(() => backend.stop());

beforeEach(() => {
  wxDouble().reset();
  clearSession();
  actAs('rt-list-rider');
  pinNow(NOW);
});
afterEach(() => {
  detachAll();
  pinNow(null);
});

const rows = (page: RenderedPage) => page.data.list.items as MeetingRow[];
const titles = (page: RenderedPage) => rows(page).map((r) => r.title);

async function open(): Promise<RenderedPage> {
  const page = render(listId);
  await waitFor(() => expect(page.data.list.status).not.toBe('loading'));
  await flush();
  return page;
}

it('without location: soonest first, asking nothing; each card with its time, place and seats', async () => {
  const page = await open();

  expect(titles(page)).toEqual(['互联网营销师培训班', '小哥圆桌会：充电与停车', '爱心义诊进驿站']);
  expect(prompts()).toEqual([]);
  expect(wxDouble().callsOf('getLocation')).toEqual([]);
  expect(textAt(page, '#order')).toBe('按时间先后排列');
  const table = textAt(page, `#meeting-${ids.table}`);
  expect(table).toContain('小哥圆桌会');
  expect(table).toContain('2026-12-04 周五 10:00–12:00');
  expect(table).toContain('城东党群服务驿站');
  expect(table).toContain('已满 · 候补 1 人');
  expect(textAt(page, `#meeting-${ids.training}`)).toContain('4 学时');
  expect(textAt(page, `#meeting-${ids.training}`)).toContain('剩余 20 个名额');
  expect(textAt(page, `#meeting-${ids.clinic}`)).toContain('爱心义诊');
  expect(rows(page).every((r) => r.distanceText === '')).toBe(true);
});

it('with location allowed before: nearest first, with distances', async () => {
  phoneLocation(allowedAt(RIDER));
  const page = await open();

  expect(titles(page)).toEqual(['小哥圆桌会：充电与停车', '爱心义诊进驿站', '互联网营销师培训班']);
  expect(prompts()).toEqual([]);
  expect(textAt(page, '#order')).toBe('按离你的距离排列');
  const [near, second, far] = rows(page);
  expect(near!.distanceText).toMatch(/^\d{2} 米$/);
  expect(second!.distanceText).toMatch(/^\d{3} 米$/);
  expect(far!.distanceText).toMatch(/^1\d 公里$/);
  expect(textAt(page, `#meeting-${ids.table}`)).toContain(near!.distanceText);
});

it('filters by kind, and a card opens its meeting', async () => {
  const page = await open();

  await tapOn(page, '#kind-training');
  await waitFor(() => expect(titles(page)).toEqual(['互联网营销师培训班']));
  await tapOn(page, '#kind-activity');
  await waitFor(() => expect(titles(page)).toEqual(['爱心义诊进驿站']));
  await tapOn(page, '#kind-all');
  await waitFor(() => expect(titles(page)).toHaveLength(3));

  await tapOn(page, `#meeting-${ids.clinic}`);
  await tapOn(page, '#mine');
  expect(wxDouble().callsOf('navigateTo')).toEqual([
    expect.objectContaining({ url: `/packages/roundtable/pages/meeting/index?id=${ids.clinic}` }),
    expect.objectContaining({ url: '/packages/roundtable/pages/mine/index' }),
  ]);
});

it('nothing coming up: says so', async () => {
  pinNow(NOW + 200 * 3_600_000);
  const page = await open();
  expect(page.data.list.status).toBe('empty');
  expect(textAt(page, '#list-state')).toContain('近期还没有活动');
});
