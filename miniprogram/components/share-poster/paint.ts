// A poster is a list of drawing operations in poster pixels: each poster's layout
// (a pure function, unit-tested) makes them, and this replays them on the 2d canvas.

export type PosterOp =
  | { kind: 'rect'; x: number; y: number; w: number; h: number; color: string; radius?: number }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; color: string; width: number }
  | {
      kind: 'text';
      text: string;
      x: number;
      /** Baseline. */
      y: number;
      size: number;
      bold?: boolean;
      color: string;
      align: 'left' | 'center' | 'right';
    }
  | { kind: 'image'; slot: string; x: number; y: number; w: number; h: number; radius?: number };

export interface PosterLayout {
  width: number;
  height: number;
  ops: PosterOp[];
}

export interface CanvasImage {
  src: string;
  onload: (() => void) | null;
  onerror: (() => void) | null;
}

/** The part of the 2d context the posters use. */
export interface PosterContext {
  font: string;
  fillStyle: string;
  strokeStyle: string;
  lineWidth: number;
  textAlign: string;
  scale(x: number, y: number): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
  drawImage(image: CanvasImage, x: number, y: number, w: number, h: number): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  arcTo(x1: number, y1: number, x2: number, y2: number, r: number): void;
  closePath(): void;
  stroke(): void;
  fill(): void;
  clip(): void;
  save(): void;
  restore(): void;
}

export interface PosterCanvas {
  width: number;
  height: number;
  getContext(type: '2d'): PosterContext;
  createImage(): CanvasImage;
}

const FONT_FAMILY = '"PingFang SC", "Microsoft YaHei", sans-serif';

/** The canvas font of a text op (and of measuring it). */
export const canvasFont = (size: number, bold = false) => `${bold ? 'bold ' : ''}${size}px ${FONT_FAMILY}`;

function roundedPath(ctx: PosterContext, x: number, y: number, w: number, h: number, r: number) {
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + w, y, x + w, y + h, r);
  ctx.arcTo(x + w, y + h, x, y + h, r);
  ctx.arcTo(x, y + h, x, y, r);
  ctx.arcTo(x, y, x + w, y, r);
  ctx.closePath();
}

function paintOp(ctx: PosterContext, op: PosterOp, images: Map<string, CanvasImage>): void {
  if (op.kind === 'rect') {
    ctx.fillStyle = op.color;
    if (op.radius) {
      roundedPath(ctx, op.x, op.y, op.w, op.h, op.radius);
      ctx.fill();
    } else {
      ctx.fillRect(op.x, op.y, op.w, op.h);
    }
  } else if (op.kind === 'line') {
    ctx.strokeStyle = op.color;
    ctx.lineWidth = op.width;
    ctx.beginPath();
    ctx.moveTo(op.x1, op.y1);
    ctx.lineTo(op.x2, op.y2);
    ctx.stroke();
  } else if (op.kind === 'text') {
    ctx.font = canvasFont(op.size, op.bold);
    ctx.fillStyle = op.color;
    ctx.textAlign = op.align;
    ctx.fillText(op.text, op.x, op.y);
  } else {
    const img = images.get(op.slot);
    if (!img) return; // an optional image that did not load
    if (!op.radius) {
      ctx.drawImage(img, op.x, op.y, op.w, op.h);
      return;
    }
    ctx.save();
    roundedPath(ctx, op.x, op.y, op.w, op.h, op.radius);
    ctx.clip();
    ctx.drawImage(img, op.x, op.y, op.w, op.h);
    ctx.restore();
  }
}

/** Draws the layout's operations in order (the context already scaled to poster pixels). */
export function paint(ctx: PosterContext, layout: PosterLayout, images: Map<string, CanvasImage>): void {
  for (const op of layout.ops) paintOp(ctx, op, images);
}
