// /wxa/img_sec_check (security.imgSecCheck, v1): WeChat's synchronous image check,
// which takes the image itself. It travels as the raw bytes of wx.openApi's
// requestData part (app.callCompatibleWxOpenApi({ apiName, requestData: bytes })).
// Risky means "the bytes contain a word of the content block list" — a test marks
// an image by writing the word into it (e.g. a PNG text chunk); no real image
// moderation happens locally. WeChat's limits are kept: one image of at most 1 MB.
//   errcode 0 ok · 87014 risky · 41005 no media · 40005 not an image · 40006 over 1 MB
import type { OpenApiState } from './state';
import { type WxReply, wxError, wxOk } from './wx-reply';

/** WeChat's limit for img_sec_check. */
export const MAX_IMAGE_BYTES = 1024 * 1024;

const SIGNATURES: [string, number[]][] = [
  ['png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['jpeg', [0xff, 0xd8, 0xff]],
  ['gif', [0x47, 0x49, 0x46, 0x38]],
  ['bmp', [0x42, 0x4d]],
];

function isImage(bytes: Buffer): boolean {
  if (SIGNATURES.some(([, sig]) => sig.every((b, i) => bytes[i] === b))) return true;
  // WebP: RIFF....WEBP
  return bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP';
}

export function imgSecCheck(media: Buffer, state: OpenApiState): WxReply {
  if (media.length === 0) return wxError(41005, 'media data missing');
  if (media.length > MAX_IMAGE_BYTES) return wxError(40006, 'invalid file size: the image is over 1 MB');
  if (!isImage(media)) return wxError(40005, 'invalid file type: not an image');
  const text = media.toString('utf8');
  return state.blockedWords.some((w) => w && text.includes(w)) ? wxError(87014, 'risky content') : wxOk();
}
