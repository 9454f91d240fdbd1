// /cgi-bin/message/subscribe/send (subscribeMessage.send). Accepted messages go
// to the outbox instead of a phone; users marked as refusing get 43101, as when
// a one-time subscription has been used up, or 20004, as when they switched
// subscribe messages off.
import { type OpenApiState, REFUSAL_MESSAGES } from './state';
import { subscribeDataProblem } from './subscribe-data';
import { type WxReply, wxError, wxOk } from './wx-reply';

const STATES = ['developer', 'trial', 'formal'];
const LANGS = ['zh_CN', 'en_US', 'zh_HK', 'zh_TW'];

export function subscribeSend(req: Record<string, unknown>, state: OpenApiState): WxReply {
  const { touser, template_id, page, data, miniprogram_state, lang } = req;
  if (typeof touser !== 'string' || !touser) return wxError(40003, 'invalid openid');
  if (typeof template_id !== 'string' || !template_id) return wxError(40037, 'invalid template_id');
  if (page !== undefined && typeof page !== 'string') return wxError(47003, 'argument invalid! page invalid');
  if (miniprogram_state !== undefined && !STATES.includes(miniprogram_state as string)) {
    return wxError(47003, `argument invalid! miniprogram_state must be one of ${STATES.join(', ')}`);
  }
  if (lang !== undefined && !LANGS.includes(lang as string)) {
    return wxError(47003, `argument invalid! lang must be one of ${LANGS.join(', ')}`);
  }
  const problem = subscribeDataProblem(data);
  if (problem) return wxError(47003, problem);
  const refusal = state.refusal(touser, template_id);
  if (refusal) {
    const errcode = refusal.errcode ?? 43101;
    return wxError(errcode, REFUSAL_MESSAGES[errcode]);
  }

  const msgid = state.newMsgid();
  state.outbox.push({
    msgid,
    sentAt: new Date().toISOString(),
    touser,
    template_id,
    ...(page !== undefined ? { page: page as string } : {}),
    data: data as Record<string, { value: string }>,
    ...(miniprogram_state !== undefined ? { miniprogram_state: miniprogram_state as string } : {}),
    ...(lang !== undefined ? { lang: lang as string } : {}),
  });
  return wxOk({ msgid });
}
