// Loads a page or component of the mini-program with miniprogram-simulate and the
// official WXML compiler. npm-style component paths ("tdesign-miniprogram/…") are
// rewritten to the built miniprogram_npm, as DevTools resolves them.
import path from 'node:path';
import type { WxDouble } from './wx-double';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const simulateUtils = require('miniprogram-simulate/src/utils') as { readJson(p: string): unknown };
import * as simulate from 'miniprogram-simulate';

export const MINIPROGRAM_ROOT = path.resolve(__dirname, '../../../miniprogram');

const originalReadJson = simulateUtils.readJson;
simulateUtils.readJson = (file: string) => {
  const json = originalReadJson(file) as { usingComponents?: Record<string, string> } | null;
  for (const [tag, ref] of Object.entries(json?.usingComponents ?? {})) {
    if (!ref.startsWith('.') && !ref.startsWith('/') && !ref.startsWith('plugin://')) {
      json!.usingComponents![tag] = `/miniprogram_npm/${ref}`;
    }
  }
  return json;
};

/** Load once per test file (simulate caches modules); render a fresh instance per test. */
export function loadPage(pagePath: string): string {
  return simulate.load(path.join(MINIPROGRAM_ROOT, pagePath), {
    compiler: 'official',
    rootPath: MINIPROGRAM_ROOT,
    compilerOptions: { maxBuffer: 64 * 1024 * 1024 },
  });
}

export type RenderedPage = ReturnType<typeof simulate.render>;

export function renderPage(id: string, props?: Record<string, unknown>): RenderedPage {
  const page = simulate.render(id, props);
  page.attach(document.createElement('parent-wrapper'));
  return page;
}

export const wxDouble = (): WxDouble => (globalThis as unknown as { __wxDouble: WxDouble }).__wxDouble;

export { simulate };

type Queryable = {
  dom?: Element | null | undefined;
  dispatchEvent(name: string, opts?: Record<string, unknown>): void;
};

/** Lets queued microtasks (simulate dispatches events asynchronously) and timers of 0 ms run. */
export const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Taps an element and lets the handler's synchronous part run. */
export async function tap(el: Queryable | undefined): Promise<void> {
  if (!el) throw new Error('tap: element not found');
  el.dispatchEvent('tap');
  await flush();
}

/** Text of an element found by selector inside a rendered page (throws if absent). */
export function textOf(page: RenderedPage, selector: string): string {
  const el = page.dom!.querySelector(selector);
  if (!el) throw new Error(`textOf: nothing matches ${selector}`);
  return el.textContent!.trim();
}

/** Waits until `check` stops throwing (or returns truthy); for async handlers that call the backend. */
export async function waitFor<T>(check: () => T, { timeoutMs = 5000 } = {}): Promise<T> {
  const start = Date.now();
  let lastError: unknown;
  for (;;) {
    try {
      const r = check();
      if (r !== false) return r;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() - start > timeoutMs) throw lastError ?? new Error('waitFor: condition never held');
    await flush();
  }
}
