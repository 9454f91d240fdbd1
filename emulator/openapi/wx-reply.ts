// What a WeChat API stand-in answers: WeChat's JSON (errcode/errmsg, business
// errors included — the SDK does not throw on them) or raw bytes such as a PNG.
import { randomBytes } from 'node:crypto';

export type WxReply =
  { kind: 'json'; body: Record<string, unknown> } | { kind: 'binary'; body: Buffer; contentType: string };

export const wxJson = (body: Record<string, unknown>): WxReply => ({ kind: 'json', body });

export const wxError = (errcode: number, errmsg: string): WxReply => wxJson({ errcode, errmsg });

export const wxOk = (fields: Record<string, unknown> = {}): WxReply => wxJson({ errcode: 0, errmsg: 'ok', ...fields });

/** Shaped like WeChat's trace ids, e.g. "6489f0c2-1a2b3c4d-5e6f7a8b". */
export const newTraceId = () => [4, 4, 4].map((n) => randomBytes(n).toString('hex')).join('-');

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
