// The tab bar's icons, drawn from shapes and written as PNG with Node built-ins
// only (zlib): a house for 首页, a person for 我的; outlined in grey when not
// selected, filled in party red when selected. `generate.ts` writes them into
// miniprogram/images/tabbar/; test/static/tab-icons.test.ts checks the committed
// files are exactly these pixels.
import { deflateSync, inflateSync } from 'node:zlib';

export const SIZE = 81; // px, WeChat's recommended tab bar icon size
export const NORMAL = '#666666';
export const SELECTED = '#C8161D';
const STROKE = 5;
const SAMPLES = 4; // per axis: 16 samples a pixel for smooth edges

type Vec = [number, number];
/** Signed distance to a shape's edge: negative inside. */
export type Sdf = (x: number, y: number) => number;

export const circle =
  (cx: number, cy: number, r: number): Sdf =>
  (x, y) =>
    Math.hypot(x - cx, y - cy) - r;

function segmentDistance(p: Vec, a: Vec, b: Vec): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

export const polygon =
  (points: Vec[]): Sdf =>
  (x, y) => {
    let inside = false;
    let d = Infinity;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [a, b] = [points[i]!, points[j]!];
      d = Math.min(d, segmentDistance([x, y], a, b));
      if (a[1] > y !== b[1] > y && x < ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
    }
    return inside ? -d : d;
  };

export const union =
  (...shapes: Sdf[]): Sdf =>
  (x, y) =>
    Math.min(...shapes.map((s) => s(x, y)));
const intersect =
  (a: Sdf, b: Sdf): Sdf =>
  (x, y) =>
    Math.max(a(x, y), b(x, y));
const subtract =
  (a: Sdf, b: Sdf): Sdf =>
  (x, y) =>
    Math.max(a(x, y), -b(x, y));
/** The shape's outline, STROKE wide, inside its edge. */
const outline =
  (s: Sdf): Sdf =>
  (x, y) =>
    Math.max(s(x, y), -s(x, y) - STROKE);
const below =
  (yMax: number): Sdf =>
  (_x, y) =>
    y - yMax;

// A house: a roof over a body, with a door.
const house = polygon([
  [40.5, 9],
  [74, 38],
  [65, 38],
  [65, 72],
  [16, 72],
  [16, 38],
  [7, 38],
]);
const door = polygon([
  [34, 72],
  [34, 52],
  [47, 52],
  [47, 72],
]);

// A person: a head over rounded shoulders.
const head = circle(40.5, 25, 14);
const shoulders = intersect(circle(40.5, 78, 30), below(72));

export const ICONS = {
  home: { normal: union(outline(house), door), selected: subtract(house, door) },
  me: { normal: union(outline(head), outline(shoulders)), selected: union(head, shoulders) },
};

/** The share of a pixel's 16 samples inside `shape` (0–1). */
function coverage(shape: Sdf, x: number, y: number): number {
  let hits = 0;
  for (let sy = 0; sy < SAMPLES; sy++)
    for (let sx = 0; sx < SAMPLES; sx++) if (shape(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES) <= 0) hits++;
  return hits / (SAMPLES * SAMPLES);
}

const rgb = (color: string) => [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16)) as [number, number, number];

/** RGBA pixels of `shape` in `color` on transparent, anti-aliased. */
export function rasterise(shape: Sdf, color: string, width = SIZE, height = SIZE): Buffer {
  const [r, g, b] = rgb(color);
  const px = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const alpha = Math.round(coverage(shape, x, y) * 255);
      const o = (y * width + x) * 4;
      if (alpha) px.set([r, g, b, alpha], o);
    }
  }
  return px;
}

/**
 * RGBA pixels of shapes painted in order, each over the ones before (anti-aliased:
 * an edge pixel mixes the top colour with what is beneath it, in proportion).
 */
export function rasteriseLayers(layers: [Sdf, string][], width: number, height: number): Buffer {
  const px = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (const [shape, color] of layers) {
        const c = coverage(shape, x, y);
        if (!c) continue;
        const [cr, cg, cb] = rgb(color);
        const out = c + a * (1 - c);
        [r, g, b] = [cr, cg, cb].map((v, i) => (v * c + [r, g, b][i]! * a * (1 - c)) / out) as [number, number, number];
        a = out;
      }
      if (a) px.set([Math.round(r), Math.round(g), Math.round(b), Math.round(a * 255)], (y * width + x) * 4);
    }
  }
  return px;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG of width × height RGBA pixels (SIZE × SIZE by default; 8 bits a channel, no filtering). */
export function encodePng(rgba: Buffer, width = SIZE, height = SIZE): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type RGBA, deflate, no filter method, no interlace
  const rows = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Width, height and RGBA pixels of a PNG written by encodePng (filter type 0 rows only). */
export function decodePng(png: Buffer): { width: number; height: number; rgba: Buffer } {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const len = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + len);
    if (type === 'IHDR') [width, height] = [data.readUInt32BE(0), data.readUInt32BE(4)];
    if (type === 'IDAT') idat.push(data);
    offset += len + 12;
  }
  const rows = inflateSync(Buffer.concat(idat));
  const rgba = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    const start = y * (width * 4 + 1);
    if (rows[start] !== 0) throw new Error(`row ${y}: filter ${rows[start]} not supported`);
    rows.copy(rgba, y * width * 4, start + 1, start + 1 + width * 4);
  }
  return { width, height, rgba };
}

/** The tab bar icon files: name → PNG bytes. */
export function tabIcons(): Record<string, Buffer> {
  return {
    'home.png': encodePng(rasterise(ICONS.home.normal, NORMAL)),
    'home-selected.png': encodePng(rasterise(ICONS.home.selected, SELECTED)),
    'me.png': encodePng(rasterise(ICONS.me.normal, NORMAL)),
    'me-selected.png': encodePng(rasterise(ICONS.me.selected, SELECTED)),
  };
}
