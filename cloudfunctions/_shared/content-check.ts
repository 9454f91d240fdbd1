// WeChat content security (msgSecCheck 2.0) on every text before it is stored
// for others to see — what users write and what organisers publish alike.
// Fails closed: if the check cannot run, nothing is written.
import { AppError } from './errors';
import { cloud } from './sdk';

/** msgSecCheck scenes: 1 资料, 2 评论, 3 论坛, 4 社交日志. */
export type ContentScene = 1 | 2 | 3 | 4;

/** Scene for what organisers publish (quotes, lectures, campaigns, candidates): articles for everyone. */
export const PUBLISHED: ContentScene = 3;
/** Scene for profile-like text: names, addresses. */
export const PROFILE: ContentScene = 1;

/** msgSecCheck takes at most 2,500 characters; longer text is checked piece by piece. */
const MAX_CHECK_CHARS = 2_500;
/** Pieces overlap, so that no word hides across a cut. */
const OVERLAP = 50;

interface CheckReply {
  errcode?: number;
  errmsg?: string;
  result?: { suggest?: string; label?: number };
}

export async function checkText(openid: string, text: string, scene: ContentScene, field = '内容'): Promise<void> {
  if (!text.trim()) return;
  const chars = Array.from(text);
  for (let i = 0; ; i += MAX_CHECK_CHARS - OVERLAP) {
    await checkPiece(openid, chars.slice(i, i + MAX_CHECK_CHARS).join(''), scene, field);
    if (i + MAX_CHECK_CHARS >= chars.length) return;
  }
}

async function checkPiece(openid: string, text: string, scene: ContentScene, field: string): Promise<void> {
  let reply: CheckReply;
  try {
    const res = await cloud().callWxOpenApi({
      apiName: '/wxa/msg_sec_check',
      requestData: { content: text, version: 2, scene, openid },
    });
    reply = (res as { result?: CheckReply }).result ?? {};
  } catch {
    throw new AppError('UNAVAILABLE', '内容安全检查暂时不可用，请稍后再试');
  }
  if (reply.errcode !== 0) throw new AppError('UNAVAILABLE', '内容安全检查暂时不可用，请稍后再试');
  if (reply.result?.suggest !== 'pass') {
    throw new AppError('CONTENT_REJECTED', `${field}包含不适宜发布的信息，请修改后再提交`);
  }
}

/**
 * Many short texts (a sheet's rows): checked a few at a time, and only a batch
 * that is rejected is checked text by text. The indexes of the rejected ones.
 */
export async function rejectedTexts(openid: string, texts: string[], scene: ContentScene): Promise<number[]> {
  const rejected: number[] = [];
  const passes = async (t: string) => {
    try {
      await checkText(openid, t, scene);
      return true;
    } catch (err) {
      if (err instanceof AppError && err.code === 'CONTENT_REJECTED') return false;
      throw err;
    }
  };
  let batch: number[] = [];
  let size = 0;
  const flush = async () => {
    if (batch.length && !(await passes(batch.map((i) => texts[i]).join('\n')))) {
      for (const i of batch) if (!(await passes(texts[i]!))) rejected.push(i);
    }
    batch = [];
    size = 0;
  };
  for (const [i, t] of texts.entries()) {
    if (size + t.length + 1 > MAX_CHECK_CHARS - OVERLAP) await flush();
    batch.push(i);
    size += t.length + 1;
  }
  await flush();
  return rejected;
}

/** Checks several fields; the first rejected one is named. */
export async function checkTexts(
  openid: string,
  fields: [label: string, text: string | undefined][],
  scene: ContentScene,
) {
  for (const [label, t] of fields) if (t) await checkText(openid, t, scene, label);
}

/**
 * WeChat's image check on an image about to be published (covers, photos,
 * backgrounds). Decision: security.imgSecCheck (/wxa/img_sec_check, v1), the one
 * image check a cloud function can call synchronously — with the image bytes,
 * through callCompatibleWxOpenApi. Its successor mediaCheckAsync answers later,
 * by a message push, and needs a public URL: it would need a receiving function
 * and a "pending" state for every image, which nothing here has yet. Limits of
 * imgSecCheck: one still image of at most 1 MB (the upload limits of published
 * images are 1 MB for that reason) and, per WeChat, at most 750 × 1334 pixels —
 * larger images should be compressed by the client before upload. Fails closed:
 * anything but WeChat's "ok" (errcode 0) or "risky" (87014) publishes nothing.
 */
export async function checkImage(image: Buffer, field = '图片'): Promise<void> {
  let reply: { errcode?: number };
  try {
    const raw = await cloud().callCompatibleWxOpenApi({ apiName: '/wxa/img_sec_check', requestData: image });
    const text = Buffer.isBuffer(raw) ? raw.toString('utf8') : typeof raw === 'string' ? raw : JSON.stringify(raw);
    reply = JSON.parse(text) as { errcode?: number };
  } catch {
    throw new AppError('UNAVAILABLE', '图片安全检查暂时不可用，请稍后再试');
  }
  if (reply.errcode === 87014) throw new AppError('CONTENT_REJECTED', `${field}包含不适宜发布的内容，请更换后再提交`);
  if (reply.errcode !== 0) throw new AppError('UNAVAILABLE', '图片安全检查暂时不可用，请稍后再试');
}
