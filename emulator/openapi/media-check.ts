// /wxa/media_check_async (security.mediaCheckAsync, v2): WeChat's asynchronous
// check of an image or audio by URL. The call answers at once with a trace_id;
// the verdict comes later as a message push (event `wxa_media_check`) to whatever
// the mini-program's 消息推送 names — on CloudBase a cloud function. Here:
//   - the call validates as WeChat does (media_url, media_type 1 audio / 2 image,
//     version 2 with openid and scene 1–4) and queues the check;
//   - the verdict: a verdict a test set for URLs containing a text
//     (POST /_emulator/openapi/media-verdicts), else "risky" when the file's bytes
//     contain a word of the content block list (as img_sec_check), else "pass". The
//     file is read from this emulator's own storage; a URL elsewhere is refused
//     (the emulator reaches no other host);
//   - delivery: the push event, shaped as WeChat's, goes to the function the
//     emulator's message-push configuration names for `wxa_media_check`, shortly
//     after the call (as WeChat does "within 30 minutes"), unless held
//     (PUT /_emulator/openapi/media-checks/hold) — then on
//     POST /_emulator/openapi/media-checks/deliver. A harness without a function
//     host takes the pushes (POST …/media-checks/take) and delivers them itself.
// Not emulated: WeChat's rule that the user opened the mini-program in the last 2 h.
import { unsupported } from '../core/errors';
import type { OpenApiState } from './state';
import { newTraceId, type WxReply, wxError, wxOk } from './wx-reply';

export type MediaSuggest = 'pass' | 'review' | 'risky';

/** WeChat's labels: 100 normal; 20002 pornography (what a risky image gets here). */
const LABELS: Record<MediaSuggest, number> = { pass: 100, review: 20002, risky: 20002 };

export interface MediaCheck {
  traceId: string;
  mediaUrl: string;
  mediaType: 1 | 2;
  openid: string;
  scene: number;
  queuedAt: string;
  status: 'queued' | 'delivered' | 'taken' | 'failed';
  /** The push event, once the verdict is known. */
  push?: MediaPush;
  /** Why delivery failed (the function's error), when it did. */
  error?: string;
}

export interface MediaPush {
  ToUserName: string;
  FromUserName: string;
  CreateTime: number;
  MsgType: 'event';
  Event: 'wxa_media_check';
  appid: string;
  trace_id: string;
  version: 2;
  detail: { strategy: string; errcode: number; suggest: MediaSuggest; label: number; prob: number }[];
  errcode: number;
  errmsg: string;
  result: { suggest: MediaSuggest; label: number };
}

export interface MediaVerdict {
  /** Applies to checks whose media URL contains this text. */
  match: string;
  suggest: MediaSuggest;
}

/** The event name WeChat pushes the verdict as. */
export const MEDIA_CHECK_EVENT = 'wxa_media_check';

export function mediaCheckAsync(data: Record<string, unknown>, state: OpenApiState): WxReply {
  const { media_url, media_type, version, openid, scene } = data;
  if (typeof media_url !== 'string' || !/^https?:\/\/\S+$/.test(media_url))
    return wxError(47001, 'data format error hint: media_url');
  if (media_type !== 1 && media_type !== 2)
    return wxError(47001, 'data format error hint: media_type must be 1 (audio) or 2 (image)');
  if (version !== 2 && version !== '2') return wxError(47001, 'data format error hint: version must be 2');
  if (typeof openid !== 'string' || !openid) return wxError(40003, 'invalid openid');
  if (typeof scene !== 'number' || ![1, 2, 3, 4].includes(scene))
    return wxError(47001, 'data format error hint: scene must be 1, 2, 3 or 4');
  if (state.baseUrl && !media_url.startsWith(`${state.baseUrl}/`))
    throw unsupported(
      `media_check_async of ${media_url}: the emulator checks only files of its own storage (a temp URL from getTempFileURL)`,
    );
  const check: MediaCheck = {
    traceId: newTraceId(),
    mediaUrl: media_url,
    mediaType: media_type,
    openid,
    scene,
    queuedAt: new Date().toISOString(),
    status: 'queued',
  };
  state.mediaChecks.push(check);
  state.onMediaCheck?.(check);
  return wxOk({ trace_id: check.traceId });
}

/** The check's verdict: a test's verdict for its URL, else the block list over its bytes. */
export async function verdictOf(
  check: MediaCheck,
  state: OpenApiState,
): Promise<{ suggest: MediaSuggest; errcode: number }> {
  const set = [...state.mediaVerdicts].reverse().find((v) => check.mediaUrl.includes(v.match));
  if (set) return { suggest: set.suggest, errcode: 0 };
  let bytes: Buffer;
  try {
    const res = await fetch(check.mediaUrl);
    if (!res.ok) return { suggest: 'risky', errcode: 40097 };
    bytes = Buffer.from(await res.arrayBuffer());
  } catch {
    return { suggest: 'risky', errcode: 40097 };
  }
  const text = bytes.toString('utf8');
  return { suggest: state.blockedWords.some((w) => w && text.includes(w)) ? 'risky' : 'pass', errcode: 0 };
}

/** The push event WeChat sends for a check, with its verdict. */
export function pushOf(check: MediaCheck, verdict: { suggest: MediaSuggest; errcode: number }): MediaPush {
  const label = LABELS[verdict.suggest];
  return {
    ToUserName: 'gh_emulator00000',
    FromUserName: check.openid,
    CreateTime: Math.floor(Date.now() / 1000),
    MsgType: 'event',
    Event: MEDIA_CHECK_EVENT,
    appid: 'wx0000000000local',
    trace_id: check.traceId,
    version: 2,
    detail: [{ strategy: 'content_model', errcode: verdict.errcode, suggest: verdict.suggest, label, prob: 90 }],
    errcode: verdict.errcode,
    errmsg: verdict.errcode ? 'media download failed' : 'ok',
    result: { suggest: verdict.suggest, label },
  };
}
