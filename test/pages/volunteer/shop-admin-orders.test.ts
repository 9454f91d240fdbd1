// The organisers' redemption queue through the full stack: the issue's journey —
// a rider redeems, the pickup code shows, the organiser scans it (wx.scanCode),
// sees what the order is, confirms, and the rider's order is 已领取; a code scanned
// twice is refused in the server's words; 取消 with a reason refunds the points;
// another district's organiser cannot fulfil; a worker is told the page is for
// organisers; 导出 gives the spreadsheet's link.
import type { ShopOrder } from '../../../typings/volunteer-shop';
import { clearSession } from '../../../miniprogram/utils/session';
import { actAs, callAs } from '../support/backend';
import { makeAdmin } from '../support/fixtures';
import { loadPage, waitFor, wxDouble, type RenderedPage } from '../support/page';
import { cameraReads } from '../support/roundtable';
import { addGoods, balanceOf, redeemAs, SHOP_ADMIN, startShopPages, type ShopPageWorld } from '../support/shop';
import { detachAll, has, render, tapButton, tapOn, textAt } from '../support/ui';

const queueId = loadPage('packages/volunteer/pages/admin-orders/index');
const RIDER = 'shop-queue-rider';
const OTHER_ADMIN = 'shop-queue-other-admin';

let w: ShopPageWorld;
let helmet: { id: string };
beforeAll(async () => {
  w = await startShopPages(RIDER, 1000);
  await makeAdmin(OTHER_ADMIN, [w.orgs.otherDistrict.id]);
  helmet = await addGoods(SHOP_ADMIN, w.orgs.district.id);
});
afterAll(() => w.backend.stop());

beforeEach(() => {
  wxDouble().reset();
  clearSession();
  actAs(SHOP_ADMIN);
});
afterEach(detachAll);

const openQueue = async (): Promise<RenderedPage> => {
  const page = render(queueId);
  await waitFor(() => expect(page.data.access).not.toBe('loading'));
  if (page.data.access === 'ready') await waitFor(() => expect(page.data.list.status).not.toBe('loading'));
  return page;
};
const modals = () => wxDouble().callsOf('showModal') as { title: string; content: string }[];
const riderOrder = (orderId: string) => callAs<ShopOrder>(RIDER, 'volunteer', 'getOrder', { orderId });

it('扫码核销: the scanned code shows what the order is; 确认发放 fulfils it, and the rider’s order is 已领取', async () => {
  const { order } = await redeemAs(RIDER, helmet.id);
  const page = await openQueue();
  expect(textAt(page, `#order-${order.id}`)).toContain('骑行头盔 × 1');

  cameraReads(order.pickupCode);
  await tapButton(page, 'scan');
  await waitFor(() => expect(wxDouble().callsOf('showToast')).toEqual([expect.objectContaining({ title: '已核销' })]));
  expect(wxDouble().callsOf('scanCode')).toEqual([expect.objectContaining({ onlyFromCamera: true })]);
  expect(modals()[0]!.title).toBe('核销领取码');
  expect(modals()[0]!.content).toMatch(/^骑行头盔 × 1（100 积分）\n\S+ \d{11}\n兑换于 /);
  expect((await riderOrder(order.id)).state).toBe('fulfilled');
  // Off the 待领取 tab.
  await waitFor(() => expect(has(page, `#order-${order.id}`)).toBe(false));

  // The same code again: it says the code was used, and nothing changes.
  cameraReads(order.pickupCode);
  await tapButton(page, 'scan');
  await waitFor(() => expect(modals()).toHaveLength(2));
  expect(modals()[1]!.title).toBe('此码已领取');
});

it('an unknown code: 找不到这个领取码', async () => {
  const page = await openQueue();
  cameraReads('000000000000');
  await tapButton(page, 'scan');
  await waitFor(() => expect(modals()).toHaveLength(1));
  expect(modals()[0]).toEqual(
    expect.objectContaining({ title: '无法核销', content: '找不到这个领取码，请让骑手在「我的兑换」中重新出示' }),
  );
});

it('the organiser declines at the confirmation: the order stays 待领取', async () => {
  const { order } = await redeemAs(RIDER, helmet.id);
  const page = await openQueue();
  cameraReads(order.pickupCode);
  wxDouble().answerNext('showModal', { confirm: false, cancel: true });
  await tapButton(page, 'scan');
  await waitFor(() => expect(modals()).toHaveLength(1));
  expect((await riderOrder(order.id)).state).toBe('pending');
});

it('取消 with a reason: the rider’s points come back and the order says why', async () => {
  const { order } = await redeemAs(RIDER, helmet.id);
  const before = await balanceOf(RIDER);
  const page = await openQueue();
  wxDouble().answerNext('showModal', { confirm: true, content: '物品已停发' });
  await tapOn(page, `#cancel-${order.id}`);
  await waitFor(() =>
    expect(wxDouble().callsOf('showToast')).toEqual([expect.objectContaining({ title: '已取消，退回 100 积分' })]),
  );
  expect(await balanceOf(RIDER)).toBe(before + 100);
  const mine = await riderOrder(order.id);
  expect(mine.state).toBe('cancelled');
  expect(mine.cancelReason).toBe('物品已停发');
});

it('another district’s organiser cannot fulfil this district’s order: the server’s words', async () => {
  const { order } = await redeemAs(RIDER, helmet.id);
  actAs(OTHER_ADMIN);
  const page = await openQueue();
  expect(has(page, `#order-${order.id}`)).toBe(false);
  cameraReads(order.pickupCode);
  await tapButton(page, 'scan');
  await waitFor(() => expect(modals()).toHaveLength(1));
  expect(modals()[0]!.title).toBe('无法核销');
  expect((await riderOrder(order.id)).state).toBe('pending');
});

it('导出 gives the spreadsheet’s link', async () => {
  const page = await openQueue();
  await tapOn(page, '#export-link >>> #export >>> .t-button');
  await waitFor(() => expect(page.data.exportUrl).toMatch(/^http/));
  expect(textAt(page, '#export-link >>> #export-url')).toBe(page.data.exportUrl);
});

it('a worker is told the page is for organisers', async () => {
  actAs(RIDER);
  const page = await openQueue();
  expect(page.data.access).toBe('denied');
  expect(textAt(page, '#page-state')).toContain('管理后台仅对管理员开放');
});
