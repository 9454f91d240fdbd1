// Seats freed (a cancellation, a removal, a larger capacity, a repair) go to the
// head of the waitlist, one at a time, until the event starts: first a seat is
// moved to the waitlist in the booking's counters (guarded: only while one is
// free), then the head's record moves waitlisted → confirmed (guarded: only if it
// is still the same waitlist entry) with its promotion notice pending, in the same
// write; if the head left meanwhile the seat goes back and the next head is tried.
// A crash between the two writes leaves a seat held by nobody, which the
// scheduler's recount gives back (and promotes into).
//
// Why a sign-up that joins the waitlist just as a seat frees is never left
// behind: the joiner writes its record first, then increments the waitlist
// counter and reads `free` in that same write; the canceller frees the seat, then
// reads the waitlist. Whichever writes second sees the other, and fills.
import type { BookingDoc } from '../../stores/signup-events';
import { seatForWaitlisted, unseatWaitlisted } from '../../stores/signup-events';
import { firstWaitlisted, moveSignUp, type SignUpDoc } from '../../stores/signups';
import { remember } from './access';
import { deliverPromotion } from './notices';

/** Heads that left the waitlist while being promoted, tolerated per call before giving up (the recount finishes). */
const MAX_MISSES = 20;

export interface FillResult {
  promoted: SignUpDoc[];
  booking: BookingDoc;
}

/** Promotes waitlisted sign-ups into the free seats of `booking` (as last read or written); notifies each. */
export async function fillSeats(booking: BookingDoc, now: Date): Promise<FillResult> {
  let b = booking;
  const promoted: SignUpDoc[] = [];
  const open = (x: BookingDoc) => x.status !== 'cancelled' && now < x.startAt;
  for (let misses = 0; b.free > 0 && b.waitlisted > 0 && open(b) && misses < MAX_MISSES;) {
    const head = await firstWaitlisted(b._id);
    if (!head) break;
    const seated = await seatForWaitlisted(b._id);
    if (!seated) break;
    b = seated;
    const moved = await moveSignUp(head._id, 'waitlisted', 'confirmed', { confirmedAt: now }, now, {
      queuedAt: head.queuedAt,
      notice: 'promoted',
    });
    if (moved) {
      promoted.push(moved);
      continue;
    }
    misses++;
    b = await unseatWaitlisted(b._id);
  }
  remember(b);
  for (const p of promoted) {
    try {
      await deliverPromotion(p, b, now);
    } catch (err) {
      // The sign-up is promoted; its notice stays pending and the scheduler sends it.
      console.error(JSON.stringify({ message: 'promotion notice failed', signUpId: p._id, error: String(err) }));
    }
  }
  return { promoted, booking: b };
}
