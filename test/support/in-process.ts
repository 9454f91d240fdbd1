// Cloud-function code run inside the test process. `pointSharedCodeAt` makes its
// SDK find an emulator through the same environment the function host sets;
// `startInProcess` goes further and calls each function's exported `main(event,
// context)` — the code that is deployed, from its source — with the invocation
// context the emulator's function host builds (identity only in the context),
// against one in-memory emulator. Hundreds of calls a second instead of tens:
// the generated suites run this way. Every reply passes the privacy hook.
import { randomBytes } from 'node:crypto';
import type { CloudFunctionMain } from '../../cloudfunctions/_shared/function';
import type { Reply } from '../../typings/errors';
import type { UpkeepReport } from '../../typings/scheduler';
import { DatabaseService } from '../../emulator/database';
import { invocationContext, type Caller } from '../../emulator/functions/context';
import type { FunctionConfig } from '../../emulator/functions/config';
import { OpenApiService } from '../../emulator/openapi';
import { type RunningEmulator, startEmulator } from '../../emulator/registry';
import { StorageService } from '../../emulator/storage';
import { loadCloudbaseConfig } from '../../scripts/manifests/cloudbaserc';
import { loadSchema } from '../../scripts/manifests/database';
import { SUPERADMIN } from './arrange';
import { digestOf } from './db-snapshot';
import type { Client } from './functions';
import { PrivacyWatch } from './privacy';

export function pointSharedCodeAt(emu: RunningEmulator): void {
  Object.assign(process.env, {
    TENCENTCLOUD_RUNENV: 'SCF',
    SCF_NAMESPACE: emu.envId,
    TENCENTCLOUD_REGION: 'ap-shanghai',
    TENCENTCLOUD_SECRETID: 'local',
    TENCENTCLOUD_SECRETKEY: 'local',
    TENCENTCLOUD: 'true',
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: emu.adminUrl }),
  });
}

/** Who calls: a mini-program user (openid '' = no WeChat identity) or the timer trigger. */
export type Who = { openid: string; now?: string; clientIp?: string } | { timer: true; now?: string };

export interface InProcess {
  emu: RunningEmulator;
  privacy: PrivacyWatch;
  /**
   * Calls fn's main with this event as `who`; the reply as the platform would return it.
   * `main` replaces the function's own (a self-test's deliberately weakened copy).
   */
  invoke(fn: string, event: unknown, who: Who, main?: CloudFunctionMain): Promise<Reply<unknown>>;
  as(openid: string): Client;
  /** A hash of every document and every stored file. */
  digest(): Promise<string>;
  /** Calls made, and replies that were INTERNAL (each logged a stack). */
  stats: { calls: number; internal: string[] };
  stop(): Promise<void>;
}

export async function startInProcess(
  opts: {
    adminOpenids?: string[];
    /** false: no open-API stand-ins (content checks cannot run, as when WeChat is unreachable). */
    openApi?: boolean;
  } = {},
): Promise<InProcess> {
  const emu = await startEmulator({
    port: 0,
    dataDir: null,
    log: () => {},
    services: [
      new DatabaseService({ collections: loadSchema() }),
      new StorageService(),
      ...(opts.openApi === false ? [] : [new OpenApiService()]),
    ],
  });
  pointSharedCodeAt(emu);
  process.env.ADMIN_OPENIDS = (opts.adminOpenids ?? [SUPERADMIN]).join(',');
  const configs = new Map(loadCloudbaseConfig().functions.map((f) => [f.name, f]));
  const mains = new Map<string, CloudFunctionMain>();
  const mainOf = (fn: string): CloudFunctionMain => {
    let main = mains.get(fn);
    if (!main) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      main = (require(`../../cloudfunctions/${fn}/index`) as { main: CloudFunctionMain }).main;
      mains.set(fn, main);
    }
    return main;
  };
  const privacy = new PrivacyWatch();
  const stats = { calls: 0, internal: [] as string[] };

  // The functions log one JSON line per call; keep the test output for what matters.
  const log = console.log;
  const error = console.error;
  console.log = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('{"fn":')) return;
    log(...args);
  };
  console.error = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('{"fn":')) return void stats.internal.push(args[0]);
    error(...args);
  };

  const invoke = async (fn: string, event: unknown, who: Who, main?: CloudFunctionMain): Promise<Reply<unknown>> => {
    const config = configs.get(fn) as FunctionConfig | undefined;
    if (!config) throw new Error(`no function ${fn} in cloudbaserc.json`);
    const caller: Caller =
      'timer' in who
        ? { kind: 'timer', now: who.now }
        : {
            kind: 'client',
            openid: who.openid,
            appid: 'wx0000000000local',
            clientIp: who.clientIp ?? '127.0.0.1',
            now: who.now,
          };
    const context = invocationContext({
      requestId: randomBytes(8).toString('hex'),
      envId: emu.envId,
      config,
      timeLimitMs: config.timeoutSec * 1000,
      caller,
    });
    stats.calls++;
    const reply = await (main ?? mainOf(fn))(event, context);
    if (!('timer' in who)) {
      const e = (event ?? {}) as { action?: unknown; data?: unknown };
      privacy.observe(who.openid, fn, String(e.action), e.data, reply);
    }
    return reply;
  };

  const as = (openid: string, now?: string): Client => {
    const call = async <T>(fn: string, action: string, data?: unknown) =>
      (await invoke(fn, { action, data }, { openid, now })) as Reply<T>;
    return {
      openid,
      call,
      async ok<T>(fn: string, action: string, data?: unknown) {
        const r = await call<T>(fn, action, data);
        if (!r.ok) throw new Error(`${fn}.${action} failed: ${r.code} ${r.message}`);
        return r.data;
      },
      at: (at: string) => as(openid, at),
    };
  };

  return {
    emu,
    privacy,
    invoke,
    as: (openid) => as(openid),
    digest: () => digestOf(emu),
    stats,
    async stop() {
      console.log = log;
      console.error = error;
      await emu.stop();
    },
  };
}

/** Runs the scheduler's upkeep as its timer does, at `at` (ms); throws when it fails. */
export async function runUpkeep(ip: InProcess, at: number): Promise<UpkeepReport> {
  const r = await ip.invoke(
    'scheduler',
    { Type: 'Timer', TriggerName: 'every-10-minutes' },
    { timer: true, now: new Date(at).toISOString() },
  );
  if (!r.ok) throw new Error(`upkeep failed: ${r.code} ${r.message}`);
  return r.data as UpkeepReport;
}
