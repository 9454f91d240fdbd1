// A rendered page as static HTML a browser can photograph. The DOM that
// miniprogram-simulate builds is nearly that, but j-component keeps some of what
// WeChat shows only in its render tree: built-in tags' attributes (an image's
// src and mode, a button's plain/size/type, an input's value, rich-text nodes)
// and the `class` given to a TDesign component (its host is virtual, so the class
// goes to the component's root as an external class). Both are restored here
// from each node's virtual tree (`_vt`).

import type { CanvasRecording } from './canvas';
import { type MapContexts, type MapMarker, renderMap } from './map';

interface VNode {
  attrs?: { name: string; value: unknown }[];
}

interface WxNode {
  _vt?: VNode;
  ownerShadowRoot?: { getHostNode(): WxNode } | null;
  parentNode?: WxNode | null;
  __wxElement?: WxNode;
}

type El = Element & { __wxElement?: WxNode };

// eslint-disable-next-line @typescript-eslint/no-require-imports
const exparser = require('miniprogram-exparser') as {
  Component: { getComponentOptions(node: unknown): { classPrefix?: string } | undefined };
};

const camel = (name: string) => name.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());

/** A node's attributes as written in its template, by name and by camelCase name. */
function attrsOf(node: WxNode | undefined): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const a of node?._vt?.attrs ?? []) {
    out.set(a.name, a.value);
    out.set(camel(a.name), a.value);
  }
  return out;
}

/** The class prefix of the template a node was written in (the page's is "main"). */
function prefixOf(node: WxNode): string {
  const owner = node.ownerShadowRoot?.getHostNode();
  if (!owner) return 'main';
  return exparser.Component.getComponentOptions(owner)?.classPrefix ?? '';
}

const prefixed = (prefix: string, classes: string) =>
  classes
    .split(/\s+/)
    .filter(Boolean)
    .map((c) => (prefix ? `${prefix}--${c}` : c));

/**
 * Classes a virtual host forwarded to this element: each token of the element's
 * own class list that is one of its component's external classes (`class`,
 * `t-class`, …) stands for the host's value of that attribute, written in the
 * host's own template.
 */
function forwardedClasses(w: WxNode): string[] {
  const tokens = String(attrsOf(w).get('class') ?? '').split(/\s+/);
  const host = w.ownerShadowRoot?.getHostNode();
  if (!host || !tokens.length) return [];
  const hostAttrs = attrsOf(host);
  const out: string[] = [];
  for (const token of tokens) {
    if (token !== 'class' && !token.startsWith('t-class')) continue;
    const value = hostAttrs.get(token);
    if (typeof value === 'string' && value.trim()) out.push(...prefixed(prefixOf(host), value));
  }
  return out;
}

export interface SerializeOptions {
  /** Turns a cloud:// file id into a URL the browser can load. */
  fileUrl(fileId: string): string;
  /** What the page drew on its canvases, in document order (the camera replays it). */
  canvases?: CanvasRecording[];
  /** What the page set up on its maps' contexts (the cluster grid). */
  maps?: MapContexts;
  /** Where the phone is, when the user allowed location (a map with show-location draws it). */
  userLocation?: { latitude: number; longitude: number } | null;
}

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** rich-text `nodes`: an HTML string or WeChat's node array. */
export function richTextHtml(nodes: unknown): string {
  if (typeof nodes === 'string') return nodes;
  if (!Array.isArray(nodes)) return '';
  return nodes
    .map((n: { type?: string; text?: string; name?: string; attrs?: Record<string, string>; children?: unknown }) => {
      if (n.type === 'text') return escapeHtml(n.text ?? '');
      const attrs = Object.entries(n.attrs ?? {})
        .map(([k, v]) => ` ${k}="${escapeHtml(String(v))}"`)
        .join('');
      return `<${n.name}${attrs}>${richTextHtml(n.children)}</${n.name}>`;
    })
    .join('');
}

const IMAGE_MODES: Record<string, string> = {
  scaleToFill: 'background-size:100% 100%',
  aspectFit: 'background-size:contain',
  aspectFill: 'background-size:cover',
  center: 'background-size:auto',
};

