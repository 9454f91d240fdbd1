// One function's worker thread: started on first use (a cold start), shared by
// all of that function's invocations, replaced after a crash or a reload.
// A worker cannot cancel one in-flight call without killing the others, so a
// call past its time limit is answered as timed out and its late result dropped.
import { buildSync } from 'esbuild';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { InvocationError } from './errors';
import type { FromWorker, InvocationContext, ToWorker, WorkerData } from './protocol';

export type FunctionOutput = (functionName: string, stream: 'stdout' | 'stderr', line: string) => void;

export interface RunnerOptions {
  name: string;
  bundlePath: string;
  env: Record<string, string>;
  log: (message: string) => void;
  output: FunctionOutput;
}

interface Pending {
  requestId: string;
  resolve(json: string | undefined): void;
  reject(err: InvocationError): void;
  timer: NodeJS.Timeout;
}

export class FunctionRunner {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  /** Timed-out calls still running in the worker: id → request id, for the log. */
  private readonly abandoned = new Map<number, string>();
  private nextId = 1;

  constructor(private readonly opts: RunnerOptions) {}

  /** Resolves with the JSON text of the return value (undefined when the function returned undefined). */
  invoke(event: unknown, context: InvocationContext, timeLimitMs: number): Promise<string | undefined> {
    const worker = this.worker ?? this.startWorker();
    const id = this.nextId++;
    const requestId = context.request_id;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        this.abandoned.set(id, requestId);
        const sec = timeLimitMs / 1000;
        this.opts.log(
          `fn ${this.opts.name}: request ${requestId} passed its ${sec} s time limit; answered as timed out and abandoned (its result will be discarded)`,
        );
        reject(new InvocationError('timeout', `Invoking task timed out after ${sec} seconds`, requestId));
      }, timeLimitMs);
      this.pending.set(id, { requestId, resolve, reject, timer });
      const msg: ToWorker = { type: 'invoke', id, event, context };
      try {
        worker.postMessage(msg);
      } catch (err) {
        // e.g. an event that cannot be cloned; HTTP and SDK events are JSON, so this is a host bug.
        this.settle(id)?.reject(new InvocationError('failed', `Error: ${(err as Error).message}`, requestId));
      }
    });
  }

  /** Ends the worker; calls still in flight fail with `reason`. */
  async terminate(reason: string): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.failAll(reason);
    this.abandoned.clear();
    if (worker) await worker.terminate();
  }

  private startWorker(): Worker {
    const data: WorkerData = { bundlePath: this.opts.bundlePath };
    const worker = new Worker(workerSource(), {
      eval: true,
      workerData: data,
      env: this.opts.env,
      // A clean runtime: not the emulator's own flags (tsx loaders, inspector, …).
      execArgv: [],
      stdout: true,
      stderr: true,
    });
    this.pipe(worker.stdout, 'stdout');
    this.pipe(worker.stderr, 'stderr');
    worker.on('message', (msg: FromWorker) => this.onMessage(msg));
    // After a crash the next call cold-starts a new worker; calls in flight on this one fail.
    const retire = (reason: string) => {
      if (this.worker !== worker) return; // already retired, or terminated on purpose
      this.worker = undefined;
      this.abandoned.clear();
      this.failAll(reason);
    };
    worker.on('error', (err) => {
      this.opts.log(`fn ${this.opts.name}: the runtime crashed: ${err.stack ?? err.message}`);
      retire(`${err.name}: ${err.message}`);
    });
    worker.on('exit', (code) => retire(`Error: the function's runtime exited (code ${code})`));
    this.worker = worker;
    return worker;
  }

  private onMessage(msg: FromWorker): void {
    const late = this.abandoned.get(msg.id);
    if (late !== undefined) {
      this.abandoned.delete(msg.id);
      this.opts.log(`fn ${this.opts.name}: discarded the late ${msg.type} of abandoned request ${late}`);
      return;
    }
    const call = this.settle(msg.id);
    if (!call) return;
    if (msg.type === 'result') {
      call.resolve(msg.json);
      return;
    }
    this.opts.log(`fn ${this.opts.name}: request ${call.requestId} failed: ${msg.stack ?? msg.message}`);
    call.reject(new InvocationError('failed', msg.message, call.requestId));
  }

  private settle(id: number): Pending | undefined {
    const call = this.pending.get(id);
    if (!call) return undefined;
    this.pending.delete(id);
    clearTimeout(call.timer);
    return call;
  }

  private failAll(message: string): void {
    for (const id of [...this.pending.keys()]) {
      const call = this.settle(id);
      call?.reject(new InvocationError('failed', message, call.requestId));
    }
  }

  private pipe(stream: Readable, name: 'stdout' | 'stderr'): void {
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) =>
      this.opts.output(this.opts.name, name, line),
    );
  }
}

let compiled: string | undefined;

/** worker.ts compiled once to CommonJS, so it runs the same under tsx, jest and plain node. */
function workerSource(): string {
  compiled ??= buildSync({
    entryPoints: [join(__dirname, 'worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  }).outputFiles[0].text;
  return compiled;
}
