// Just enough of WXSS for static checks: the declarations that rules on plain
// class selectors (`.a`, `.a.b`, `.a, .b`) give an element, in source order, and
// the custom properties set on `page`.

export interface ClassRule {
  /** Every class the selector names (the element must have them all). */
  classes: string[];
  decls: Record<string, string>;
}

export interface Stylesheet {
  rules: ClassRule[];
  /** Custom properties declared on `page` (e.g. TDesign's theme variables). */
  pageVars: Record<string, string>;
}

function declarations(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of body.split(';')) {
    const i = d.indexOf(':');
    if (i > 0) out[d.slice(0, i).trim()] = d.slice(i + 1).trim();
  }
  return out;
}

export function parseWxss(source: string): Stylesheet {
  // Comments and @import statements out (an import would glue itself to the first selector).
  const css = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/@import[^;]*;/g, '');
  const sheet: Stylesheet = { rules: [], pageVars: {} };
  for (const m of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const decls = declarations(m[2]!);
    for (const selector of m[1]!.split(',').map((s) => s.trim())) {
      if (selector === 'page') {
        for (const [k, v] of Object.entries(decls)) if (k.startsWith('--')) sheet.pageVars[k] = v;
      } else if (/^(\.[\w-]+)+$/.test(selector)) {
        sheet.rules.push({ classes: selector.slice(1).split('.'), decls });
      }
    }
  }
  return sheet;
}

/** The declarations rules of `sheets` give an element with `classes` (later ones win). */
export function declarationsFor(classes: string[], sheets: Stylesheet[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const sheet of sheets)
    for (const rule of sheet.rules) if (rule.classes.every((c) => classes.includes(c))) Object.assign(out, rule.decls);
  return out;
}

/** A length in rpx (px counted at the 375-px-wide design: 1px = 2rpx); null if not a plain length. */
export function rpx(value: string | undefined): number | null {
  const m = /^(-?\d+(?:\.\d+)?)(rpx|px)$/.exec((value ?? '').trim());
  if (!m) return value?.trim() === '0' ? 0 : null;
  return Number(m[1]) * (m[2] === 'px' ? 2 : 1);
}

/** Vertical padding from `padding` (1–4 values) and `padding-top` / `padding-bottom`. */
export function verticalPadding(decls: Record<string, string>): number {
  const parts = (decls.padding ?? '').split(/\s+/).filter(Boolean);
  let top = rpx(parts[0]) ?? 0;
  let bottom = rpx(parts[parts.length > 2 ? 2 : 0]) ?? 0;
  if (decls['padding-top'] !== undefined) top = rpx(decls['padding-top']) ?? 0;
  if (decls['padding-bottom'] !== undefined) bottom = rpx(decls['padding-bottom']) ?? 0;
  return top + bottom;
}

/**
 * How tall the declarations make an element at least: its min-height or height,
 * or its vertical padding plus its line-height (in rpx).
 */
export function declaredHeight(decls: Record<string, string>): number {
  const lineHeight = rpx(decls['line-height']) ?? 0;
  return Math.max(rpx(decls['min-height']) ?? 0, rpx(decls.height) ?? 0, verticalPadding(decls) + lineHeight);
}
