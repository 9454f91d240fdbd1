// Starts the headless mini-program runtime (test/headless/) — by default with an
// emulator of its own — and returns the WebSocket endpoint for
// automator.connect({ wsEndpoint }). Used by the journeys and `npm run devtools:headless`.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnEmulator, waitForExit } from '../dev/process';

const ROOT = resolve(__dirname, '../..');
const READY_MS = 180_000;

export interface Headless {
  /** ws://127.0.0.1:PORT — what automator.connect({ wsEndpoint }) takes. */
  wsEndpoint: string;
  emulatorUrl: string;
  /** Resolves when the runtime ends (the client's Tool.close, or stop()). */
  exited: Promise<void>;
  /** What the runtime printed (jest's output), for a failure's explanation. */
  output(): string;
  stop(): Promise<void>;
}

export interface HeadlessOptions {
  /** The OPENID the app is signed in as. */
  openid: string;
  /** The superadmins of the emulator this starts (ignored with `emulatorUrl`). */
  adminOpenids?: string[];
  /** An emulator already running (e.g. `npm start`'s); otherwise one is started, in memory. */
  emulatorUrl?: string;
  /** The WebSocket port (0: any free port). */
  port?: number;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await waitForExit(child);
  clearTimeout(timer);
}

export async function startHeadless(opts: HeadlessOptions): Promise<Headless> {
  const emulator = opts.emulatorUrl
    ? null
    : await spawnEmulator(['--port', '0', '--memory', '--no-timers'], {
        ADMIN_OPENIDS: (opts.adminOpenids ?? []).join(','),
      });
  const emulatorUrl = opts.emulatorUrl ?? emulator!.url;
  const dir = mkdtempSync(join(tmpdir(), 'headless-'));
  const endpointFile = join(dir, 'endpoint');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HEADLESS_BACKEND_URL: emulatorUrl,
    HEADLESS_OPENID: opts.openid,
    HEADLESS_PORT: String(opts.port ?? 0),
    HEADLESS_ENDPOINT_FILE: endpointFile,
  };
  delete env.JEST_WORKER_ID;
  const child = spawn(
    process.execPath,
    [join(ROOT, 'node_modules/jest/bin/jest.js'), '--config', join(ROOT, 'scripts/headless/jest.config.js'), '--ci'],
    { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output: string[] = [];
  child.stdout!.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
  const stop = async () => {
    await stopChild(child);
    if (emulator) {
      emulator.child.kill('SIGTERM');
      await waitForExit(emulator.child);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const wsEndpoint = await new Promise<string>((resolveEndpoint, reject) => {
      const deadline = Date.now() + READY_MS;
      const poll = setInterval(() => {
        if (existsSync(endpointFile)) {
          clearInterval(poll);
          resolveEndpoint(readFileSync(endpointFile, 'utf8').trim());
        } else if (child.exitCode !== null || Date.now() > deadline) {
          clearInterval(poll);
          reject(new Error(`the headless runtime did not start:\n${output.join('').slice(-4000)}`));
        }
      }, 100);
    });
    const exited = waitForExit(child).then(() => undefined);
    return { wsEndpoint, emulatorUrl, exited, output: () => output.join(''), stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
