// The page stack of the headless runtime: WeChat's five route APIs over pages
// rendered by miniprogram-simulate, with the lifecycles a real client runs
// (onLoad/onShow/onReady on open, onHide under a new page, onUnload when closed,
// onShow again when uncovered) and the tab bar's rule that tab pages stay alive.
import { loadPage, renderPage, type RenderedPage } from '../pages/support/page';
import { allPages, appJson } from '../screens/manifest';

type Root = RenderedPage & { triggerPageLifeTime(name: string): void; detach(): void };
type Lifecycle = (query?: Record<string, string>) => unknown;

export interface PageEntry {
  /** Never reused: the automator client caches Page objects by it. */
  pageId: number;
  /** 'packages/study/pages/quotes/index' (no leading slash). */
  path: string;
  query: Record<string, string>;
  root: Root;
}

const MAX_STACK = 10;

const lifecycle = (entry: PageEntry, name: string) =>
  (entry.root.instance as unknown as Record<string, Lifecycle | undefined>)[name];

async function call(entry: PageEntry, name: string, arg?: Record<string, string>): Promise<void> {
  await lifecycle(entry, name)?.call(entry.root.instance, arg);
}

export class RouteError extends Error {}

export class Router {
  readonly stack: PageEntry[] = [];
  /** Tab pages once opened stay alive (hidden) while another tab shows. */
  private readonly tabs = new Map<string, PageEntry>();
  private readonly loaded = new Map<string, string>();
  private nextPageId = 1;
  private queue: Promise<unknown> = Promise.resolve();
  private pending = 0;
  private readonly known: Set<string>;
  private readonly tabPaths: Set<string>;

  constructor() {
    this.known = new Set(allPages());
    this.tabPaths = new Set(appJson().tabBar.list.map((t) => t.pagePath));
  }

  get current(): PageEntry | undefined {
    return this.stack[this.stack.length - 1];
  }

  /** Whether a route is still opening or closing pages. */
  get busy(): boolean {
    return this.pending > 0;
  }

  isTab(path: string): boolean {
    return this.tabPaths.has(path);
  }

  byId(pageId: number): PageEntry | undefined {
    return this.stack.find((e) => e.pageId === pageId) ?? [...this.tabs.values()].find((e) => e.pageId === pageId);
  }

  /** Resolves a route url ('/packages/x/pages/y/index?id=1', or relative to the current page). */
  resolve(api: string, url: unknown): { path: string; query: Record<string, string> } {
    if (typeof url !== 'string' || !url)
      throw new RouteError(`${api}:fail parameter error: parameter.url should be String`);
    const [rawPath, rawQuery = ''] = url.split('?') as [string, string?];
    let path: string;
    if (rawPath.startsWith('/')) path = rawPath.slice(1);
    else {
      const base = (this.current?.path ?? '').split('/').slice(0, -1);
      for (const part of rawPath.split('/')) {
        if (part === '..') base.pop();
        else if (part !== '.') base.push(part);
      }
      path = base.join('/');
    }
    if (!this.known.has(path)) throw new RouteError(`${api}:fail page "${path}" is not found`);
    const query = Object.fromEntries(new URLSearchParams(rawQuery));
    return { path, query };
  }

  /** Runs route changes one after another, as the client does. */
  run<T>(change: () => Promise<T>): Promise<T> {
    this.pending++;
    const next = this.queue.then(change);
    this.queue = next.catch(() => undefined).finally(() => this.pending--);
    return next;
  }

  private async open(path: string, query: Record<string, string>): Promise<PageEntry> {
    let id = this.loaded.get(path);
    if (!id) {
      id = loadPage(path);
      this.loaded.set(path, id);
    }
    const root = renderPage(id) as Root;
    const entry: PageEntry = { pageId: this.nextPageId++, path, query, root };
    const inst = root.instance as unknown as Record<string, unknown>;
    inst.route = path;
    inst.options = query;
    if (this.isTab(path)) this.tabs.set(path, entry);
    this.stack.push(entry);
    await call(entry, 'onLoad', query);
    root.triggerPageLifeTime('show');
    await call(entry, 'onShow');
    await call(entry, 'onReady');
    return entry;
  }

  private async hide(entry: PageEntry): Promise<void> {
    entry.root.triggerPageLifeTime('hide');
    await call(entry, 'onHide');
  }

  private async show(entry: PageEntry): Promise<void> {
    entry.root.triggerPageLifeTime('show');
    await call(entry, 'onShow');
  }

  private async unload(entry: PageEntry): Promise<void> {
    await call(entry, 'onUnload');
    entry.root.detach();
    if (this.tabs.get(entry.path) === entry) this.tabs.delete(entry.path);
  }

  /** Closes every page on the stack; tab pages only hide when `keepTabs`. */
  private async clear(keepTabs: boolean): Promise<void> {
    const top = this.current;
    while (this.stack.length) {
      const entry = this.stack.pop()!;
      if (!keepTabs || !this.isTab(entry.path)) await this.unload(entry);
      else if (entry === top) await this.hide(entry);
    }
  }

  /** The mini-program exits: every page closes (App.exit). */
  exit(): Promise<void> {
    return this.run(async () => {
      await this.clear(false);
      for (const tab of [...this.tabs.values()]) await this.unload(tab);
    });
  }

  navigateTo(url: unknown): Promise<PageEntry> {
    const { path, query } = this.resolve('navigateTo', url);
    if (this.isTab(path)) throw new RouteError('navigateTo:fail can not navigateTo a tabbar page');
    if (this.stack.length >= MAX_STACK) throw new RouteError('navigateTo:fail webview count limit exceed');
    return this.run(async () => {
      if (this.current) await this.hide(this.current);
      return this.open(path, query);
    });
  }

  redirectTo(url: unknown): Promise<PageEntry> {
    const { path, query } = this.resolve('redirectTo', url);
    if (this.isTab(path)) throw new RouteError('redirectTo:fail can not redirectTo a tabbar page');
    return this.run(async () => {
      const top = this.stack.pop();
      if (top) await this.unload(top);
      return this.open(path, query);
    });
  }

  reLaunch(url: unknown): Promise<PageEntry> {
    const { path, query } = this.resolve('reLaunch', url);
    return this.run(async () => {
      await this.clear(false);
      for (const tab of [...this.tabs.values()]) await this.unload(tab);
      return this.open(path, query);
    });
  }

  switchTab(url: unknown): Promise<PageEntry> {
    const { path } = this.resolve('switchTab', url);
    if (!this.isTab(path)) throw new RouteError('switchTab:fail can not switch to no-tabBar page');
    return this.run(async () => {
      if (this.current?.path === path && this.stack.length === 1) return this.current;
      const kept = this.tabs.get(path);
      await this.clear(true);
      if (!kept) return this.open(path, {});
      this.stack.push(kept);
      await this.show(kept);
      return kept;
    });
  }

  navigateBack(delta: unknown = 1): Promise<PageEntry> {
    const n = Math.max(1, Math.floor(Number(delta) || 1));
    if (this.stack.length <= 1) throw new RouteError('navigateBack:fail cannot navigate back at first page.');
    return this.run(async () => {
      for (let i = 0; i < n && this.stack.length > 1; i++) await this.unload(this.stack.pop()!);
      await this.show(this.current!);
      return this.current!;
    });
  }
}
