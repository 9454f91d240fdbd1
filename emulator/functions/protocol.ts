// Messages between the function host (main thread) and a function's worker.
// Types only: the worker is compiled on its own and must not import host code.

/** Handed to each worker at start. */
export interface WorkerData {
  /** Absolute path of the built index.js. */
  bundlePath: string;
}

/** The SCF invocation context as plain data (functions are added inside the worker). */
export interface InvocationContext {
  request_id: string;
  function_name: string;
  function_version: string;
  namespace: string;
  memory_limit_in_mb: number;
  time_limit_in_ms: number;
  tencentcloud_region: string;
  /** JSON string of a flat map: the caller's identity (WX_OPENID …) and trigger (TRIGGER_SRC). */
  environment: string;
  /** The older `K=V;K=V` form of the same map, as the real runtime also sends it. */
  environ: string;
  callbackWaitsForEmptyEventLoop: boolean;
}

export interface InvokeMessage {
  type: 'invoke';
  id: number;
  event: unknown;
  context: InvocationContext;
}

export type ToWorker = InvokeMessage;

export interface ResultMessage {
  type: 'result';
  id: number;
  /** JSON text of the return value; absent when the function returned undefined. */
  json?: string;
}

export interface ErrorMessage {
  type: 'error';
  id: number;
  /** `<Error name>: <message>`, what the caller sees. */
  message: string;
  /** For the emulator's log only. */
  stack?: string;
}

export type FromWorker = ResultMessage | ErrorMessage;
