// Cloud functions under test: the built bundles running in an in-memory emulator,
// called over /functions/<name> exactly as the mini-program's local mode does.
// Every reply passes the privacy hook (test/support/privacy.ts).
import type { Reply } from '../../typings/errors';
import type { DatabaseService } from '../../emulator/database';
import { startProjectEmulator } from '../../scripts/dev/project';
import type { RunningEmulator } from '../../emulator/registry';
import { SUPERADMIN } from './arrange';
import { PrivacyWatch } from './privacy';
import { sdkFor } from './sdk';

export interface FunctionsHarness {
  emu: RunningEmulator;
  /** The database through the real SDK (arrange and assert stored state). */
  db: ReturnType<ReturnType<typeof sdkFor>['database']>;
  /** Empties the database (declared collections stay); workers stay warm. */
  resetDb(): Promise<void>;
  as(openid: string, opts?: CallOptions): Client;
  /** Inspects every reply for other users' secrets (a finding throws). */
  privacy: PrivacyWatch;
  stop(): Promise<void>;
}

export interface CallOptions {
  clientIp?: string;
  /** Pins the server clock for these calls (ISO). */
  now?: string;
}

export interface Client {
  openid: string;
  call<T = unknown>(fn: string, action: string, data?: unknown): Promise<Reply<T>>;
  /** Calls and returns data, failing the test with the code if the reply is not ok. */
  ok<T = unknown>(fn: string, action: string, data?: unknown): Promise<T>;
  at(now: string): Client;
}

export { SUPERADMIN } from './arrange';

export async function startFunctions(opts: { adminOpenids?: string[] } = {}): Promise<FunctionsHarness> {
  const emu = await startProjectEmulator({
    port: 0,
    dataDir: null,
    timers: false,
    log: () => {},
    functionEnv: { ADMIN_OPENIDS: (opts.adminOpenids ?? [SUPERADMIN]).join(',') },
    functionOutput: (_fn, stream, line) => {
      if (stream === 'stderr' && process.env.SHOW_FUNCTION_ERRORS) console.error(line);
    },
  });
  const privacy = new PrivacyWatch();
  const as = clientsFor(emu.functionsUrl, privacy);
  return {
    emu,
    db: sdkFor(emu).database(),
    resetDb: async () => emu.service<DatabaseService>('database')!.reset(),
    as,
    privacy,
    stop: () => emu.stop(),
  };
}

/**
 * The test transport: `as(openid)` calls /functions/<name> at `functionsUrl` as that
 * user, as the mini-program's local mode does, and passes every reply to the
 * privacy hook. Any running emulator works (an in-memory one, or a child process).
 */
export function clientsFor(functionsUrl: string, privacy: PrivacyWatch) {
  const as = (openid: string, callOpts: CallOptions = {}): Client => {
    const call = async <T>(fn: string, action: string, data?: unknown): Promise<Reply<T>> => {
      const headers: Record<string, string> = { 'content-type': 'application/json', 'x-wx-openid': openid };
      if (callOpts.clientIp) headers['x-wx-clientip'] = callOpts.clientIp;
      if (callOpts.now) headers['x-emulator-now'] = callOpts.now;
      const res = await fetch(`${functionsUrl}${fn}`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ action, data }),
      });
      const body = (await res.json()) as Reply<T>;
      if (res.status !== 200) throw new Error(`${fn}.${action}: HTTP ${res.status} ${JSON.stringify(body)}`);
      privacy.observe(openid, fn, action, data, body);
      return body;
    };
    return {
      openid,
      call,
      async ok<T>(fn: string, action: string, data?: unknown) {
        const r = await call<T>(fn, action, data);
        if (!r.ok) throw new Error(`${fn}.${action} failed: ${r.code} ${r.message}`);
        return r.data;
      },
      at: (now: string) => as(openid, { ...callOpts, now }),
    };
  };
  return as;
}
