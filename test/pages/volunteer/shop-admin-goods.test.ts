// 商品管理 through the full stack: an organiser creates goods in the editor (name,
// pickup note, a picture uploaded under goods/, price, stock, a monthly limit) and a
// rider finds them on the shelf; 补货 adds to the stock the server holds, keeping a
// redemption made meanwhile; the list filters by shelf and name and shows the
// month's redemptions; a worker is told the pages are for organisers, and another
// district's organiser is refused the goods in the server's words.
import type { AdminGoods, GoodsSummary } from '../../../typings/volunteer-shop';
import type { Page } from '../../../typings/common';
import { clearSession } from '../../../miniprogram/utils/session';
import { actAs, callAs } from '../support/backend';
import { makeAdmin } from '../support/fixtures';
import { loadPage, waitFor, wxDouble, type RenderedPage } from '../support/page';
import { typeIntoTextarea } from '../support/campaign';
import { loadSecondPage } from '../support/second-page';
import { addGoods, openPage, redeemAs, SHOP_ADMIN, startShopPages, type ShopPageWorld } from '../support/shop';
import { stubWx } from '../support/study';
import { cellText, detachAll, has, tapButton, tapOn, tapSwitch, textAt, typeInto } from '../support/ui';

const editId = loadPage('packages/volunteer/pages/admin-goods-edit/index');
const list = loadSecondPage('packages/volunteer/pages/admin-goods/index');
const RIDER = 'shop-goods-page-rider';
const OTHER_ADMIN = 'shop-goods-page-other-admin';

let w: ShopPageWorld;
beforeAll(async () => {
  w = await startShopPages(RIDER, 1000);
  await makeAdmin(OTHER_ADMIN, [w.orgs.otherDistrict.id]);
});
afterAll(() => w.backend.stop());

const restores: (() => void)[] = [];
beforeEach(() => {
  wxDouble().reset();
  clearSession();
  list.clearSession();
  actAs(SHOP_ADMIN);
});
afterEach(() => {
  restores.splice(0).forEach((r) => r());
  detachAll();
  list.detachAll();
});

const openList = async (): Promise<RenderedPage> => {
  const page = list.render(list.id);
  await waitFor(() => expect(page.data.access).not.toBe('loading'));
  if (page.data.access === 'ready') await waitFor(() => expect(page.data.list.status).not.toBe('loading'));
  return page;
};
const shelf = async () =>
  (await callAs<Page<GoodsSummary>>(RIDER, 'volunteer', 'listGoods', { pageSize: 50 })).items.map((g) => g.name);

it('an organiser creates goods with a picture and a limit; a rider sees them on the shelf', async () => {
  restores.push(
    stubWx('chooseMedia', (() =>
      Promise.resolve({ type: 'image', tempFiles: [{ tempFilePath: 'wxfile://tmp/vest.jpg', size: 1 }] })) as never),
  );
  const page = await openPage(editId, { orgId: w.orgs.district.id });
  // Started from the district's list: its org is chosen (the organiser may pick a branch below).
  expect(cellText(page, 'org-cell')).toContain(w.orgs.district.name);

  await typeInto(page, 'name', '反光背心');
  await typeIntoTextarea(page, 'pickup-note', '城东驿站，工作日 9:00–17:00');
  await tapOn(page, '#photos >>> #add-photo');
  await waitFor(() => expect(page.data.form.photos).toHaveLength(1));
  await typeInto(page, 'price', '60');
  await typeInto(page, 'stock', '20');
  await tapSwitch(page, 'limited');
  await typeInto(page, 'per-person', '2');
  await tapOn(page, '#periods >>> #period-month');
  await tapButton(page, 'save');
  await waitFor(() => expect(wxDouble().callsOf('navigateBack')).toHaveLength(1));

  const mine = await callAs<Page<AdminGoods>>(SHOP_ADMIN, 'volunteer', 'listAdminGoods', { keyword: '反光背心' });
  expect(mine.items[0]).toMatchObject({
    name: '反光背心',
    pickupNote: '城东驿站，工作日 9:00–17:00',
    price: 60,
    stock: 20,
    limit: { perPerson: 2, period: 'month' },
    onShelf: true,
    orgId: w.orgs.district.id,
  });
  expect(mine.items[0]!.imageFileId).toMatch(/\/goods\/.+\.jpg$/);
  expect(await shelf()).toContain('反光背心');

  // The list has it, with its stock and pieces; 已下架 does not.
  const rows = await openList();
  expect(textAt(rows, `#goods-${mine.items[0]!.id}`)).toContain('60 积分 · 库存 20');
  expect(textAt(rows, `#goods-${mine.items[0]!.id}`)).toContain('每人每月限兑 2 件');
  await tapOn(rows, '#shelf-off');
  await waitFor(() => expect(has(rows, `#goods-${mine.items[0]!.id}`)).toBe(false));
});

it('补货 adds to the stock the server holds (a redemption meanwhile is kept); 下架 takes it off the shelf', async () => {
  const g = await addGoods(SHOP_ADMIN, w.orgs.district.id, { name: '防滑手套', price: 10, stock: 5 });
  const page = await openPage(editId, { id: g.id });
  expect(cellText(page, 'stock-now')).toContain('5 件');
  // A rider redeems two while the organiser has the form open.
  await redeemAs(RIDER, g.id, { quantity: 2 });

  await typeInto(page, 'add-stock', '10');
  await tapSwitch(page, 'on-shelf');
  await tapButton(page, 'save');
  await waitFor(() => expect(wxDouble().callsOf('navigateBack')).toHaveLength(1));

  const saved = await callAs<AdminGoods>(SHOP_ADMIN, 'volunteer', 'getAdminGoods', { goodsId: g.id });
  expect(saved).toMatchObject({ stock: 13, pending: 2, onShelf: false, price: 10 });
  expect(await shelf()).not.toContain('防滑手套');

  const rows = await openList();
  await tapOn(rows, '#shelf-off');
  await waitFor(() => expect(textAt(rows, `#goods-${g.id}`)).toContain('库存 13'));
  expect(textAt(rows, `#goods-${g.id}`)).toContain('待领取 2 件');
  expect(textAt(rows, '#month-orders')).not.toBe('0');
});

it('the form says what is missing before sending', async () => {
  const page = await openPage(editId, {});
  await typeInto(page, 'name', '头盔');
  await tapButton(page, 'save');
  expect(textAt(page, '#form-error')).toBe('请填写兑换所需积分（正整数）');
  expect(wxDouble().callsOf('navigateBack')).toHaveLength(0);
});

it('a worker is told the pages are for organisers; another district’s organiser is refused the goods', async () => {
  const g = await addGoods(SHOP_ADMIN, w.orgs.district.id, { name: '护膝' });
  actAs(RIDER);
  list.clearSession();
  const rows = await openList();
  expect(rows.data.access).toBe('denied');
  expect(has(rows, '#page-state >>> #denied')).toBe(true);
  const edit = await openPage(editId, { id: g.id });
  expect(edit.data.status).toBe('denied');

  actAs(OTHER_ADMIN);
  clearSession();
  const theirs = await openPage(editId, { id: g.id });
  expect(theirs.data.status).toBe('error');
  expect(textAt(theirs, '#page-state')).toContain('这件商品不在你的管理范围内');
});
