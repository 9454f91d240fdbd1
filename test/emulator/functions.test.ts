// The function host, black-box: fixture functions are built with the real build
// (esbuild) into a temp folder and run by the emulator; they are called over
// HTTP (as the mini-program does locally) and through the real SDK (as cloud code does).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCAL_APPID } from '../../emulator/constants';
import type { FunctionConfig } from '../../emulator/functions/config';
import { FunctionHostService, type FunctionHostOptions } from '../../emulator/functions/host';
import { type RunningEmulator, startEmulator } from '../../emulator/registry';
import { type BuildResult, buildFunctions } from '../../scripts/build-functions';
import { sdkFor } from '../support/sdk';

const FIXTURES = join(__dirname, '../fixtures/functions');
const ISO_SECONDS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

let outDir: string;
let built: BuildResult[];

function fn(name: string, extra: Partial<FunctionConfig> = {}): FunctionConfig {
  return { name, timeoutSec: 20, memoryMb: 128, runtime: 'Nodejs18.15', envVariables: {}, triggers: [], ...extra };
}

/** An emulator running only the function host, with its log lines observable. */
async function startHost(opts: Omit<FunctionHostOptions, 'functionsDir'>) {
  const logs: string[] = [];
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  const output: string[] = [];
  const emulator = await startEmulator({
    port: 0,
    dataDir: null,
    log: (line) => {
      logs.push(line);
      for (const w of waiters.filter((x) => x.pattern.test(line))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    },
    services: [
      new FunctionHostService({
        functionsDir: outDir,
        output: (name, stream, line) => output.push(`${name} ${stream} ${line}`),
        ...opts,
      }),
    ],
  });
  /** Resolves when the emulator logs a matching line (already logged ones count). */
  const logged = (pattern: RegExp) =>
    new Promise<string>((resolve) => {
      const seen = logs.find((l) => pattern.test(l));
      if (seen) resolve(seen);
      else waiters.push({ pattern, resolve });
    });
  return { emulator, logs, output, logged };
}

async function call(
  emulator: RunningEmulator,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies are checked field by field below
): Promise<{ status: number; body: any }> {
  const res = await fetch(`${emulator.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

beforeAll(async () => {
  servicesBeforeBuild = esbuildServicePids();
  outDir = mkdtempSync(join(tmpdir(), 'functions-test-'));
  built = await buildFunctions({
    srcDir: FIXTURES,
    outDir,
    names: ['echo', 'peer', 'fail', 'wait', 'caller', 'not-written-yet'],
    log: () => {},
  });
}, 60_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** Pids of the esbuild service processes (`esbuild --service=…`) this process has running. */
function esbuildServicePids(): string[] {
  const ps = execFileSync('ps', ['-A', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' });
  return ps
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([, ppid, ...args]) => Number(ppid) === process.pid && args.some((a) => a.startsWith('--service=')))
    .map(([pid]) => pid!);
}

/**
 * Services the build left behind. Jest reuses its workers across test files, so an
 * emulator started by an earlier file may have left its own (small, synchronous)
 * esbuild helper: only services that were not there before the build count.
 */
let servicesBeforeBuild: string[] = [];
const servicesLeftByBuild = () => esbuildServicePids().filter((pid) => !servicesBeforeBuild.includes(pid));

/** Resolves once `check()` holds (polled every 50 ms); fails the test with `what` if it never does in time. */
async function eventually(what: string, check: () => boolean, withinMs = 10_000): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`still not true after ${withinMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('buildFunctions', () => {
  test('bundles each function into index.js with a package.json, and skips functions without a source', () => {
    const echo = built.find((r) => r.name === 'echo');
    expect(echo).toMatchObject({ status: 'built', outFile: join(outDir, 'echo', 'index.js') });
    expect(echo?.status === 'built' && echo.bytes).toBeGreaterThan(1000);
    expect(readFileSync(join(outDir, 'echo', 'index.js'), 'utf8')).toMatch(/sourceMappingURL=index\.js\.map/);
    const pkg = JSON.parse(readFileSync(join(outDir, 'echo', 'package.json'), 'utf8'));
    expect(pkg).toEqual({ name: 'echo', version: expect.any(String), main: 'index.js', private: true });
    expect(built.find((r) => r.name === 'not-written-yet')).toMatchObject({
      status: 'skipped',
      reason: expect.stringContaining('index.ts'),
    });
  });

  test('stops the esbuild service when done (it holds hundreds of MB), and builds again in the same process', async () => {
    await eventually('no esbuild service left after the build', () => servicesLeftByBuild().length === 0);
    const again = mkdtempSync(join(tmpdir(), 'functions-again-'));
    try {
      const [echo] = await buildFunctions({ srcDir: FIXTURES, outDir: again, names: ['echo'], log: () => {} });
      expect(echo).toMatchObject({ status: 'built', outFile: join(again, 'echo', 'index.js') });
      await eventually('no esbuild service left after the second build', () => servicesLeftByBuild().length === 0);
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('the function host', () => {
  let host: Awaited<ReturnType<typeof startHost>>;
  let emulator: RunningEmulator;

  beforeAll(async () => {
    host = await startHost({
      configs: [
        fn('echo', {
          envVariables: { FLAVOR: 'vanilla', TZ: 'Asia/Shanghai' },
          triggers: [{ name: 'every-minute', cron: '0 * * * * * *' }],
        }),
        fn('peer', { envVariables: { FLAVOR: 'chocolate' } }),
        fn('fail'),
        fn('wait'),
        fn('caller'),
        fn('ghost'),
        fn('later'),
      ],
      notWrittenYet: { later: 'functions/later/index.ts' },
      envOverrides: { ADMIN_OPENIDS: 'dev-admin' },
      timers: false,
    });
    emulator = host.emulator;
  });

  afterAll(() => emulator.stop());

  describe('POST /functions/<name>', () => {
    test('50 concurrent callers each see only their own identity', async () => {
      const replies = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          call(
            emulator,
            '/functions/echo',
            { i, delayMs: (50 - i) % 7 },
            { 'x-wx-openid': `o-user-${i}`, 'x-wx-clientip': `10.0.0.${i}` },
          ),
        ),
      );
      replies.forEach(({ status, body }, i) => {
        expect(status).toBe(200);
        expect(body).toMatchObject({
          event: { i },
          openid: `o-user-${i}`,
          clientIp: `10.0.0.${i}`,
          appid: LOCAL_APPID,
          triggerSrc: 'tcb',
          source: 'wx_client',
        });
        // Identity is never in process.env, which all in-flight invocations share.
        expect(body.env.WX_OPENID).toBeUndefined();
      });
      expect(new Set(replies.map((r) => r.body.context.requestId)).size).toBe(50);
    });

    test('without identity headers the openid is empty and the ip is the socket address; no body is {}', async () => {
      const { status, body } = await call(emulator, '/functions/echo');
      expect(status).toBe(200);
      expect(body).toMatchObject({ event: {}, openid: '', clientIp: '127.0.0.1', appid: LOCAL_APPID });
      expect(body.unionid).toBeUndefined();
    });

    test('appid and unionid headers reach the context', async () => {
      const headers = { 'x-wx-openid': 'o-bob', 'x-wx-appid': 'wx-other', 'x-wx-unionid': 'u-bob' };
      const { body } = await call(emulator, '/functions/echo', {}, headers);
      expect(body).toMatchObject({ openid: 'o-bob', appid: 'wx-other', unionid: 'u-bob' });
    });

    test('the context carries the SCF metadata from the config', async () => {
      const { body } = await call(emulator, '/functions/echo', {});
      expect(body.context).toEqual({
        requestId: expect.any(String),
        functionName: 'echo',
        namespace: emulator.envId,
        timeLimitMs: 20_000,
        memoryMb: 128,
      });
    });

    test("each function's config env reaches its own process.env, then envOverrides", async () => {
      const [echo, peer] = await Promise.all([call(emulator, '/functions/echo'), call(emulator, '/functions/peer')]);
      expect(echo.body.env).toMatchObject({ FLAVOR: 'vanilla', TZ: 'Asia/Shanghai', ADMIN_OPENIDS: 'dev-admin' });
      expect(peer.body).toEqual({ FLAVOR: 'chocolate' });
    });

    test('a thrown error is a 500 with the error name and message, no stack; the stack is logged', async () => {
      const { status, body } = await call(emulator, '/functions/fail', {});
      expect(status).toBe(500);
      expect(body).toEqual({
        code: 'FUNCTIONS_EXECUTE_FAIL',
        errCode: -504002,
        message: 'RangeError: quota out of range',
        requestId: expect.any(String),
      });
      const line = await host.logged(new RegExp(`request ${body.requestId} failed`));
      // Source maps make the logged stack point at the TypeScript fixture.
      expect(line).toMatch(/fail\/index\.ts:\d+/);
      expect(host.output).toContain('fail stderr about to fail');
    });

    test('an unknown function is a 404 naming it', async () => {
      const { status, body } = await call(emulator, '/functions/nope', {});
      expect(status).toBe(404);
      expect(body).toMatchObject({ code: 'FUNCTION_NOT_FOUND', message: expect.stringContaining('"nope"') });
    });

    test('a configured function that is not built is a 503 that says to build', async () => {
      const { status, body } = await call(emulator, '/functions/ghost', {});
      expect(status).toBe(503);
      expect(body.message).toMatch(/npm run build/);
    });

    test('a declared function that is not written yet is a 501 that says it has no source, not to build', async () => {
      const { status, body } = await call(emulator, '/functions/later', {});
      expect(status).toBe(501);
      expect(body).toEqual({
        code: 'FUNCTION_NOT_WRITTEN',
        message: 'function "later" has no source yet: it is declared, but functions/later/index.ts is not written yet',
        requestId: expect.any(String),
      });
    });

    test('a body that is not JSON is a 400 in the function-error shape, and the function does not run', async () => {
      const before = await call(emulator, '/functions/echo');
      for (const bad of ['{oops', '{"action":"login"', 'action=login']) {
        const res = await fetch(`${emulator.url}/functions/echo`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: bad,
        });
        expect(res.status).toBe(400);
        const body = (await res.json()) as { requestId: string };
        expect(body).toEqual({
          code: 'INVALID_PARAM',
          errCode: -501007,
          message: expect.stringMatching(/^the request body is not valid JSON: /),
          requestId: expect.any(String),
        });
        expect(res.headers.get('x-request-id')).toBe(body.requestId);
      }
      const after = await call(emulator, '/functions/echo');
      expect(after.body.calls).toBe(before.body.calls + 1);
    });

    test('an x-emulator-now that is not an ISO date is refused with a 400 naming the header', async () => {
      for (const bad of ['tomorrow', 'March 7, 2026', '2026-11-28 08:00', '1764316800000', '']) {
        const { status, body } = await call(emulator, '/functions/echo', {}, { 'x-emulator-now': bad });
        expect(status).toBe(400);
        expect(body).toMatchObject({ code: 'INVALID_PARAM', errCode: -501007, requestId: expect.any(String) });
        expect(body.message).toContain('x-emulator-now header must be an ISO 8601 date');
      }
      for (const good of ['2026-11-28T08:00:00Z', '2026-11-28T16:00:00+08:00', '2026-11-28T08:00:00.123Z']) {
        expect((await call(emulator, '/functions/echo', {}, { 'x-emulator-now': good })).status).toBe(200);
      }
    });

    test('a function returning undefined answers null', async () => {
      const { status, body } = await call(emulator, '/functions/wait', { ms: 0 });
      expect(status).toBe(200);
      expect(body).toBeNull();
    });
  });

  describe('app.callFunction (the SDK)', () => {
    test('from test code returns the result, with a server-side context (no end user)', async () => {
      const { result } = await sdkFor(emulator).callFunction({ name: 'echo', data: { x: 1 } });
      expect(result).toMatchObject({ event: { x: 1 }, triggerSrc: 'tcb' });
      expect((result as { openid?: string }).openid).toBeUndefined();
    });

    test('undefined arrives as "" and failures as FUNCTIONS_EXECUTE_FAIL', async () => {
      const app = sdkFor(emulator);
      expect((await app.callFunction({ name: 'wait', data: { ms: 0 } })).result).toBe('');
      await expect(app.callFunction({ name: 'fail', data: {} })).rejects.toMatchObject({
        code: 'FUNCTIONS_EXECUTE_FAIL',
        message: 'RangeError: quota out of range',
      });
      await expect(app.callFunction({ name: 'nope', data: {} })).rejects.toMatchObject({
        code: 'FUNCTIONS_EXECUTE_FAIL',
      });
      await expect(app.callFunction({ name: 'ghost', data: {} })).rejects.toMatchObject({
        code: 'FUNCTIONS_EXECUTE_FAIL',
      });
      await expect(app.callFunction({ name: 'later', data: {} })).rejects.toMatchObject({
        code: 'FUNCTIONS_EXECUTE_FAIL',
        message: expect.stringContaining('has no source yet'),
      });
    });

    test('unmodified cloud code using SYMBOL_CURRENT_ENV and no serviceUrl reaches the emulator', async () => {
      const ok = await call(
        emulator,
        '/functions/caller',
        { target: 'echo', data: { hello: 'world' } },
        {
          'x-wx-openid': 'o-alice',
        },
      );
      expect(ok.status).toBe(200);
      expect(ok.body.result).toMatchObject({ event: { hello: 'world' }, triggerSrc: 'tcb' });
      // The end user's identity does not travel into a function-to-function call.
      expect(ok.body.result.openid).toBeUndefined();

      const failed = await call(emulator, '/functions/caller', { target: 'fail' });
      expect(failed.body.error).toEqual({ code: 'FUNCTIONS_EXECUTE_FAIL', message: 'RangeError: quota out of range' });
    });
  });

  describe('timers', () => {
    test('fired on demand, a timer gets the timer event and TRIGGER_SRC=timer', async () => {
      const { status, body } = await call(emulator, '/_emulator/timers/echo/every-minute');
      expect(status).toBe(200);
      expect(body.event).toEqual({ Type: 'Timer', TriggerName: 'every-minute', Time: expect.any(String), Message: '' });
      expect(body.event.Time).toMatch(ISO_SECONDS);
      expect(body.triggerSrc).toBe('timer');
      expect(body.openid).toBeUndefined();
    });

    test('fired with an x-emulator-now that is not an ISO date, a timer is refused with a 400', async () => {
      const { status, body } = await call(emulator, '/_emulator/timers/echo/every-minute', undefined, {
        'x-emulator-now': 'next monday',
      });
      expect(status).toBe(400);
      expect(body).toMatchObject({ code: 'INVALID_PARAM', message: expect.stringContaining('x-emulator-now') });
    });

    test('an unknown trigger is a 404', async () => {
      const { status, body } = await call(emulator, '/_emulator/timers/echo/hourly');
      expect(status).toBe(404);
      expect(body.message).toMatch(/hourly/);
    });

    test('a cron with a year other than * is refused at start', async () => {
      const service = new FunctionHostService({
        functionsDir: outDir,
        configs: [fn('echo', { triggers: [{ name: 'new-year', cron: '0 0 0 1 1 * 2030' }] })],
        timers: false,
      });
      await expect(startEmulator({ port: 0, dataDir: null, log: () => {}, services: [service] })).rejects.toThrow(
        /"echo" timer trigger "new-year".*year/,
      );
    });
  });

  describe('PUT /_emulator/clock', () => {
    const putClock = async (body: string) => {
      const res = await fetch(`${emulator.url}/_emulator/clock`, { method: 'PUT', body });
      return { status: res.status, body: (await res.json()) as { code?: string; now?: string | null } };
    };
    afterAll(() => putClock('{"now":null}'));

    test('pins an ISO date (normalised) and null unpins it', async () => {
      expect(await putClock('{"now":"2026-11-28T16:00:00+08:00"}')).toEqual({
        status: 200,
        body: { now: '2026-11-28T08:00:00.000Z' },
      });
      expect(await putClock('{"now":null}')).toEqual({ status: 200, body: { now: null } });
    });

    test('refuses a date that is not ISO, a missing "now" and a body that is not JSON', async () => {
      for (const bad of ['{"now":"tomorrow"}', '{"now":"March 7, 2026"}', '{"now":42}', '{}', '{oops']) {
        const { status, body } = await putClock(bad);
        expect(status).toBe(400);
        expect(body.code).toBe('INVALID_PARAM');
      }
    });
  });

  describe('inspection', () => {
    test('GET /_emulator/functions lists each function, whether it is built, and its triggers', async () => {
      const res = await fetch(`${emulator.url}/_emulator/functions`);
      const list = (await res.json()) as { name: string }[];
      expect(list.find((f) => f.name === 'echo')).toEqual({
        name: 'echo',
        built: true,
        written: true,
        timeoutSec: 20,
        triggers: [{ name: 'every-minute', cron: '0 * * * * * *' }],
      });
      expect(list.find((f) => f.name === 'ghost')).toMatchObject({ built: false, written: true });
      expect(list.find((f) => f.name === 'later')).toMatchObject({ built: false, written: false });
      const lines = emulator.service<FunctionHostService>('functions')?.describe();
      expect(lines).toContain('function ghost: not built (run `npm run build`)');
      expect(lines).toContain('function later: not written yet (no functions/later/index.ts)');
    });

    test('a function declared as not written yet is not run even if an old bundle of it is there', async () => {
      const stale = await startHost({ configs: [fn('echo')], notWrittenYet: { echo: 'src/echo.ts' }, timers: false });
      try {
        expect((await call(stale.emulator, '/functions/echo', {})).body.code).toBe('FUNCTION_NOT_WRITTEN');
        expect(stale.emulator.service<FunctionHostService>('functions')?.list()[0]).toMatchObject({
          built: false,
          written: false,
        });
      } finally {
        await stale.emulator.stop();
      }
    });

    test('reload starts each function cold on its next call', async () => {
      await call(emulator, '/functions/echo');
      const warm = await call(emulator, '/functions/echo');
      expect(warm.body.calls).toBeGreaterThan(1);
      const reloaded = await call(emulator, '/_emulator/functions/reload');
      expect(reloaded.status).toBe(200);
      const cold = await call(emulator, '/functions/echo');
      expect(cold.body.calls).toBe(1);
    });
  });
});

describe('scheduled timers', () => {
  test('a timer fires on its cron and stops with the emulator', async () => {
    const host = await startHost({
      configs: [fn('echo', { triggers: [{ name: 'every-second', cron: '* * * * * * *' }] })],
      timers: true,
    });
    try {
      const service = host.emulator.service<FunctionHostService>('functions');
      expect(service?.describe()).toContainEqual(expect.stringMatching(/^timer echo\/every-second next /));
      await host.logged(/timer echo\/every-second: ok/);
    } finally {
      await host.emulator.stop();
    }
  });
});

describe('time limits', () => {
  let host: Awaited<ReturnType<typeof startHost>>;

  beforeAll(async () => {
    host = await startHost({ configs: [fn('wait')], timers: false, timeoutOverrideSec: 1 });
  });

  afterAll(() => host.emulator.stop());

  test('a call past the time limit is answered 504 at the deadline', async () => {
    const started = Date.now();
    const { status, body } = await call(host.emulator, '/functions/wait', {});
    const elapsed = Date.now() - started;
    expect(status).toBe(504);
    expect(body).toMatchObject({
      code: 'FUNCTIONS_TIME_LIMIT_EXCEEDED',
      errCode: -504003,
      message: expect.any(String),
    });
    expect(elapsed).toBeGreaterThanOrEqual(950);
    expect(elapsed).toBeLessThan(5000);
    await host.logged(new RegExp(`request ${body.requestId} passed its 1 s time limit`));
  });

  test("a late result is discarded and the function's other calls still work", async () => {
    const late = await call(host.emulator, '/functions/wait', { ms: 1300, value: 'late' });
    expect(late.status).toBe(504);
    await host.logged(new RegExp(`discarded the late result of abandoned request ${late.body.requestId}`));
    const next = await call(host.emulator, '/functions/wait', { ms: 0, value: 'on time' });
    expect(next).toEqual({ status: 200, body: 'on time' });
  });

  test('through the SDK a timeout is FUNCTIONS_EXECUTE_FAIL', async () => {
    await expect(sdkFor(host.emulator).callFunction({ name: 'wait', data: {} })).rejects.toMatchObject({
      code: 'FUNCTIONS_EXECUTE_FAIL',
      message: expect.stringMatching(/timed out/),
    });
  });
});
