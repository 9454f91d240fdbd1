// The sign-up engine's configuration, all from the function's environment.
//
// SIGNUP_CODE_SECRET — the HMAC key of the rotating check-in codes (at least 32
//   characters, e.g. `openssl rand -base64 48`). Every function that issues or
//   accepts codes (the domains' functions: roundtable, volunteer) needs the SAME
//   value in its environment variables on CloudBase. It is a secret: never commit
//   it. Without it the engine refuses to sign or accept codes (UNAVAILABLE), except
//   against the local emulator (the SDK pointed at a loopback address), where a
//   fixed development key is used.
//
// SIGNUP_TEMPLATE_PROMOTED, SIGNUP_TEMPLATE_DAY_BEFORE, SIGNUP_TEMPLATE_HOUR_BEFORE —
//   subscribe-message template ids, chosen in the WeChat console (小程序后台 → 订阅消息
//   → 选用 a one-time template, e.g. 活动开始提醒 for both reminders and 候补成功通知
//   for promotions; the console shows each id). Needed by the scheduler (it sends
//   reminders) and the domains' functions (they send promotion notices and give
//   the client the ids to request). Unset against the emulator: the dev-tpl-…
//   placeholders below; unset in production: that notice is not offered or sent.
//   The promotion template is the status notice: a cancelled event is announced
//   with it too (status 活动取消, the reason as the tip) — the client may request
//   at most 3 templates on one tap, and a sign-up that was never promoted still
//   holds its grant for it. Choose a status-type template for it (e.g. 报名状态通知
//   or 活动状态变更提醒: title, time, a phrase status and a tip).
//
// SIGNUP_TEMPLATE_<KIND>_KEYS — the template's keyword layout as the console lists
//   it, "title:thing1,time:time2,place:thing3,tip:thing4" (the defaults below). A
//   keyword's type is its name without digits; values are cut and formatted to
//   that type's rules before sending (values.ts).
import type { NoticeKind } from '../../../../typings/signup';
import {
  againstLocalEmulator,
  miniprogramState,
  type SubscribeTemplate,
  templateFromEnv,
} from '../../subscribe/templates';

export type NoticeField = 'title' | 'time' | 'place' | 'status' | 'tip';

export interface NoticeTemplate extends SubscribeTemplate<NoticeField> {
  kind: NoticeKind;
}

const NOTICE_FIELDS: readonly NoticeField[] = ['title', 'time', 'place', 'status', 'tip'];

type Env = Record<string, string | undefined>;

/** The development key, usable only against the local emulator. */
const DEV_SECRET = 'local-emulator-only: signup check-in codes';
const MIN_SECRET_LENGTH = 32;

/** The kinds that have their own template (the ones the client requests on the sign-up tap). */
type TemplateKind = Exclude<NoticeKind, 'cancelled'>;

const ENV_NAMES: Record<TemplateKind, string> = {
  promoted: 'SIGNUP_TEMPLATE_PROMOTED',
  dayBefore: 'SIGNUP_TEMPLATE_DAY_BEFORE',
  hourBefore: 'SIGNUP_TEMPLATE_HOUR_BEFORE',
};

const DEV_TEMPLATE_IDS: Record<TemplateKind, string> = {
  promoted: 'dev-tpl-signup-promoted',
  dayBefore: 'dev-tpl-signup-day-before',
  hourBefore: 'dev-tpl-signup-hour-before',
};

const DEFAULT_KEYS: Record<TemplateKind, NoticeTemplate['keys']> = {
  promoted: { title: 'thing1', time: 'time2', status: 'phrase3', tip: 'thing4' },
  dayBefore: { title: 'thing1', time: 'time2', place: 'thing3', tip: 'thing4' },
  hourBefore: { title: 'thing1', time: 'time2', place: 'thing3', tip: 'thing4' },
};

/** The templates offered on the sign-up tap (a cancellation is sent with the promotion's, a status notice). */
export const NOTICE_KINDS: readonly TemplateKind[] = ['promoted', 'dayBefore', 'hourBefore'];

/** The check-in code key, or null when none is configured (and this is not the emulator). */
export function codeSecret(env: Env = process.env): string | null {
  const configured = env.SIGNUP_CODE_SECRET?.trim();
  if (configured && configured.length >= MIN_SECRET_LENGTH) return configured;
  if (configured) {
    console.error(
      JSON.stringify({ message: `SIGNUP_CODE_SECRET is shorter than ${MIN_SECRET_LENGTH} characters; refusing it` }),
    );
    return null;
  }
  return againstLocalEmulator(env) ? DEV_SECRET : null;
}

/** The template of a notice kind, or null when none is configured. */
export function noticeTemplate(kind: NoticeKind, env: Env = process.env): NoticeTemplate | null {
  if (kind === 'cancelled') {
    const status = noticeTemplate('promoted', env);
    return status && { ...status, kind };
  }
  const tpl = templateFromEnv(
    { env: ENV_NAMES[kind], devId: DEV_TEMPLATE_IDS[kind], keys: DEFAULT_KEYS[kind], fields: NOTICE_FIELDS },
    env,
  );
  return tpl && { kind, ...tpl };
}

/** Every configured template. */
export function noticeTemplates(env: Env = process.env): NoticeTemplate[] {
  return NOTICE_KINDS.map((k) => noticeTemplate(k, env)).filter((t): t is NoticeTemplate => t !== null);
}

export { againstLocalEmulator, miniprogramState };
