// The page's styles as the browser needs them. miniprogram-simulate compiles each
// component's WXSS with its class prefix and puts it in <head>; what it leaves out
// is added here: app.wxss (global styles of every page), and the page's and
// app's styles once more for components that opt into them
// (`styleIsolation: 'apply-shared'`), under those components' prefixes.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import postcss, { type AtRule } from 'postcss';
import { MINIPROGRAM_DIR as MINIPROGRAM_ROOT, type PageJson } from './manifest';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const wxss = require('miniprogram-simulate/src/wxss') as {
  getContent(path: string): string;
  compile(content: string, opts: { prefix: string; less?: boolean }): string;
};

/** WeChat's rpx at a 375 px wide screen (simulate's own 1 rpx = 1 px is for a 750 px one). */
export function rpxToPx(css: string): string {
  return css.replace(/(-?\d*\.?\d+)rpx/gi, (_m, n: string) => `${Number(n) / 2}px`);
}

function readJson(file: string): PageJson {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as PageJson) : {};
}

function resolveComponent(fromDir: string, ref: string): string | null {
  if (!ref.startsWith('.') && !ref.startsWith('/')) return null; // library components keep their own styles
  const base = ref.startsWith('/') ? join(MINIPROGRAM_ROOT, ref) : join(fromDir, ref);
  return existsSync(`${base}.ts`) ? base : existsSync(join(base, 'index.ts')) ? join(base, 'index') : null;
}

/** Our components under a page (by tag = class prefix) that take page and app styles. */
function sharedComponents(pageBase: string): string[] {
  const out = new Set<string>();
  const seen = new Set<string>();
  const visit = (base: string) => {
    if (seen.has(base)) return;
    seen.add(base);
    for (const [tag, ref] of Object.entries(readJson(`${base}.json`).usingComponents ?? {})) {
      const child = resolveComponent(dirname(base), ref);
      if (!child) continue;
      if (/styleIsolation:\s*'(apply-shared|shared)'|addGlobalClass:\s*true/.test(readFileSync(`${child}.ts`, 'utf8')))
        out.add(tag);
      visit(child);
    }
  };
  visit(pageBase);
  return [...out];
}

/** Every style the page needs, in cascade order, rpx already converted. */
export function pageStyles(pagePath: string, doc: Document): string {
  const pageBase = join(MINIPROGRAM_ROOT, pagePath);
  const app = wxss.getContent(join(MINIPROGRAM_ROOT, 'app.wxss'));
  const page = existsSync(`${pageBase}.wxss`) ? wxss.getContent(`${pageBase}.wxss`) : '';
  const simulated = Array.from(doc.head.querySelectorAll('style'))
    .map((s) => s.textContent ?? '')
    .join('\n');
  const shared = sharedComponents(pageBase).flatMap((prefix) => [
    wxss.compile(app, { prefix }),
    wxss.compile(page, { prefix }),
  ]);
  // app.wxss first: page and component styles win over it, as in WeChat.
  return [rpxToPx(wxss.compile(app, { prefix: 'main' })), simulated, ...shared.map(rpxToPx)].join('\n');
}

const BUILT_IN_TAGS = [
  'view',
  'text',
  'image',
  'button',
  'input',
  'textarea',
  'scroll-view',
  'swiper',
  'swiper-item',
  'navigator',
  'picker',
  'picker-view',
  'switch',
  'checkbox',
  'checkbox-group',
  'radio',
  'radio-group',
  'label',
  'form',
  'rich-text',
  'video',
  'canvas',
  'map',
  'icon',
  'progress',
  'slider',
  'block',
  'cover-view',
  'cover-image',
];
const TAG = new RegExp(`(^|[\\s>+~,(])(${BUILT_IN_TAGS.join('|')})(?=$|[\\s.#:\\[>+~,)])`, 'g');

/** WXSS selectors as the DOM has them: `view` is <wx-view>, `page` is the body. */
export function browserSelectors(css: string): string {
  const root = postcss.parse(css);
  root.walkRules((rule) => {
    if (rule.parent?.type === 'atrule' && /keyframes/i.test((rule.parent as AtRule).name)) return;
    rule.selectors = rule.selectors.map((sel) =>
      sel
        .replace(TAG, (_m, before: string, tag: string) => `${before}wx-${tag}`)
        .replace(/(^|[\s>+~,(])page(?=$|[\s.#:[>+~,)])/g, '$1body'),
    );
  });
  return root.toString();
}
