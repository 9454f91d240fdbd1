// A string as a QR code on a <canvas type="2d">: the modules from qrcode-generator
// (in the main package's miniprogram_npm: the organisers' check-in codes and the
// riders' pickup codes of several subpackages use it), drawn with fillRect on a
// white square with the quiet zone scanners need. wx.scanCode reads back exactly
// the string.
import qrcode from 'qrcode-generator';

/** Modules of white around the code (the standard asks for 4; 2 reads well on a phone screen). */
const QUIET = 2;

export interface QrCanvas {
  width: number;
  height: number;
  getContext(kind: '2d'): {
    scale(x: number, y: number): void;
    fillStyle: string;
    fillRect(x: number, y: number, w: number, h: number): void;
  };
}

/** Which modules are dark, row by row (error correction M: a screen's glare and moiré cost some). */
export function qrModules(text: string): boolean[][] {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)));
}

/** Draws `text` as a QR code filling a `size` × `size` (CSS px) canvas at `pixelRatio`. */
export function drawQr(canvas: QrCanvas, text: string, size: number, pixelRatio: number): void {
  const modules = qrModules(text);
  const count = modules.length + QUIET * 2;
  // Whole device pixels per module keep the edges sharp.
  const cell = Math.max(1, Math.floor((size * pixelRatio) / count));
  canvas.width = cell * count;
  canvas.height = cell * count;
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#000000';
  modules.forEach((row, r) =>
    row.forEach((dark, c) => {
      if (dark) ctx.fillRect((c + QUIET) * cell, (r + QUIET) * cell, cell, cell);
    }),
  );
}
