// Element.*: what a finger, a keyboard and a reader do with one element.
import type { Handlers, Params } from '../protocol';
import {
  attributeOf,
  builtInTag,
  describe,
  domsOf,
  fire,
  instanceOf,
  nodeById,
  queryAll,
  queryOne,
  textOf,
  wxmlOf,
  type XNode,
} from '../elements';
import { type Context, plain } from './context';
import { atPath } from './page';

const nodeOf = (p: Params) => nodeById(p.elementId);

function domProperty(node: XNode, name: string): unknown {
  if (name === 'innerText' || name === 'textContent') return textOf(node);
  const dom = domsOf(node)[0] as unknown as Record<string, unknown> | undefined;
  if (name === 'value') {
    const inner = (dom as unknown as HTMLElement | undefined)?.querySelector?.('input,textarea') as
      HTMLInputElement | null | undefined;
    return inner?.value ?? (instanceOf(node)?.data?.value as unknown) ?? null;
  }
  return dom ? plain(dom[name]) : null;
}

const camel = (name: string) => name.replace(/-(\w)/g, (_m, c: string) => c.toUpperCase());

/** A built-in's properties are what the template bound on it (simulate declares none). */
const boundOf = (node: XNode) => new Map((node._vt?.attrs ?? []).map((a) => [camel(a.name), a.value]));

function publicProperties(node: XNode & { __propPublic?: Record<string, boolean> }): Record<string, boolean> {
  if (!builtInTag(node)) return node.__propPublic ?? {};
  return Object.fromEntries([...boundOf(node).keys()].map((k) => [k, true]));
}

/** A public property's value: in the component's data (custom), or as bound in the template (a built-in's src). */
function propertyOf(node: XNode, name: string): unknown {
  const data = instanceOf(node)?.data;
  if (!builtInTag(node) && data && name in data) return data[name];
  return boundOf(node).get(name);
}

function customOnly(node: XNode, method: string) {
  const inst = instanceOf(node);
  if (builtInTag(node) || !inst) throw new Error(`${method}: only a custom component has data and methods`);
  return inst;
}

/** Types `value` as the keyboard does: the control's value, then its input event. */
function typeValue(node: XNode, value: string): void {
  const dom = node.$$?.querySelector?.('input,textarea') as HTMLInputElement | null | undefined;
  if (dom) dom.value = value;
  fire(node, 'input', { value, cursor: value.length, keyCode: 0 });
}

export function elementHandlers(ctx: Context): Handlers {
  const settle = async () => {
    await ctx.runtime.idle();
    return {};
  };
  return {
    'Element.getElement': (p) => {
      const found = queryOne(nodeOf(p), String(p.selector));
      if (!found) throw new Error(`Element.getElement: nothing matches ${String(p.selector)}`);
      return describe(found);
    },
    'Element.getElements': (p) => ({ elements: queryAll(nodeOf(p), String(p.selector)).map(describe) }),
    'Element.tap': async (p) => {
      fire(nodeOf(p), 'tap');
      return settle();
    },
    'Element.longpress': async (p) => {
      fire(nodeOf(p), 'longpress');
      return settle();
    },
    'Element.touchstart': async (p) => {
      fire(nodeOf(p), 'touchstart', {}, { touches: p.touches ?? [], changedTouches: p.changedTouches ?? [] });
      return settle();
    },
    'Element.touchmove': async (p) => {
      fire(nodeOf(p), 'touchmove', {}, { touches: p.touches ?? [], changedTouches: p.changedTouches ?? [] });
      return settle();
    },
    'Element.touchend': async (p) => {
      fire(nodeOf(p), 'touchend', {}, { touches: p.touches ?? [], changedTouches: p.changedTouches ?? [] });
      return settle();
    },
    'Element.triggerEvent': async (p) => {
      fire(nodeOf(p), String(p.type), p.detail ?? {});
      return settle();
    },
    'Element.dispatchEvent': async (p) => {
      fire(nodeOf(p), String(p.eventName), p.detail ?? {});
      return settle();
    },
    'Element.callFunction': async (p) => {
      const node = nodeOf(p);
      const args = (p.args as unknown[]) ?? [];
      switch (p.functionName) {
        case 'input.input':
        case 'textarea.input':
          typeValue(node, String(args[0] ?? ''));
          break;
        case 'switch.tap':
          fire(node, 'tap');
          break;
        default:
          throw new Error(`Element.callFunction ${String(p.functionName)} is not implemented in the headless runtime`);
      }
      await settle();
      return { result: null };
    },
    'Element.getDOMProperties': (p) => ({
      properties: ((p.names as string[]) ?? []).map((n) => domProperty(nodeOf(p), n)),
    }),
    // A component's public properties (a built-in's src, value…), as exparser keeps them on the node.
    'Element.getProperties': (p) => {
      const node = nodeOf(p) as XNode & { __propPublic?: Record<string, boolean> };
      const names = (p.names as string[]) ?? [];
      return {
        properties: names.map((n) => (n === '__propPublic' ? publicProperties(node) : plain(propertyOf(node, n)))),
      };
    },
    'Element.getAttributes': (p) => ({
      attributes: ((p.names as string[]) ?? []).map((n) => attributeOf(nodeOf(p), n)),
    }),
    'Element.getStyles': (p) => ({
      styles: ((p.names as string[]) ?? []).map((n) => {
        const dom = domsOf(nodeOf(p))[0];
        return dom ? dom.style.getPropertyValue(n) || null : null;
      }),
    }),
    'Element.getWXML': (p) => ({ wxml: wxmlOf(nodeOf(p), p.type === 'inner' ? 'inner' : 'outer') }),
    'Element.getData': (p) => ({ data: plain(atPath(customOnly(nodeOf(p), 'Element.getData').data, p.path)) }),
    'Element.setData': async (p) => {
      customOnly(nodeOf(p), 'Element.setData').setData((p.data as object) ?? {});
      return settle();
    },
    'Element.callMethod': async (p) => {
      const inst = customOnly(nodeOf(p), 'Element.callMethod');
      const method = inst[String(p.method)];
      if (typeof method !== 'function') throw new Error(`Element.callMethod: no method ${String(p.method)}`);
      const result = await (method as (...a: unknown[]) => unknown).apply(inst, (p.args as unknown[]) ?? []);
      await settle();
      return { result: plain(result) };
    },
  };
}
