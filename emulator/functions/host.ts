// The function host: runs the built cloud functions, each in its own worker
// thread with the SCF environment, and invokes them for mini-program callers
// (POST /functions/<name>), for cloud code (app.callFunction → /admin) and for
// timer triggers. Identity travels only in each invocation's context.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { invalidParam, payloadTooLarge } from '../core/errors';
import { PAYLOAD_LIMITS } from '../core/http';
import type { AdminRequest, EmulatorService, ServiceContext } from '../core/service';
import type { FunctionConfig } from './config';
import { type Caller, invocationContext, workerEnv } from './context';
import { InvocationError, sdkFailure } from './errors';
import { functionRoutes } from './routes';
import { type FunctionOutput, FunctionRunner } from './runner';
import { compile, type ScheduledTrigger, TimerScheduler, timerEvent } from './timers';

export interface FunctionHostOptions {
  /** Folder of built bundles: <functionsDir>/<name>/index.js. */
  functionsDir: string;
  configs: FunctionConfig[];
  /**
   * Declared functions whose code is not written yet, each with where its source
   * would be (e.g. cloudfunctions/roundtable/index.ts): listed and answered as
   * "not written yet", never as "run the build".
   */
  notWrittenYet?: Record<string, string>;
  /** Set last in every function's process.env (e.g. ADMIN_OPENIDS passed through from the developer's shell). */
  envOverrides?: Record<string, string>;
  /** Run timer triggers on their crons. Default true; tests pass false and fire them on demand. */
  timers?: boolean;
  /** Replaces every function's configured timeout (tests of the time limit). */
  timeoutOverrideSec?: number;
  /** Where function console output goes; default: the emulator's stdout/stderr, prefixed `[fn <name>]`. */
  output?: FunctionOutput;
}

export interface FunctionInfo {
  name: string;
  built: boolean;
  /** False for a declared function whose source does not exist yet. */
  written: boolean;
  timeoutSec: number;
  triggers: { name: string; cron: string }[];
}

export interface InvocationResult {
  requestId: string;
  /** JSON text of the return value; undefined when the function returned undefined. */
  json: string | undefined;
}

const defaultOutput: FunctionOutput = (name, stream, line) =>
  (stream === 'stderr' ? process.stderr : process.stdout).write(`[fn ${name}] ${line}\n`);

export class FunctionHostService implements EmulatorService {
  readonly name = 'functions';
  readonly adminActions = {
    'functions.invokeFunction': (req: AdminRequest) => this.invokeForSdk(req),
  };
  readonly routes = functionRoutes(this);

  private readonly configs: Map<string, FunctionConfig>;
  private readonly functionsDir: string;
  private readonly runners = new Map<string, FunctionRunner>();
  private readonly scheduler = new TimerScheduler((t, time) => this.fireTimer(t, time));
  private ctx: ServiceContext | undefined;
  private stopped = false;

  constructor(private readonly opts: FunctionHostOptions) {
    this.configs = new Map(opts.configs.map((c) => [c.name, c]));
    this.functionsDir = resolve(opts.functionsDir);
  }

  start(ctx: ServiceContext): void {
    // Refuse unusable crons even when timers are off, so a bad config never waits for deploy to fail.
    const triggers = this.triggers();
    triggers.forEach(compile);
    this.ctx = ctx;
    this.stopped = false;
    if (this.opts.timers ?? true) this.scheduler.start(triggers);
    const tzNote = timeZoneNote(this.opts.configs);
    if (tzNote) ctx.log(tzNote);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.scheduler.stop();
    await this.terminateAll('Error: the emulator is stopping');
  }

  /** Cold-starts every function on its next call (module state is dropped, as after a redeploy). */
  async reset(): Promise<void> {
    this.clockNow = null;
    await this.reload();
  }

  /** Picks up rebuilt bundles: workers are ended and recreated on their next call. */
  async reload(): Promise<void> {
    await this.terminateAll('Error: the function was reloaded');
  }

  list(): FunctionInfo[] {
    return [...this.configs.values()].map((c) => ({
      name: c.name,
      built: this.isBuilt(c.name),
      written: this.missingSource(c.name) === undefined,
      timeoutSec: c.timeoutSec,
      triggers: c.triggers.map((t) => ({ name: t.name, cron: t.cron })),
    }));
  }

  describe(): string[] {
    const lines = this.list().map((f) => `function ${f.name}: ${this.describeState(f)}`);
    const timers = this.triggers();
    if (timers.length === 0) return lines;
    if (!(this.opts.timers ?? true)) return [...lines, `timers: off (${timers.length} trigger(s) fire on demand only)`];
    return [...lines, ...this.scheduler.describe().map((l) => `timer ${l}`)];
  }

  /** Runs a function once. Rejects with InvocationError for every reason it produced no result. */
  async invoke(name: string, event: unknown, caller: Caller): Promise<InvocationResult> {
    const requestId = randomUUID();
    const config = this.configs.get(name);
    if (!config) {
      throw new InvocationError('not-found', `function "${name}" is not declared in cloudbaserc.json`, requestId);
    }
    const source = this.missingSource(name);
    if (source !== undefined) {
      const message = `function "${name}" has no source yet: it is declared, but ${source} is not written yet`;
      throw new InvocationError('not-written', message, requestId);
    }
    if (!this.isBuilt(name)) {
      throw new InvocationError('not-built', `function "${name}" is not built: run \`npm run build\``, requestId);
    }
    const ctx = this.ctx;
    if (!ctx || this.stopped) throw new InvocationError('failed', 'Error: the function host is not running', requestId);
    const timeLimitMs = (this.opts.timeoutOverrideSec ?? config.timeoutSec) * 1000;
    const pinned = caller.now ?? this.clockNow ?? undefined;
    const context = invocationContext({
      requestId,
      envId: ctx.envId,
      config,
      timeLimitMs,
      caller: { ...caller, now: pinned },
    });
    const json = await this.runnerFor(config, ctx).invoke(event, context, timeLimitMs);
    return { requestId, json };
  }

