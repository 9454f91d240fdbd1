// WeChat content security (msgSecCheck 2.0) on user text before it is stored.
// Fails closed: if the check cannot run, nothing is written.
import { AppError } from './errors';
import { cloud } from './sdk';

/** msgSecCheck scenes: 1 资料, 2 评论, 3 论坛, 4 社交日志. */
export type ContentScene = 1 | 2 | 3 | 4;

interface CheckReply {
  errcode?: number;
  errmsg?: string;
  result?: { suggest?: string; label?: number };
}

export async function checkText(openid: string, text: string, scene: ContentScene, field = '内容'): Promise<void> {
  if (!text.trim()) return;
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

/** Checks several fields; the first rejected one is named. */
export async function checkTexts(
  openid: string,
  fields: [label: string, text: string | undefined][],
  scene: ContentScene,
) {
  for (const [label, t] of fields) if (t) await checkText(openid, t, scene, label);
}
