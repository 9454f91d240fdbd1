// The nodes the automator client holds handles to. An elementId always means the
// same exparser node (the client caches Element objects by id); what kind of
// element the client builds depends on what we say it is: a built-in tag by its
// bare name ('input' gets input()), a custom component with a nodeId (gets
// data()/callMethod()).
import { richTextHtml } from '../screens/serialize';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const exparser = require('miniprogram-exparser') as {
  Element: { new (): object; getMethodCaller(node: unknown): Instance | undefined };
  Event: {
    create(name: string, detail: unknown, opts: object): unknown;
    dispatchEvent(node: unknown, ev: unknown): void;
  };
};

export type Instance = Record<string, unknown> & {
  data: Record<string, unknown>;
  setData(d: object): void;
};

/** The exparser node as far as we use it. */
export interface XNode {
  is: string;
  $$?: HTMLElement | null;
  __virtual?: boolean;
  shadowRoot?: XNode | null;
  childNodes: XNode[];
  parentNode?: XNode | null;
  _vt?: { tagName?: string; attrs?: { name: string; value: unknown }[] };
  querySelector(selector: string): XNode | null;
  querySelectorAll(selector: string): XNode[];
}

export interface ElementInfo {
  elementId: string;
  tagName: string;
  nodeId?: string;
}

const ids = new WeakMap<XNode, string>();
const nodes = new Map<string, XNode>();
let nextId = 1;

const isElement = (n: unknown): n is XNode => n instanceof (exparser.Element as unknown as typeof Object);

/** A built-in tag renders as <wx-view>, <wx-input>…; a custom component is anything else. */
export function builtInTag(node: XNode): string | null {
  const tag = node.$$?.tagName?.toLowerCase();
  return tag && tag === `wx-${node.is}` ? node.is : null;
}

export function elementIdOf(node: XNode): string {
  let id = ids.get(node);
  if (!id) {
    id = `e${nextId++}`;
    ids.set(node, id);
    nodes.set(id, node);
  }
  return id;
}

export function nodeById(elementId: unknown): XNode {
  const node = typeof elementId === 'string' ? nodes.get(elementId) : undefined;
  if (!node) throw new Error(`no element with id ${String(elementId)} (it was never found on a page)`);
  return node;
}

export function describe(node: XNode): ElementInfo {
  const elementId = elementIdOf(node);
  const tag = builtInTag(node);
  if (tag) return { elementId, tagName: tag };
  return { elementId, tagName: node._vt?.tagName ?? node.is, nodeId: elementId };
}

/** Where a selector searches under `node`: a component's own tree, or an element's descendants. */
function searchRoot(node: XNode): XNode {
  return !builtInTag(node) && node.shadowRoot ? node.shadowRoot : node;
}

export function queryOne(node: XNode, selector: string): XNode | null {
  const found = searchRoot(node).querySelector(selector);
  return isElement(found) ? found : null;
}

export function queryAll(node: XNode, selector: string): XNode[] {
  return (searchRoot(node).querySelectorAll(selector) ?? []).filter(isElement);
}

/** The DOM elements a node shows: its own, or (a virtual host) those of its rendered children. */
export function domsOf(node: XNode): HTMLElement[] {
  if (node.$$) return [node.$$];
  const out: HTMLElement[] = [];
  const children = [...(node.shadowRoot ? [node.shadowRoot] : []), ...(node.childNodes ?? [])];
  for (const child of children) if (isElement(child)) out.push(...domsOf(child));
  return out;
}

/** What a <rich-text> shows: its bound nodes (simulate renders the element empty). */
function richText(el: Element): string {
  const node = (el as unknown as { __wxElement?: XNode }).__wxElement;
  const box = document.createElement('div');
  box.innerHTML = richTextHtml(node?._vt?.attrs?.find((a) => a.name === 'nodes')?.value);
  return box.textContent ?? '';
}

/** innerText as a phone shows it: text squeezed, nothing from [hidden] elements (jsdom has no innerText). */
export function textOf(node: XNode): string {
  const text = (el: Element): string => {
    if (el.hasAttribute('hidden')) return '';
    if (el.tagName === 'WX-RICH-TEXT') return richText(el);
    return Array.from(el.childNodes)
      .map((c) => (c.nodeType === 3 ? (c.textContent ?? '') : c.nodeType === 1 ? text(c as Element) : ''))
      .join('');
  };
  return domsOf(node).map(text).join('').replace(/\s+/g, ' ').trim();
}

/** Class names as written in the WXML (simulate prefixes each with its component's alias: "main--card"). */
const unprefixed = (classes: string) =>
  classes
    .split(/\s+/)
    .filter(Boolean)
    .map((c) => c.replace(/^.*?--/, ''))
    .join(' ');

/** An attribute as written in the WXML: the element's own, else what the template bound (id, src… simulate keeps them on the node). */
export function attributeOf(node: XNode, name: string): string | null {
  const fromDom = node.$$?.getAttribute(name) ?? null;
  if (fromDom !== null) return name === 'class' ? unprefixed(fromDom) : fromDom;
  if (name === 'id' && (node as { id?: string }).id) return (node as { id?: string }).id!;
  const attr = node._vt?.attrs?.find((a) => a.name === name);
  if (attr !== undefined) return attr.value === undefined || attr.value === null ? null : String(attr.value);
  const own = (node as unknown as Record<string, unknown>)[name];
  return typeof own === 'string' || typeof own === 'number' ? String(own) : null;
}

/** The element's markup with WXML tag names (wx-view → view) and unprefixed classes. */
export function wxmlOf(node: XNode, type: 'inner' | 'outer'): string {
  const html = domsOf(node)
    .map((d) => (type === 'inner' ? d.innerHTML : d.outerHTML))
    .join('');
  return html.replace(/<(\/?)wx-/g, '<$1').replace(/class="([^"]*)"/g, (_m, c: string) => `class="${unprefixed(c)}"`);
}

export const instanceOf = (node: XNode): Instance | undefined => exparser.Element.getMethodCaller(node);

/** Fires a WeChat event on a node (bubbling, composed), as a finger or keyboard would (as j-component does). */
export function fire(node: XNode, name: string, detail: unknown = {}, touches: object = {}): void {
  // A virtual host has no element of its own: a finger lands on what it rendered.
  const target = node.$$ ? node : firstRendered(node);
  if (!target) throw new Error(`${node._vt?.tagName ?? node.is} renders nothing to ${name}`);
  const originalEvent = new CustomEvent(name, { detail });
  target.$$!.dispatchEvent(originalEvent);
  exparser.Event.dispatchEvent(
    target,
    exparser.Event.create(name, detail ?? {}, {
      originalEvent,
      bubbles: true,
      capturePhase: true,
      composed: true,
      extraFields: { touches: {}, changedTouches: {}, ...touches },
    }),
  );
}

function firstRendered(node: XNode): XNode | null {
  const children = [...(node.shadowRoot ? [node.shadowRoot] : []), ...(node.childNodes ?? [])];
  for (const child of children) {
    if (!isElement(child)) continue;
    if (child.$$) return child;
    const inner = firstRendered(child);
    if (inner) return inner;
  }
  return null;
}
