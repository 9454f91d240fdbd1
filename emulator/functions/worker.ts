// The worker-thread entry: one worker per function, so each function has its own
// process.env (the SCF env plus its config). It loads the built index.js once, as
// a cold start does, and runs every invocation it is sent; many may be in flight
// at once, each with its own context, so identity never crosses between callers.
// Compiled on its own by the host (see runner.ts): import nothing but node and types.
import { parentPort, workerData } from 'node:worker_threads';
import type { FromWorker, InvocationContext, ToWorker, WorkerData } from './protocol';

type Main = (event: unknown, context: unknown, callback: (err: unknown, value?: unknown) => void) => unknown;

const port = parentPort;
if (!port) throw new Error('worker.ts must run in a worker thread');
const { bundlePath } = workerData as WorkerData;

// Stack traces in the emulator's log point at the TypeScript sources.
process.setSourceMapsEnabled(true);
// A stray rejection is logged, not fatal: it must not take down other callers' invocations.
process.on('unhandledRejection', (reason) => {
  console.error('unhandled promise rejection:', reason);
});

let main: Main | undefined;
let loadError: string | undefined;
try {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exported = require(bundlePath) as { main?: unknown };
  if (typeof exported.main === 'function') main = exported.main as Main;
  else loadError = `Error: ${bundlePath} does not export a main function`;
} catch (err) {
  loadError = `Error: cannot load ${bundlePath}: ${describe(err)}`;
  console.error((err as Error)?.stack ?? String(err));
}

port.on('message', (msg: ToWorker) => {
  if (msg.type !== 'invoke') return;
  const reply = (m: FromWorker) => port.postMessage(m);
  if (!main) {
    reply({ type: 'error', id: msg.id, message: loadError ?? 'Error: no main' });
    return;
  }
  run(main, msg.event, withRuntimeHelpers(msg.context)).then(
    (value) => {
      try {
        // The platform answers with JSON, so anything JSON cannot carry fails here as it would there.
        reply({ type: 'result', id: msg.id, json: JSON.stringify(value) });
      } catch (err) {
        reply({ type: 'error', id: msg.id, message: describe(err), stack: (err as Error)?.stack });
      }
    },
    (err: unknown) => reply({ type: 'error', id: msg.id, message: describe(err), stack: (err as Error)?.stack }),
  );
});

/** Async functions resolve their promise; callback-style ones (3 parameters) call back; others just return. */
function run(fn: Main, event: unknown, context: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const callback = (err: unknown, value?: unknown) => (err ? reject(err) : resolve(value));
    try {
      const returned = fn(event, context, callback);
      if (returned && typeof (returned as PromiseLike<unknown>).then === 'function') {
        (returned as PromiseLike<unknown>).then(resolve, reject);
      } else if (fn.length < 3) {
        resolve(returned);
      }
    } catch (err) {
      reject(err);
    }
  });
}

/** The runtime's context also has a method, which cannot cross the thread boundary. */
function withRuntimeHelpers(context: InvocationContext) {
  const deadline = Date.now() + context.time_limit_in_ms;
  return { ...context, getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()) };
}

function describe(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  if (typeof err === 'string') return `Error: ${err}`;
  try {
    return `Error: ${JSON.stringify(err)}`;
  } catch {
    return `Error: ${String(err)}`;
  }
}
