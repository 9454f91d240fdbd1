// The one text wrapper of the share posters. It measures with the poster canvas's
// own measureText (the component passes it in), so lines break where the drawn
// text really ends, in whatever font the phone has.

/** Width of `text` drawn at `size` px (bold or not), as the canvas measures it. */
export type Measure = (text: string, size: number, bold?: boolean) => number;

/** Characters that must not start a line (they are pulled up to the line before). */
const NO_LINE_START = new Set([...'，。、；：？！）》」』】”’,.;:?!)]}…—%']);
/** Characters that must not end a line (they move down with the next one). */
const NO_LINE_END = new Set([...'（《「『【“‘([{']);

/** Units that wrap as one: a run of Latin letters/digits, or a single other character. */
function tokens(text: string): string[] {
  return text.match(/[A-Za-z0-9'’\-_.@/]+|\s+|[\s\S]/gu) ?? [];
}

/**
 * Wraps `text` into lines no wider than `maxWidth`, breaking between CJK
 * characters and between Latin words, keeping closing punctuation off a line's
 * start (it hangs at the end of the line before) and opening punctuation off its
 * end. Explicit line breaks are kept.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, measure: Measure): string[] {
  const fits = (s: string) => measure(s, fontSize) <= maxWidth;
  const isSpace = (s: string) => /^\s+$/.test(s);
  const out: string[] = [];
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    let line = '';
    const push = () => {
      out.push(line.trimEnd());
      line = '';
    };
    /** A unit wider than a whole line: broken by character. */
    const breakLong = (tok: string) => {
      for (const ch of tok) {
        if (line && !fits(line + ch)) push();
        line += ch;
      }
    };
    const start = out.length;
    for (const tok of tokens(paragraph.trim())) {
      if (!line && isSpace(tok)) continue;
      if (fits(line + tok)) {
        line += tok;
        continue;
      }
      if (!line) {
        breakLong(tok);
        continue;
      }
      if (NO_LINE_START.has(tok)) {
        // Hanging punctuation: it overhangs rather than start the next line.
        line += tok;
        push();
        continue;
      }
      // Opening punctuation at the end of the full line moves down with what it opens.
      const chars = [...line];
      const carry = chars.length > 1 && NO_LINE_END.has(chars[chars.length - 1]!) ? chars.pop()! : '';
      line = chars.join('');
      push();
      if (isSpace(tok)) line = carry;
      else if (fits(carry + tok)) line = carry + tok;
      else {
        line = carry;
        breakLong(tok);
      }
    }
    if (line || out.length === start) push();
  }
  return out;
}

/** Cuts `lines` to `max`, ending the last kept line with an ellipsis that fits. */
export function clampLines(
  lines: string[],
  max: number,
  maxWidth: number,
  fontSize: number,
  measure: Measure,
): string[] {
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  let last = kept[max - 1]!;
  while (last && measure(`${last}…`, fontSize) > maxWidth) last = [...last].slice(0, -1).join('');
  kept[max - 1] = `${last}…`;
  return kept;
}

export interface WrapOptions {
  maxWidth: number;
  size: number;
  bold?: boolean;
  /** Longer text ends its last line with "…". */
  maxLines: number;
}

/** wrapText then clampLines, measured in the font the text is drawn in. */
export function wrapLines(text: string, o: WrapOptions, measure: Measure): string[] {
  const m: Measure = (t, size) => measure(t, size, o.bold);
  return clampLines(wrapText(text, o.maxWidth, o.size, m), o.maxLines, o.maxWidth, o.size, m);
}
