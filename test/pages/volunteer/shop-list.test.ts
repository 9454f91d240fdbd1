// 积分超市's shelf through the full stack: the rider's balance, each goods with its
// price, stock and limit, 积分够兑 leaving out what is too dear, a goods opening its
// page; someone not registered is asked to register first.
import { clearSession } from '../../../miniprogram/utils/session';
import { actAs } from '../support/backend';
import { loadPage, waitFor, wxDouble } from '../support/page';
import { addGoods, SHOP_ADMIN, startShopPages, type ShopPageWorld } from '../support/shop';
import { detachAll, has, render, tapOn, textAt } from '../support/ui';

const shopId = loadPage('packages/volunteer/pages/shop/index');
const RIDER = 'shop-list-rider';

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

it('shows the balance and each goods with price, stock and limit; 积分够兑 leaves out what is too dear', async () => {
  const page = render(shopId);
  await waitFor(() => expect(page.data.list.status).toBe('ready'));

  expect(textAt(page, '#balance')).toMatch(/我的积分\s*250/);
  expect(textAt(page, `#goods-${helmet.id}`)).toMatch(/骑行头盔\s*100 积分\s*剩 10 件 · 每人限兑 2 件/);
  expect(textAt(page, `#goods-${box.id}`)).toMatch(/外卖保温箱\s*400 积分\s*剩 5 件/);
  expect(page.data.list.items).toHaveLength(2);

  await tapOn(page, '#filter-affordable');
  await waitFor(() => expect(page.data.list.status).toBe('ready'));
  expect(has(page, `#goods-${helmet.id}`)).toBe(true);
  expect(has(page, `#goods-${box.id}`)).toBe(false);

  await tapOn(page, `#goods-${helmet.id}`);
  await tapOn(page, '#orders');
  expect(wxDouble().callsOf('navigateTo')).toEqual([
    expect.objectContaining({ url: `/packages/volunteer/pages/goods/index?id=${helmet.id}` }),
    expect.objectContaining({ url: '/packages/volunteer/pages/orders/index' }),
  ]);
});

it('someone not registered is asked to register first', async () => {
  actAs('shop-list-guest');
  const page = render(shopId);
  await waitFor(() => expect(page.data.access).toBe('unregistered'));
  await tapOn(page, '#page-state >>> #register >>> .t-button');
  expect(wxDouble().callsOf('navigateTo')).toEqual([
    expect.objectContaining({ url: '/packages/user/pages/register/index' }),
  ]);
});
