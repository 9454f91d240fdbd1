// 活动统计 through the full stack: a period's meetings held and cancelled,
// sign-ups, attendance and no-show rates, 人次, per kind and per course, each
// meeting; the org and kind chosen; the Excel.
import { clearSession } from '../../../miniprogram/utils/session';
import { actAs, callAs, pinNow, startBackend } from '../support/backend';
import { makeAdmin, registerWorker, seedOrgs, type PageOrgs } from '../support/fixtures';
import { flush, loadPage, waitFor, wxDouble, type RenderedPage } from '../support/page';
import { addMeeting, HOUR_MS, signUpAs } from '../support/roundtable';
import { detachAll, render, tapOn, textAt } from '../support/ui';

const pageId = loadPage('packages/roundtable/pages/admin-stats/index');
const ADMIN = 'rt-stats-admin';
const NOW = Date.parse('2026-12-01T02:00:00Z');

let backend: Awaited<ReturnType<typeof startBackend>>;
let orgs: PageOrgs;
const ids = { table: '', course: '', cancelled: '' };
beforeAll(async () => {
  backend = await startBackend(ADMIN);
  pinNow(NOW);
  orgs = await seedOrgs();
  await makeAdmin(ADMIN, [orgs.district.id]);
  const soon = { base: NOW, startsInH: 2, deadline: new Date(NOW + HOUR_MS).toISOString() };
  ids.table = (await addMeeting(ADMIN, orgs.district.id, orgs.station.id, { ...soon, title: '小哥圆桌会：十二月' })).id;
  ids.course = (
    await addMeeting(ADMIN, orgs.district.id, orgs.station.id, {
      ...soon,
      kind: 'training',
      title: '电动车维修培训班',
      training: { course: '电动车维修', classHours: 4 },
    })
  ).id;
  ids.cancelled = (await addMeeting(ADMIN, orgs.district.id, orgs.station.id, { ...soon, title: '取消了的活动' })).id;
  await callAs(ADMIN, 'roundtable', 'cancelMeeting', { id: ids.cancelled, reason: '天气原因' });
  const people: string[] = [];
  for (const i of [0, 1, 2, 3]) {
    const p = await registerWorker(`rt-st-${i}`, orgs.expressBranch.id, { phone: `1390001100${i}` });
    people.push(p.userId);
    await signUpAs(`rt-st-${i}`, ids.table);
  }
  await signUpAs('rt-st-0', ids.course);
  pinNow(NOW + 2 * HOUR_MS + 5 * 60_000);
  for (const userId of people.slice(0, 3))
    await callAs(ADMIN, 'roundtable', 'manualCheckIn', { meetingId: ids.table, userId });
  await callAs(ADMIN, 'roundtable', 'markAttendance', { meetingId: ids.table, userId: people[3], mark: 'no_show' });
  await callAs(ADMIN, 'roundtable', 'manualCheckIn', { meetingId: ids.course, userId: people[0] });
});
afterAll(() => backend.stop());

let clock: jest.SpyInstance;
beforeEach(() => {
  wxDouble().reset();
  clearSession();
  actAs(ADMIN);
  pinNow(NOW + 24 * HOUR_MS);
  // The page's default period is the 30 days up to today, on the phone's clock.
  clock = jest.spyOn(Date, 'now').mockReturnValue(NOW + 24 * HOUR_MS);
});
afterEach(() => {
  detachAll();
  pinNow(null);
  clock.mockRestore();
});

async function open(): Promise<RenderedPage> {
  const page = render(pageId);
  await waitFor(() => expect(page.data.status).not.toBe('loading'));
  await flush();
  return page;
}

it('counts what the org held in the period: totals, per kind, per course, each meeting', async () => {
  const page = await open();

  expect([page.data.from, page.data.to]).toEqual(['2026-11-03', '2026-12-02']);
  expect(textAt(page, '#totals')).toMatch(
    /2\s*举办（场）\s*5\s*报名\s*4\s*参与人次\s*80%\s*出席率\s*20%\s*缺席率\s*1\s*取消（场）/,
  );
  expect(textAt(page, '#by-roundtable')).toContain('1 场 · 报名 4 · 3 人次 · 出席率 75%');
  expect(textAt(page, '#by-training')).toContain('1 场 · 报名 1 · 1 人次 · 出席率 100%');
  expect(screenOf(page)).toContain('电动车维修1期·1人次·4学时');
  expect(textAt(page, `#stat-${ids.table}`)).toContain('报名 4 · 签到 3 · 缺席 1');
  expect(textAt(page, `#stat-${ids.cancelled}`)).toContain('已取消');
});

it('by kind, and for another period', async () => {
  const page = await open();

  await tapOn(page, '#kind-training');
  await waitFor(() => expect(textAt(page, '#totals')).toMatch(/^合计\s*1\s*举办（场）\s*1\s*报名/));
  page.querySelector('#from')!.dispatchEvent('change', { detail: { value: '2026-12-05' } });
  await waitFor(() => expect(textAt(page, '#totals')).toMatch(/^合计\s*0\s*举办（场）/));
  expect(page.data.to).toBe('2026-12-05');
  expect(textAt(page, '.empty')).toBe('这段时间没有活动');
});

it('exports the period’s statistics to Excel', async () => {
  const page = await open();

  await tapOn(page, '#export-link >>> #export >>> .t-button');
  await waitFor(() => expect(page.data.exportUrl).toMatch(/^https?:\/\/.+\.xlsx/));
  const asked = (wxDouble().callsOf('cloud.callFunction') as { name: string; data: { action: string; data: object } }[])
    .filter((c) => c.name === 'office')
    .map((c) => c.data);
  expect(asked).toEqual([
    { action: 'exportMeetingStats', data: { from: '2026-11-03', to: '2026-12-02', orgId: orgs.district.id } },
  ]);
});

const screenOf = (page: RenderedPage) => (page.dom!.textContent ?? '').replace(/\s+/g, '');
