// Redeeming in the points shop: stock, points and the per-person limit exact under
// concurrency; a double tap is one order; what the client sends about price,
// points or state means nothing; refusals change nothing.
import { randomUUID } from 'node:crypto';
import type { GoodsDetail, RedeemReceipt, ShopOrder } from '../../../typings/volunteer-shop';
import type { Page } from '../../../typings/common';
import {
  balanceOf,
  ledgerSum,
  redeem,
  saveGoods,
  type ShopWorld,
  startShopWorld,
  storedGoods,
  storedOrders,
  workers,
  ADMIN,
} from './shop-world';

let w: ShopWorld;
beforeAll(async () => {
  w = await startShopWorld();
}, 60_000);
afterAll(() => w.h.stop());

describe('the redemption storm', () => {
  let crowd: string[];
  beforeAll(async () => {
    crowd = await workers(w, 'storm', 100, 500);
  }, 120_000);

  it('100 concurrent redemptions of a 10-stock item: exactly 10 orders, stock 0, every balance equal to its ledger sum', async () => {
    const g = await saveGoods(w, { name: '保温箱', price: 300, stock: 10 });
    const replies = await Promise.all(crowd.map((openid) => redeem(w, openid, g.id)));
    const ok = replies.filter((r) => r.ok);
    expect(ok).toHaveLength(10);
    // Every other tap is refused as sold out, in words a rider can act on.
    expect(replies.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(Array(90).fill('FULL'));
    const stored = await storedGoods(w, g.id);
    expect(stored).toMatchObject({ stock: 0, pending: 10 });
    const orders = await storedOrders(w, g.id);
    expect(orders).toHaveLength(10);
    expect(new Set(orders.map((o) => o.userId)).size).toBe(10);
    expect(new Set(orders.map((o) => o.pickupCode)).size).toBe(10);
    for (const o of orders) expect(o.pickupCode).toMatch(/^\d{12}$/);
    const winners = new Set(orders.map((o) => o.userId));
    for (const openid of crowd) {
      const [balance, sum] = [await balanceOf(w, openid), await ledgerSum(w, openid)];
      expect(balance).toBe(sum);
      expect(balance).toBe(winners.has(w.userIds.get(openid)!) ? 200 : 500);
    }
  }, 60_000);

  it('10 concurrent redemptions by one member with points for 2: 2 orders', async () => {
    const [member] = await workers(w, 'two', 1, 250);
    const g = await saveGoods(w, { name: '护膝', price: 100, stock: 50 });
    const replies = await Promise.all(Array.from({ length: 10 }, () => redeem(w, member!, g.id)));
    expect(replies.filter((r) => r.ok)).toHaveLength(2);
    expect(replies.filter((r) => !r.ok).every((r) => !r.ok && r.code === 'LIMIT_REACHED')).toBe(true);
    expect(await storedOrders(w, g.id)).toHaveLength(2);
    expect(await storedGoods(w, g.id)).toMatchObject({ stock: 48, pending: 2 });
    expect(await balanceOf(w, member!)).toBe(50);
    expect(await ledgerSum(w, member!)).toBe(50);
  });
});

describe('one tap, one order', () => {
  it('a double tap (the same requestId, concurrently and again later) places one order and spends once', async () => {
    const [rider] = await workers(w, 'tap', 1, 1000);
    const g = await saveGoods(w, { name: '手套', price: 80, stock: 5 });
    const requestId = randomUUID();
    const tap = () => w.h.as(rider!).ok<RedeemReceipt>('volunteer', 'redeem', { goodsId: g.id, requestId });
    const [a, b, c] = await Promise.all([tap(), tap(), tap()]);
    const again = await tap();
    expect(new Set([a, b, c, again].map((r) => r.order.id)).size).toBe(1);
    expect([a, b, c].filter((r) => !r.duplicate)).toHaveLength(1);
    expect(again).toMatchObject({ duplicate: true, balance: 920 });
    expect(await storedOrders(w, g.id)).toHaveLength(1);
    expect(await storedGoods(w, g.id)).toMatchObject({ stock: 4 });
    expect(await balanceOf(w, rider!)).toBe(920);
    expect(await ledgerSum(w, rider!)).toBe(920);
  });

  it('the order is the caller’s: it shows in their orders with its pickup code, and to no one else', async () => {
    const [rider, other] = await workers(w, 'mine', 2, 1000);
    const g = await saveGoods(w, { name: '充电宝', price: 150, stock: 5 });
    const r = await redeem(w, rider!, g.id, { quantity: 2 });
    if (!r.ok) throw new Error(r.message);
    expect(r.data.order).toMatchObject({ quantity: 2, points: 300, state: 'pending', goods: { price: 150 } });
    const mine = await w.h.as(rider!).ok<Page<ShopOrder>>('volunteer', 'myOrders', {});
    expect(mine.items.map((o) => o.id)).toEqual([r.data.order.id]);
    expect(await w.h.as(rider!).ok('volunteer', 'getOrder', { orderId: r.data.order.id })).toMatchObject({
      pickupCode: r.data.order.pickupCode,
    });
    expect(await w.h.as(other!).call('volunteer', 'getOrder', { orderId: r.data.order.id })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    expect(await w.h.as(other!).call('volunteer', 'cancelOrder', { orderId: r.data.order.id })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    expect((await w.h.as(other!).ok<Page<ShopOrder>>('volunteer', 'myOrders', {})).items).toEqual([]);
  });
});

describe('what the client sends about price, points and state has no effect', () => {
  it('price, points and status in a redeem are refused and change nothing', async () => {
    const [rider] = await workers(w, 'forge', 1, 1000);
    const g = await saveGoods(w, { name: '骑行头盔', price: 400, stock: 3 });
    for (const forged of [{ price: 1 }, { points: 1 }, { status: 'fulfilled' }, { state: 'fulfilled' }]) {
      const r = await redeem(w, rider!, g.id, forged);
      expect(r).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    }
    expect(await storedOrders(w, g.id)).toHaveLength(0);
    expect(await balanceOf(w, rider!)).toBe(1000);
    const ok = await redeem(w, rider!, g.id);
    expect(ok).toMatchObject({ ok: true, data: { order: { points: 400, state: 'pending' }, balance: 600 } });
  });

  it('the price is read when redeeming: a later price change applies to later orders only', async () => {
    const [rider] = await workers(w, 'price', 1, 1000);
    const g = await saveGoods(w, { name: '反光背心', price: 100, stock: 5 });
    const first = await redeem(w, rider!, g.id);
    await w.h.as(ADMIN).ok('volunteer', 'saveGoods', {
      goodsId: g.id,
      orgId: w.orgs.district.id,
      name: '反光背心',
      price: 200,
      onShelf: true,
    });
    const second = await redeem(w, rider!, g.id);
    expect([first, second].map((r) => r.ok && r.data.order.points)).toEqual([100, 200]);
    expect(await balanceOf(w, rider!)).toBe(700);
  });
});

describe('refusals', () => {
  it('off-shelf goods are refused (CLOSED) and nothing is spent', async () => {
    const [rider] = await workers(w, 'shelf', 1, 1000);
    const g = await saveGoods(w, { name: '雨衣', price: 50, stock: 5, onShelf: false });
    expect(await redeem(w, rider!, g.id)).toMatchObject({ ok: false, code: 'CLOSED' });
    expect(await balanceOf(w, rider!)).toBe(1000);
    expect((await storedGoods(w, g.id)).stock).toBe(5);
    const list = await w.h.as(rider!).ok<Page<{ id: string }>>('volunteer', 'listGoods', {});
    expect(list.items.map((x) => x.id)).not.toContain(g.id);
  });

  it('not enough points: LIMIT_REACHED, nothing taken', async () => {
    const [rider] = await workers(w, 'poor', 1, 30);
    const g = await saveGoods(w, { name: '保温杯', price: 50, stock: 5 });
    expect(await redeem(w, rider!, g.id)).toMatchObject({ ok: false, code: 'LIMIT_REACHED' });
    expect((await storedGoods(w, g.id)).stock).toBe(5);
    const d = await w.h.as(rider!).ok<GoodsDetail>('volunteer', 'getGoods', { goodsId: g.id });
    expect(d.mine).toMatchObject({ balance: 30, canRedeem: 0 });
    expect(d.mine.whyNot).toContain('积分不足');
  });

  it('more pieces than the stock: FULL', async () => {
    const [rider] = await workers(w, 'many', 1, 10_000);
    const g = await saveGoods(w, { name: '车把套', price: 10, stock: 2 });
    expect(await redeem(w, rider!, g.id, { quantity: 3 })).toMatchObject({ ok: false, code: 'FULL' });
  });

  it('goods of another district are not found for this district’s workers', async () => {
    const [rider] = await workers(w, 'away', 1, 1000);
    const g = await w.h.as('o-shop-admin-other').ok<{ id: string }>('volunteer', 'saveGoods', {
      orgId: w.orgs.otherDistrict.id,
      name: '另一区的头盔',
      price: 10,
      stock: 5,
      onShelf: true,
    });
    expect(await redeem(w, rider!, g.id)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await w.h.as(rider!).call('volunteer', 'getGoods', { goodsId: g.id })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
  });

  it('bad input is refused in Chinese and changes nothing', async () => {
    const [rider] = await workers(w, 'bad', 1, 1000);
    const g = await saveGoods(w, { name: '头灯', price: 10, stock: 5 });
    const bad = [
      { goodsId: g.id },
      { goodsId: g.id, requestId: 'short' },
      { goodsId: g.id, requestId: randomUUID(), quantity: 0 },
      { goodsId: g.id, requestId: randomUUID(), quantity: 11 },
      { goodsId: g.id, requestId: randomUUID(), quantity: 1.5 },
      { goodsId: { $gt: '' }, requestId: randomUUID() },
    ];
    for (const data of bad) {
      const r = await w.h.as(rider!).call('volunteer', 'redeem', data);
      expect(r).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
      expect(!r.ok && r.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await storedOrders(w, g.id)).toHaveLength(0);
    expect(await balanceOf(w, rider!)).toBe(1000);
  });
});

describe('the per-person limit', () => {
  it('all-time: 2 per person — concurrent taps stop at 2, a cancellation gives one back', async () => {
    const [rider] = await workers(w, 'limit', 1, 10_000);
    const g = await saveGoods(w, { name: '头盔', price: 10, stock: 100, limit: { perPerson: 2, period: 'all' } });
    const replies = await Promise.all(Array.from({ length: 6 }, () => redeem(w, rider!, g.id)));
    expect(replies.filter((r) => r.ok)).toHaveLength(2);
    expect(replies.filter((r) => !r.ok).every((r) => !r.ok && r.code === 'LIMIT_REACHED')).toBe(true);
    expect(await redeem(w, rider!, g.id)).toMatchObject({ ok: false, code: 'LIMIT_REACHED' });
    const d = await w.h.as(rider!).ok<GoodsDetail>('volunteer', 'getGoods', { goodsId: g.id });
    expect(d.mine).toMatchObject({ held: 2, canRedeem: 0 });
    const first = replies.find((r) => r.ok)!;
    await w.h.as(rider!).ok('volunteer', 'cancelOrder', { orderId: first.ok && first.data.order.id });
    expect(await redeem(w, rider!, g.id)).toMatchObject({ ok: true });
    expect(await redeem(w, rider!, g.id, { quantity: 1 })).toMatchObject({ ok: false, code: 'LIMIT_REACHED' });
  });

  it('per month: the limit counts again in the next Beijing month', async () => {
    const [rider] = await workers(w, 'month', 1, 10_000);
    const g = await saveGoods(w, { name: '手套', price: 10, stock: 100, limit: { perPerson: 1, period: 'month' } });
    const at = (iso: string) => w.h.as(rider!).at(iso);
    const tap = (iso: string) =>
      at(iso).call<RedeemReceipt>('volunteer', 'redeem', { goodsId: g.id, requestId: randomUUID() });
    expect(await tap('2026-12-10T04:00:00Z')).toMatchObject({ ok: true });
    expect(await tap('2026-12-31T15:00:00Z')).toMatchObject({ ok: false, code: 'LIMIT_REACHED' });
    // 1 January 00:30 Beijing is a new month.
    expect(await tap('2026-12-31T16:30:00Z')).toMatchObject({ ok: true });
  });
});
