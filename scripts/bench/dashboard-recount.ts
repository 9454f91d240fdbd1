// The dashboard bench's recounts: the stats recount engine (the one the scheduler
// runs) in this process against the bench's emulator, one source at a time, timed —
// it builds the counters whatever the scheduler manages — then the scheduler's whole
// upkeep as its timer runs it, timed, its failure (the 60 s limit) reported, not thrown.
import type { StatsRecountReport } from '../../typings/scheduler';
import type { FunctionsBench } from './functions-harness';

/** The recount's window as the scheduler's task sets it. */
const DAYS_BACK = 40;
const DAYS_AHEAD = 60;

/** Lets the cloud functions' code in this process find the emulator, as a function would (the SCF variables). */
function reachEmulator(emu: FunctionsBench['emu']): void {
  process.env.TENCENTCLOUD_RUNENV = 'SCF';
  process.env.TENCENTCLOUD = 'true';
  process.env.SCF_NAMESPACE = emu.envId;
  process.env.TENCENTCLOUD_SECRETID = 'bench';
  process.env.TENCENTCLOUD_SECRETKEY = 'bench';
  process.env.TENCENTCLOUD_REGION = 'ap-shanghai';
  process.env.TCB_CONTEXT_CNFG = JSON.stringify({ URL: emu.adminUrl });
}

/** Each source's recount: its name, time and counters repaired. */
export async function recountEachSource(
  emu: FunctionsBench['emu'],
): Promise<{ source: string; ms: number; repaired: number }[]> {
  reachEmulator(emu);
  const [{ recountStats }, { STATS_SOURCES }, { beijingDay }, { addDays }] = await Promise.all([
    import('../../cloudfunctions/_shared/stats/recount'),
    import('../../cloudfunctions/scheduler/tasks/stats-sources'),
    import('../../cloudfunctions/_shared/clock'),
    import('../../cloudfunctions/_shared/stats/period'),
  ]);
  const now = new Date();
  const today = beijingDay(now);
  const window = { from: addDays(today, -DAYS_BACK), to: addDays(today, DAYS_AHEAD) };
  const out = [];
  // The engine logs every repair it makes: here that is every counter, built from nothing.
  const warn = console.warn;
  console.warn = () => {};
  for (const source of STATS_SOURCES) {
    const t0 = performance.now();
    // Nothing is in flight here: the settle between the two passes is immediate.
    const report: StatsRecountReport = await recountStats([source], window, now, async () => {});
    out.push({ source: source.name, ms: performance.now() - t0, repaired: report.repaired.length });
  }
  console.warn = warn;
  return out;
}

/** The scheduler's upkeep (every task, the recount last, its 2 s settle included): its time, or why it failed. */
export async function timedUpkeep(b: FunctionsBench): Promise<{ ms: number; failed: string | null }> {
  const t0 = performance.now();
  const res = await fetch(`${b.emu.url}/_emulator/timers/scheduler/every-10-minutes`, { method: 'POST' });
  const reply = (await res.json()) as { ok: boolean; code?: string; message?: string };
  return { ms: performance.now() - t0, failed: reply.ok ? null : `${reply.code} ${reply.message}` };
}
