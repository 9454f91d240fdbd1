// The tap-target rule for worker pages: everything a worker taps is at least
// 88rpx high (gloves, a moving scooter, a cracked screen).
//
// A tap target is an element with a tap binding (bindtap, catch:tap, …), a native
// control (button, navigator, picker, switch, checkbox, radio), or an interactive
// TDesign component. Its height is:
//   - for TDesign components, what their own CSS gives them (the variables in
//     TDESIGN_HEIGHTS, overridden by `page { --td-…: … }` in app.wxss);
//   - for anything else, what the classes written on it declare: min-height or
//     height, or vertical padding plus line-height. A <text> is inline, so it also
//     needs a display that gives it a box.
// A target may also pass through its only child (a <picker> around a <t-cell>),
// and a switch or checkbox may be smaller when the row around it is a passing
// target that toggles it.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { type Element, parseWxml, staticClasses, walk } from './wxml';
import { declarationsFor, declaredHeight, parseWxss, rpx, type Stylesheet } from './wxss';

export const MIN_TAP_HEIGHT = 88;

/** A TDesign component's height: `base` rpx plus, if named, a CSS variable of TDesign's (default given). */
interface TDesignHeight {
  variable?: { name: string; file: string; fallback: number };
  base: number;
}

const cssVar = (component: string, name: string, fallback: number, base = 0): TDesignHeight => ({
  variable: { name, file: `${component}/${component}.wxss`, fallback },
  base,
});

/** How tall the TDesign components a worker taps render, by their attributes. */
export const TDESIGN_HEIGHTS: Record<string, (attrs: Record<string, string>) => TDesignHeight> = {
  't-button': (a) => {
    const size = a.size ?? 'medium';
    const fallback = { 'extra-small': 56, small: 64, medium: 80, large: 96 }[size] ?? 0;
    return cssVar('button', `--td-button-${size}-height`, fallback);
  },
  // Title line 48rpx between two vertical paddings.
  't-cell': () => ({ ...cssVar('cell', '--td-cell-vertical-padding', 32), base: 48 + 32 }),
  't-tabs': () => cssVar('tabs', '--td-tab-item-height', 96),
  't-search': () => cssVar('search', '--td-search-height', 80),
  // Padded only when block (the default); an inline checkbox is its 48rpx icon.
  't-checkbox': (a) =>
    a.block === '{{false}}'
      ? { base: 48 }
      : { ...cssVar('checkbox', '--td-checkbox-vertical-padding', 32), base: 48 + 32 },
  't-radio': () => ({ ...cssVar('radio', '--td-radio-vertical-padding', 32), base: 48 + 32 }),
  't-switch': (a) =>
    a.size === 'large'
      ? cssVar('switch', '--td-switch-large-height', 64)
      : a.size === 'small'
        ? cssVar('switch', '--td-switch-small-height', 48)
        : cssVar('switch', '--td-switch-height', 56),
  // Fields: a line of text between two 32rpx paddings.
  't-input': () => ({ ...cssVar('input', '--td-input-vertical-padding', 32), base: 48 + 32 }),
  't-textarea': () => ({ base: 112 }),
};

/** Controls that may sit, smaller, in a row that is itself the tap target. */
const ROW_CONTROLS = new Set(['t-switch', 't-checkbox', 't-radio', 'switch', 'checkbox', 'radio']);
const NATIVE_CONTROLS = new Set(['button', 'navigator', 'picker', 'switch', 'checkbox', 'radio']);
/** TDesign components that are tapped whatever they are bound to. */
const ALWAYS_TAPPED = new Set([
  't-button',
  't-tabs',
  't-search',
  't-checkbox',
  't-radio',
  't-switch',
  't-input',
  't-textarea',
]);

const hasTapBinding = (el: Element) =>
  Object.keys(el.attrs).some((k) => /^(capture-)?(bind|catch|mut-bind):?(tap|click|longpress)$/.test(k));

export function isTapTarget(el: Element): boolean {
  return hasTapBinding(el) || NATIVE_CONTROLS.has(el.tag) || ALWAYS_TAPPED.has(el.tag);
}

export interface Template {
  /** For messages, e.g. "pages/home/index.wxml". */
  file: string;
  wxml: string;
  /** The stylesheets whose rules apply to it, in cascade order; the last is its own. */
  sheets: Stylesheet[];
  /**
   * Custom properties it inherits (app.wxss's `page { --td-…: … }`): unlike rules,
   * they reach into every component, whatever its style isolation.
   */
  vars: Record<string, string>;
}

