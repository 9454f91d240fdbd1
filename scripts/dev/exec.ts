// `npm run emulator:exec -- <command…>`: starts an in-memory emulator on a free
// port, runs the command with the URLs in its environment, always shuts down, and
// exits with the command's exit code.
// Production functions run with TZ=Asia/Shanghai (cloudbaserc.json); worker threads share
// this process's zone, so match it before anything reads the clock.
process.env.TZ ??= 'Asia/Shanghai';
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { EXEC_ENV } from '../../emulator/constants';
import { seedDemoData } from '../seed';
import { startProjectEmulator } from './project';

async function main() {
  const command = process.argv.slice(2);
  if (command.length === 0) {
    console.error('usage: npm run emulator:exec -- <command…>');
    process.exit(2);
  }
  const seed = process.env.EMULATOR_SEED === '1';
  const emu = await startProjectEmulator({ port: 0, dataDir: null, timers: false, log: () => {} });
  let code = 1;
  try {
    if (seed) await seedDemoData(emu, () => {});
    code = await new Promise<number>((resolve) => {
      const child = spawn(command[0]!, command.slice(1), {
        stdio: 'inherit',
        shell: process.platform === 'win32',
        env: {
          ...process.env,
          [EXEC_ENV.url]: emu.url,
          [EXEC_ENV.adminUrl]: emu.adminUrl,
          [EXEC_ENV.functionsUrl]: emu.functionsUrl,
          [EXEC_ENV.envId]: emu.envId,
        },
      });
      const forward = (sig: NodeJS.Signals) => child.kill(sig);
      process.on('SIGINT', forward);
      process.on('SIGTERM', forward);
      child.on('error', (err) => {
        console.error(`emulator:exec: cannot run ${command[0]}: ${err.message}`);
        resolve(127);
      });
      child.on('exit', (c, signal) => resolve(c ?? 128 + (signal ? (constants.signals[signal] ?? 1) : 1)));
    });
  } finally {
    await emu.stop();
  }
  process.exit(code);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
