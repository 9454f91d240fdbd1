// What the function benchmarks share: the named functions built and served by an
// emulator process (in memory, no timers), calls as any openid, the emulator's
// request counters, and a district with a riders' branch whose registered workers
// the benchmark drives.
import { resolve } from 'node:path';
import { buildFunctions } from '../build-functions';
import { spawnEmulator, waitForExit } from '../dev/process';
import { loadCloudbaseConfig } from '../manifests/cloudbaserc';
import type { EmulatorStats } from './stats';

export const BENCH_ADMIN = 'bench-admin';

export interface Reply {
  ok: boolean;
  data: unknown;
  code?: string;
  message?: string;
}

export interface FunctionsBench {
  emu: Awaited<ReturnType<typeof spawnEmulator>>;
  call(openid: string, fn: string, action: string, data: unknown): Promise<Reply>;
  /** The call's data; anything but ok throws (setting up must not fail quietly). */
  must<T>(openid: string, fn: string, action: string, data?: unknown): Promise<T>;
  stats(): Promise<EmulatorStats>;
  district: { id: string };
  branch: { id: string };
  /** Logs in and registers `count` workers in the branch, 20 at a time; `each` runs after each registration. */
  registerWorkers(
    count: number,
    each?: (openid: string, userId: string, i: number) => Promise<void>,
  ): Promise<string[]>;
}

export async function withFunctions(names: string[], run: (b: FunctionsBench) => Promise<void>): Promise<void> {
  await buildFunctions({
    srcDir: resolve(__dirname, '../../cloudfunctions'),
    outDir: loadCloudbaseConfig().functionRoot,
    names: ['user', ...names],
    log: () => {},
  });
  const emu = await spawnEmulator(['--port', '0', '--memory', '--no-timers'], { ADMIN_OPENIDS: BENCH_ADMIN });
  try {
    const call = async (openid: string, fn: string, action: string, data: unknown): Promise<Reply> => {
      const res = await fetch(`${emu.functionsUrl}${fn}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
        body: JSON.stringify({ action, data }),
      });
      return (await res.json()) as Reply;
    };
    const must = async <T>(openid: string, fn: string, action: string, data: unknown = {}) => {
      const r = await call(openid, fn, action, data);
      if (!r.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(r)}`);
      return r.data as T;
    };
    const stats = async () => (await (await fetch(`${emu.url}/_emulator/stats`)).json()) as EmulatorStats;
    await must(BENCH_ADMIN, 'user', 'login');
    const district = await must<{ id: string }>(BENCH_ADMIN, 'user', 'saveOrg', {
      name: '基准测试区委',
      type: 'district',
      parentId: null,
    });
    const branch = await must<{ id: string }>(BENCH_ADMIN, 'user', 'saveOrg', {
      name: '基准测试骑手支部',
      type: 'branch',
      parentId: district.id,
    });
    const registerWorkers: FunctionsBench['registerWorkers'] = async (count, each) => {
      const workers = Array.from({ length: count }, (_, i) => `bench-worker-${i}`);
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
            await each?.(openid, p.userId, i + j);
          }),
        );
      }
      return workers;
    };
    await run({ emu, call, must, stats, district, branch, registerWorkers });
  } finally {
    emu.child.kill('SIGTERM');
    await waitForExit(emu.child);
  }
}
