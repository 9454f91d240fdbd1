// Redemption storm: 100 registered workers, each with 500 points in the ledger,
// redeem a 300-point item with 10 in stock, all at once (100 in flight), through
// the real volunteer function in an emulator process. Prints orders placed, stock
// left, refusals by code, whether every balance equals its ledger sum (must), the
// database round trips per redemption (all /admin requests, and by kind) and p50/p99.
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { buildFunctions } from '../build-functions';
import { spawnEmulator, waitForExit } from '../dev/process';
import { loadCloudbaseConfig } from '../manifests/cloudbaserc';
import { byKind, type EmulatorStats, formatRow, perCall, runConcurrent } from './stats';

const WORKERS = 100;
const STOCK = 10;
const PRICE = 300;
const POINTS = 500;
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? WORKERS);
const ADMIN = 'bench-admin';

export async function benchRedeem(log: (line: string) => void): Promise<void> {
  await buildFunctions({
    srcDir: resolve(__dirname, '../../cloudfunctions'),
    outDir: loadCloudbaseConfig().functionRoot,
    names: ['user', 'volunteer'],
    log: () => {},
  });
  const emu = await spawnEmulator(['--port', '0', '--memory', '--no-timers'], { ADMIN_OPENIDS: ADMIN });
  try {
    const call = async (openid: string, fn: string, action: string, data: unknown) => {
      const res = await fetch(`${emu.functionsUrl}${fn}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
        body: JSON.stringify({ action, data }),
      });
      return (await res.json()) as { ok: boolean; data: unknown; code?: string; message?: string };
    };
    const must = async <T>(openid: string, fn: string, action: string, data: unknown = {}) => {
      const r = await call(openid, fn, action, data);
      if (!r.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(r)}`);
      return r.data as T;
    };
    const stats = async () => (await (await fetch(`${emu.url}/_emulator/stats`)).json()) as EmulatorStats;
    process.env.TENCENTCLOUD = 'true';
    const db = tcb.init({ env: emu.envId, serviceUrl: emu.adminUrl, secretId: 'bench', secretKey: 'bench' }).database();

    await must(ADMIN, 'user', 'login');
    const district = await must<{ id: string }>(ADMIN, 'user', 'saveOrg', {
      name: '基准测试区委',
      type: 'district',
      parentId: null,
    });
    const branch = await must<{ id: string }>(ADMIN, 'user', 'saveOrg', {
      name: '基准测试骑手支部',
      type: 'branch',
      parentId: district.id,
    });
    const workers = Array.from({ length: WORKERS }, (_, i) => `bench-worker-${i}`);
    const userIds: string[] = [];
    for (let i = 0; i < workers.length; i += 20) {
      await Promise.all(
        workers.slice(i, i + 20).map(async (openid, j) => {
          await must(openid, 'user', 'login');
          const p = await must<{ userId: string }>(openid, 'user', 'registerWorker', {
            realName: `压测骑手${i + j}`,
            phone: `139${String(10_000_000 + i + j)}`,
            occupation: 'food_delivery',
            platform: '示例平台',
            orgId: branch.id,
            isPartyMember: false,
            consent: true,
            consentVersion: '2026-11',
          });
          userIds[i + j] = p.userId;
          // Their points, as the ledger records an award: the entry and the balance together.
          await db.collection('points_ledger').doc(`bench-points:${p.userId}`).set({
            userId: p.userId,
            amount: POINTS,
            reason: 'volunteer_hours',
            title: '压测积分',
            sourceId: 'bench',
            day: '2026-12-01',
            createdAt: new Date(),
          });
          await db
            .collection('users')
            .doc(p.userId)
            .update({ points: { balance: POINTS, earned: POINTS, spent: 0 } });
        }),
      );
    }
    const goods = (name: string, stock: number) =>
      must<{ id: string }>(ADMIN, 'volunteer', 'saveGoods', {
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
      `    (each call: the caller by openid 1, the tap's order 1, the goods 1 (a refusal after the last piece ends there);\n` +
        `     a winner's one transaction: read the order and the goods, write the goods (the contended write), read 2 quota\n` +
        `     counters, the ledger key and the user, write the ledger, the balance, 2 counters, the pickup code and the\n` +
        `     order, ~14 in sequence; the taps take turns on the goods (a conflict waits a random, growing moment), so the\n` +
        `     ten winners commit one after another and p50 is about ten winners' transactions plus the turns waited)`,
    );
  } finally {
    emu.child.kill('SIGTERM');
    await waitForExit(emu.child);
  }
}
