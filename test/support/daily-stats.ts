// The dashboard's counters as the tests check them: the stored `daily_stats` docs,
// read raw, against sums a test computes itself from the raw record collections
// (never through the code under test).
import type { StatMetric } from '../../typings/dashboard';
import type { FunctionsHarness } from './functions';

type Db = FunctionsHarness['db'];

/** Every document of a collection (optionally matching `where`), 1,000 a read. */
export async function allDocs<T>(db: Db, name: string, where: object = {}): Promise<T[]> {
  const out: T[] = [];
  for (let skip = 0; ; skip += 1000) {
    const { data } = await db.collection(name).where(where).skip(skip).limit(1000).get();
    out.push(...(data as T[]));
    if (data.length < 1000) return out;
  }
}

/** Beijing's calendar day of an instant (UTC+8 all year: China keeps no summer time). */
export const beijingDate = (at: Date | string) =>
  new Date(new Date(at).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** Expected counters: `metric|key|orgId|day` → n, zeros left out. */
export class Tally {
  readonly counts: Record<string, number> = {};
  add(metric: StatMetric, key: string, orgId: string, day: string, n: number): void {
    const id = `${metric}|${key}|${orgId}|${day}`;
    const sum = (this.counts[id] ?? 0) + n;
    if (sum) this.counts[id] = sum;
    else delete this.counts[id];
  }
}

/** The stored counters of these metrics, as `metric|key|orgId|day` → n, zeros left out. */
export async function storedCounters(db: Db, metrics: StatMetric[]): Promise<Record<string, number>> {
  const docs = await allDocs<{ metric: StatMetric; key: string; orgId: string; day: string; n: number }>(
    db,
    'daily_stats',
    { metric: db.command.in(metrics) },
  );
  const out: Record<string, number> = {};
  for (const d of docs) if (d.n) out[`${d.metric}|${d.key}|${d.orgId}|${d.day}`] = d.n;
  return out;
}
