// Latency and throughput figures for benchmarks.

export interface Figures {
  ops: number;
  opsPerSec: number;
  p50Ms: number;
  p99Ms: number;
}

export function figures(latenciesMs: number[], wallMs: number): Figures {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  const pick = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { ops: sorted.length, opsPerSec: (sorted.length / wallMs) * 1000, p50Ms: pick(0.5), p99Ms: pick(0.99) };
}

/** Runs `count` calls of `op(i)` with at most `inFlight` pending; returns per-call latencies. */
export async function runConcurrent(
  count: number,
  inFlight: number,
  op: (i: number) => Promise<unknown>,
): Promise<Figures> {
  const latencies: number[] = [];
  let next = 0;
  const start = performance.now();
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const t0 = performance.now();
      await op(i);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, count) }, worker));
  return figures(latencies, performance.now() - start);
}

/** A synchronous operation timed call by call. */
export function runSync(count: number, op: (i: number) => void): Figures {
  const latencies: number[] = [];
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    op(i);
    latencies.push(performance.now() - t0);
  }
  return figures(latencies, performance.now() - start);
}

export function formatRow(label: string, f: Figures): string {
  return `${label.padEnd(44)} ${f.opsPerSec.toFixed(0).padStart(9)} ops/s   p50 ${f.p50Ms.toFixed(3).padStart(7)} ms   p99 ${f.p99Ms.toFixed(3).padStart(7)} ms`;
}

/** The emulator's request counters (/_emulator/stats). */
export interface EmulatorStats {
  total: number;
  byAction: Record<string, number>;
}

/** Database round trips per call between two readings of the counters. */
export function perCall(a: EmulatorStats, b: EmulatorStats, calls: number): string {
  return ((b.total - a.total) / calls).toFixed(2);
}

/** The same, by kind of request, most first. */
export function byKind(a: EmulatorStats, b: EmulatorStats, calls: number): string {
  return Object.entries(b.byAction)
    .map(([k, v]) => [k, v - (a.byAction[k] ?? 0)] as const)
    .filter(([, v]) => v > 0)
    .sort((x, y) => y[1] - x[1])
    .map(([k, v]) => `${k} ${(v / calls).toFixed(2)}`)
    .join(', ');
}
