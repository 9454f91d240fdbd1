// What a function sees of the platform: its process.env (fixed per worker, like
// an SCF instance) and the per-invocation context, which alone carries the
// caller's identity — never process.env, which all in-flight invocations share.
import { PATHS } from '../constants';
import type { FunctionConfig } from './config';
import type { InvocationContext } from './protocol';

/** Who triggered an invocation. */
export type Caller =
  /** A mini-program user (POST /functions/<name>). */
  (
    | { kind: 'client'; openid: string; appid: string; unionid?: string; clientIp: string }
    /** Cloud code calling app.callFunction: no end user. */
    | { kind: 'server' }
    /** A timer trigger: no end user. */
    | { kind: 'timer' }
  ) & {
    /**
     * A pinned "now" (ISO) for this invocation, from the `x-emulator-now` header or
     * PUT /_emulator/clock. It reaches the function as EMULATOR_NOW in the context,
     * which only exists locally: tests cross Beijing midnight without waiting.
     */
    now?: string;
  };

export const REGION = 'ap-shanghai';

export interface WorkerEnvOptions {
  baseUrl: string;
  envId: string;
  config: FunctionConfig;
  overrides: Record<string, string>;
}

/**
 * The SCF environment that makes unmodified `tcb.init({ env: tcb.SYMBOL_CURRENT_ENV })`
 * reach this emulator (cloudbase-wire.md §1.3), then the function's config, then overrides.
 * Starts empty rather than from the emulator's env so nothing of the developer's
 * shell (real keys, stray WX_* names) leaks into a function.
 */
export function workerEnv({ baseUrl, envId, config, overrides }: WorkerEnvOptions): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    TENCENTCLOUD_RUNENV: 'SCF',
    // Also stops the SDK's metadata probe to metadata.tencentyun.com.
    TENCENTCLOUD: 'true',
    SCF_NAMESPACE: envId,
    SCF_FUNCTIONNAME: config.name,
    SCF_FUNCTIONVERSION: '$LATEST',
    SCF_RUNTIME: config.runtime,
    TENCENTCLOUD_REGION: REGION,
    // Any values pass: the emulator does not check signatures.
    TENCENTCLOUD_SECRETID: 'local-emulator',
    TENCENTCLOUD_SECRETKEY: 'local-emulator',
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${baseUrl}${PATHS.admin}` }),
    ...config.envVariables,
    ...overrides,
  };
}

export interface ContextOptions {
  requestId: string;
  envId: string;
  config: FunctionConfig;
  timeLimitMs: number;
  caller: Caller;
}

export function invocationContext({
  requestId,
  envId,
  config,
  timeLimitMs,
  caller,
}: ContextOptions): InvocationContext {
  const environment = identityEnvironment(envId, caller);
  return {
    request_id: requestId,
    function_name: config.name,
    function_version: '$LATEST',
    namespace: envId,
    memory_limit_in_mb: config.memoryMb,
    time_limit_in_ms: timeLimitMs,
    tencentcloud_region: REGION,
    environment: JSON.stringify(environment),
    environ: Object.entries(environment)
      .map(([k, v]) => `${k}=${v}`)
      .join(';'),
    callbackWaitsForEmptyEventLoop: false,
  };
}

/** The flat map `tcb.getCloudbaseContext(context)` reads (cloudbase-wire.md §6). */
export function identityEnvironment(envId: string, caller: Caller): Record<string, string> {
  const wx: Record<string, string> = {};
  const tcb: Record<string, string> = { TCB_ENV: envId };
  if (caller.kind === 'client') {
    wx.WX_OPENID = caller.openid;
    wx.WX_APPID = caller.appid;
    if (caller.unionid) wx.WX_UNIONID = caller.unionid;
    wx.WX_CLIENTIP = caller.clientIp;
    tcb.TCB_SOURCE = 'wx_client';
  }
  tcb.TRIGGER_SRC = caller.kind === 'timer' ? 'timer' : 'tcb';
  if (caller.now) tcb.EMULATOR_NOW = caller.now;
  const out: Record<string, string> = {};
  if (Object.keys(wx).length > 0) Object.assign(out, wx, { WX_CONTEXT_KEYS: Object.keys(wx).join(',') });
  return Object.assign(out, tcb, { TCB_CONTEXT_KEYS: Object.keys(tcb).join(',') });
}
