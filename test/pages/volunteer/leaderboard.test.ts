// 服务排行 through the full stack: the member's rank among the org's members by
// hours, names masked; the switch leaves every leaderboard (the member is gone
// from the rows, the page says so) and comes back.
import { clearSession } from '../../../miniprogram/utils/session';
import { actAs, callAs, pinNow, startBackend } from '../support/backend';
import { makeAdmin, registerWorker, seedOrgs } from '../support/fixtures';
import { flush, loadPage, waitFor, wxDouble, type RenderedPage } from '../support/page';
import { detachAll, render, tapCell, tapOn, textAt } from '../support/ui';
import { addActivity, applyAs, codeFor, reviewAs } from '../support/volunteer';

const boardId = loadPage('packages/volunteer/pages/leaderboard/index');
const RIDER = 'vol-board-rider';
const OTHER = 'vol-board-other';
const ADMIN = 'vol-board-admin';
const NOW = Date.parse('2026-12-01T02:00:00Z');

let backend: Awaited<ReturnType<typeof startBackend>>;
beforeAll(async () => {
  backend = await startBackend(RIDER);
  pinNow(NOW);
  const orgs = await seedOrgs();
  await makeAdmin(ADMIN, [orgs.district.id]);
  const a = await addActivity(ADMIN, orgs.expressBranch.id, { base: NOW, startsInH: 2 });
  for (const [openid, realName, phone] of [
    [RIDER, '张小快', '13900001111'],
    [OTHER, '李示例', '13900002222'],
  ] as const) {
    const { userId } = await registerWorker(openid, orgs.expressBranch.id, { realName, phone });
    await applyAs(openid, orgs.expressBranch.id);
    await reviewAs(ADMIN, userId, 'approve');
    await callAs(openid, 'volunteer', 'signUp', { activityId: a.id });
  }
  const start = Date.parse(a.startAt);
  pinNow(start);
  for (const openid of [RIDER, OTHER])
    await callAs(openid, 'volunteer', 'checkIn', { activityId: a.id, code: await codeFor(ADMIN, a.id, 'in') });
  // The rider stays to the end, the other leaves after 90 minutes: both earn credit, the rider more.
  pinNow(start + 90 * 60_000);
  await callAs(OTHER, 'volunteer', 'checkOut', { activityId: a.id, code: await codeFor(ADMIN, a.id, 'out') });
  pinNow(Date.parse(a.endAt));
  await callAs(RIDER, 'volunteer', 'checkOut', { activityId: a.id, code: await codeFor(ADMIN, a.id, 'out') });
});
afterAll(() => backend.stop());
beforeEach(() => {
  wxDouble().reset();
  clearSession();
  actAs(RIDER);
  pinNow(NOW + 6 * 3_600_000);
});
afterEach(() => {
  detachAll();
  pinNow(null);
});

async function open(): Promise<RenderedPage> {
  const page = render(boardId);
  await waitFor(() => expect(page.data.status).not.toBe('loading'));
  await flush();
  return page;
}

it('ranks the members by hours with masked names, then leaves and rejoins on the switch', async () => {
  const page = await open();
  await tapOn(page, '#period-all');
  await waitFor(() => expect(page.data).toMatchObject({ period: 'all', status: 'ready' }));
  await flush();
  expect(page.data.rows).toHaveLength(2);
  expect(textAt(page, '#rank-1')).toContain('张**');
  expect(textAt(page, '#rank-1')).toContain('（我）');
  expect(textAt(page, '#rank-1')).toContain('2 小时');
  expect(textAt(page, '#rank-2')).toContain('李**');
  expect(textAt(page, '#rank-2')).toContain('1.5 小时');
  expect(textAt(page, '#mine')).toBe('你排在第 1 名');

  await tapCell(page, 'visible-row');
  await waitFor(() => expect(textAt(page, '#mine')).toBe('你已选择不参与排行，其他人看不到你的名字和时数'));
  expect(page.data.rows).toHaveLength(1);
  expect(textAt(page, '#rank-1')).toContain('李*');
  const others = await callAs<{ entries: { name: string }[] }>(OTHER, 'volunteer', 'leaderboard', { period: 'all' });
  expect(others.entries.map((e) => e.name)).toEqual(['李**']);

  await tapCell(page, 'visible-row');
  await waitFor(() => expect(textAt(page, '#mine')).toBe('你排在第 1 名'));
});
