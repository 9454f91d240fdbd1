// Real image files for tests: a 1×1 PNG, optionally carrying a text chunk (the
// emulator's image check treats an image whose bytes contain a blocked word as
// risky) or padded to a given size; and the first bytes of other formats.
import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
  return Buffer.concat([head, body, crc]);
}

/** A valid 1×1 PNG; `text` goes into a tEXt chunk, `size` pads it (with a zTXt-free filler) to that many bytes. */
export function png(opts: { text?: string; size?: number } = {}): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const parts = [
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    ...(opts.text ? [chunk('tEXt', Buffer.from(`Comment\0${opts.text}`, 'utf8'))] : []),
    chunk('IDAT', deflateSync(Buffer.from([0, 255, 255, 255, 255]))),
  ];
  const end = chunk('IEND', Buffer.alloc(0));
  const sized = Buffer.concat([...parts, end]);
  if (!opts.size || opts.size <= sized.length) return sized;
  // A private ancillary chunk ("prVt") that viewers skip: 12 bytes of framing plus the filler.
  const filler = chunk('prVt', Buffer.alloc(Math.max(0, opts.size - sized.length - 12), 0x61));
  return Buffer.concat([...parts, filler, end]);
}

/** The first bytes of an MP4 (ftyp box), an M4A, a ZIP (xlsx) — enough for type sniffing. */
export const MP4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom\0\0\x02\0isomiso2', 'latin1')]);
export const M4A = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypM4A \0\0\x02\0M4A mp42', 'latin1')]);
export const MP3 = Buffer.concat([Buffer.from('ID3\x04\0\0\0\0\0\0', 'latin1'), Buffer.alloc(64)]);
