// Reminders by subscribe message. On the sign-up tap the client asks
// wx.requestSubscribeMessage for the ids `subscribeOffer()` gives (at most 3: the
// promotion notice and the two reminders) and reports the answers; each accept
// is one send more for that user and template (`recordGrants`). The scheduler's
// upkeep (every 10 minutes) then sends, to each confirmed sign-up's own openid:
//   dayBefore  — when the event starts in (1 h, 24 h], i.e. the day before;
//   hourBefore — when it starts in (0, 1 h].
// Each at most once per sign-up (claimed on the record first, notices.ts); a
// sign-up made within the last hour gets only the hour reminder. Promotion
// notices the promoter could not send (a crash, WeChat unreachable) are sent here,
// and so are cancellation notices the cancelling call did not get to send.
import type { ReminderReport, SubscribeGrant, SubscribeOffer } from '../../../../typings/signup';
import type { ActionContext } from '../../function';
import { type BookingDoc, bookingsStartingIn, getBooking } from '../../stores/signup-events';
import { awaitingReminder, type SignUpDoc, staleStatusNotices, type StatusNotice } from '../../stores/signups';
import { grantsInput as subscribeGrants, recordAccepted } from '../../subscribe/grants';
import { userIdOf } from './access';
import { NOTICE_KINDS, noticeTemplate, noticeTemplates } from './config';
import { deliverReminder, deliverStatus, type NoticeOutcome } from './notices';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** A promotion notice still pending after this was not sent by its promoter. */
const STALE_NOTICE_MS = 2 * 60_000;
const BATCH = 100;
/** Sends per upkeep run at most (the scheduler has 60 s); the rest go in the next run. */
const MAX_SENDS_PER_RUN = 400;

/** wx.requestSubscribeMessage's answers as the client reports them (one per requested id). */
export const grantsInput = () => subscribeGrants(NOTICE_KINDS.length);

/** The template ids to request on the sign-up tap (configured ones only; at most 3). */
export function subscribeOffer(): SubscribeOffer {
  return { templateIds: [...new Set(noticeTemplates().map((t) => t.id))].slice(0, 3) };
}

/** Counts what the user accepted (ids that are not ours are ignored). */
export function recordGrants(ctx: ActionContext, grants: SubscribeGrant[]): Promise<{ granted: string[] }> {
  return recordAccepted(
    userIdOf(ctx.caller),
    grants,
    noticeTemplates().map((t) => t.id),
    ctx.now,
  );
}

export interface DueReminder {
  kind: 'dayBefore' | 'hourBefore';
  booking: BookingDoc;
  signUp: SignUpDoc;
}

/** Which reminder a booking is due for at `now`, if any. */
export function reminderDue(startAt: Date, now: Date): DueReminder['kind'] | null {
  const left = startAt.getTime() - now.getTime();
  if (left <= 0 || left > DAY_MS) return null;
  return left <= HOUR_MS ? 'hourBefore' : 'dayBefore';
}

/** Reminders due at `now` that no run has claimed yet (up to 100 per event). */
export async function dueReminders(now: Date): Promise<DueReminder[]> {
  const bookings = await bookingsStartingIn(now, new Date(now.getTime() + DAY_MS));
  const due: DueReminder[] = [];
  for (const booking of bookings) {
    const kind = reminderDue(booking.startAt, now);
    if (!kind || !noticeTemplate(kind)) continue;
    for (const signUp of await awaitingReminder(booking._id, kind, BATCH)) due.push({ kind, booking, signUp });
  }
  return due;
}

function tally(report: ReminderReport, outcome: NoticeOutcome | null): void {
  if (!outcome) return;
  report.due++;
  if (outcome.status === 'sent') report.sent++;
  else if (outcome.status === 'no_grant') report.noGrant++;
  else if (outcome.status === 'refused') {
    const row = report.refused.find((r) => r.errcode === outcome.errcode);
    if (row) row.count++;
    else report.refused.push({ errcode: outcome.errcode ?? 0, count: 1 });
  } else report.failed++;
}

/** Sends what is due at `now` (the scheduler's task). */
export async function sendReminders(now: Date): Promise<ReminderReport> {
  const report: ReminderReport = {
    due: 0,
    sent: 0,
    noGrant: 0,
    refused: [],
    failed: 0,
    unconfigured: NOTICE_KINDS.filter((k) => !noticeTemplate(k)),
  };
  let budget = MAX_SENDS_PER_RUN;
  for (let due = await dueReminders(now); due.length && budget > 0; due = await dueReminders(now)) {
    for (const d of due.slice(0, budget)) tally(report, await deliverReminder(d.signUp, d.booking, d.kind, now));
    budget -= due.length;
  }
  const bookings = new Map<string, BookingDoc | null>();
  for (const kind of ['promoted', 'cancelled'] as const satisfies readonly StatusNotice[]) {
    if (!noticeTemplate(kind)) continue;
    const stale = await staleStatusNotices(kind, new Date(now.getTime() - STALE_NOTICE_MS), BATCH);
    for (const s of stale) {
      if (!bookings.has(s.eventKey)) bookings.set(s.eventKey, await getBooking(s.eventKey));
      const booking = bookings.get(s.eventKey);
      if (booking) tally(report, await deliverStatus(s, booking, kind, now));
    }
  }
  return report;
}
