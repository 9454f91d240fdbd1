// The volunteer team's journey through the full stack (the real WXML, the
// volunteer function on the emulator, the wx double's camera), on a pinned
// clock: a rider applies on 先锋骑士 with the form prefilled from the
// registration, waits (审核中), is approved by the organiser on 队员审核, signs up
// for an activity, checks in 10 minutes late and out 5 minutes early by scanning,
// and sees the credit hours — on the activity, on the home card and in 我的时数;
// then spends the points those hours earned on 积分超市, is shown the pickup code,
// and the organiser fulfils the order by scanning it on 兑换核销.
import { clearSession } from '../../../miniprogram/utils/session';
import { actAs, callAs, pinNow, startBackend } from '../support/backend';
import { makeAdmin, registerWorker, seedOrgs, type PageOrgs } from '../support/fixtures';
import { flush, loadPage, waitFor, wxDouble, type RenderedPage } from '../support/page';
import { cameraReads } from '../support/roundtable';
import { loadSecondPage } from '../support/second-page';
import { detachAll, has, render, tapButton, tapOn, textAt } from '../support/ui';
import { addGoods } from '../support/shop';
import { addActivity, codeFor, HOUR_MS } from '../support/volunteer';

const homeId = loadPage('packages/volunteer/pages/index/index');
// Each further page in its own module registry, so its TDesign components render (support/second-page.ts).
const activityPage = loadSecondPage('packages/volunteer/pages/activity/index');
const membersPage = loadSecondPage('packages/volunteer/pages/admin-members/index');
const hoursPage = loadSecondPage('packages/volunteer/pages/hours/index');
const goodsPage = loadSecondPage('packages/volunteer/pages/goods/index');
const ordersPage = loadSecondPage('packages/volunteer/pages/orders/index');
const queuePage = loadSecondPage('packages/volunteer/pages/admin-orders/index');

const RIDER = 'vol-journey-rider';
const ADMIN = 'vol-journey-admin';
/** 10:00 in Beijing on 2026-12-01. */
const NOW = Date.parse('2026-12-01T02:00:00Z');
const MIN = 60_000;

let backend: Awaited<ReturnType<typeof startBackend>>;
let orgs: PageOrgs;
beforeAll(async () => {
  backend = await startBackend(RIDER);
  pinNow(NOW);
  orgs = await seedOrgs();
  await registerWorker(RIDER, orgs.expressBranch.id, { realName: '张小快', phone: '13900001111' });
  await makeAdmin(ADMIN, [orgs.district.id]);
});
afterAll(() => backend.stop());

beforeEach(() => {
  wxDouble().reset();
  clearSession();
  actAs(RIDER);
  pinNow(NOW);
});
afterEach(() => {
  detachAll();
  for (const p of [activityPage, membersPage, hoursPage, goodsPage, ordersPage, queuePage]) p.detachAll();
  pinNow(null);
});

async function openHome(): Promise<RenderedPage> {
  const page = render(homeId);
  await waitFor(() => expect(page.data.status).toBe('ready'));
  await flush();
  return page;
}

async function openActivity(id: string): Promise<RenderedPage> {
  const page = activityPage.render(activityPage.id);
  (page.instance as unknown as { onLoad(q: object): void }).onLoad({ id });
  await waitFor(() => expect(page.data.status).not.toBe('loading'));
  await flush();
  return page;
}

const mineState = (page: RenderedPage) => textAt(page, '#mine-state >>> .t-tag');

