// The dev emulator as a separate process (`npm run emulator`): for benchmarks (the
// server must not share a CPU core's time with its clients) and for tests of what
// an in-process emulator cannot show (surviving kill -9, the CLI itself).
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { PROJECT_ROOT } from '../manifests/paths';

export interface EmulatorProcess {
  child: ChildProcess;
  url: string;
  adminUrl: string;
  functionsUrl: string;
  envId: string;
  output: string[];
}

export function spawnEmulator(args: string[], env: Record<string, string> = {}): Promise<EmulatorProcess> {
  // One process (node with tsx as its loader), not the tsx wrapper: the wrapper runs the
  // emulator as a grandchild, which a kill -9 of the wrapper would leave running.
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(__dirname, 'emulator.ts'), ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  return new Promise((resolvePromise, reject) => {
    const lines = createInterface({ input: child.stdout! });
    child.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
    lines.on('line', (line) => {
      output.push(line);
      if (line.startsWith('{"ready":true')) {
        const info = JSON.parse(line) as Omit<EmulatorProcess, 'child' | 'output'>;
        resolvePromise({ child, output, ...info });
      }
    });
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code} before ready:\n${output.join('\n')}`)));
  });
}

export function waitForExit(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((r) => child.once('exit', (code) => r(code)));
}
