// The share poster's layout, as a pure function of the quote and a text measure:
// where each wrapped line, the source, the date and the mini-program code go.
// The page draws it on a <canvas type="2d">; tests check it without a canvas.

/** Width of `text` drawn at `fontSize` px (the page passes the canvas context's measureText). */
export type Measure = (text: string, fontSize: number) => number;

export interface PosterQuote {
  text: string;
  source: string;
  /** "YYYY-MM-DD" */
  day: string;
}

export interface PlacedText {
  text: string;
  x: number;
  /** Baseline. */
  y: number;
  fontSize: number;
  align: 'left' | 'right' | 'center';
}

export interface PosterLayout {
  width: number;
  height: number;
  /** The red band at the top with the title and the date. */
  header: { height: number; title: PlacedText; date: PlacedText };
  lines: PlacedText[];
  source: PlacedText;
  divider: { x1: number; x2: number; y: number };
  code: { x: number; y: number; size: number };
  caption: PlacedText[];
}

export const POSTER = {
  width: 300,
  padding: 24,
  headerHeight: 72,
  titleSize: 20,
  dateSize: 12,
  textSize: 18,
  lineHeight: 30,
  sourceSize: 13,
  codeSize: 80,
  captionSize: 12,
  /** At most this many lines of quote; longer text is cut with an ellipsis. */
  maxLines: 12,
};

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
 * start and opening punctuation off its end. Explicit line breaks are kept.
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

export function layoutPoster(quote: PosterQuote, measure: Measure, opts: Partial<typeof POSTER> = {}): PosterLayout {
  const P = { ...POSTER, ...opts };
  const inner = P.width - P.padding * 2;
  const header = {
    height: P.headerHeight,
    title: { text: '每日金句', x: P.padding, y: 34, fontSize: P.titleSize, align: 'left' as const },
    date: { text: quote.day, x: P.padding, y: 56, fontSize: P.dateSize, align: 'left' as const },
  };

  const wrapped = clampLines(wrapText(quote.text, inner, P.textSize, measure), P.maxLines, inner, P.textSize, measure);
  let y = P.headerHeight + P.padding + P.textSize;
  const lines = wrapped.map((text, i) => ({
    text,
    x: P.padding,
    y: y + i * P.lineHeight,
    fontSize: P.textSize,
    align: 'left' as const,
  }));
  y += (wrapped.length - 1) * P.lineHeight;

  y += P.lineHeight;
  const sourceText = `—— ${quote.source}`;
  const source = { text: sourceText, x: P.width - P.padding, y, fontSize: P.sourceSize, align: 'right' as const };

  y += P.padding;
  const divider = { x1: P.padding, x2: P.width - P.padding, y };

  y += P.padding / 2;
  const code = { x: P.padding, y, size: P.codeSize };
  const captionX = P.padding + P.codeSize + 16;
  const caption = [
    {
      text: '长按识别小程序码',
      x: captionX,
      y: y + P.codeSize / 2 - 4,
      fontSize: P.captionSize,
      align: 'left' as const,
    },
    {
      text: '每天一句 打卡学习',
      x: captionX,
      y: y + P.codeSize / 2 + 14,
      fontSize: P.captionSize,
      align: 'left' as const,
    },
  ];

  const height = y + P.codeSize + P.padding;
  return { width: P.width, height, header, lines, source, divider, code, caption };
}
