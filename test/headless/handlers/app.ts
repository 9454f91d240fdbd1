// App.*: the page stack, wx's methods (called, mocked, restored), code evaluated in
// the app's global, the console, and the camera.
import type { Handlers, Params } from '../protocol';
import { type Context, plain } from './context';

type Fn = (...args: unknown[]) => unknown;
const wx = () => (globalThis as unknown as { wx: Record<string, unknown> }).wx;

const described = (e: { pageId: number; path: string; query: Record<string, string> }) => ({
  pageId: e.pageId,
  path: e.path,
  query: e.query,
});

/** Calls wx[method] as DevTools does: a Sync API's return value, or what `success` got (`fail` rejects). */
async function callWx(method: string, args: unknown[]): Promise<unknown> {
  const fn = wx()[method];
  if (typeof fn !== 'function')
    throw new Error(`App.callWxMethod: wx.${method} does not exist in the headless runtime`);
  if (method.endsWith('Sync')) return (fn as Fn)(...args);
  const [first, ...rest] = args;
  const options = first && typeof first === 'object' ? (first as Record<string, unknown>) : {};
  return new Promise((resolve, reject) => {
    const returned = (fn as Fn)(
      {
        ...options,
        success: resolve,
        fail: (res: { errMsg?: string }) => reject(new Error(res?.errMsg ?? `${method}:fail`)),
      },
      ...rest,
    );
    if (returned && typeof (returned as Promise<unknown>).then === 'function')
      (returned as Promise<unknown>).then(resolve, (res: { errMsg?: string }) =>
        reject(new Error(res?.errMsg ?? String(res))),
      );
    else if (returned !== undefined) resolve(returned);
  });
}

/** Evaluates a function's source in the app's global (arguments and result are JSON). */
function compile(declaration: unknown): Fn {
  if (typeof declaration !== 'string') throw new Error('functionDeclaration must be a function');
  return new Function(`return (${declaration})`)() as Fn;
}

/** What a mocked wx method does: answer `result` (Sync: return it; async: success(result)), or run a function. */
function mocked(method: string, original: unknown, params: Params): Fn {
  const answerWith = (value: unknown, options: unknown) => {
    if (method.endsWith('Sync')) return value;
    const cb = (options ?? {}) as { success?: Fn; complete?: Fn; fail?: Fn };
    if (cb.success || cb.complete || cb.fail) {
      setTimeout(() => {
        cb.success?.(value);
        cb.complete?.(value);
      }, 0);
      return undefined;
    }
    return Promise.resolve(value);
  };
  if ('functionDeclaration' in params) {
    const fn = compile(params.functionDeclaration);
    const extra = (params.args as unknown[]) ?? [];
    return (...callArgs: unknown[]) => {
      const value = fn.apply({ origin: original }, [...callArgs, ...extra]);
      if (method.endsWith('Sync')) return value;
      return Promise.resolve(value).then((v) => answerWith(v, callArgs[0]));
    };
  }
  return (options?: unknown) => answerWith(params.result, options);
}

export function appHandlers(ctx: Context): Handlers {
  const originals = new Map<string, unknown>();
  let logging = false;

  const enableLog = () => {
    if (logging) return;
    logging = true;
    for (const type of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      const original = console[type].bind(console);
      console[type] = (...args: unknown[]) => {
        ctx.server?.emit('App.logAdded', { type, args: args.map((a) => (a instanceof Error ? a.message : plain(a))) });
        original(...args);
      };
    }
  };

  return {
    'App.getCurrentPage': () => {
      const top = ctx.runtime.router.current;
      if (!top) throw new Error('App.getCurrentPage: no page is open');
      return described(top);
    },
    'App.getPageStack': () => ({ pageStack: ctx.runtime.router.stack.map((e) => described(e)) }),
    'App.callWxMethod': async (p) => {
      if (p.pluginId) throw new Error('App.callWxMethod: plugins are not implemented in the headless runtime');
      const method = String(p.method);
      const result = await callWx(method, (p.args as unknown[]) ?? []);
      await ctx.runtime.idle();
      return { result: plain(result) };
    },
    'App.mockWxMethod': (p) => {
      const method = String(p.method);
      const current = wx()[method];
      if (!originals.has(method)) originals.set(method, current);
      if (!('result' in p) && !('functionDeclaration' in p)) {
        wx()[method] = originals.get(method);
        originals.delete(method);
        return {};
      }
      wx()[method] = mocked(method, originals.get(method), p);
      return {};
    },
    'App.callFunction': async (p) => {
      const result = await compile(p.functionDeclaration)(...((p.args as unknown[]) ?? []));
      await ctx.runtime.idle();
      return { result: plain(result) };
    },
    'App.captureScreenshot': async () => ({ data: (await ctx.screenshot()).toString('base64') }),
    // The name some documentation gives it; the client sends App.captureScreenshot.
    'Tool.captureScreenshot': async () => ({ data: (await ctx.screenshot()).toString('base64') }),
    'App.enableLog': () => {
      enableLog();
      return {};
    },
    // The mini-program exits (every page unloads); the runtime stays until Tool.close.
    'App.exit': async () => {
      await ctx.runtime.router.exit();
      return {};
    },
  };
}
