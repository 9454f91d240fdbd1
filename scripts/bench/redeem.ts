// Redemption storm: 100 registered workers, each with 500 points in the ledger,
// redeem a 300-point item with 10 in stock, all at once (100 in flight), through
// the real volunteer function in an emulator process. Prints orders placed, stock
// left, refusals by code, whether every balance equals its ledger sum (must), the
// database round trips per redemption (all /admin requests, and by kind) and p50/p99.
import { randomUUID } from 'node:crypto';
import tcb from '@cloudbase/node-sdk';
import { BENCH_ADMIN, withFunctions } from './functions-harness';
import { byKind, formatRow, perCall, runConcurrent } from './stats';

const WORKERS = 100;
const STOCK = 10;
const PRICE = 300;
const POINTS = 500;
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? WORKERS);

export async function benchRedeem(log: (line: string) => void): Promise<void> {
  await withFunctions(['volunteer'], async ({ emu, call, must, stats, district, registerWorkers }) => {
    const db = tcb.init({ env: emu.envId, serviceUrl: emu.adminUrl, secretId: 'bench', secretKey: 'bench' }).database();

    const userIds: string[] = [];
    const workers = await registerWorkers(WORKERS, async (_openid, userId, i) => {
      userIds[i] = userId;
      // Their points, as the ledger records an award: the entry and the balance together.
      await db.collection('points_ledger').doc(`bench-points:${userId}`).set({
        userId,
        amount: POINTS,
        reason: 'volunteer_hours',
        title: '压测积分',
        sourceId: 'bench',
        day: '2026-12-01',
        createdAt: new Date(),
      });
      await db
        .collection('users')
        .doc(userId)
        .update({ points: { balance: POINTS, earned: POINTS, spent: 0 } });
    });
    const goods = (name: string, stock: number) =>
      must<{ id: string }>(BENCH_ADMIN, 'volunteer', 'saveGoods', {
        orgId: district.id,
        name,
        price: PRICE,
        stock,
        onShelf: true,
      });
    const item = await goods('压测保温箱', STOCK);
    // Warm the function instance (cold start, the caller's lookup) on other goods.
    const warm = await goods('预热用的手套', 1);
    await must(workers[0]!, 'volunteer', 'getGoods', { goodsId: warm.id });

    const before = await stats();
    const refusals: Record<string, number> = {};
    let placed = 0;
    const storm = await runConcurrent(WORKERS, IN_FLIGHT, async (i) => {
      const r = await call(workers[i]!, 'volunteer', 'redeem', { goodsId: item.id, requestId: randomUUID() });
      if (r.ok) placed++;
      else refusals[r.code ?? '?'] = (refusals[r.code ?? '?'] ?? 0) + 1;
    });
    const after = await stats();

    const { data: stored } = await db.collection('shop_goods').doc(item.id).get();
    const left = (stored[0] as { stock: number }).stock;
    const { total: orders } = await db.collection('shop_orders').where({ goodsId: item.id }).count();
    let mismatched = 0;
    for (const userId of userIds) {
      const { data: u } = await db.collection('users').doc(userId).get();
      const { data: entries } = await db.collection('points_ledger').where({ userId }).limit(100).get();
      const sum = (entries as { amount: number }[]).reduce((n, e) => n + e.amount, 0);
      if ((u[0] as { points: { balance: number } }).points.balance !== sum) mismatched++;
    }

    log(
      `Redemption storm: ${WORKERS} workers with ${POINTS} points, one item at ${PRICE} points with ${STOCK} in stock, ${IN_FLIGHT} in flight, through volunteer.redeem`,
    );
    log(
      `  orders ${orders} (placed ${placed})${orders === STOCK ? '' : ` (must be ${STOCK}!)`}   stock left ${left}${left === 0 ? '' : ' (must be 0!)'}   ` +
        `refused ${JSON.stringify(refusals)}   balances ≠ ledger ${mismatched}${mismatched ? ' (must be 0!)' : ''}`,
    );
    log(`  ${formatRow('redeem', storm)}`);
    log(`  database round trips per redemption: ${perCall(before, after, WORKERS)}`);
    log(`    by kind: ${byKind(before, after, WORKERS)}`);
    log(
      `    (each call: the caller by openid 1, the tap's order 1, the goods 1, then its turn on the goods in the instance:\n` +
        `     the goods again 1 — after the last piece the refusal ends there; a winner's one transaction: read the order\n` +
        `     and the goods, write the goods, read 2 quota counters, the ledger key and the user, write the ledger, the\n` +
        `     balance, 2 counters, the pickup code and the order, ~16 in sequence. The goods document serialises the\n` +
        `     winners whatever the design, so p50 is about ten winners' transactions plus the refusals queued behind them)`,
    );
  });
}
