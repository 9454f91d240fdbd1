// The headless mini-program: app.ts launched, the entry page open, the route APIs
// of `wx` answered by the page stack, and "done" meaning what a user would wait for
// — no route opening, no backend call in flight, the page rendered what came back.
import { join } from 'node:path';
import { useBackend } from '../pages/support/backend';
import { MINIPROGRAM_ROOT } from '../pages/support/page';
import { prepareCapture } from '../screens/capture';
import { settled } from '../screens/settle';
import { appJson } from '../screens/manifest';
import { shareOneRegistry } from './registry';
import { type PageEntry, RouteError, Router } from './router';

type Callbacks = {
  url?: unknown;
  delta?: unknown;
  success?: (res: unknown) => void;
  fail?: (res: unknown) => void;
  complete?: (res: unknown) => void;
};
type AppOptions = Record<string, unknown> & {
  onLaunch?(o: unknown): unknown;
  onShow?(o: unknown): unknown;
};

const g = globalThis as unknown as {
  wx: Record<string, unknown>;
  App: (o: AppOptions) => void;
  getApp: () => AppOptions;
  getCurrentPages: () => unknown[];
};

export interface Runtime {
  router: Router;
  /** Resolves once no route is opening and the page has settled (rejects when it never does). */
  idle(): Promise<void>;
  /** The emulator the app's wx.cloud reaches. */
  backendUrl: string;
}

const ROUTES = ['navigateTo', 'redirectTo', 'reLaunch', 'switchTab', 'navigateBack'] as const;

/** Answers a route call as wx does: callbacks, or a Promise when none is given. */
function routeApi(router: Router, api: (typeof ROUTES)[number]) {
  return (options: Callbacks = {}) => {
    const done = (async () => {
      try {
        const change = api === 'navigateBack' ? router.navigateBack(options.delta) : router[api](options.url);
        await change;
        return { errMsg: `${api}:ok` };
      } catch (err) {
        const errMsg = err instanceof RouteError ? err.message : `${api}:fail ${(err as Error).message}`;
        throw { errMsg };
      }
    })();
    const hasCallbacks = options.success || options.fail || options.complete;
    if (!hasCallbacks) return done;
    done.then(
      (res) => {
        options.success?.(res);
        options.complete?.(res);
      },
      (res: unknown) => {
        options.fail?.(res);
        options.complete?.(res);
      },
    );
    return undefined;
  };
}

export async function launch(opts: { backendUrl: string; openid: string }): Promise<Runtime> {
  shareOneRegistry();
  prepareCapture();
  useBackend(opts.backendUrl, opts.openid);
  const router = new Router();
  for (const api of ROUTES) g.wx[api] = routeApi(router, api);
  g.getCurrentPages = () => router.stack.map((e) => e.root.instance);

  let app: AppOptions | null = null;
  g.App = (options) => {
    app = options;
  };
  g.getApp = () => app ?? ({} as AppOptions);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(join(MINIPROGRAM_ROOT, 'app.ts'));
  if (!app) throw new Error('miniprogram/app.ts did not call App()');
  const launched = app as AppOptions;
  const entry = appJson().pages[0]!;
  const launchInfo = { path: entry, query: {}, scene: 1001, referrerInfo: {} };
  await launched.onLaunch?.call(launched, launchInfo);
  await launched.onShow?.call(launched, launchInfo);

  const idle = async () => {
    for (;;) {
      await settled();
      if (!router.busy) return;
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  await router.reLaunch(`/${entry}`);
  await idle();
  return { router, idle, backendUrl: opts.backendUrl };
}

export type { PageEntry };
