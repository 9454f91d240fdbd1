// Just enough of a WXML parser for static checks: elements with their attributes,
// line and children (text and comments dropped). The official compiler (check:mp)
// has already said the markup is valid.

export interface Element {
  tag: string;
  attrs: Record<string, string>;
  line: number;
  parent: Element | null;
  children: Element[];
}

const ATTR_RE = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'))?/g;

export function parseWxml(source: string): Element[] {
  const root: Element = { tag: '#root', attrs: {}, line: 0, parent: null, children: [] };
  let current = root;
  const lineAt = (index: number) => source.slice(0, index).split('\n').length;
  // A tag: `<name attrs>`, `<name attrs/>` or `</name>`; quoted values may hold `>`.
  const tagRe = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
  for (const m of source.matchAll(tagRe)) {
    if (m[0].startsWith('<!--')) continue;
    const [, closing, tag, rawAttrs, selfClosing] = m;
    if (closing) {
      let open: Element | null = current;
      while (open && open !== root && open.tag !== tag) open = open.parent;
      if (open && open !== root) current = open.parent!;
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of rawAttrs!.matchAll(ATTR_RE)) attrs[a[1]!] = a[2] ?? a[3] ?? '';
    const el: Element = { tag: tag!, attrs, line: lineAt(m.index!), parent: current, children: [] };
    current.children.push(el);
    if (!selfClosing) current = el;
  }
  return root.children;
}

export function* walk(elements: Element[]): Generator<Element> {
  for (const el of elements) {
    yield el;
    yield* walk(el.children);
  }
}

/** The class names written outside `{{ }}` (the ones every state of the element has). */
export function staticClasses(el: Element): string[] {
  return (el.attrs.class ?? '')
    .replace(/\{\{[\s\S]*?\}\}/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
}
