// The dashboard with 1 and with 10,000 records per feature: raw records inserted
// straight into the emulator's collections (a generator per feature — a family adds
// its row to GENERATORS), the scheduler's recount builds the counters (timed), then
// user.dashboard is called as a superadmin and as a district admin: its database
// round trips per call (must be the same for 1 and 10,000) and p50/p99.
import tcb from '@cloudbase/node-sdk';
import { BENCH_ADMIN, type FunctionsBench, withFunctions } from './functions-harness';
import { byKind, formatRow, perCall, runConcurrent } from './stats';

const SIZES = [1, 10_000];
const CALLS = 30;
const DISTRICT_ADMIN = 'bench-district-admin';
const BATCH = 500;

type Db = ReturnType<ReturnType<typeof tcb.init>['database']>;

interface Place {
  /** Orgs the records are spread over: the harness's branch and a second district's. */
  orgIds: string[];
  /** Beijing days "YYYY-MM-DD" of the last 30 days, today first. */
  days: string[];
}

/** One feature's raw records: record i as documents of its collections. */
interface RecordGenerator {
  feature: string;
  docs(i: number, p: Place): { collection: string; doc: Record<string, unknown> }[];
}

const bj = (day: string, hour = 9) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);

export const GENERATORS: RecordGenerator[] = [
  {
    feature: 'study',
    docs(i, p) {
      const day = p.days[i % p.days.length]!;
      const orgId = p.orgIds[i % p.orgIds.length]!;
      const userId = `bench-learner-${i}`;
      const base = { userId, day, orgId, createdAt: bj(day) };
      return [
        {
          collection: 'quote_checkins',
          doc: { _id: `${userId}:${day}`, ...base, quoteId: 'bench-quote', orgPath: [orgId] },
        },
        { collection: 'study_days', doc: { _id: `${userId}:${day}`, ...base } },
        {
          collection: 'lecture_progress',
          doc: {
            _id: `${userId}:bench-lecture`,
            userId,
            lectureId: 'bench-lecture',
            orgId,
            orgPath: [orgId],
            completed: true,
            completedAt: bj(day, 10),
            rev: 0,
          },
        },
      ];
    },
  },
  {
    feature: 'users',
    docs(i, p) {
      const day = p.days[i % p.days.length]!;
      const orgId = p.orgIds[i % p.orgIds.length]!;
      return [
        {
          collection: 'users',
          doc: {
            _id: `bench-member-${i}`,
            openid: `bench-member-openid-${i}`,
            status: 'active',
            worker: { orgId, orgPath: [orgId] },
            memberStatus: 'verified',
            memberVerifiedAt: bj(day),
            adminOrgIds: [],
          },
        },
      ];
    },
  },
];

async function insert(db: Db, from: number, to: number, place: Place) {
  const byCollection = new Map<string, Record<string, unknown>[]>();
  for (let i = from; i < to; i++)
    for (const g of GENERATORS)
      for (const { collection, doc } of g.docs(i, place))
        byCollection.set(collection, [...(byCollection.get(collection) ?? []), doc]);
  for (const [name, docs] of byCollection)
    for (let i = 0; i < docs.length; i += BATCH) await db.collection(name).add(docs.slice(i, i + BATCH));
}

async function recount(b: FunctionsBench): Promise<{ ms: number; report: unknown }> {
  const t0 = performance.now();
  const res = await fetch(`${b.emu.url}/_emulator/timers/scheduler/every-10-minutes`, { method: 'POST' });
  const reply = (await res.json()) as { ok: boolean; data: { recountStats: unknown } };
  if (!reply.ok) throw new Error(`upkeep: ${JSON.stringify(reply)}`);
  return { ms: performance.now() - t0, report: reply.data.recountStats };
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
    const place: Place = { orgIds: [branch.id, other.id], days };

    log(
      `Dashboard: ${GENERATORS.map((g) => g.feature).join(', ')} records; the scheduler's recount builds the counters; user.dashboard (this month) ${CALLS} calls each`,
    );
    let inserted = 0;
    for (const size of SIZES) {
      await insert(db, inserted, size, place);
      inserted = size;
      const built = await recount(b);
      const repaired = (built.report as { repaired?: unknown[] }).repaired?.length ?? 'failed';
      log(
        `  ${size} record(s) per feature: recount (upkeep with its settle) ${built.ms.toFixed(0)} ms, ${repaired} counters repaired`,
      );
      for (const [who, openid] of [
        ['superadmin', BENCH_ADMIN],
        ['district admin', DISTRICT_ADMIN],
      ] as const) {
        await must(openid, 'user', 'dashboard', { period: 'month' });
        const before = await stats();
        const figures = await runConcurrent(CALLS, 1, () => must(openid, 'user', 'dashboard', { period: 'month' }));
        const after = await stats();
        log(`    ${formatRow(`dashboard as ${who}`, figures)}`);
        log(`      database round trips per call: ${perCall(before, after, CALLS)} (${byKind(before, after, CALLS)})`);
      }
    }
  });
}
