// The headless runtime's camera: photographs a Capture (test/screens/captureOf) as
// `npm run screenshots` does. playwright-core cannot load in the runtime's jsdom, so
// the photographer is a Node process of its own (scripts/headless/camera-child.ts),
// started on the first photograph and spoken to in JSON lines: one request per
// photograph, answered by id. Only child_process and fs here — nothing of playwright.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Capture } from '../screens/types';

/** A line on the child's stdin. */
export interface CameraRequest {
  id: number;
  capturePath: string;
  pngPath: string;
}

/** A line on the child's stdout (id null: a request line that was not JSON). */
export type CameraAnswer =
  { id: number; ok: true; pngPath: string; findings: string[] } | { id: number | null; ok: false; error: string };

export interface Photograph {
  png: Buffer;
  /** What a rider must not see (scripts/screenshots/camera.ts `photograph`), empty when fine. */
  findings: string[];
}

export interface Camera {
  photograph(capture: Capture): Promise<Photograph>;
  /** Ends the camera process (and its Chromium); the next photograph starts a new one. */
  stop(): Promise<void>;
}

const PROJECT_ROOT = resolve(__dirname, '../..');
const CHILD = join(PROJECT_ROOT, 'scripts/headless/camera-child.ts');
/** How much of the child's stderr a failure quotes. */
const STDERR_TAIL = 4000;

interface Pending {
  resolve(a: CameraAnswer): void;
  reject(e: Error): void;
}

/** The camera process itself, speaking the JSON lines above on its stdin and stdout. */
export function spawnCameraChild(): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', CHILD], {
    cwd: PROJECT_ROOT,
    env: process.env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

export function startCamera({ deadlineMs = 60_000 }: { deadlineMs?: number } = {}): Camera {
  let child: ChildProcess | null = null;
  let stderr = '';
  let dir: string | null = null;
  let nextId = 0;
  const pending = new Map<number, Pending>();

  function failAll(why: string): void {
    for (const p of pending.values()) p.reject(new Error(why));
    pending.clear();
  }

  function ensureChild(): ChildProcess {
    if (child) return child;
    stderr = '';
    const c = spawnCameraChild();
    c.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-STDERR_TAIL)));
    createInterface({ input: c.stdout! }).on('line', (line) => {
      let answer: CameraAnswer;
      try {
        answer = JSON.parse(line) as CameraAnswer;
      } catch {
        return; // not an answer (the child writes only answers; nothing to match it to)
      }
      if (answer.id === null) return;
      const p = pending.get(answer.id);
      pending.delete(answer.id);
      p?.resolve(answer);
    });
    const gone = (why: string) => {
      if (child === c) child = null;
      failAll(`headless camera: the camera process ${why} before answering${stderr ? `:\n${stderr}` : ''}`);
    };
    c.once('error', (err) => gone(`could not run (${err.message})`));
    c.once('exit', (code, signal) => gone(`exited (${signal ?? `code ${code}`})`));
    c.stdin!.on('error', () => {}); // a dead child's stdin: 'exit' reports it
    child = c;
    return c;
  }

  function ask(request: CameraRequest, what: string): Promise<CameraAnswer> {
    const c = ensureChild();
    return new Promise<CameraAnswer>((resolveAnswer, reject) => {
      const timer = setTimeout(() => {
        pending.delete(request.id);
        reject(new Error(`headless camera: no photograph of ${what} after ${deadlineMs / 1000} s`));
        // Requests are answered in turn: one that hangs holds up the rest, so start afresh.
        if (child === c) c.kill('SIGKILL');
      }, deadlineMs);
      const settle = () => clearTimeout(timer);
      pending.set(request.id, {
        resolve: (a) => (settle(), resolveAnswer(a)),
        reject: (e) => (settle(), reject(e)),
      });
      c.stdin!.write(`${JSON.stringify(request)}\n`);
    });
  }

  return {
    async photograph(capture) {
      dir ??= mkdtempSync(join(tmpdir(), 'headless-camera-'));
      const id = ++nextId;
      const request = { id, capturePath: join(dir, `${id}.json`), pngPath: join(dir, `${id}.png`) };
      await writeFile(request.capturePath, JSON.stringify(capture));
      try {
        const answer = await ask(request, capture.page);
        if (!answer.ok) throw new Error(`headless camera: ${capture.page}: ${answer.error}`);
        return { png: await readFile(answer.pngPath), findings: answer.findings };
      } finally {
        await Promise.all([rm(request.capturePath, { force: true }), rm(request.pngPath, { force: true })]);
      }
    },

    async stop() {
      const c = child;
      if (c?.pid !== undefined && c.exitCode === null && c.signalCode === null) {
        const exited = new Promise<void>((r) => c.once('exit', () => r()));
        try {
          process.kill(c.pid, 'SIGTERM'); // the child closes Chromium, then exits
        } catch {
          // already gone: 'exit' is on its way
        }
        const hard = setTimeout(() => c.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(hard);
      }
      child = null;
      if (dir) rmSync(dir, { recursive: true, force: true });
      dir = null;
    },
  };
}
