// The quote poster's layout, as a pure function of the quote and the poster
// canvas's text wrapper: where each wrapped line, the source, the date and the
// mini-program code go; then the drawing operations <share-poster> replays.
// Tests check it without a canvas.
import type { Wrap } from '../../../../components/share-poster/index';
import type { PosterLayout as PosterOps, PosterOp } from '../../../../components/share-poster/paint';

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

/** Where each part of the quote poster goes. */
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

export function layoutPoster(quote: PosterQuote, wrap: Wrap, opts: Partial<typeof POSTER> = {}): PosterLayout {
  const P = { ...POSTER, ...opts };
  const inner = P.width - P.padding * 2;
  const header = {
    height: P.headerHeight,
    title: { text: '每日金句', x: P.padding, y: 34, fontSize: P.titleSize, align: 'left' as const },
    date: { text: quote.day, x: P.padding, y: 56, fontSize: P.dateSize, align: 'left' as const },
  };

  const wrapped = wrap(quote.text, { maxWidth: inner, size: P.textSize, maxLines: P.maxLines });
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

const COLORS = {
  paper: '#fffaf5',
  brand: '#c8161d',
  onBrand: '#ffffff',
  date: '#fde2e3',
  text: '#1f1f1f',
  muted: '#666666',
  divider: '#eeeeee',
};

/** The layout as the operations <share-poster> draws, in the quote poster's colours. */
export function quotePosterOps(l: PosterLayout): PosterOps {
  const text = (t: PlacedText, color: string, bold = false): PosterOp => ({
    kind: 'text',
    text: t.text,
    x: t.x,
    y: t.y,
    size: t.fontSize,
    bold,
    color,
    align: t.align,
  });
  const ops: PosterOp[] = [
    { kind: 'rect', x: 0, y: 0, w: l.width, h: l.height, color: COLORS.paper },
    { kind: 'rect', x: 0, y: 0, w: l.width, h: l.header.height, color: COLORS.brand },
    text(l.header.title, COLORS.onBrand, true),
    text(l.header.date, COLORS.date),
    ...l.lines.map((line) => text(line, COLORS.text)),
    text(l.source, COLORS.muted),
    {
      kind: 'line',
      x1: l.divider.x1,
      y1: l.divider.y,
      x2: l.divider.x2,
      y2: l.divider.y,
      color: COLORS.divider,
      width: 1,
    },
    { kind: 'image', slot: 'code', x: l.code.x, y: l.code.y, w: l.code.size, h: l.code.size },
    ...l.caption.map((c) => text(c, COLORS.muted)),
  ];
  return { width: l.width, height: l.height, ops };
}
