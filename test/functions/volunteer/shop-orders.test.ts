// After the redemption: 核销 by the scanned code (once, by an organiser of the
// goods' org only), cancelling before pickup (refunded once, stock and quota back,
// by the worker or an organiser with a reason), the redemption queue, the stats
// and the export.
import type { Page } from '../../../typings/common';
import type {
  AdminShopOrder,
  CancelOrderReceipt,
  GoodsDetail,
  ShopOrder,
  ShopStats,
} from '../../../typings/volunteer-shop';
import { rowsOf, workbookAt } from '../../support/workbooks';
import {
  ADMIN,
  BRANCH_ADMIN,
  balanceOf,
  ledgerSum,
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

/** One pending order of `rider` (who has 1000 points) for goods at 100 points. */
async function pendingOrder(prefix: string, over: { limit?: { perPerson: number; period: 'all' | 'month' } } = {}) {
  const [rider] = await workers(w, prefix, 1, 1000);
  const g = await saveGoods(w, { name: '骑行头盔', price: 100, stock: 5, ...over });
  const r = await redeem(w, rider!, g.id);
  if (!r.ok) throw new Error(r.message);
  return { rider: rider!, goodsId: g.id, order: r.data.order };
}

const refunds = async (orderId: string) => {
  const { data } = await w.h.db.collection('points_ledger').where({ sourceId: orderId, reason: 'shop_refund' }).get();
  return data as { amount: number }[];
};

describe('fulfilment by the scanned code', () => {
  it('the organiser sees the order of a code, then fulfils it once; the worker sees it picked up', async () => {
    const { rider, goodsId, order } = await pendingOrder('ful');
    const admin = w.h.as(ADMIN);
    const seen = await admin.ok<AdminShopOrder>('volunteer', 'findOrderByCode', { pickupCode: order.pickupCode });
    expect(seen).toMatchObject({ id: order.id, state: 'pending', worker: { realName: '骑手ful0' } });
    const done = await admin.ok<AdminShopOrder>('volunteer', 'fulfilOrder', { pickupCode: order.pickupCode });
    expect(done).toMatchObject({ state: 'fulfilled', fulfilledByName: expect.any(String) });
    expect(done.fulfilledAt).not.toBeNull();
    const again = await admin.call('volunteer', 'fulfilOrder', { pickupCode: order.pickupCode });
    expect(again).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await storedGoods(w, goodsId)).toMatchObject({ stock: 4, pending: 0, fulfilled: 1 });
    expect(await w.h.as(rider).ok('volunteer', 'getOrder', { orderId: order.id })).toMatchObject({
      state: 'fulfilled',
    });
    // A fulfilled order cannot be cancelled, by the worker or an organiser.
    expect(await w.h.as(rider).call('volunteer', 'cancelOrder', { orderId: order.id })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
    expect(await admin.call('volunteer', 'adminCancelOrder', { orderId: order.id, reason: '误操作' })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
    expect(await refunds(order.id)).toEqual([]);
    const { data } = await w.h.db.collection('audit_logs').where({ action: 'fulfilOrder', targetId: order.id }).get();
    expect(data).toHaveLength(1);
  });

  it('concurrent scans of one code fulfil it once', async () => {
    const { goodsId, order } = await pendingOrder('scan2');
    const replies = await Promise.all(
      Array.from({ length: 5 }, () => w.h.as(ADMIN).call('volunteer', 'fulfilOrder', { pickupCode: order.pickupCode })),
    );
    expect(replies.filter((r) => r.ok)).toHaveLength(1);
    expect(replies.filter((r) => !r.ok).every((r) => !r.ok && r.code === 'CONFLICT')).toBe(true);
    expect(await storedGoods(w, goodsId)).toMatchObject({ pending: 0, fulfilled: 1 });
  });

  it('a non-organiser, an organiser below the goods’ org, and another district’s organiser cannot fulfil or look up', async () => {
    const { rider, order } = await pendingOrder('deny');
    const [bystander] = await workers(w, 'bystander', 1, 0);
    for (const [who, code] of [
      [rider, 'FORBIDDEN'],
      [bystander!, 'FORBIDDEN'],
      [BRANCH_ADMIN, 'FORBIDDEN'],
      [OTHER_ADMIN, 'FORBIDDEN'],
    ] as const) {
      for (const action of ['fulfilOrder', 'findOrderByCode']) {
        expect(await w.h.as(who).call('volunteer', action, { pickupCode: order.pickupCode })).toMatchObject({
          ok: false,
          code,
        });
      }
      if (who === OTHER_ADMIN || who === BRANCH_ADMIN) {
        const cancel = await w.h
          .as(who)
          .call('volunteer', 'adminCancelOrder', { orderId: order.id, reason: '越权取消' });
        expect(cancel).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      }
    }
    expect(await w.h.as(rider).ok('volunteer', 'getOrder', { orderId: order.id })).toMatchObject({ state: 'pending' });
  });

  it('an unknown or malformed code', async () => {
    expect(await w.h.as(ADMIN).call('volunteer', 'fulfilOrder', { pickupCode: '000000000000' })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    for (const pickupCode of ['12345', 'abcdefghijkl', '1234567890123']) {
      expect(await w.h.as(ADMIN).call('volunteer', 'fulfilOrder', { pickupCode })).toMatchObject({
        ok: false,
        code: 'INVALID_ARGUMENT',
      });
    }
  });
});

describe('cancelling before pickup', () => {
  it('the worker cancels: refunded once, stock and quota back; cancelling again changes nothing', async () => {
    const { rider, goodsId, order } = await pendingOrder('cancel', { limit: { perPerson: 1, period: 'all' } });
    expect(await balanceOf(w, rider)).toBe(900);
    const first = await w.h.as(rider).ok<CancelOrderReceipt>('volunteer', 'cancelOrder', { orderId: order.id });
    expect(first).toMatchObject({
      refunded: 100,
      already: false,
      order: { state: 'cancelled', cancelledBy: 'worker' },
    });
    const second = await w.h.as(rider).ok<CancelOrderReceipt>('volunteer', 'cancelOrder', { orderId: order.id });
    expect(second).toMatchObject({ refunded: 0, already: true });
    expect(await balanceOf(w, rider)).toBe(1000);
    expect(await ledgerSum(w, rider)).toBe(1000);
    expect(await refunds(order.id)).toEqual([expect.objectContaining({ amount: 100 })]);
    expect(await storedGoods(w, goodsId)).toMatchObject({ stock: 5, pending: 0, cancelled: 1 });
    const d = await w.h.as(rider).ok<GoodsDetail>('volunteer', 'getGoods', { goodsId });
    expect(d.mine).toMatchObject({ held: 0, canRedeem: 1 });
    // A cancelled order cannot be picked up.
    expect(await w.h.as(ADMIN).call('volunteer', 'fulfilOrder', { pickupCode: order.pickupCode })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
  });

  it('concurrent cancels (the worker’s and an organiser’s) refund once', async () => {
    const { rider, goodsId, order } = await pendingOrder('race');
    const replies = await Promise.all([
      ...Array.from({ length: 4 }, () =>
        w.h.as(rider).call<CancelOrderReceipt>('volunteer', 'cancelOrder', { orderId: order.id }),
      ),
      w.h
        .as(ADMIN)
        .call<CancelOrderReceipt>('volunteer', 'adminCancelOrder', { orderId: order.id, reason: '商品缺货' }),
    ]);
    expect(replies.every((r) => r.ok)).toBe(true);
    const receipts = replies.map((r) => (r.ok ? r.data : null));
    expect(receipts.filter((r) => r && !r.already)).toHaveLength(1);
    expect(receipts.reduce((n, r) => n + (r?.refunded ?? 0), 0)).toBe(100);
    expect(await refunds(order.id)).toHaveLength(1);
    expect(await balanceOf(w, rider)).toBe(1000);
    expect(await ledgerSum(w, rider)).toBe(1000);
    expect(await storedGoods(w, goodsId)).toMatchObject({ stock: 5, pending: 0, cancelled: 1 });
  });

  it('an organiser cancels with a reason the worker sees; it is audited', async () => {
    const { rider, order } = await pendingOrder('orgcancel');
    const r = await w.h.as(ADMIN).ok<CancelOrderReceipt<AdminShopOrder>>('volunteer', 'adminCancelOrder', {
      orderId: order.id,
      reason: '本批次质量问题',
    });
    expect(r.order).toMatchObject({ state: 'cancelled', cancelledBy: 'organiser', cancelReason: '本批次质量问题' });
    const mine = await w.h.as(rider).ok<ShopOrder>('volunteer', 'getOrder', { orderId: order.id });
    expect(mine).toMatchObject({ cancelledBy: 'organiser', cancelReason: '本批次质量问题', refunded: 100 });
    const { data } = await w.h.db.collection('audit_logs').where({ action: 'cancelOrder', targetId: order.id }).get();
    expect(data).toHaveLength(1);
    expect(await w.h.as(ADMIN).call('volunteer', 'adminCancelOrder', { orderId: order.id, reason: '' })).toMatchObject({
      ok: false,
      code: 'INVALID_ARGUMENT',
    });
  });
});

describe('the organisers’ views', () => {
  it('the queue filters by state and keyword; another district’s organiser sees none of it', async () => {
    const { order } = await pendingOrder('queue');
    const pending = await w.h.as(ADMIN).ok<Page<AdminShopOrder> & { total: number }>('volunteer', 'listOrders', {
      state: 'pending',
      keyword: '骑手queue',
    });
    expect(pending.items.map((o) => o.id)).toEqual([order.id]);
    expect(pending.total).toBe(1);
    const other = await w.h.as(OTHER_ADMIN).ok<Page<AdminShopOrder>>('volunteer', 'listOrders', {});
    expect(other.items.map((o) => o.id)).not.toContain(order.id);
    expect(await w.h.as(OTHER_ADMIN).call('volunteer', 'listOrders', { orgId: w.orgs.district.id })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
  });

  it('a deleted account’s orders stay in the queue without the worker’s name or phone', async () => {
    const { rider, order } = await pendingOrder('gone');
    await w.h.as(rider).ok('user', 'deleteAccount', { confirm: true });
    const seen = await w.h
      .as(ADMIN)
      .ok<AdminShopOrder>('volunteer', 'findOrderByCode', { pickupCode: order.pickupCode });
    expect(seen.worker).toMatchObject({ realName: '已注销用户', phone: '' });
  });

  it('stats count orders by state, pieces and points of orders not cancelled', async () => {
    const at = '2026-12-05T04:00:00Z';
    const [a, b] = await workers(w, 'stats', 2, 1000);
    const g = await saveGoods(w, { name: '统计用充电宝', price: 120, stock: 10 });
    const tap = (openid: string, quantity: number) =>
      w.h
        .as(openid)
        .at(at)
        .ok<{ order: ShopOrder }>('volunteer', 'redeem', {
          goodsId: g.id,
          quantity,
          requestId: `stats-${openid}-${quantity}`,
        });
    const o1 = await tap(a!, 2);
    await tap(b!, 1);
    await w.h.as(a!).at(at).ok('volunteer', 'cancelOrder', { orderId: o1.order.id });
    await tap(a!, 1);
    const s = await w.h
      .as(ADMIN)
      .ok<ShopStats>('volunteer', 'shopStats', { from: '2026-12-05', to: '2026-12-05', orgId: w.orgs.district.id });
    expect(s.totals).toEqual({ orders: 3, pending: 2, fulfilled: 0, cancelled: 1, pieces: 2, points: 240, workers: 2 });
    expect(s.goods).toEqual([expect.objectContaining({ goodsId: g.id, name: '统计用充电宝', stock: 8, pieces: 2 })]);
    expect(
      await w.h
        .as(OTHER_ADMIN)
        .call('volunteer', 'shopStats', { from: '2026-12-05', to: '2026-12-05', orgId: w.orgs.district.id }),
    ).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
  });

  it('the orders export is an organiser’s spreadsheet; another district’s organiser is refused', async () => {
    await pendingOrder('export');
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const file = await w.h.as(ADMIN).ok<{ fileId: string; url: string }>('office', 'exportShopOrders', {
      orgId: w.orgs.district.id,
      from: today,
      to: today,
    });
    expect(file.fileId).toMatch(/^cloud:\/\/.+shop-orders-.+\.xlsx$/);
    const rows = rowsOf((await workbookAt(file.url)).getWorksheet('积分兑换订单')!);
    expect(rows[0]).toEqual(expect.arrayContaining(['订单编号', '商品', '状态', '兑换人', '联系电话']));
    expect(rows.slice(1).map((r) => r[5])).toContain('骑手export0');
    expect(
      await w.h
        .as(OTHER_ADMIN)
        .call('office', 'exportShopOrders', { orgId: w.orgs.district.id, from: today, to: today }),
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});
