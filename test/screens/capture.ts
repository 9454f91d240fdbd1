// Captures one page in each of its states, in the runtime the page tests use
// (miniprogram-simulate with the official compiler, jsdom, the one wx double whose
// wx.cloud reaches the real functions on an emulator), and writes what the camera
// needs: the page's HTML and styles, its navigation bar, and what went wrong.
// Run by `npm run screenshots` through jest, one page per test file (several pages
// in one file leave later TDesign tags unrendered).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { clearSession } from '../../miniprogram/utils/session';
import { pinNow, useBackend } from '../pages/support/backend';
import { loadPage, renderPage, wxDouble, type RenderedPage } from '../pages/support/page';
import { installRecordingCanvas, takeRecordings } from './canvas';
import { CATALOG, type ShotState, type ShotUi, shotName } from './catalog';
import type { MapContexts } from './map';
import { VIEWERS } from './fixtures';
import { serializePage } from './serialize';
import { settled, trackBackendCalls } from './settle';
import { appJson, pageJsonOf } from './manifest';
import { browserSelectors, pageStyles, rpxToPx } from './styles';
import { type Capture, type CaptureContext, SCROLL_MARK } from './types';

function patchRpx(): void {
  // At 375 px wide, 1 rpx = 0.5 px (simulate converts 1:1, for a 750 px screen).
  for (const mod of ['miniprogram-simulate/src/utils', 'j-component/src/tool/utils']) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require(mod) as { transformRpx(s: string): string }).transformRpx = rpxToPx;
  }
}

type PageInstance = { onLoad?(q: Record<string, string>): unknown; onShow?(): unknown; onReady?(): unknown };
/** What j-component's root component can do beyond simulate's typings. */
type Root = RenderedPage & { triggerPageLifeTime(name: string): void; detach(): void };

/** Shows the page as WeChat would open it: attached, then onLoad(query), onShow, onReady. */
async function open(pageId: string, query: Record<string, string>): Promise<RenderedPage> {
  const page = renderPage(pageId);
  const inst = page.instance as unknown as PageInstance;
  await inst.onLoad?.(query);
  (page as Root).triggerPageLifeTime('show');
  await inst.onShow?.();
  await inst.onReady?.();
  return page;
}

/**
 * The titles pages set with wx.setNavigationBarTitle, by the page on top of
 * getCurrentPages() when the title was set (the headless runtime keeps a real stack),
 * or under NO_STACK (a capture shows one page, and getCurrentPages() is empty).
 */
const titles = new WeakMap<object, string>();
const NO_STACK = {};
let currentFileUrl: (fileId: string) => string = (id) => id;

function installWxRecorders(): void {
  const g = globalThis as unknown as { wx: Record<string, unknown>; getCurrentPages?: () => object[] };
  const wx = g.wx;
  const original = wx.setNavigationBarTitle as ((o: { title: string }) => unknown) | undefined;
  wx.setNavigationBarTitle = (o: { title: string }) => {
    titles.set(g.getCurrentPages?.().at(-1) ?? NO_STACK, o.title);
    return original?.(o);
  };
  installRecordingCanvas(() => currentFileUrl);
}

/**
 * Where the camera's browser fetches a cloud:// file: the emulator at `backend`
 * serves it under /storage/files/. Also what the pages' canvases draw from
 * (wx.cloud.downloadFile) from now on.
 */
