// The miniprogram-automator wire protocol on a WebSocket: requests
// {id, method, params} answered {id, result} or {id, error: {message}}, events
// {method, params} without an id. The client has no timeouts of its own, so every
// request is answered — by its handler, by "not implemented" naming the method, or
// by a deadline naming it.
import { WebSocketServer, type WebSocket } from 'ws';

export type Params = Record<string, unknown>;
export type Handler = (params: Params) => Promise<object> | object;
export type Handlers = Record<string, Handler>;

export interface Server {
  port: number;
  /** Sends an event to every connected client. */
  emit(method: string, params: object): void;
  close(): Promise<void>;
}

const DEADLINE_MS = 30_000;

function withDeadline<T>(method: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${method} timed out after ${DEADLINE_MS / 1000} s in the headless runtime`)),
      DEADLINE_MS,
    );
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

async function answer(handlers: Handlers, method: string, params: Params): Promise<object> {
  const handler = Object.hasOwn(handlers, method) ? handlers[method] : undefined;
  if (!handler) throw new Error(`headless runtime: ${method} is not implemented`);
  const result = await withDeadline(
    method,
    Promise.resolve().then(() => handler(params)),
  );
  return result ?? {};
}

export function serve(port: number, handlers: Handlers, onError: (e: unknown) => void): Promise<Server> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port });
  const clients = new Set<WebSocket>();
  // One request at a time, in arrival order: the client awaits each call, and a page
  // must not be touched while the previous tap is still being answered.
  let chain: Promise<unknown> = Promise.resolve();
  wss.on('connection', (socket) => {
    clients.add(socket);
    socket.on('close', () => clients.delete(socket));
    socket.on('message', (raw) => {
      let msg: { id?: string; method?: string; params?: Params };
      try {
        msg = JSON.parse(String(raw)) as typeof msg;
      } catch {
        return;
      }
      const { id, method = '', params = {} } = msg;
      if (!id) return;
      chain = chain.then(async () => {
        try {
          const result = await answer(handlers, method, params ?? {});
          socket.send(JSON.stringify({ id, result }));
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          socket.send(JSON.stringify({ id, error: { message } }));
          if (!(err instanceof Error)) onError(err);
        }
      });
    });
  });
  return new Promise((resolve, reject) => {
    wss.once('error', reject);
    wss.once('listening', () => {
      const address = wss.address();
      resolve({
        port: typeof address === 'object' && address ? address.port : port,
        emit(method, params) {
          const frame = JSON.stringify({ method, params });
          for (const c of clients) c.send(frame);
        },
        close: () =>
          new Promise<void>((done) => {
            for (const c of clients) c.terminate();
            wss.close(() => done());
          }),
      });
    });
  });
}
