// The points shop's demo (积分超市): goods with stock in the seeded orgs (suppliers
// fictional), and three orders of the two demo riders — one waiting for pickup,
// one picked up, one cancelled and refunded — with the ledger entries that paid
// for them, so each rider's balance equals their ledger's sum. The riders' points
// for the shop come from volunteer hours converted to points (entries of their
// own, marked as demo). Ids, codes and dates are fixed (November 2026); written
// with set(), so seeding twice changes nothing. Runs after the cases seed, which
// writes the riders; their points summary is recomputed here from the whole ledger.
import type { PointsReason } from '../../typings/user';
import type { GoodsDoc } from '../../cloudfunctions/volunteer/store/goods';
import type { OrderDoc } from '../../cloudfunctions/volunteer/store/orders';
import type { SeedDb, SeedModule } from './index';
import { SEED_RIDERS } from './cases';
import { SEED_ORG_IDS as O } from './orgs';

const bj = (s: string) => new Date(`2026-${s}+08:00`);
const CREATED = bj('11-02T09:00:00');

const ORG_NAMES: Record<string, { name: string; path: string[] }> = {
  [O.district]: { name: '示例区委（演示）', path: [O.district] },
  [O.expressBranch]: { name: '快递小哥流动党支部', path: [O.district, O.express, O.expressBranch] },
  [O.stationEast]: { name: '城东党群服务驿站', path: [O.district, O.streetEast, O.stationEast] },
};

interface GoodsSpec {
  id: string;
  orgId: string;
  name: string;
  description: string;
  pickupNote: string;
  price: number;
  stock: number;
  limit: GoodsDoc['limit'];
  onShelf: boolean;
}

const PICKUP_EAST = '城东党群服务驿站（演示地址），工作日 9:00–18:00';

export const SEED_GOODS: GoodsSpec[] = [
  {
    id: 'goods-demo-helmet',
    orgId: O.district,
    name: '骑行安全头盔',
    description: '3C 认证半盔，带夜间反光条。供货：示例劳保用品有限公司（演示）',
    pickupNote: PICKUP_EAST,
    price: 300,
    stock: 20,
    limit: { perPerson: 1, period: 'month' },
    onShelf: true,
  },
  {
    id: 'goods-demo-gloves',
    orgId: O.district,
    name: '防滑骑行手套',
    description: '冬季加绒款，触屏指尖。供货：示例劳保用品有限公司（演示）',
    pickupNote: PICKUP_EAST,
    price: 60,
    stock: 50,
    limit: { perPerson: 2, period: 'all' },
    onShelf: true,
  },
  {
    id: 'goods-demo-kneepads',
    orgId: O.district,
    name: '护膝（一副）',
    description: '防风保暖护膝，魔术贴固定。供货：示例户外装备商行（演示）',
    pickupNote: PICKUP_EAST,
    price: 120,
    stock: 30,
    limit: null,
    onShelf: true,
  },
  {
    id: 'goods-demo-box',
    orgId: O.expressBranch,
    name: '外卖保温箱',
    description: '42 升加厚保温箱，可拆内胆。供货：示例箱包制品厂（演示）',
    pickupNote: '快递小哥流动党支部活动室（演示地址），周六 14:00–17:00',
    price: 400,
    stock: 10,
    limit: { perPerson: 1, period: 'all' },
    onShelf: true,
  },
  {
    id: 'goods-demo-powerbank',
    orgId: O.stationEast,
    name: '充电宝 10000mAh',
    description: '双口快充，随机颜色。供货：示例数码配件店（演示）',
    pickupNote: PICKUP_EAST,
    price: 250,
    stock: 15,
    limit: { perPerson: 1, period: 'month' },
    onShelf: true,
  },
  {
    id: 'goods-demo-raincoat',
    orgId: O.district,
    name: '分体雨衣（补货中）',
    description: '加厚分体雨衣，下批到货后上架。供货：示例户外装备商行（演示）',
    pickupNote: PICKUP_EAST,
    price: 80,
    stock: 0,
    limit: null,
    onShelf: false,
  },
];

