// Cancelling a whole event: an organiser of its org calls it off (a reason is
// required), before it ends. One guarded write makes the booking `cancelled` —
// final: from then on no seat is taken (takeSeat needs `open`), nobody is
// promoted (seatForWaitlisted refuses a cancelled booking), no reminder is sent
// and no check-in code is shown. Then every confirmed and waitlisted sign-up is
// moved to cancelled (cancelledBy 'event') with its cancellation notice opened in
// the same write, the counters follow by exact decrements, and each notice is
// sent to the sign-up's own openid with the status template (notices.ts).
//
// Crash-safe and repeatable: calling it again on a cancelled event sweeps what is
// left (nothing when the first call finished); the scheduler's recount sweeps
// any cancelled booking still holding active sign-ups (a crash mid-sweep, or a
// sign-up whose seat was taken an instant before the cancellation and whose
// record landed after the sweep), and its reminders task sends cancellation
// notices left pending. Attended and no-show records stay as they are.
import type { EventCancelReport } from '../../../../typings/signup';
import { conflict } from '../../errors';
import type { ActionContext } from '../../function';
import { adjustCounters, type BookingDoc, cancelBooking } from '../../stores/signup-events';
import { activeOfEvent, moveSignUp, type SignUpDoc } from '../../stores/signups';
import { type EventKey, remember, requireBooking, requireOrganiser } from './access';
import { countMove } from './day-counts';
import { deliverStatus } from './notices';

/** Records moved per batch (each batch's counters are adjusted in one write). */
const BATCH = 200;
/** Notices sent at once. */
const PARALLEL_SENDS = 8;

function emptyReport(): EventCancelReport {
  return { cancelled: 0, confirmed: 0, waitlisted: 0, notices: { sent: 0, noGrant: 0, refused: 0, failed: 0 } };
}

/** Cancels the event and every confirmed and waitlisted sign-up, notifying each. */
export async function cancelEvent(ctx: ActionContext, key: EventKey, reason: string): Promise<EventCancelReport> {
  let booking = await requireBooking(key);
  requireOrganiser(ctx.caller, booking);
  if (booking.status !== 'cancelled') {
    if (ctx.now >= booking.endAt) throw conflict('活动已经结束，不能取消');
    booking = (await cancelBooking(booking._id, reason, ctx.now)) ?? (await requireBooking(key));
    remember(booking);
  }
  return sweepCancelled(booking, ctx.now);
}

/**
 * Moves every confirmed and waitlisted sign-up of a cancelled booking to
 * cancelled and notifies each (also the recount's repair). A sign-up that moves
 * meanwhile (its worker cancels at the same instant) is read again next batch.
 */
export async function sweepCancelled(booking: BookingDoc, now: Date): Promise<EventCancelReport> {
  const report = emptyReport();
  if (booking.status !== 'cancelled') return report;
  // Enough batches for the largest event, plus rounds for records that moved while being swept.
  for (let round = 0; round < 60; round++) {
    const batch = await activeOfEvent(booking._id, BATCH);
    if (!batch.length) break;
    const moved: SignUpDoc[] = [];
    let seats = 0;
    for (const s of batch) {
      const after = await moveSignUp(s._id, s.state, 'cancelled', { cancelledAt: now, cancelledBy: 'event' }, now, {
        rev: s.rev,
        notice: 'cancelled',
      });
      if (!after) continue;
      moved.push(after);
      if (s.state === 'confirmed') seats++;
    }
    const queued = moved.length - seats;
    report.confirmed += seats;
    report.waitlisted += queued;
    if (moved.length) {
      const after = await adjustCounters(booking._id, { seatsTaken: -seats, waitlisted: -queued, attended: 0 });
      await Promise.all([countMove(after, { seatsTaken: -seats }, now), notifyAll(moved, booking, now, report)]);
    }
  }
  report.cancelled = report.confirmed + report.waitlisted;
  return report;
}

async function notifyAll(moved: SignUpDoc[], booking: BookingDoc, now: Date, report: EventCancelReport) {
  for (let i = 0; i < moved.length; i += PARALLEL_SENDS) {
    await Promise.all(
      moved.slice(i, i + PARALLEL_SENDS).map(async (s) => {
        try {
          const outcome = await deliverStatus(s, booking, 'cancelled', now);
          if (!outcome) return;
          if (outcome.status === 'sent') report.notices.sent++;
          else if (outcome.status === 'no_grant') report.notices.noGrant++;
          else if (outcome.status === 'refused') report.notices.refused++;
          else report.notices.failed++;
        } catch (err) {
          // The sign-up is cancelled; its notice stays pending and the scheduler sends it.
          console.error(JSON.stringify({ message: 'cancellation notice failed', signUpId: s._id, error: String(err) }));
        }
      }),
    );
  }
}
