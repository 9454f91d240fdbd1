// Starts the emulator's modules on one HTTP server, wires their /admin actions and
// routes, and stops them in reverse order. Whatever runs an emulator (the dev CLI
// in scripts/dev, tests) goes through startEmulator(), handing each module its
// configuration as data.
import { HOST, DEFAULT_ENV_ID, PATHS } from './constants';
import { readBody, sendJson } from './core/http';
import { listen } from './core/server';
import type { AdminHandler, EmulatorService, Route, ServiceContext } from './core/service';

export interface EmulatorOptions {
  /** 0 picks a free port. */
  port: number;
  /** Durable data folder; null keeps everything in memory. */
  dataDir: string | null;
  envId?: string;
  services: EmulatorService[];
  log?: (m: string) => void;
}

export interface RunningEmulator {
  port: number;
  url: string;
  adminUrl: string;
  functionsUrl: string;
  envId: string;
  services: EmulatorService[];
  service<T extends EmulatorService>(name: string): T | undefined;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

export async function startEmulator(opts: EmulatorOptions): Promise<RunningEmulator> {
  const log = opts.log ?? ((m: string) => console.log(`[emulator] ${m}`));
  const envId = opts.envId ?? DEFAULT_ENV_ID;
  const actions = new Map<string, AdminHandler>();
  const routes: Route[] = [];
  const byName = new Map(opts.services.map((s) => [s.name, s]));
  const service = <T extends EmulatorService>(name: string) => byName.get(name) as T | undefined;

  for (const s of opts.services) {
    for (const [action, handler] of Object.entries(s.adminActions ?? {})) {
      if (actions.has(action)) throw new Error(`two modules register the admin action ${action}`);
      actions.set(action, handler);
    }
    routes.push(...(s.routes ?? []));
  }

  const reset = async () => {
    for (const s of opts.services) await s.reset?.();
  };
  routes.push(
    { method: 'GET', path: /^\/_emulator\/health$/, handle: (_q, res) => sendJson(res, 200, { ok: true, envId }) },
    {
      method: 'POST',
      path: /^\/_emulator\/reset$/,
      handle: async (req, res) => {
        await readBody(req);
        await reset();
        sendJson(res, 200, { ok: true });
      },
    },
  );

  // Bind first so modules know the URL (the function host hands it to the SDK).
  const http = await listen(opts.port, actions, routes, log);
  const baseUrl = `http://${HOST}:${http.port}`;
  const ctx: ServiceContext = { baseUrl, envId, dataDir: opts.dataDir, log, service };
  const started: EmulatorService[] = [];
  try {
    for (const s of opts.services) {
      await s.start?.(ctx);
      started.push(s);
    }
  } catch (err) {
    for (const s of started.reverse()) await s.stop?.();
    await http.close();
    throw err;
  }

  let stopped = false;
  return {
    port: http.port,
    url: baseUrl,
    adminUrl: `${baseUrl}${PATHS.admin}`,
    functionsUrl: `${baseUrl}${PATHS.functions}`,
    envId,
    services: opts.services,
    service,
    reset,
    async stop() {
      if (stopped) return;
      stopped = true;
      await http.close();
      for (const s of [...started].reverse()) await s.stop?.();
    },
  };
}
