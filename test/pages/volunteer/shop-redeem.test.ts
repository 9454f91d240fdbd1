// A goods page's 兑换 through the full stack (the real WXML, the volunteer function
// on the emulator, points through the ledger): the confirmation with the points
// it takes and the balance after, a double tap that stays one order, a retry of
// the same confirmation that spends nothing again, and the server's refusals —
// 限兑, 积分不足, 已兑完, sold out while the page was open.
import type { ShopOrder } from '../../../typings/volunteer-shop';
import { clearSession } from '../../../miniprogram/utils/session';
import { actAs, callAs } from '../support/backend';
import { registerWorker } from '../support/fixtures';
import { loadPage, waitFor, wxDouble, type RenderedPage } from '../support/page';
import {
  addGoods,
  balanceOf,
  givePoints,
  openPage,
  redeemAs,
  SHOP_ADMIN,
  startShopPages,
  type ShopPageWorld,
} from '../support/shop';
import { detachAll, has, tapButton, tapOn, textAt } from '../support/ui';

const goodsId = loadPage('packages/volunteer/pages/goods/index');
const RIDER = 'shop-redeem-rider';

let w: ShopPageWorld;
let helmet: { id: string };
let box: { id: string };
beforeAll(async () => {
  w = await startShopPages(RIDER, 250);
  helmet = await addGoods(SHOP_ADMIN, w.orgs.district.id, { limit: { perPerson: 2, period: 'all' } });
  box = await addGoods(SHOP_ADMIN, w.orgs.district.id, { name: '外卖保温箱', price: 400, stock: 5 });
});
afterAll(() => w.backend.stop());

beforeEach(() => {
  wxDouble().reset();
  clearSession();
  actAs(RIDER);
});
afterEach(detachAll);

const openGoods = (id: string) => openPage(goodsId, { id });
const confirmSave = (page: RenderedPage) => tapOn(page, '#confirm-actions >>> #save >>> .t-button');

it('兑换: the confirmation shows the points and the balance after; a double tap places one order, then its pickup code opens', async () => {
  const page = await openGoods(helmet.id);
  expect(textAt(page, '#facts')).toBe('剩 10 件 · 每人限兑 2 件，你已兑 0 件');
  expect(textAt(page, '#balance')).toBe('250');

  await tapButton(page, 'redeem');
  expect(textAt(page, '#confirm-cost')).toBe('100');
  expect(textAt(page, '#confirm-after')).toBe('150');
  // Two taps on 确认兑换 before the first answers.
  await Promise.all([confirmSave(page), confirmSave(page)]);
  await waitFor(() => expect(wxDouble().callsOf('redirectTo')).toHaveLength(1));

  expect(await balanceOf(RIDER)).toBe(150);
  const mine = await callAs<{ items: ShopOrder[] }>(RIDER, 'volunteer', 'myOrders', {});
  expect(mine.items).toHaveLength(1);
  expect(mine.items[0]!.state).toBe('pending');
  const [{ url }] = wxDouble().callsOf('redirectTo') as { url: string }[];
  expect(url).toBe(`/packages/volunteer/pages/orders/index?id=${encodeURIComponent(mine.items[0]!.id)}`);
});

it('the same confirmation sent again (a retry) is the same order: nothing is spent twice', async () => {
  const requestId = 'retry-same-confirmation-1';
  const before = await balanceOf(RIDER);
  const first = await redeemAs(RIDER, helmet.id, { requestId });
  const again = await redeemAs(RIDER, helmet.id, { requestId });
  expect(first.duplicate).toBe(false);
  expect(again.duplicate).toBe(true);
  expect(again.order.id).toBe(first.order.id);
  expect(await balanceOf(RIDER)).toBe(before - 100);
});

it('over the limit, too dear or sold out: the page says why and offers no 兑换', async () => {
  // Two helmets held by now: the limit is reached.
  const page = await openGoods(helmet.id);
  expect(has(page, '#redeem')).toBe(false);
  expect(textAt(page, '#why-not')).toBe('每人限兑 2 件，你已达上限');
  detachAll();

  const dear = await openGoods(box.id);
  expect(textAt(dear, '#why-not')).toBe('积分不足：需要 400，当前 50');
  detachAll();

  const gone = await addGoods(SHOP_ADMIN, w.orgs.district.id, { name: '反光背心', price: 10, stock: 0 });
  const sold = await openGoods(gone.id);
  expect(textAt(sold, '#why-not')).toBe('这件商品已兑完，请留意补货');
});

it('sold out between opening the page and confirming: the server’s words, and the goods as they are now', async () => {
  const last = await addGoods(SHOP_ADMIN, w.orgs.district.id, { name: '骑行手套', price: 10, stock: 1 });
  const page = await openGoods(last.id);
  await registerWorker('shop-redeem-quick', w.orgs.expressBranch.id);
  await givePoints('shop-redeem-quick', 10);
  await redeemAs('shop-redeem-quick', last.id);

  await tapButton(page, 'redeem');
  await confirmSave(page);
  await waitFor(() => expect(wxDouble().callsOf('showModal')).toHaveLength(1));
  expect(wxDouble().callsOf('showModal')[0]).toEqual(
    expect.objectContaining({ title: '未能兑换', content: '这件商品已兑完，请留意补货' }),
  );
  await waitFor(() => expect(textAt(page, '#why-not')).toBe('这件商品已兑完，请留意补货'));
  expect(wxDouble().callsOf('redirectTo')).toHaveLength(0);
  expect(await balanceOf(RIDER)).toBe(50);
});

it('an unknown goods: 找不到这件物品, and the way back to the shop', async () => {
  const page = await openGoods('no-such-goods');
  expect(page.data.status).toBe('missing');
  expect(textAt(page, '.load-error')).toContain('找不到这件物品，可能已下架');
  await tapButton(page, 'to-shop');
  expect(wxDouble().callsOf('redirectTo')).toEqual([
    expect.objectContaining({ url: '/packages/volunteer/pages/shop/index' }),
  ]);
});
