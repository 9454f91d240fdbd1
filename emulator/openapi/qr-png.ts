// Draws a QR symbol as a small palette PNG. qrcode's own PNG output goes through
// pngjs, whose per-pixel filter search is ~100× slower inside Jest's VM
// sandbox (over a second per code); this builds each distinct row once and
// lets native zlib do the rest.
import QRCode from 'qrcode';
import { crc32, deflateSync } from 'node:zlib';

/** Quiet zone around the symbol, in modules (the QR spec's minimum). */
const MARGIN = 4;
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface QrPngOptions {
  /** Image width and height in pixels. */
  width: number;
  /** Module colour, [r, g, b]. */
  dark: [number, number, number];
  /** Transparent background instead of white. */
  transparent: boolean;
}

export function renderQrPng(text: string, { width, dark, transparent }: QrPngOptions): Buffer {
  const { size, data } = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
  const span = size + 2 * MARGIN;
  const moduleAt = (pixel: number) => Math.floor((pixel * span) / width) - MARGIN;

  // Palette index per pixel: 0 = background, 1 = module. Each scanline starts with filter byte 0.
  const rowFor = (moduleRow: number) => {
    const row = Buffer.alloc(width + 1);
    if (moduleRow < 0 || moduleRow >= size) return row;
    for (let x = 0; x < width; x++) {
      const col = moduleAt(x);
      if (col >= 0 && col < size && data[moduleRow * size + col]) row[x + 1] = 1;
    }
    return row;
  };
  const rows = new Map<number, Buffer>();
  const scanlines: Buffer[] = [];
  for (let y = 0; y < width; y++) {
    const moduleRow = moduleAt(y);
    let row = rows.get(moduleRow);
    if (!row) rows.set(moduleRow, (row = rowFor(moduleRow)));
    scanlines.push(row);
  }

  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(width, 4);
  header.set([8, 3, 0, 0, 0], 8); // 8-bit, palette, deflate, adaptive filtering, no interlace
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('PLTE', Buffer.from([255, 255, 255, ...dark])),
    ...(transparent ? [chunk('tRNS', Buffer.from([0]))] : []),
    chunk('IDAT', deflateSync(Buffer.concat(scanlines))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
  return Buffer.concat([head, body, crc]);
}
