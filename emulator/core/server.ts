// The one HTTP server: /admin for the SDK, module routes, and the registry's own
// inspection routes. Binds to loopback only.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HOST, KEEP_ALIVE_TIMEOUT_MS, PATHS } from '../constants';
import { type AdminStats, createAdminEndpoint } from './admin';
import { sendJson } from './http';
import type { AdminHandler, Route } from './service';

export interface HttpServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

export async function listen(
  port: number,
  actions: Map<string, AdminHandler>,
  routes: Route[],
  log: (m: string) => void,
): Promise<HttpServer> {
  const stats: AdminStats = { total: 0, byAction: {} };
  const admin = createAdminEndpoint(actions, log, stats);
  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      log(`http: ${(err as Error)?.stack ?? String(err)}`);
      if (!res.headersSent) sendJson(res, 500, { code: 'SYS_ERR', message: 'emulator internal error' });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1000;

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', `http://${HOST}`);
    if (req.method === 'POST' && url.pathname === PATHS.admin) return admin(req, res, url);
    if (req.method === 'GET' && url.pathname === '/_emulator/stats') return sendJson(res, 200, stats);
    for (const route of routes) {
      if (route.method !== req.method && !(route.method === 'GET' && req.method === 'HEAD')) continue;
      const m = route.path.exec(url.pathname);
      if (m)
        return route.handle(
          req,
          res,
          m.slice(1).map((s) => decodeURIComponent(s ?? '')),
          url,
        );
    }
    sendJson(res, 404, { code: 'NOT_FOUND', message: `no route for ${req.method} ${url.pathname}` });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    server,
    port: actual,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
