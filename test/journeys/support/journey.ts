// Opens a journey: the real miniprogram-automator client driving either the
// headless runtime (default: its own emulator, the app signed in as `me`) or WeChat
// DevTools (MP_AUTOMATOR=devtools: automator.launch on this project, in local mode against
// a fresh emulator at config/env.ts' emulatorUrl, signed in as its devOpenid).
// See docs/journeys.md.
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import automator from 'miniprogram-automator';
import type MiniProgram from 'miniprogram-automator/out/MiniProgram';
import { ENV } from '../../../miniprogram/config/env';
import { SUPERADMIN } from '../../support/arrange';
import { type JourneyWorld, worldAt } from './world';
import { step } from './steps';

export const PROJECT_ROOT = resolve(__dirname, '../../..');
/** Where each journey's last screen is written (git-ignored build output). */
export const SHOTS_DIR = join(PROJECT_ROOT, 'test-results', 'journeys');

export type AutomatorMode = 'headless' | 'devtools';
export const mode = (): AutomatorMode => (process.env.MP_AUTOMATOR === 'devtools' ? 'devtools' : 'headless');

export interface Journey {
  name: string;
  mp: MiniProgram;
  world: JourneyWorld;
  /** The OPENID the mini-program is signed in as. */
  me: string;
  /** A superadmin of the emulator (in ADMIN_OPENIDS; under DevTools, start `npm start` with it), for arranging. */
  superadmin: string;
  /** Runs one named step (its failure names the journey and the step). */
  step<T>(title: string, run: () => Promise<T>): Promise<T>;
  /** Checks that no page threw uncaught, then photographs the current page into test-results/journeys/<name>.png. */
  finish(): Promise<Buffer>;
  close(): Promise<void>;
}

async function openHeadless(): Promise<{ mp: MiniProgram; url: string; me: string; stop(): Promise<void> }> {
  const { startHeadless } = await import('../../../scripts/headless/launch');
  const me = ENV.devOpenid;
  const headless = await startHeadless({ openid: me, adminOpenids: [SUPERADMIN] });
  const mp = await automator.connect({ wsEndpoint: headless.wsEndpoint });
  return { mp, url: headless.emulatorUrl, me, stop: headless.stop };
}

/**
 * DevTools in local mode calls the emulator at config/env.ts' emulatorUrl: each journey gets a
 * fresh one there (in memory), as headless journeys do — unless JOURNEY_EMULATOR_URL names one
 * already running. One journey at a time (--runInBand): they share the port.
 */
async function openDevtools(): Promise<{ mp: MiniProgram; url: string; me: string; stop(): Promise<void> }> {
  const cliPath = process.env.WECHAT_DEVTOOLS_CLI;
  if (!cliPath) throw new Error('MP_AUTOMATOR=devtools needs WECHAT_DEVTOOLS_CLI (the DevTools cli path)');
  const env = readFileSync(join(PROJECT_ROOT, 'miniprogram/config/env.ts'), 'utf8');
  if (ENV.transport !== 'local' || !/transport: 'local'/.test(env))
    throw new Error("MP_AUTOMATOR=devtools needs miniprogram/config/env.ts in local mode (transport: 'local')");
  const given = process.env.JOURNEY_EMULATOR_URL;
  const { spawnEmulator, waitForExit } = await import('../../../scripts/dev/process');
  const emulator = given
    ? null
    : await spawnEmulator(['--port', new URL(ENV.emulatorUrl).port || '80', '--memory', '--no-timers'], {
        ADMIN_OPENIDS: SUPERADMIN,
      });
  const stopEmulator = async () => {
    if (!emulator) return;
    emulator.child.kill('SIGTERM');
    await waitForExit(emulator.child);
  };
  try {
    const mp = await automator.launch({ cliPath, projectPath: PROJECT_ROOT });
    return { mp, url: given ?? ENV.emulatorUrl, me: ENV.devOpenid, stop: stopEmulator };
  } catch (err) {
    await stopEmulator();
    throw err;
  }
}

export async function openJourney(name: string): Promise<Journey> {
  const opened = mode() === 'devtools' ? await openDevtools() : await openHeadless();
  const { mp } = opened;
  // An error the pages throw and nobody catches is a defect even when every step passed.
  const exceptions: string[] = [];
  mp.on('exception', (e: { message?: string }) => exceptions.push(e?.message ?? String(e)));
  return {
    name,
    mp,
    world: worldAt(opened.url),
    me: opened.me,
    superadmin: SUPERADMIN,
    step: (title, run) => step(name, title, run),
    async finish() {
      mkdirSync(SHOTS_DIR, { recursive: true });
      const path = join(SHOTS_DIR, `${name}.png`);
      await step(name, 'no page threw an uncaught error', async () => {
        if (exceptions.length) throw new Error(exceptions.join('\n'));
      });
      return step(name, 'the last screen is photographed', async () => {
        await mp.screenshot({ path });
        return readFileSync(path);
      });
    },
    async close() {
      try {
        await mp.close();
      } finally {
        await opened.stop();
      }
    },
  };
}
