// Page.*: elements by selector, the page's data and methods.
import type { Handlers } from '../protocol';
import { describe, queryAll, queryOne, type XNode } from '../elements';
import { type Context, pageOf, plain } from './context';

type Root = { _exparserNode: XNode; instance: Record<string, unknown> & { data: object; setData(d: object): void } };

const rootOf = (ctx: Context, pageId: unknown) => pageOf(ctx, pageId).root as unknown as Root;

/** Reads 'list[0].name' / 'a.b' out of page data. */
export function atPath(data: unknown, path: unknown): unknown {
  if (path === undefined || path === null || path === '') return data;
  const keys = String(path)
    .replace(/\[(\w+)\]/g, '.$1')
    .split('.')
    .filter(Boolean);
  return keys.reduce<unknown>(
    (v, k) => (v === null || v === undefined ? undefined : (v as Record<string, unknown>)[k]),
    data,
  );
}

export function pageHandlers(ctx: Context): Handlers {
  return {
    'Page.getElement': (p) => {
      const node = queryOne(rootOf(ctx, p.pageId)._exparserNode, String(p.selector));
      if (!node) throw new Error(`Page.getElement: nothing matches ${String(p.selector)}`);
      return describe(node);
    },
    'Page.getElements': (p) => ({
      elements: queryAll(rootOf(ctx, p.pageId)._exparserNode, String(p.selector)).map(describe),
    }),
    'Page.getData': (p) => ({ data: plain(atPath(rootOf(ctx, p.pageId).instance.data, p.path)) }),
    'Page.setData': async (p) => {
      rootOf(ctx, p.pageId).instance.setData((p.data as object) ?? {});
      await ctx.runtime.idle();
      return {};
    },
    'Page.callMethod': async (p) => {
      const inst = rootOf(ctx, p.pageId).instance;
      const method = inst[String(p.method)];
      if (typeof method !== 'function') throw new Error(`Page.callMethod: the page has no method ${String(p.method)}`);
      const result = await (method as (...a: unknown[]) => unknown).apply(inst, (p.args as unknown[]) ?? []);
      await ctx.runtime.idle();
      return { result: plain(result) };
    },
  };
}
