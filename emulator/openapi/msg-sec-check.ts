// /wxa/msg_sec_check (security.msgSecCheck). Risky means "contains a word of the
// block list"; no real moderation happens locally.
//   v2 (version: 2): needs openid and scene 1–4; answers result + detail + trace_id.
//   v1 (no version): answers errcode 0, or 87014 for risky content.
import type { OpenApiState } from './state';
import { findBlockedWord } from './blocked-words';
import { newTraceId, type WxReply, wxError, wxOk } from './wx-reply';

/** WeChat's label for "normal" content. */
const LABEL_PASS = 100;
/** WeChat's catch-all "other" label: the block list carries no category. */
const LABEL_RISKY = 21000;
/** The v2 fields WeChat checks besides content. */
const OPTIONAL_TEXT_FIELDS = ['title', 'nickname', 'signature'];

export function msgSecCheck(data: Record<string, unknown>, state: OpenApiState): WxReply {
  const { version } = data;
  if (version === 2 || version === '2') return checkV2(data, state.blockedWords);
  if (version === undefined || version === 1 || version === '1') return checkV1(data, state.blockedWords);
  return wxError(47001, 'data format error hint: version must be 2 (or absent for the old v1 API)');
}

function checkV1(data: Record<string, unknown>, words: string[]): WxReply {
  if (typeof data.content !== 'string' || !data.content) return wxError(47001, 'data format error hint: content');
  return findBlockedWord(data.content, words) ? wxError(87014, 'risky content') : wxOk();
}

function checkV2(data: Record<string, unknown>, words: string[]): WxReply {
  const { openid, scene, content } = data;
  if (typeof openid !== 'string' || !openid) return wxError(40003, 'invalid openid');
  if (typeof scene !== 'number' || ![1, 2, 3, 4].includes(scene)) {
    return wxError(
      47001,
      'data format error hint: scene must be 1 (profile), 2 (comment), 3 (forum) or 4 (social log)',
    );
  }
  if (typeof content !== 'string' || !content) return wxError(47001, 'data format error hint: content');
  const texts = [
    content,
    ...OPTIONAL_TEXT_FIELDS.map((f) => data[f]).filter((v): v is string => typeof v === 'string'),
  ];
  const keyword = texts.map((t) => findBlockedWord(t, words)).find((w) => w !== null) ?? null;
  const suggest = keyword ? 'risky' : 'pass';
  const label = keyword ? LABEL_RISKY : LABEL_PASS;
  return wxOk({
    result: { suggest, label },
    detail: [{ strategy: 'content_model', errcode: 0, suggest, label, prob: 90, ...(keyword ? { keyword } : {}) }],
    trace_id: newTraceId(),
  });
}
