// Subscribe messages to one sign-up's own openid: a promotion from the waitlist,
// the event's cancellation, and the reminders before the event. Each notice of a sign-up is claimed on the
// record before anything is sent (at most once, whatever runs overlap); then one
// of the user's grants for the template is taken; then WeChat is asked, through
// the SDK (callWxOpenApi → subscribeMessage.send); the outcome is recorded.
// 43101 (no grant left at WeChat) and 20004 (the user switched messages off) are
// recorded as refused and the grant count cleared — never retried. A crash after
// the claim leaves the notice `sending`: not sent, and not sent twice.
import type { NoticeKind } from '../../../../typings/signup';
import { BEIJING, dayjs } from '../../clock';
import type { BookingDoc } from '../../stores/signup-events';
import {
  claimReminder,
  claimStatusNotice,
  recordNotice,
  type SignUpDoc,
  type StatusNotice,
} from '../../stores/signups';
import { type NoticeOutcome, sendSubscribe } from '../../subscribe/send';
import { messageData as fitted } from '../../subscribe/templates';
import { type NoticeField, type NoticeTemplate, noticeTemplate } from './config';

export type { NoticeOutcome } from '../../subscribe/send';

/** "明天 09:00 开始，请准时参加" — relative to the Beijing day of `now`. */
function startsText(startAt: Date, now: Date): string {
  const start = dayjs(startAt).tz(BEIJING);
  const days = start.startOf('day').diff(dayjs(now).tz(BEIJING).startOf('day'), 'day');
  const day = ['今天', '明天', '后天'][days] ?? start.format('M月D日');
  return `${day} ${start.format('HH:mm')} 开始，请准时参加`;
}

const STATUS: Record<NoticeKind, string> = {
  promoted: '候补成功',
  cancelled: '活动取消',
  dayBefore: '即将开始',
  hourBefore: '即将开始',
};

function tipOf(kind: NoticeKind, b: BookingDoc, now: Date): string {
  if (kind === 'promoted') return '名额已保留，不能参加请及时取消';
  if (kind === 'cancelled') return b.cancelled?.reason ? `取消原因：${b.cancelled.reason}` : '活动已取消，敬请谅解';
  return startsText(b.startAt, now);
}

function fieldsOf(kind: NoticeKind, b: BookingDoc, now: Date): Record<NoticeField, string | Date> {
  return {
    title: b.notice.title,
    time: b.startAt,
    place: b.notice.place,
    status: STATUS[kind],
    tip: tipOf(kind, b, now),
  };
}

/** The message's data, each value fitted to its keyword's rules. */
export function messageData(tpl: NoticeTemplate, b: BookingDoc, now: Date): Record<string, { value: string }> {
  return fitted(tpl, fieldsOf(tpl.kind, b, now));
}

/** Sends a notice already claimed on the record and records what happened. */
async function deliverClaimed(
  s: SignUpDoc,
  b: BookingDoc,
  tpl: NoticeTemplate,
  kind: NoticeKind,
  now: Date,
): Promise<NoticeOutcome> {
  const outcome = await sendSubscribe({
    userId: s.userId,
    openid: s.openid,
    templateId: tpl.id,
    page: b.notice.page,
    data: messageData(tpl, b, now),
    logId: s._id,
  });
  await recordNotice(s._id, kind, { ...outcome, at: now });
  return outcome;
}

/** A reminder of a confirmed sign-up, unless it had one of this kind; null when not claimed here. */
export async function deliverReminder(
  s: SignUpDoc,
  b: BookingDoc,
  kind: 'dayBefore' | 'hourBefore',
  now: Date,
): Promise<NoticeOutcome | null> {
  const tpl = noticeTemplate(kind);
  if (!tpl || !(await claimReminder(s._id, kind, now))) return null;
  return deliverClaimed(s, b, tpl, kind, now);
}

/**
 * The pending status notice of a sign-up (just promoted, or its event just
 * cancelled); null when not claimed here.
 */
export async function deliverStatus(
  s: SignUpDoc,
  b: BookingDoc,
  kind: StatusNotice,
  now: Date,
): Promise<NoticeOutcome | null> {
  const tpl = noticeTemplate(kind);
  if (!tpl || !(await claimStatusNotice(s._id, kind, now))) return null;
  return deliverClaimed(s, b, tpl, kind, now);
}

/** The pending promotion notice of a sign-up just promoted; null when not claimed here. */
export const deliverPromotion = (s: SignUpDoc, b: BookingDoc, now: Date) => deliverStatus(s, b, 'promoted', now);
