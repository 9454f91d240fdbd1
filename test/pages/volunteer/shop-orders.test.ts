// 我的兑换 through the full stack: orders by state, a pending order's card with the
// pickup code as digits in fours and as a QR code of exactly those digits (drawn
// on a recording canvas, module by module), where to pick it up; 取消兑换 confirmed,
// the points back, the order 已取消 without its code; a fulfilled order cannot be
// cancelled (the server's words).
import type { ShopOrder } from '../../../typings/volunteer-shop';
import { qrModules } from '../../../miniprogram/components/qr-code/draw';
import { clearSession } from '../../../miniprogram/utils/session';
import { takeRecordings } from '../../screens/canvas';
import { actAs, callAs } from '../support/backend';
import { loadPage, waitFor, wxDouble } from '../support/page';
import {
  addGoods,
  balanceOf,
  drawnCanvases,
  drawnModules,
  openPage,
  redeemAs,
  SHOP_ADMIN,
  startShopPages,
  type ShopPageWorld,
} from '../support/shop';
import { detachAll, has, tapButton, tapOn, textAt } from '../support/ui';

const ordersId = loadPage('packages/volunteer/pages/orders/index');
const RIDER = 'shop-orders-rider';

let w: ShopPageWorld;
let helmet: { id: string };
beforeAll(async () => {
  w = await startShopPages(RIDER, 1000);
  helmet = await addGoods(SHOP_ADMIN, w.orgs.district.id);
});
afterAll(() => w.backend.stop());

beforeEach(() => {
  wxDouble().reset();
  clearSession();
  actAs(RIDER);
  takeRecordings();
});
afterEach(detachAll);

it('a pending order’s card: the code in digits and as a QR code, and where to pick it up', async () => {
  const { order } = await redeemAs(RIDER, helmet.id);
  const page = await openPage(ordersId, { id: order.id });
  await waitFor(() => expect(has(page, '#card')).toBe(true));

  expect(order.pickupCode).toMatch(/^\d{12}$/);
  expect(textAt(page, '#pickup-digits')).toBe(order.pickupCode.replace(/(\d{4})(?=\d)/g, '$1 '));
  expect(textAt(page, '#card')).toContain(`请到 ${w.orgs.district.name} 出示此码领取`);
  expect(textAt(page, '#card-note')).toBe('城东驿站，工作日 9:00–17:00');
  expect(drawnModules(await drawnCanvases())).toBe(qrModules(order.pickupCode).flat().filter(Boolean).length);

  // The list (待领取 first) has it too, with its code.
  expect(textAt(page, `#order-${order.id}`)).toContain(`领取码 ${textAt(page, '#pickup-digits')}`);
});

it('取消兑换: confirmed, the points come back, the order shows 已取消 without its code', async () => {
  const bank = await addGoods(SHOP_ADMIN, w.orgs.district.id, { name: '充电宝', price: 50 });
  const { order } = await redeemAs(RIDER, bank.id);
  const before = await balanceOf(RIDER);
  const page = await openPage(ordersId, { id: order.id });
  await waitFor(() => expect(has(page, '#card')).toBe(true));

  await tapButton(page, 'cancel');
  await waitFor(() => expect(textAt(page, '#card-state >>> .t-tag')).toBe('已取消'));
  const [modal] = wxDouble().callsOf('showModal') as { content: string }[];
  expect(modal!.content).toBe('确定取消「充电宝」的兑换吗？50 积分会退回你的账户。');
  expect(await balanceOf(RIDER)).toBe(before + 50);
  expect(textAt(page, '#card-outcome')).toBe('你已取消，已退回 50 积分');
  expect(has(page, '#pickup-digits')).toBe(false);
  // Off the 待领取 tab, on 已取消.
  await waitFor(() => expect(has(page, `#order-${order.id}`)).toBe(false));
  await tapOn(page, '#tab-cancelled');
  await waitFor(() => expect(has(page, `#order-${order.id}`)).toBe(true));
});

it('kept the card open while the organiser fulfilled it: 无法取消 in the server’s words, then 已领取', async () => {
  const { order } = await redeemAs(RIDER, helmet.id);
  const page = await openPage(ordersId, { id: order.id });
  await waitFor(() => expect(has(page, '#card')).toBe(true));
  await callAs(SHOP_ADMIN, 'volunteer', 'fulfilOrder', { pickupCode: order.pickupCode });

  await tapButton(page, 'cancel');
  await waitFor(() => expect(textAt(page, '#card-state >>> .t-tag')).toBe('已领取'));
  const modals = wxDouble().callsOf('showModal') as { title: string }[];
  expect(modals[modals.length - 1]!.title).toBe('无法取消');
  const mine = await callAs<ShopOrder>(RIDER, 'volunteer', 'getOrder', { orderId: order.id });
  expect(mine.state).toBe('fulfilled');
});