/** Restores, on the copy `to` of `from`, what WeChat would show of a built-in tag. */
function restoreBuiltIn(from: El, to: Element, opts: SerializeOptions): void {
  const w = from.__wxElement;
  if (!w) return;
  const extra = forwardedClasses(w);
  if (extra.length) to.setAttribute('class', `${to.getAttribute('class') ?? ''} ${extra.join(' ')}`.trim());
  const a = attrsOf(w);
  const tag = from.tagName.toLowerCase();
  // `hidden` hides any built-in tag (WeChat: [hidden] { display: none }).
  if (tag.startsWith('wx-') && (a.get('hidden') === true || a.get('hidden') === '')) to.setAttribute('hidden', '');
  const addStyle = (css: string) => to.setAttribute('style', `${to.getAttribute('style') ?? ''};${css}`);
  switch (tag) {
    case 'wx-image': {
      const src = opts.fileUrl(str(a.get('src')));
      const mode = str(a.get('mode')) || 'scaleToFill';
      to.setAttribute('data-src', src);
      to.setAttribute('mode', mode);
      if (mode === 'widthFix' || mode === 'heightFix') {
        to.innerHTML = src ? `<img src="${escapeHtml(src)}" alt="">` : '';
      } else if (src) {
        addStyle(
          `background-image:url("${src.replace(/"/g, '%22')}");background-repeat:no-repeat;background-position:center;${IMAGE_MODES[mode] ?? IMAGE_MODES.scaleToFill}`,
        );
      }
      break;
    }
    case 'wx-button':
      for (const key of ['plain', 'disabled', 'loading'])
        if (a.get(key) === true || a.get(key) === '') to.setAttribute(key, '');
      for (const key of ['size', 'type']) if (a.get(key)) to.setAttribute(key, str(a.get(key)));
      break;
    case 'wx-input':
    case 'wx-textarea': {
      const value = str(a.get('value'));
      const placeholder = str(a.get('placeholder'));
      to.innerHTML = value
        ? `<span class="wx-input-value">${escapeHtml(value)}</span>`
        : `<span class="wx-input-placeholder">${escapeHtml(placeholder)}</span>`;
      if (a.get('password') && value) to.innerHTML = `<span class="wx-input-value">${'•'.repeat(value.length)}</span>`;
      // A textarea with auto-height is as tall as its text (WeChat's default is 150 px).
      if (tag === 'wx-textarea' && a.get('autoHeight') === true) to.setAttribute('auto-height', '');
      break;
    }
    case 'wx-rich-text':
      to.innerHTML = richTextHtml(a.get('nodes'));
      break;
    case 'wx-video': {
      const poster = opts.fileUrl(str(a.get('poster')));
      if (poster) addStyle(`background-image:url("${poster}");background-size:cover;background-position:center`);
      to.innerHTML = '<span class="wx-video-play"></span>';
      break;
    }
    case 'wx-switch':
    case 'wx-checkbox':
    case 'wx-radio':
      if (a.get('checked') === true) to.setAttribute('checked', '');
      break;
    case 'wx-scroll-view':
      if (a.get('scrollX') === true) to.setAttribute('scroll-x', '');
      break;
    case 'wx-map': {
      const id = str(a.get('id')) || from.id;
      const map = renderMap({
        latitude: Number(a.get('latitude')) || 0,
        longitude: Number(a.get('longitude')) || 0,
        scale: Number(a.get('scale')) || 16,
        markers: Array.isArray(a.get('markers')) ? (a.get('markers') as MapMarker[]) : [],
        user: a.get('showLocation') === true ? (opts.userLocation ?? null) : null,
        gridSize: opts.maps?.clusterGrid[id] ?? null,
      });
      addStyle(map.style);
      to.innerHTML = map.html;
      break;
    }
    case 'wx-progress':
      to.setAttribute('style', `${to.getAttribute('style') ?? ''};--percent:${Number(a.get('percent')) || 0}%`);
      break;
  }
}

/** A copy of `root` with what WeChat would show restored, and cloud:// ids made loadable. */
export function serializePage(root: Element, opts: SerializeOptions): string {
  const copy = root.cloneNode(true) as Element;
  const originals = [root, ...Array.from(root.querySelectorAll('*'))] as El[];
  const copies = [copy, ...Array.from(copy.querySelectorAll('*'))];
  originals.forEach((el, i) => restoreBuiltIn(el, copies[i]!, opts));
  Array.from(copy.querySelectorAll('wx-canvas')).forEach((canvas, i) => {
    const recording = opts.canvases?.[i];
    if (!recording) return;
    const script = canvas.ownerDocument.createElement('script');
    script.setAttribute('type', 'application/json');
    script.className = 'canvas-replay';
    script.textContent = JSON.stringify(recording).replace(/</g, '\\u003c');
    canvas.appendChild(script);
  });
  // A swiper shows its current item only.
  for (const swiper of Array.from(copy.querySelectorAll('wx-swiper'))) {
    Array.from(swiper.querySelectorAll('wx-swiper-item'))
      .slice(1)
      .forEach((item) => item.remove());
  }
  return copy.outerHTML.replace(/cloud:\/\/[^"')\s]+/g, (id) => opts.fileUrl(id));
}