const [rider1, rider2] = SEED_RIDERS;

/** Volunteer hours converted to points, the shop's demo balance (entries of the seed's own). */
const HOURS_POINTS = [
  { rider: rider1, amount: 600, at: bj('11-15T18:00:00') },
  { rider: rider2, amount: 200, at: bj('11-16T18:00:00') },
];

interface OrderSpec {
  id: string;
  rider: (typeof SEED_RIDERS)[number];
  goodsId: string;
  quantity: number;
  code: string;
  at: Date;
  state: OrderDoc['state'];
  doneAt?: Date;
}

/** Pickup codes are fixed for the demo; real ones are drawn at random. */
export const SEED_ORDERS: OrderSpec[] = [
  {
    id: 'shop-order-demo-pending',
    rider: rider1,
    goodsId: 'goods-demo-helmet',
    quantity: 1,
    code: '305718264093',
    at: bj('11-26T12:10:00'),
    state: 'pending',
  },
  {
    id: 'shop-order-demo-fulfilled',
    rider: rider1,
    goodsId: 'goods-demo-gloves',
    quantity: 2,
    code: '861204937552',
    at: bj('11-20T19:30:00'),
    state: 'fulfilled',
    doneAt: bj('11-21T10:05:00'),
  },
  {
    id: 'shop-order-demo-cancelled',
    rider: rider2,
    goodsId: 'goods-demo-kneepads',
    quantity: 1,
    code: '472096318845',
    at: bj('11-22T08:45:00'),
    state: 'cancelled',
    doneAt: bj('11-22T09:20:00'),
  },
];

const goodsOf = (id: string) => SEED_GOODS.find((g) => g.id === id)!;
const dayOf = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

function goodsDoc(g: GoodsSpec): Omit<GoodsDoc, '_id'> {
  const mine = SEED_ORDERS.filter((o) => o.goodsId === g.id);
  const pieces = (state: OrderDoc['state']) =>
    mine.filter((o) => o.state === state).reduce((n, o) => n + o.quantity, 0);
  const org = ORG_NAMES[g.orgId]!;
  return {
    orgId: g.orgId,
    orgName: org.name,
    orgPath: org.path,
    name: g.name,
    description: g.description,
    pickupNote: g.pickupNote,
    imageFileId: '',
    price: g.price,
    limit: g.limit,
    onShelf: g.onShelf,
    stock: g.stock - pieces('pending') - pieces('fulfilled'),
    pending: pieces('pending'),
    fulfilled: pieces('fulfilled'),
    cancelled: pieces('cancelled'),
    createdBy: '',
    createdAt: CREATED,
    updatedAt: CREATED,
  };
}

function orderDoc(o: OrderSpec): Omit<OrderDoc, '_id'> {
  const g = goodsOf(o.goodsId);
  const org = ORG_NAMES[g.orgId]!;
  const day = dayOf(o.at);
  const cancelled = o.state === 'cancelled';
  return {
    userId: o.rider._id,
    requestId: `seed-${o.id}`,
    goodsId: g.id,
    goodsName: g.name,
    imageFileId: '',
    price: g.price,
    quantity: o.quantity,
    points: g.price * o.quantity,
    state: o.state,
    pickupCode: o.code,
    orgId: g.orgId,
    orgName: org.name,
    orgPath: org.path,
    pickupNote: g.pickupNote,
    worker: {
      realName: o.rider.realName,
      phone: o.rider.phone,
      occupation: 'courier',
      orgName: ORG_NAMES[o.rider.orgId]?.name ?? '',
    },
    day,
    month: day.slice(0, 7),
    createdAt: o.at,
    fulfilledAt: o.state === 'fulfilled' ? o.doneAt! : null,
    fulfilledBy: '',
    fulfilledByName: o.state === 'fulfilled' ? '陈管理（演示）' : '',
    cancelledAt: cancelled ? o.doneAt! : null,
    cancelledBy: cancelled ? 'worker' : null,
    cancelledByName: '',
    cancelReason: '',
    refunded: cancelled ? g.price * o.quantity : 0,
    updatedAt: o.doneAt ?? o.at,
  };
}

