// /wxa/getwxacodeunlimit (wxacode.getUnlimited): a real PNG QR code instead of a
// mini-program code. It encodes
//   https://mp.weixin.qq.com/a/local?page=<page>&scene=<scene>&env_version=<env_version>
// (values percent-encoded; page is empty when omitted, meaning the home page)
// with error correction M and a 4-module quiet zone,
// so scanning it in development shows exactly what the real code would open.
import { renderQrPng } from './qr-png';
import { isPlainObject, type WxReply, wxError } from './wx-reply';

const MIN_WIDTH = 280;
const MAX_WIDTH = 1280;
const DEFAULT_WIDTH = 430;
const MAX_SCENE_LENGTH = 32;
/** WeChat's allowed scene characters. */
const SCENE_CHARS = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]+$/;
const ENV_VERSIONS = ['release', 'trial', 'develop'];

export const wxacodeText = (page: string, scene: string, envVersion: string) =>
  `https://mp.weixin.qq.com/a/local?page=${encodeURIComponent(page)}&scene=${encodeURIComponent(scene)}` +
  `&env_version=${encodeURIComponent(envVersion)}`;

export function getUnlimited(data: Record<string, unknown>): WxReply {
  const scene = typeof data.scene === 'number' ? String(data.scene) : data.scene;
  if (typeof scene !== 'string' || scene.length === 0 || scene.length > MAX_SCENE_LENGTH) {
    return wxError(40169, 'invalid length for scene');
  }
  if (!SCENE_CHARS.test(scene)) return wxError(40129, 'invalid scene');

  const page = data.page ?? '';
  // "No leading slash, no query string" per WeChat; parameters belong in scene.
  if (typeof page !== 'string' || page.startsWith('/') || page.includes('?')) return wxError(41030, 'invalid page');

  const envVersion = data.env_version ?? 'release';
  if (typeof envVersion !== 'string' || !ENV_VERSIONS.includes(envVersion)) {
    return wxError(40097, `invalid args hint: env_version must be one of ${ENV_VERSIONS.join(', ')}`);
  }

  const png = renderQrPng(wxacodeText(page, scene, envVersion), {
    width: clampWidth(data.width),
    dark: lineColor(data),
    transparent: data.is_hyaline === true,
  });
  return { kind: 'binary', body: png, contentType: 'image/png' };
}

function clampWidth(width: unknown): number {
  if (typeof width !== 'number' || !Number.isFinite(width)) return DEFAULT_WIDTH;
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.round(width)));
}

const BLACK: [number, number, number] = [0, 0, 0];

/** line_color applies only when auto_color is off, as in WeChat. */
function lineColor(data: Record<string, unknown>): [number, number, number] {
  const color = data.line_color;
  if (data.auto_color === true || !isPlainObject(color)) return BLACK;
  const channels = [color.r, color.g, color.b].map(Number);
  if (!channels.every((c) => Number.isInteger(c) && c >= 0 && c <= 255)) return BLACK;
  return channels as [number, number, number];
}