  /** A pinned clock for every invocation (PUT /_emulator/clock); null = real time. */
  clockNow: string | null = null;

  /** Fires a timer trigger now (POST /_emulator/timers/<function>/<trigger>). */
  runTimer(functionName: string, triggerName: string, now?: string): Promise<InvocationResult> {
    const config = this.configs.get(functionName);
    if (config && !config.triggers.some((t) => t.name === triggerName)) {
      const message = `function "${functionName}" has no timer trigger "${triggerName}"`;
      return Promise.reject(new InvocationError('not-found', message, randomUUID()));
    }
    const pinned = now ?? this.clockNow ?? undefined;
    return this.invoke(functionName, timerEvent(triggerName, pinned ? new Date(pinned) : new Date()), {
      kind: 'timer',
      now: pinned,
    });
  }

  private async invokeForSdk(req: AdminRequest): Promise<Record<string, unknown>> {
    const name = req.params.function_name;
    if (typeof name !== 'string' || !name) throw invalidParam('function_name is required');
    const data = req.params.request_data;
    if (typeof data === 'string' && Buffer.byteLength(data) > PAYLOAD_LIMITS.function) {
      throw payloadTooLarge(`the function's request data is over ${PAYLOAD_LIMITS.function} bytes, CloudBase's limit`);
    }
    const event = parseRequestData(data);
    try {
      const { json } = await this.invoke(name, event, { kind: 'server' });
      // The SDK JSON-parses response_data; "" is how a function returning undefined arrives (result "").
      return { data: { response_data: json ?? '' } };
    } catch (err) {
      throw sdkFailure(err);
    }
  }

  private fireTimer(t: ScheduledTrigger, time: Date): void {
    const log = (m: string) => this.ctx?.log(`timer ${t.functionName}/${t.triggerName}: ${m}`);
    const started = Date.now();
    this.invoke(t.functionName, timerEvent(t.triggerName, time), { kind: 'timer' }).then(
      () => log(`ok (${Date.now() - started} ms)`),
      (err: unknown) => log(`${err instanceof InvocationError ? err.kind : 'failed'}: ${(err as Error).message}`),
    );
  }

  private runnerFor(config: FunctionConfig, ctx: ServiceContext): FunctionRunner {
    let runner = this.runners.get(config.name);
    if (!runner) {
      runner = new FunctionRunner({
        name: config.name,
        bundlePath: this.bundlePath(config.name),
        env: workerEnv({ baseUrl: ctx.baseUrl, envId: ctx.envId, config, overrides: this.opts.envOverrides ?? {} }),
        log: ctx.log,
        output: this.opts.output ?? defaultOutput,
      });
      this.runners.set(config.name, runner);
    }
    return runner;
  }

  private async terminateAll(reason: string): Promise<void> {
    const runners = [...this.runners.values()];
    this.runners.clear();
    await Promise.all(runners.map((r) => r.terminate(reason)));
  }

  private triggers(): ScheduledTrigger[] {
    return [...this.configs.values()].flatMap((c) =>
      c.triggers.map((t) => ({ functionName: c.name, triggerName: t.name, cron: t.cron })),
    );
  }

  private bundlePath(name: string): string {
    return join(this.functionsDir, name, 'index.js');
  }

  /** A stale bundle of a function whose source is gone does not count as built. */
  private isBuilt(name: string): boolean {
    return this.missingSource(name) === undefined && existsSync(this.bundlePath(name));
  }

  /** Where the missing source of a not-yet-written function would be; undefined for the others. */
  private missingSource(name: string): string | undefined {
    return Object.hasOwn(this.opts.notWrittenYet ?? {}, name) ? this.opts.notWrittenYet![name] : undefined;
  }

  private describeState(f: FunctionInfo): string {
    if (!f.written) return `not written yet (no ${this.missingSource(f.name)})`;
    return f.built ? `built, timeout ${f.timeoutSec} s` : 'not built (run `npm run build`)';
  }
}

/**
 * Worker threads share the process's time zone: a function's TZ variable is
 * visible in its process.env but does not change what Date does. Say so when the
 * two disagree (start the emulator with that TZ to match production).
 */
function timeZoneNote(configs: FunctionConfig[]): string | undefined {
  const processZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const zones = new Set(configs.map((c) => c.envVariables.TZ).filter((tz): tz is string => !!tz));
  const other = [...zones].filter((tz) => tz !== processZone);
  if (other.length === 0) return undefined;
  return `note: functions set TZ=${other.join(', ')} but the emulator runs in ${processZone}; functions share its time zone, so start it with TZ=${other[0]} for production-like dates`;
}

/** `request_data` is the JSON text of callFunction's `data`, or "" when there was none. */
function parseRequestData(raw: unknown): unknown {
  if (raw === undefined || raw === '') return {};
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw);
  } catch {
    throw invalidParam('request_data is not valid JSON');
  }
}
