// The candidate share poster as a list of drawing operations: pure, so the layout
// is unit-tested and the page only replays the operations on a 2d canvas. Sizes
// are in poster pixels (600 × 900); the page scales them to the screen.

export interface PosterInput {
  campaignTitle: string;
  number: string;
  name: string;
  categoryName: string;
  platform: string;
  /** Whether a candidate photo is drawn; otherwise a placeholder with the number. */
  hasPhoto: boolean;
}

export interface TextStyle {
  size: number;
  bold?: boolean;
  color: string;
  align: 'left' | 'center';
}

export type PosterOp =
  | { kind: 'rect'; x: number; y: number; w: number; h: number; color: string; radius: number }
  | ({ kind: 'text'; text: string; x: number; y: number } & TextStyle)
  | { kind: 'image'; slot: 'photo' | 'code'; x: number; y: number; w: number; h: number; radius: number };

export interface PosterLayout {
  width: number;
  height: number;
  ops: PosterOp[];
}

export const POSTER_WIDTH = 600;
export const POSTER_HEIGHT = 900;
const BRAND = '#C8161D';
const PADDING = 40;

/** Estimated width without a canvas: CJK and full-width characters take 1 em, others about 0.55 em. */
export function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += /[\u2E80-\uFFEF]/.test(ch) ? size : size * 0.55;
  return w;
}

/** Breaks `text` into at most `maxLines` lines of `maxWidth`; an overflowing last line ends with "…". */
export function wrapText(text: string, maxWidth: number, size: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  for (let i = 0; i < chars.length; i++) {
    const next = line + chars[i];
    if (textWidth(next, size) <= maxWidth) {
      line = next;
      continue;
    }
    if (lines.length === maxLines - 1) {
      // Last line: keep what fits with the ellipsis.
      let cut = line;
      while (cut && textWidth(cut + '…', size) > maxWidth) cut = cut.slice(0, -1);
      lines.push(cut + '…');
      return lines;
    }
    lines.push(line);
    line = chars[i]!;
  }
  if (line) lines.push(line);
  return lines;
}

export function posterLayout(input: PosterInput): PosterLayout {
  const ops: PosterOp[] = [];
  const W = POSTER_WIDTH;
  const inner = W - PADDING * 2;
  const center = W / 2;

  // Background and the red header with the campaign title (up to two lines).
  ops.push({ kind: 'rect', x: 0, y: 0, w: W, h: POSTER_HEIGHT, color: '#FFFFFF', radius: 0 });
  ops.push({ kind: 'rect', x: 0, y: 0, w: W, h: 190, color: BRAND, radius: 0 });
  const titleLines = wrapText(input.campaignTitle, inner, 34, 2);
  const titleTop = titleLines.length === 1 ? 95 : 75;
  titleLines.forEach((text, i) =>
    ops.push({
      kind: 'text',
      text,
      x: center,
      y: titleTop + i * 46,
      size: 34,
      bold: true,
      color: '#FFFFFF',
      align: 'center',
    }),
  );

  // The photo, or a placeholder with the number.
  const photo = { x: (W - 300) / 2, y: 220, w: 300, h: 300, radius: 16 };
  if (input.hasPhoto) {
    ops.push({ kind: 'image', slot: 'photo', ...photo });
  } else {
    ops.push({ kind: 'rect', ...photo, color: '#FDECED' });
    ops.push({
      kind: 'text',
      text: input.number,
      x: center,
      y: photo.y + photo.h / 2 + 24,
      size: 64,
      bold: true,
      color: BRAND,
      align: 'center',
    });
  }

  // Who: number, name, category and platform.
  ops.push({ kind: 'text', text: `编号 ${input.number}`, x: center, y: 575, size: 28, color: BRAND, align: 'center' });
  const [name = ''] = wrapText(input.name, inner, 48, 1);
  ops.push({ kind: 'text', text: name, x: center, y: 640, size: 48, bold: true, color: '#1F1F1F', align: 'center' });
  const [subline = ''] = wrapText(`${input.categoryName} · ${input.platform}`, inner, 24, 1);
  ops.push({ kind: 'text', text: subline, x: center, y: 684, size: 24, color: '#666666', align: 'center' });

  // The divider, then the mini-program code with its caption.
  ops.push({ kind: 'rect', x: PADDING, y: 720, w: inner, h: 2, color: '#EEEEEE', radius: 0 });
  const code = { x: PADDING, y: 740, w: 140, h: 140, radius: 0 };
  ops.push({ kind: 'image', slot: 'code', ...code });
  const captionX = code.x + code.w + 28;
  ops.push({
    kind: 'text',
    text: '长按识别小程序码',
    x: captionX,
    y: 790,
    size: 28,
    bold: true,
    color: '#1F1F1F',
    align: 'left',
  });
  ops.push({ kind: 'text', text: '查看 TA 的事迹', x: captionX, y: 834, size: 24, color: '#666666', align: 'left' });
  ops.push({
    kind: 'text',
    text: '投票免费 · 请理性投票',
    x: captionX,
    y: 868,
    size: 20,
    color: '#999999',
    align: 'left',
  });

  return { width: W, height: POSTER_HEIGHT, ops };
}
