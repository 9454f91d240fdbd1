// The dashboard with 1 and with 10,000 records per feature: raw records inserted
// straight into the emulator's collections (a generator per feature — a family adds
// its row to GENERATORS in dashboard-records.ts), the recount engine builds the
// counters (each source timed) and the scheduler's upkeep is timed, then user.dashboard is called as a superadmin and as a district admin: its database
// round trips per call (must be the same for 1 and 10,000) and p50/p99.
import tcb from '@cloudbase/node-sdk';
import type { DashboardReport } from '../../typings/dashboard';
import { BENCH_ADMIN, withFunctions } from './functions-harness';
import { GENERATORS, type Place } from './dashboard-records';
import { recountEachSource, timedUpkeep } from './dashboard-recount';
import { byKind, formatRow, perCall, runConcurrent } from './stats';

const SIZES = [1, 10_000];
const CALLS = 30;
const DISTRICT_ADMIN = 'bench-district-admin';
const BATCH = 500;

type Db = ReturnType<ReturnType<typeof tcb.init>['database']>;

async function insert(db: Db, from: number, to: number, place: Place) {
  const byCollection = new Map<string, Record<string, unknown>[]>();
  for (let i = from; i < to; i++)
    for (const g of GENERATORS)
      for (const { collection, doc } of g.docs(i, place)) {
        const docs = byCollection.get(collection) ?? [];
        docs.push(doc);
        byCollection.set(collection, docs);
      }
  for (const [name, docs] of byCollection)
    for (let i = 0; i < docs.length; i += BATCH) await db.collection(name).add(docs.slice(i, i + BATCH));
}

export async function benchDashboard(log: (line: string) => void): Promise<void> {
  await withFunctions(['study', 'scheduler'], async (b) => {
    const { emu, must, stats, district, branch } = b;
    const db = tcb.init({ env: emu.envId, serviceUrl: emu.adminUrl, secretId: 'bench', secretKey: 'bench' }).database();
    const other = await must<{ id: string }>(BENCH_ADMIN, 'user', 'saveOrg', {
      name: '基准测试另一区委',
      type: 'district',
      parentId: null,
    });
    const { profile } = await must<{ profile: { userId: string } }>(DISTRICT_ADMIN, 'user', 'login');
    await must(BENCH_ADMIN, 'user', 'setRoles', { userId: profile.userId, admin: true, adminOrgIds: [district.id] });
    const today = new Date();
    const days = Array.from({ length: 30 }, (_, d) =>
      new Date(today.getTime() + 8 * 3_600_000 - d * 86_400_000).toISOString().slice(0, 10),
    );
    // The records' 30 days as a custom period (this month may have begun only today).
    const period = { period: 'custom', from: days[days.length - 1], to: days[0] };
    const place: Place = {
      orgIds: [branch.id, other.id],
      orgNames: ['基准测试骑手支部', '基准测试另一区委'],
      orgPaths: [[district.id, branch.id], [other.id]],
      days,
    };

    log(
      `Dashboard: ${GENERATORS.map((g) => g.feature).join(', ')} records; the recount engine builds the counters (each source timed), then the scheduler's upkeep is timed; user.dashboard (the records' 30 days) ${CALLS} calls each`,
    );
    let inserted = 0;
    for (const size of SIZES) {
      await insert(db, inserted, size, place);
      inserted = size;
      log(`  ${size} record(s) per feature:`);
      for (const r of await recountEachSource(emu))
        log(`    recount of ${r.source}: ${r.ms.toFixed(0)} ms, ${r.repaired} counters repaired`);
      for (const [who, openid] of [
        ['superadmin', BENCH_ADMIN],
        ['district admin', DISTRICT_ADMIN],
      ] as const) {
        const shown = await must<DashboardReport>(openid, 'user', 'dashboard', period);
        const before = await stats();
        const figures = await runConcurrent(CALLS, 1, () => must(openid, 'user', 'dashboard', period));
        const after = await stats();
        log(`    ${formatRow(`dashboard as ${who}`, figures)}`);
        log(`      shows: ${shown.headlines.map((x) => `${x.key} ${x.value}`).join(', ')}`);
        log(`      database round trips per call: ${perCall(before, after, CALLS)} (${byKind(before, after, CALLS)})`);
      }
      // Last: an upkeep cut off by its time limit keeps running in the emulator, and its reads would count above.
      const upkeep = await timedUpkeep(b);
      log(
        `    the scheduler's upkeep (every task): ${upkeep.ms.toFixed(0)} ms${upkeep.failed ? `, FAILED: ${upkeep.failed}` : ''}`,
      );
    }
  });
}
