// The world of the points shop's tests: the org fixture's two districts with an
// organiser each, workers registered in the first district, points given through
// the ledger itself (so every balance starts equal to its ledger sum), goods saved
// by the organiser, and readers of what is stored.
import { randomUUID } from 'node:crypto';
import type { Reply } from '../../../typings/errors';
import type { AdminGoods, RedeemReceipt, SaveGoodsRequest } from '../../../typings/volunteer-shop';
import { awardPoints } from '../../../cloudfunctions/_shared/stores/points';
import { makeAdmin, type OrgFixture, registerWorker, seedOrgs } from '../../support/fixtures';
import { type FunctionsHarness, startFunctions } from '../../support/functions';
import { pointSharedCodeAt } from '../../support/in-process';

export const ADMIN = 'o-shop-admin';
export const OTHER_ADMIN = 'o-shop-admin-other';
/** An admin of the first district's express branch: below the district's goods, so not their organiser. */
export const BRANCH_ADMIN = 'o-shop-branch-admin';

export interface ShopWorld {
  h: FunctionsHarness;
  orgs: OrgFixture;
  /** openid → user id of every worker registered so far. */
  userIds: Map<string, string>;
}

export async function startShopWorld(): Promise<ShopWorld> {
  const h = await startFunctions();
  pointSharedCodeAt(h.emu);
  const orgs = await seedOrgs(h);
  await makeAdmin(h, ADMIN, [orgs.district.id]);
  await makeAdmin(h, OTHER_ADMIN, [orgs.otherDistrict.id]);
  await makeAdmin(h, BRANCH_ADMIN, [orgs.expressBranch.id]);
  return { h, orgs, userIds: new Map() };
}

/** Registers workers in the express branch (ten at a time), each given `points` through the ledger. */
export async function workers(w: ShopWorld, prefix: string, n: number, points: number): Promise<string[]> {
  const ids = Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
  for (let i = 0; i < ids.length; i += 10) {
    await Promise.all(
      ids.slice(i, i + 10).map(async (openid, j) => {
        const p = await registerWorker(w.h, openid, w.orgs.expressBranch.id, {
          realName: `骑手${prefix}${i + j}`,
          phone: `139${String(i + j).padStart(4, '0')}${String(prefix.length).padStart(4, '0')}`,
        });
        w.userIds.set(openid, p.userId);
        if (points > 0) await givePoints(p.userId, points, `seed-${openid}`);
      }),
    );
  }
  return ids;
}

export function givePoints(userId: string, amount: number, key: string) {
  return awardPoints({
    userId,
    amount,
    reason: 'volunteer_hours',
    title: '志愿服务时长折算',
    sourceId: key,
    key,
    now: new Date(),
  });
}

export function goodsInput(orgId: string, over: Partial<SaveGoodsRequest> = {}): SaveGoodsRequest {
  return { orgId, name: '骑行头盔', description: '3C 认证半盔', price: 100, stock: 10, onShelf: true, ...over };
}

/** Goods of the first district, saved by its organiser. */
export function saveGoods(w: ShopWorld, over: Partial<SaveGoodsRequest> = {}) {
  return w.h.as(ADMIN).ok<AdminGoods>('volunteer', 'saveGoods', goodsInput(w.orgs.district.id, over));
}

export const redeem = (
  w: ShopWorld,
  openid: string,
  goodsId: string,
  extra: object = {},
): Promise<Reply<RedeemReceipt>> =>
  w.h.as(openid).call<RedeemReceipt>('volunteer', 'redeem', { goodsId, requestId: randomUUID(), ...extra });

export async function balanceOf(w: ShopWorld, openid: string): Promise<number> {
  const { data } = await w.h.db.collection('users').doc(w.userIds.get(openid)!).get();
  return (data[0] as { points: { balance: number } }).points.balance;
}

export async function ledgerSum(w: ShopWorld, openid: string): Promise<number> {
  const { data } = await w.h.db
    .collection('points_ledger')
    .where({ userId: w.userIds.get(openid)! })
    .limit(1000)
    .get();
  return (data as { amount: number }[]).reduce((s, e) => s + e.amount, 0);
}

export async function storedGoods(w: ShopWorld, goodsId: string) {
  const { data } = await w.h.db.collection('shop_goods').doc(goodsId).get();
  return data[0] as { stock: number; pending: number; fulfilled: number; cancelled: number; price: number };
}

export async function storedOrders(w: ShopWorld, goodsId: string) {
  const { data } = await w.h.db.collection('shop_orders').where({ goodsId }).limit(1000).get();
  return data as { _id: string; userId: string; state: string; quantity: number; points: number; pickupCode: string }[];
}