/** The rpx height `el` gets from TDesign's CSS (with app.wxss's overrides) or from its own classes. */
export function heightOf(el: Element, t: Pick<Template, 'sheets' | 'vars'>): number {
  const tdesign = TDESIGN_HEIGHTS[el.tag];
  if (tdesign) {
    const h = tdesign(el.attrs);
    if (!h.variable) return h.base;
    return h.base + (rpx(t.vars[h.variable.name]) ?? h.variable.fallback);
  }
  const decls = declarationsFor(staticClasses(el), t.sheets);
  if (el.tag === 'text' && !/^(block|flex|inline-block|inline-flex)$/.test(decls.display ?? '')) return 0;
  return declaredHeight(decls);
}

function passes(el: Element, t: Pick<Template, 'sheets' | 'vars'>): boolean {
  if (heightOf(el, t) >= MIN_TAP_HEIGHT) return true;
  // Through its only child, e.g. <picker><t-cell/></picker>.
  if (el.children.length === 1 && heightOf(el.children[0]!, t) >= MIN_TAP_HEIGHT) return true;
  if (ROW_CONTROLS.has(el.tag)) {
    for (let up = el.parent; up; up = up.parent) if (isTapTarget(up) && passes(up, t)) return true;
  }
  return false;
}

function describe(el: Element): string {
  const id = el.attrs.id ? `#${el.attrs.id}` : '';
  const classes = staticClasses(el)
    .map((c) => `.${c}`)
    .join('');
  return `<${el.tag}${id}${classes}>`;
}

/** The tap targets of a template lower than MIN_TAP_HEIGHT, as "file:line <tag#id.class> N rpx". */
export function smallTapTargets(t: Template): string[] {
  const out: string[] = [];
  for (const el of walk(parseWxml(t.wxml))) {
    if (!isTapTarget(el) || passes(el, t)) continue;
    out.push(`${t.file}:${el.line} ${describe(el)} ${heightOf(el, t)}rpx`);
  }
  return out;
}

// --- which templates a worker sees

interface AppJson {
  pages: string[];
  subpackages: { root: string; pages: string[] }[];
}

/** Organiser pages: the admin subpackage, and each feature's `admin-` pages. */
export const isOrganiserPage = (page: string) =>
  page.startsWith('packages/admin/') || /\/pages\/admin-[^/]+\/index$/.test(page);

/**
 * Every template of a worker page: the page, and the mini-program's own components
 * it uses (not TDesign's), each with the stylesheets that reach it.
 */
export function workerTemplates(mpRoot: string): Template[] {
  const read = (rel: string) => readFileSync(join(mpRoot, rel), 'utf8');
  /** A stylesheet, after those it @imports (by relative path), in cascade order. */
  const sheet = (rel: string): Stylesheet[] => {
    if (!existsSync(join(mpRoot, rel))) return [];
    const text = read(rel);
    const imported = [...text.matchAll(/@import\s+['"]([^'"]+)['"]/g)].map((m) => posix.join(dirname(rel), m[1]!));
    return [...imported.flatMap(sheet), parseWxss(text)];
  };
  const app = JSON.parse(read('app.json')) as AppJson;
  const pages = [...app.pages, ...app.subpackages.flatMap((sp) => sp.pages.map((p) => posix.join(sp.root, p)))];
  const appSheet = sheet('app.wxss');
  const vars = appSheet[0]?.pageVars ?? {};
  const out = new Map<string, Template>();

  const visit = (base: string, inherited: Stylesheet[]) => {
    if (out.has(`${base}.wxml`)) return;
    const sheets = [...inherited, ...sheet(`${base}.wxss`)];
    out.set(`${base}.wxml`, { file: `${base}.wxml`, wxml: read(`${base}.wxml`), sheets, vars });
    const json = JSON.parse(read(`${base}.json`)) as { usingComponents?: Record<string, string> };
    for (const ref of Object.values(json.usingComponents ?? {})) {
      if (!ref.startsWith('/') && !ref.startsWith('.')) continue; // a library component
      const target = ref.startsWith('/') ? ref.slice(1) : posix.join(dirname(base), ref);
      const script = existsSync(join(mpRoot, `${target}.ts`)) ? read(`${target}.ts`) : '';
      // A component sees app.wxss and its page's styles only when it opts in.
      const shared = /styleIsolation:\s*'(apply-shared|shared)'|addGlobalClass:\s*true/.test(script);
      visit(target, shared ? [...appSheet, ...sheet(`${base}.wxss`)] : []);
    }
  };
  for (const page of pages.filter((p) => !isOrganiserPage(p))) visit(page, appSheet);
  return [...out.values()];
}
