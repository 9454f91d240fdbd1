// One subscribe message to one user's own openid, as every engine sends them: one
// of the user's grants for the template is taken first (a guarded decrement of
// subscribe_grants, so two sends never spend one grant), then WeChat is asked
// through the SDK (callWxOpenApi → /cgi-bin/message/subscribe/send). 43101 (no
// grant left at WeChat) and 20004 (the user switched messages off) clear the
// count here and are reported as refused — never retried. Engines claim a notice
// on their own record before calling this, so a notice is sent at most once.
import type { NoticeStatus } from '../../../typings/signup';
import { cloud } from '../sdk';
import { clearGrant, takeGrant } from '../stores/subscribe-grants';
import { miniprogramState } from './templates';

const SEND_API = '/cgi-bin/message/subscribe/send';
/** WeChat's answers that mean "this user will not get it": recorded, never retried. */
export const REFUSALS = [43101, 20004] as const;

export interface NoticeOutcome {
  status: NoticeStatus;
  errcode?: number;
}

export interface SubscribeMessage {
  /** Whose grant is spent. */
  userId: string;
  /** Where it goes: the user's own openid, never anyone else's. */
  openid: string;
  templateId: string;
  /** The mini-program page the message opens. */
  page: string;
  data: Record<string, { value: string }>;
  /** Named in the log when the send fails (e.g. a sign-up or case id). */
  logId: string;
}

/** Sends one message; its outcome (no_grant when the user had no send left for the template). */
export async function sendSubscribe(m: SubscribeMessage): Promise<NoticeOutcome> {
  if (!(await takeGrant(m.userId, m.templateId))) return { status: 'no_grant' };
  let errcode: number;
  try {
    const res = await cloud().callWxOpenApi({
      apiName: SEND_API,
      requestData: {
        touser: m.openid,
        template_id: m.templateId,
        page: m.page,
        data: m.data,
        miniprogram_state: miniprogramState(),
        lang: 'zh_CN',
      },
    });
    errcode = Number((res as { result?: { errcode?: number } }).result?.errcode ?? -1);
  } catch (err) {
    console.error(JSON.stringify({ message: 'subscribe send failed', id: m.logId, error: String(err) }));
    return { status: 'failed' };
  }
  if (errcode === 0) return { status: 'sent' };
  if ((REFUSALS as readonly number[]).includes(errcode)) {
    await clearGrant(m.userId, m.templateId);
    return { status: 'refused', errcode };
  }
  console.error(JSON.stringify({ message: 'subscribe send refused', id: m.logId, errcode }));
  return { status: 'failed', errcode };
}