export function useFileServer(backend: string): (fileId: string) => string {
  currentFileUrl = (id) => id.replace(/^cloud:\/\/[^/]+\//, `${backend}/storage/files/`);
  return currentFileUrl;
}

/** Today in Beijing at `hhmm` ("10:30"), as the server's pinned "now". */
function beijingToday(hhmm: string): string {
  const day = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  return new Date(`${day}T${hhmm}:00+08:00`).toISOString();
}

/** Taps as the page tests do (the element's tap event, then the page settles); a scroll marks where the camera scrolls to. */
function shotUi(page: RenderedPage): ShotUi {
  const find = (selector: string) => {
    const el = page.querySelector(selector);
    if (!el) throw new Error(`interact: nothing matches ${selector}`);
    return el;
  };
  return {
    async tap(selector) {
      find(selector).dispatchEvent('tap');
      await settled();
    },
    async scrollTo(selector) {
      page.dom?.querySelector(`[${SCROLL_MARK}]`)?.removeAttribute(SCROLL_MARK);
      const dom = find(selector).dom;
      if (!dom) throw new Error(`interact: ${selector} has no element to scroll to`);
      dom.setAttribute(SCROLL_MARK, '');
    },
  };
}

/** What the page set up on its maps, from the calls the wx double recorded. */
function mapContexts(): MapContexts {
  const clusterGrid: Record<string, number> = {};
  for (const call of wxDouble().callsOf('MapContext.initMarkerCluster') as { mapId: string; gridSize?: number }[])
    clusterGrid[call.mapId] = call.gridSize ?? 60;
  return { clusterGrid };
}

/** Where the phone is, if the user allowed location. */
function userLocation(): { latitude: number; longitude: number } | null {
  const { auth, position } = wxDouble().location;
  return auth === true ? position : null;
}

function describeError(err: unknown): string {
  return err instanceof Error ? `${err.message}\n${err.stack ?? ''}`.slice(0, 2000) : String(err);
}

export interface CaptureExtra {
  /** cloud:// id → URL the camera's browser can load (useFileServer). */
  fileUrl(fileId: string): string;
  /** Errors thrown or logged while the page was shown. */
  errors: string[];
  state?: string;
  caption?: string;
  /** The PNG's name without extension (default: the page path with / as -). */
  file?: string;
}

/**
 * What the camera needs of a page as it is on screen now: its HTML and styles, its
 * navigation bar (the title it set, or its json's), its tab. `page` null = it never
 * rendered (an empty screen; `errors` says why).
 */
export function captureOf(pagePath: string, page: RenderedPage | null, extra: CaptureExtra): Capture {
  const json = pageJsonOf(pagePath);
  const app = appJson();
  const title = (page?.instance && titles.get(page.instance as object)) ?? titles.get(NO_STACK);
  return {
    page: pagePath,
    state: extra.state ?? '',
    caption: extra.caption ?? '',
    file: extra.file ?? pagePath.replace(/\//g, '-'),
    title: title ?? json.navigationBarTitleText ?? app.window.navigationBarTitleText ?? '',
    navBackground: json.navigationBarBackgroundColor ?? app.window.navigationBarBackgroundColor ?? '#ffffff',
    navText: (json.navigationBarTextStyle ?? app.window.navigationBarTextStyle ?? 'black') as 'white' | 'black',
    background: json.backgroundColor ?? app.window.backgroundColor ?? '#ffffff',
    tab: app.tabBar.list.findIndex((t) => t.pagePath === pagePath),
    html: page?.dom
      ? serializePage(page.dom, {
          fileUrl: extra.fileUrl,
          canvases: takeRecordings(),
          maps: mapContexts(),
          userLocation: userLocation(),
        })
      : '',
    css: browserSelectors(pageStyles(pagePath, document)),
    errors: extra.errors,
  };
}

/** One state of one page (loaded with loadPage), as the camera needs it. */
export async function captureState(
  pagePath: string,
  pageId: string,
  s: ShotState,
  ctx: CaptureContext,
): Promise<Capture> {
  const errors: string[] = [];
  const originalError = console.error;
  console.error = (...args: unknown[]) => void errors.push(args.map((a) => describeError(a)).join(' '));
  const onRejection = (reason: unknown) => void errors.push(`unhandled rejection: ${describeError(reason)}`);
  process.on('unhandledRejection', onRejection);
  const backend = ctx.backends[s.backend ?? 'demo'];
  const fileUrl = useFileServer(backend);
  titles.delete(NO_STACK);
  takeRecordings();
  wxDouble().reset();
  Object.assign(wxDouble().location, s.location ?? {});
  clearSession();
  useBackend(backend, VIEWERS[s.viewer]);
  pinNow(s.now ?? (s.clock ? beijingToday(s.clock) : null));
  let page: RenderedPage | null = null;
  try {
    page = await open(pageId, s.query?.(ctx.fixtures) ?? {});
    await settled();
    await s.interact?.(shotUi(page));
  } catch (err) {
    errors.push(describeError(err));
  } finally {
    console.error = originalError;
    process.off('unhandledRejection', onRejection);
  }
  const capture = captureOf(pagePath, page, {
    fileUrl,
    errors,
    state: s.name,
    caption: s.caption,
    file: shotName(pagePath, s),
  });
  (page as Root | null)?.detach();
  pinNow(null);
  return capture;
}

/** Once per test file, before loading a page: the 375 px rpx scale and the recorders. */
export function prepareCapture(): void {
  patchRpx();
  installWxRecorders();
  trackBackendCalls();
}

/** Captures every state of `pagePath` listed in the catalog into SCREENS_CONTEXT's outDir. */
export async function capturePage(pagePath: string): Promise<Capture[]> {
  const ctx = JSON.parse(process.env.SCREENS_CONTEXT ?? 'null') as CaptureContext | null;
  if (!ctx) throw new Error('capturePage runs under npm run screenshots (SCREENS_CONTEXT is not set)');
  const states = CATALOG[pagePath];
  if (!states) throw new Error(`${pagePath} has no states in test/screens/catalog.ts`);
  prepareCapture();
  const pageId = loadPage(pagePath);
  mkdirSync(ctx.outDir, { recursive: true });
  const out: Capture[] = [];
  for (const s of states) {
    const capture = await captureState(pagePath, pageId, s, ctx);
    writeFileSync(join(ctx.outDir, `${capture.file}.json`), JSON.stringify(capture));
    out.push(capture);
  }
  return out;
}