interface Entry {
  key: string;
  userId: string;
  amount: number;
  reason: PointsReason;
  title: string;
  sourceId: string;
  at: Date;
}

function ledgerEntries(): Entry[] {
  const out: Entry[] = HOURS_POINTS.map((h) => ({
    key: `seed-shop-hours:${h.rider._id}`,
    userId: h.rider._id,
    amount: h.amount,
    reason: 'volunteer_hours',
    title: '志愿服务时长折算积分（演示）',
    sourceId: 'seed-volunteer-hours',
    at: h.at,
  }));
  for (const o of SEED_ORDERS) {
    const g = goodsOf(o.goodsId);
    const points = g.price * o.quantity;
    out.push({
      key: `shop-redeem:${o.id}`,
      userId: o.rider._id,
      amount: -points,
      reason: 'shop_redeem',
      title: `积分兑换：${g.name} × ${o.quantity}`,
      sourceId: o.id,
      at: o.at,
    });
    if (o.state === 'cancelled')
      out.push({
        key: `shop-refund:${o.id}`,
        userId: o.rider._id,
        amount: points,
        reason: 'shop_refund',
        title: `兑换取消退回：${g.name} × ${o.quantity}`,
        sourceId: o.id,
        at: o.doneAt!,
      });
  }
  return out;
}

/** The quota counters the orders hold (cancelled ones gave theirs back). */
function quotas() {
  const held = new Map<string, { goodsId: string; userId: string; period: string; held: number }>();
  for (const o of SEED_ORDERS) {
    const month = dayOf(o.at).slice(0, 7).replace('-', '');
    for (const period of ['all', month]) {
      const id = `${o.goodsId}_${o.rider._id}_${period}`;
      const q = held.get(id) ?? { goodsId: o.goodsId, userId: o.rider._id, period, held: 0 };
      if (o.state !== 'cancelled') q.held += o.quantity;
      held.set(id, q);
    }
  }
  return held;
}

/** Each rider's summary from their whole ledger (the cases seed's awards included). */
async function recomputeBalances(db: SeedDb, now: Date): Promise<void> {
  for (const r of SEED_RIDERS) {
    const { data } = await db.collection('points_ledger').where({ userId: r._id }).limit(1000).get();
    const entries = data as { amount: number; reason: PointsReason }[];
    const sum = (f: (e: { amount: number; reason: PointsReason }) => boolean) =>
      entries.filter(f).reduce((n, e) => n + e.amount, 0);
    const balance = sum(() => true);
    const spent = -sum((e) => e.reason === 'shop_redeem' || e.reason === 'shop_refund');
    await db
      .collection('users')
      .doc(r._id)
      .update({ points: { balance, earned: balance + spent, spent }, updatedAt: now });
  }
}

export const shopSeed: SeedModule = {
  name: 'shop',
  async run(db, now) {
    let n = 0;
    for (const g of SEED_GOODS) {
      await db.collection('shop_goods').doc(g.id).set(goodsDoc(g));
      n++;
    }
    for (const o of SEED_ORDERS) {
      await db.collection('shop_orders').doc(o.id).set(orderDoc(o));
      await db.collection('shop_pickup_codes').doc(o.code).set({ orderId: o.id, createdAt: o.at });
      n += 2;
    }
    for (const [id, q] of quotas()) {
      await db
        .collection('shop_quotas')
        .doc(id)
        .set({ ...q, updatedAt: CREATED });
      n++;
    }
    for (const { key, at, ...e } of ledgerEntries()) {
      await db
        .collection('points_ledger')
        .doc(key)
        .set({ ...e, day: dayOf(at), createdAt: at });
      n++;
    }
    await recomputeBalances(db, now);
    return n;
  },
};
