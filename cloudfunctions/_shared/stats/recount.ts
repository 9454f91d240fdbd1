// The dashboard's counters made equal to their records. For a window of days, what
// the sources' records contribute (summed per counter) is compared with the stored
// counters of the sources' metrics; a drift seen the same in two passes with a
// settle between (not a write in flight) is repaired by an increment of exactly the
// drift, never by overwriting, so a concurrent action's own increment is never lost.
import type { StatsRecountReport } from '../../../typings/scheduler';
import { forEachCounter, incrementStat } from '../stores/daily-stats';
import { type Contribution, type StatsSource, statId, sumByCounter } from './contributions';

interface Drift {
  counter: Contribution;
  drift: number;
}

async function driftsOf(
  sources: StatsSource[],
  from: string,
  to: string,
  now: Date,
): Promise<{ checked: number; drifts: Map<string, Drift> }> {
  const metrics = [...new Set(sources.flatMap((s) => s.metrics))];
  const inWindow = (c: Contribution) => c.day >= from && c.day <= to;
  const [expected, stored] = await Promise.all([
    Promise.all(
      sources.map(async (s) =>
        (await s.contributions(from, to, now)).filter((c) => s.metrics.includes(c.metric) && inWindow(c)),
      ),
    ).then((lists) => sumByCounter(lists.flat())),
    (async () => {
      const out = new Map<string, Contribution>();
      if (metrics.length)
        await forEachCounter(metrics, from, to, (docs) => {
          for (const d of docs) out.set(d._id, d);
        });
      return out;
    })(),
  ]);
  const drifts = new Map<string, Drift>();
  for (const id of new Set([...expected.keys(), ...stored.keys()])) {
    const want = expected.get(id);
    const drift = (want?.n ?? 0) - (stored.get(id)?.n ?? 0);
    // A stored counter the records no longer explain is moved to 0 through its own fields.
    const counter = want ?? stored.get(id)!;
    if (drift) drifts.set(id, { counter, drift });
  }
  return { checked: new Set([...expected.keys(), ...stored.keys()]).size, drifts };
}

/** Verifies the sources' counters over [from, to] and repairs stable drifts; `settle` waits between the passes. */
export async function recountStats(
  sources: StatsSource[],
  window: { from: string; to: string },
  now: Date,
  settle: () => Promise<void>,
): Promise<StatsRecountReport> {
  const { from, to } = window;
  const first = await driftsOf(sources, from, to, now);
  const report: StatsRecountReport = {
    from,
    to,
    sources: sources.map((s) => s.name),
    checked: first.checked,
    repaired: [],
    unsettled: 0,
  };
  if (!first.drifts.size) return report;
  await settle();
  const second = await driftsOf(sources, from, to, now);
  report.checked = second.checked;
  for (const [id, { counter, drift }] of second.drifts) {
    if (first.drifts.get(id)?.drift !== drift) {
      report.unsettled++;
      continue;
    }
    await incrementStat({ ...counter, n: drift }, now);
    report.repaired.push({ id: statId(counter), drift });
  }
  if (report.repaired.length)
    console.warn(JSON.stringify({ message: 'daily stats drift repaired', from, to, repaired: report.repaired }));
  return report;
}
