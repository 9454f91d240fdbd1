// Replays a PosterLayout on a 2d canvas node, and turns file ids into paths a
// canvas image can load.
import { displayUrl } from '../../../../services/files';
import type { PosterLayout, PosterOp } from '../../utils/poster-layout';

export interface PosterImage {
  src: string;
  onload: (() => void) | null;
  onerror: (() => void) | null;
}

/** The part of the 2d context the poster uses. */
export interface PosterContext {
  fillStyle: string;
  font: string;
  textAlign: string;
  scale(x: number, y: number): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
  drawImage(image: PosterImage, x: number, y: number, w: number, h: number): void;
  save(): void;
  restore(): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  arcTo(x1: number, y1: number, x2: number, y2: number, r: number): void;
  closePath(): void;
  fill(): void;
  clip(): void;
}

export interface PosterCanvas {
  width: number;
  height: number;
  getContext(type: '2d'): PosterContext;
  createImage(): PosterImage;
}

/** A canvas cannot load cloud:// ids: download those to a temp file first. */
export async function loadablePath(fileId: string): Promise<string> {
  const url = displayUrl(fileId);
  if (!url.startsWith('cloud://')) return url;
  const res = await wx.cloud.downloadFile({ fileID: url });
  return res.tempFilePath;
}

export function loadImage(canvas: PosterCanvas, src: string): Promise<PosterImage> {
  return new Promise((resolve, reject) => {
    const img = canvas.createImage();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error(`image failed: ${src}`));
    img.src = src;
  });
}

function roundedPath(ctx: PosterContext, x: number, y: number, w: number, h: number, r: number) {
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + w, y, x + w, y + h, r);
  ctx.arcTo(x + w, y + h, x, y + h, r);
  ctx.arcTo(x, y + h, x, y, r);
  ctx.arcTo(x, y, x + w, y, r);
  ctx.closePath();
}

function drawOp(ctx: PosterContext, op: PosterOp, images: Partial<Record<'photo' | 'code', PosterImage>>) {
  if (op.kind === 'rect') {
    ctx.fillStyle = op.color;
    if (op.radius > 0) {
      roundedPath(ctx, op.x, op.y, op.w, op.h, op.radius);
      ctx.fill();
    } else {
      ctx.fillRect(op.x, op.y, op.w, op.h);
    }
  } else if (op.kind === 'text') {
    ctx.fillStyle = op.color;
    ctx.font = `${op.bold ? 'bold ' : ''}${op.size}px sans-serif`;
    ctx.textAlign = op.align;
    ctx.fillText(op.text, op.x, op.y);
  } else {
    const img = images[op.slot];
    if (!img) return;
    ctx.save();
    if (op.radius > 0) {
      roundedPath(ctx, op.x, op.y, op.w, op.h, op.radius);
      ctx.clip();
    }
    ctx.drawImage(img, op.x, op.y, op.w, op.h);
    ctx.restore();
  }
}

/** Sizes the canvas for its on-screen width and the screen's pixel ratio, then draws. */
export function drawPoster(
  canvas: PosterCanvas,
  cssWidth: number,
  pixelRatio: number,
  layout: PosterLayout,
  images: Partial<Record<'photo' | 'code', PosterImage>>,
): void {
  const scale = (cssWidth / layout.width) * pixelRatio;
  canvas.width = Math.round(layout.width * scale);
  canvas.height = Math.round(layout.height * scale);
  const ctx = canvas.getContext('2d');
  ctx.scale(scale, scale);
  for (const op of layout.ops) drawOp(ctx, op, images);
}