it('apply → approved → sign up → scan in → scan out → hours and points shown → redeem → pickup code → fulfilled by scan', async () => {
  // Not a member yet: what the team is, and the form filled from the registration.
  const home = await openHome();
  expect(textAt(home, '#intro')).toContain('先锋骑士志愿服务队');
  expect(home.data.form).toMatchObject({ realName: '张小快', phone: '13900001111', occupation: 'courier' });
  expect(home.data.form.orgId).toBe(orgs.expressBranch.id);
  await tapButton(home, 'apply-submit');
  await waitFor(() => expect(has(home, '#pending')).toBe(true));
  expect(textAt(home, '#pending')).toContain('审核中');
  expect(has(home, '#apply')).toBe(false);

  // The organiser approves on 队员审核 (pending first).
  actAs(ADMIN);
  const members = membersPage.render(membersPage.id);
  await waitFor(() => expect(members.data.list.status).toBe('ready'));
  const row = members.data.list.items.find((r: { name: string }) => r.name === '张小快');
  expect(row).toBeTruthy();
  expect(textAt(members, `#member-${row.userId}`)).toContain('审核中');
  await tapOn(members, `#approve-${row.userId}`);
  await waitFor(() => expect(textAt(members, `#member-${row.userId}`)).toContain('正式队员'));
  membersPage.detachAll();

  // Back as the rider: a member now, signing up for an activity.
  actAs(RIDER);
  const activity = await addActivity(ADMIN, orgs.district.id, { base: NOW, startsInH: 24 });
  const page = await openActivity(activity.id);
  expect(textAt(page, '.title')).toBe('早高峰文明交通劝导');
  await tapButton(page, 'sign-up');
  await waitFor(() => expect(mineState(page)).toBe('已报名'));
  expect(textAt(page, '#mine')).toContain('签到在活动开始前 30 分钟开放');

  // 10 minutes late: 扫码签到 with the code on the organiser's screen.
  const start = Date.parse(activity.startAt);
  pinNow(start + 10 * MIN);
  await (page.instance as unknown as { onPullDownRefresh(): Promise<void> }).onPullDownRefresh();
  cameraReads(await codeFor(ADMIN, activity.id, 'in'));
  await tapButton(page, 'scan-in');
  await waitFor(() => expect(mineState(page)).toBe('已签到'));
  expect(wxDouble().callsOf('scanCode')).toEqual([expect.objectContaining({ onlyFromCamera: true })]);

  // 5 minutes before the end: 扫码签退 → 1 h 45 min of credit.
  pinNow(start + 2 * HOUR_MS - 5 * MIN);
  cameraReads(await codeFor(ADMIN, activity.id, 'out'));
  await tapButton(page, 'scan-out');
  await waitFor(() => expect(mineState(page)).toBe('已签退'));
  expect(textAt(page, '#result')).toContain('获得信用时数 1.75 小时');
  expect(wxDouble().callsOf('showToast')).toContainEqual(expect.objectContaining({ title: '签退成功，+1.75 小时' }));
  detachAll();

  // The home card: credit apart from honor, points from the hours.
  const after = await openHome();
  expect(textAt(after, '#hours')).toMatch(/1\.75\s*信用时数\s*0\s*荣誉时数/);
  const { pointsBalance } = await callAs<{ pointsBalance: number }>(RIDER, 'volunteer', 'myMembership', {});
  expect(pointsBalance).toBeGreaterThan(0);
  expect(textAt(after, '#hours')).toContain(`${pointsBalance}积分`);
  expect(has(after, '#entry-certificate')).toBe(true);
  detachAll();

  // 我的时数: the scanned record, as credit.
  const hours = hoursPage.render(hoursPage.id);
  await waitFor(() => expect(hours.data.records.status).toBe('ready'));
  await flush();
  expect(textAt(hours, '#summary')).toMatch(/1\.75\s*信用时数/);
  const rec = hours.data.records.items[0];
  expect(textAt(hours, `#record-${rec.id}`)).toContain('扫码签到签退');
  expect(textAt(hours, `#record-${rec.id}`)).toContain('1.75 小时');
  hoursPage.detachAll();

  // The hours' points buy something on 积分超市: 兑换, confirmed, then the order's pickup code.
  const armband = await addGoods(ADMIN, orgs.district.id, { name: '反光臂带', price: 10, stock: 5 });
  const goods = goodsPage.render(goodsPage.id);
  (goods.instance as unknown as { onLoad(q: object): void }).onLoad({ id: armband.id });
  await waitFor(() => expect(goods.data.status).toBe('ready'));
  await flush();
  expect(textAt(goods, '#balance')).toBe(String(pointsBalance));
  await tapButton(goods, 'redeem');
  await tapOn(goods, '#confirm-actions >>> #save >>> .t-button');
  await waitFor(() => expect(wxDouble().callsOf('redirectTo')).toHaveLength(1));
  const [{ url }] = wxDouble().callsOf('redirectTo') as { url: string }[];
  const orderId = decodeURIComponent(url.split('id=')[1]!);
  goodsPage.detachAll();
  const orders = ordersPage.render(ordersPage.id);
  await (orders.instance as unknown as { onLoad(q: object): Promise<void> }).onLoad({ id: orderId });
  await waitFor(() => expect(has(orders, '#pickup-digits')).toBe(true));
  const code = textAt(orders, '#pickup-digits').replace(/\s/g, '');
  expect(code).toMatch(/^\d{12}$/);
  expect(textAt(orders, '#card-state >>> .t-tag')).toBe('待领取');
  const { pointsBalance: left } = await callAs<{ pointsBalance: number }>(RIDER, 'volunteer', 'myMembership', {});
  expect(left).toBe(pointsBalance - 10);
  ordersPage.detachAll();

  // The organiser scans the code the rider shows on 兑换核销 and confirms: the order is 已领取.
  actAs(ADMIN);
  const queue = queuePage.render(queuePage.id);
  await waitFor(() => expect(queue.data.access).toBe('ready'));
  await waitFor(() => expect(queue.data.list.status).not.toBe('loading'));
  cameraReads(code);
  await tapButton(queue, 'scan');
  await waitFor(() =>
    expect(wxDouble().callsOf('showToast')).toContainEqual(expect.objectContaining({ title: '已核销' })),
  );
  const order = await callAs<{ state: string }>(RIDER, 'volunteer', 'getOrder', { orderId });
  expect(order.state).toBe('fulfilled');
});
