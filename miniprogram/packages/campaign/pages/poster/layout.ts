// The candidate share poster as a list of drawing operations: pure, so the layout
// is unit-tested, and <share-poster> replays them on its canvas. Sizes are in
// poster pixels (600 × 900); the component scales them to the screen. Text is
// wrapped with the canvas's own measure.
import type { Wrap } from '../../../../components/share-poster/index';
import type { PosterLayout, PosterOp } from '../../../../components/share-poster/paint';

export type { PosterLayout, PosterOp };

export interface PosterInput {
  campaignTitle: string;
  number: string;
  name: string;
  categoryName: string;
  platform: string;
}

export const POSTER_WIDTH = 600;
export const POSTER_HEIGHT = 900;
const BRAND = '#C8161D';
const PADDING = 40;

/** The layout; `hasPhoto`: the candidate's photo loaded, else a placeholder with the number. */
export function posterLayout(input: PosterInput, wrap: Wrap, hasPhoto: boolean): PosterLayout {
  const ops: PosterOp[] = [];
  const W = POSTER_WIDTH;
  const inner = W - PADDING * 2;
  const center = W / 2;

  // Background and the red header with the campaign title (up to two lines).
  ops.push({ kind: 'rect', x: 0, y: 0, w: W, h: POSTER_HEIGHT, color: '#FFFFFF', radius: 0 });
  ops.push({ kind: 'rect', x: 0, y: 0, w: W, h: 190, color: BRAND, radius: 0 });
  const titleLines = wrap(input.campaignTitle, { maxWidth: inner, size: 34, bold: true, maxLines: 2 });
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
  if (hasPhoto) {
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
  const [name = ''] = wrap(input.name, { maxWidth: inner, size: 48, bold: true, maxLines: 1 });
  ops.push({ kind: 'text', text: name, x: center, y: 640, size: 48, bold: true, color: '#1F1F1F', align: 'center' });
  const subline = `${input.categoryName} · ${input.platform}`;
  const [sub = ''] = wrap(subline, { maxWidth: inner, size: 24, maxLines: 1 });
  ops.push({ kind: 'text', text: sub, x: center, y: 684, size: 24, color: '#666666', align: 'center' });

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
