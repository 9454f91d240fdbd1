// Organisers' goods: scoped to their org tree, audited, stock set on creation and
// moved relatively afterwards (a redemption meanwhile is never overwritten); what
// workers of which org see.
import type { Page } from '../../../typings/common';
import type { AdminGoods, GoodsSummary } from '../../../typings/volunteer-shop';
import { registerWorker } from '../../support/fixtures';
import {
  ADMIN,
  BRANCH_ADMIN,
  goodsInput,
  OTHER_ADMIN,
  redeem,
  saveGoods,
  type ShopWorld,
  startShopWorld,
  storedGoods,
  workers,
} from './shop-world';

let w: ShopWorld;
beforeAll(async () => {
  w = await startShopWorld();
}, 60_000);
afterAll(() => w.h.stop());

const edit = (who: string, g: AdminGoods, over: object) =>
  w.h.as(who).call<AdminGoods>('volunteer', 'saveGoods', {
    goodsId: g.id,
    orgId: g.orgId,
    name: g.name,
    price: g.price,
    onShelf: g.onShelf,
    ...over,
  });

describe('saving goods', () => {
  it('an organiser creates goods of their org, and every save is audited', async () => {
    const g = await saveGoods(w, { name: '骑行头盔', price: 300, stock: 20, limit: { perPerson: 1, period: 'month' } });
    expect(g).toMatchObject({
      orgId: w.orgs.district.id,
      orgName: '示例区委',
      stock: 20,
      pending: 0,
      limit: { perPerson: 1, period: 'month' },
    });
    await edit(ADMIN, g, { addStock: 5, limit: null });
    const { data } = await w.h.db.collection('audit_logs').where({ targetType: 'shop_goods', targetId: g.id }).get();
    expect((data as { action: string }[]).map((a) => a.action).sort()).toEqual(['createGoods', 'updateGoods']);
    expect(await storedGoods(w, g.id)).toMatchObject({ stock: 25 });
    const list = await w.h.as(ADMIN).ok<Page<AdminGoods>>('volunteer', 'listAdminGoods', { keyword: '骑行头盔' });
    expect(list.items[0]).toMatchObject({ id: g.id, limit: null });
  });

  it('restocking is relative: redemptions made meanwhile are kept; below zero is refused', async () => {
    const [rider] = await workers(w, 'restock', 1, 1000);
    const g = await saveGoods(w, { name: '手套', price: 10, stock: 3 });
    await redeem(w, rider!, g.id, { quantity: 2 });
    expect(await edit(ADMIN, g, { addStock: 10 })).toMatchObject({ ok: true, data: { stock: 11, pending: 2 } });
    expect(await edit(ADMIN, g, { addStock: -12 })).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    expect(await edit(ADMIN, g, { stock: 100 })).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    expect((await storedGoods(w, g.id)).stock).toBe(11);
  });

  it('another district’s organiser, or one of a branch below the goods’ org, cannot edit them or create goods here', async () => {
    const g = await saveGoods(w, { name: '护膝', price: 50, stock: 10 });
    for (const who of [OTHER_ADMIN, BRANCH_ADMIN]) {
      expect(await edit(who, g, { price: 1, addStock: 1000 })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(
        await w.h.as(who).call('volunteer', 'saveGoods', goodsInput(w.orgs.district.id, { name: '越权商品' })),
      ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(await storedGoods(w, g.id)).toMatchObject({ price: 50, stock: 10 });
    const theirs = await w.h.as(OTHER_ADMIN).ok<Page<AdminGoods>>('volunteer', 'listAdminGoods', {});
    expect(theirs.items.map((x) => x.id)).not.toContain(g.id);
  });

  it('a worker cannot save goods; the org is fixed once created; bad input changes nothing', async () => {
    const [rider] = await workers(w, 'nosave', 1, 0);
    expect(await w.h.as(rider!).call('volunteer', 'saveGoods', goodsInput(w.orgs.district.id))).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    const g = await saveGoods(w, { name: '保温箱', price: 80, stock: 2 });
    expect(await edit(ADMIN, g, { orgId: w.orgs.expressBranch.id })).toMatchObject({
      ok: false,
      code: 'INVALID_ARGUMENT',
    });
    for (const over of [
      { price: 0 },
      { price: 1.5 },
      { stock: -1 },
      { name: '头' },
      { limit: { perPerson: 0, period: 'all' } },
      { pending: 5 },
    ] as object[]) {
      expect(
        await w.h.as(ADMIN).call('volunteer', 'saveGoods', { ...goodsInput(w.orgs.district.id), ...over }),
      ).toMatchObject({
        ok: false,
        code: 'INVALID_ARGUMENT',
      });
    }
  });
});

describe('one goods for its edit form (getAdminGoods)', () => {
  it('its organiser reads it with stock and pieces by state; others are refused and learn nothing', async () => {
    const [rider] = await workers(w, 'getadmin', 1, 1000);
    const g = await saveGoods(w, { name: '反光背心', price: 40, stock: 8, pickupNote: '城东驿站', onShelf: false });
    await edit(ADMIN, g, { onShelf: true, pickupNote: '城东驿站' });
    await redeem(w, rider!, g.id, { quantity: 2 });

    const got = await w.h.as(ADMIN).ok<AdminGoods>('volunteer', 'getAdminGoods', { goodsId: g.id });
    expect(got).toMatchObject({
      id: g.id,
      name: '反光背心',
      pickupNote: '城东驿站',
      stock: 6,
      pending: 2,
      onShelf: true,
    });
    for (const who of [OTHER_ADMIN, BRANCH_ADMIN])
      expect(await w.h.as(who).call('volunteer', 'getAdminGoods', { goodsId: g.id })).toMatchObject({
        ok: false,
        code: 'FORBIDDEN',
      });
    expect(await w.h.as(rider!).call('volunteer', 'getAdminGoods', { goodsId: g.id })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await w.h.as(ADMIN).call('volunteer', 'getAdminGoods', { goodsId: 'no-such-goods' })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    expect(await w.h.as(ADMIN).call('volunteer', 'getAdminGoods', {})).toMatchObject({
      ok: false,
      code: 'INVALID_ARGUMENT',
    });
  });
});

describe('what workers see', () => {
  it('the goods of their org and those above it, on shelf; not a sibling branch’s or another district’s', async () => {
    const [rider] = await workers(w, 'see', 1, 150);
    const district = await saveGoods(w, { name: '区级充电宝', price: 100, stock: 5 });
    const branch = await w.h
      .as(BRANCH_ADMIN)
      .ok<AdminGoods>('volunteer', 'saveGoods', goodsInput(w.orgs.expressBranch.id, { name: '支部头盔', price: 200 }));
    const food = await w.h
      .as(ADMIN)
      .ok<AdminGoods>('volunteer', 'saveGoods', goodsInput(w.orgs.foodBranch.id, { name: '外卖支部保温箱' }));
    const list = await w.h
      .as(rider!)
      .ok<Page<GoodsSummary> & { balance: number }>('volunteer', 'listGoods', { pageSize: 50 });
    const ids = list.items.map((x) => x.id);
    expect(ids).toEqual(expect.arrayContaining([district.id, branch.id]));
    expect(ids).not.toContain(food.id);
    expect(list.balance).toBe(150);
    const affordable = await w.h
      .as(rider!)
      .ok<Page<GoodsSummary>>('volunteer', 'listGoods', { affordable: true, pageSize: 50 });
    expect(affordable.items.every((x) => x.price <= 150)).toBe(true);
    expect(affordable.items.map((x) => x.id)).toContain(district.id);
    expect(affordable.items.map((x) => x.id)).not.toContain(branch.id);
    expect(await redeem(w, rider!, food.id)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('an unregistered user is asked to register', async () => {
    await w.h.as('o-shop-visitor').ok('user', 'login');
    expect(await w.h.as('o-shop-visitor').call('volunteer', 'listGoods', {})).toMatchObject({
      ok: false,
      code: 'NOT_REGISTERED',
    });
    // Registering makes the shop open (no points yet: nothing affordable).
    await registerWorker(w.h, 'o-shop-visitor', w.orgs.station.id);
    const list = await w.h.as('o-shop-visitor').ok<{ balance: number }>('volunteer', 'listGoods', {});
    expect(list.balance).toBe(0);
  });
});
