// Seats freed (a cancellation, a removal, a larger capacity, a repair) go to the
// head of the waitlist, one at a time, until the event starts: first a seat is
// moved to the waitlist in the booking's counters (guarded: only while one is
// free), then the head's record moves waitlisted → confirmed (guarded: only if it
// is still the same waitlist entry) with its promotion notice pending, in the same
// write; if the head left meanwhile the seat is offered to the next in line, and
// goes back only when nobody read in line could take it.
// A crash between the two writes leaves a seat held by nobody, which the
// scheduler's recount gives back (and promotes into).
//
// Why a sign-up that joins the waitlist just as a seat frees is never left
// behind: the joiner writes its record first, then increments the waitlist
// counter and reads `free` in that same write; the canceller frees the seat, then
// reads the waitlist. Whichever writes second sees the other, and fills.
import type { BookingDoc } from '../../stores/signup-events';
import { releaseSeat, seatForWaitlisted, unseatWaitlisted } from '../../stores/signup-events';
import { moveSignUp, type SignUpDoc, waitlistHeads } from '../../stores/signups';
import { remember } from './access';
import { countMoves } from './day-counts';
import { deliverPromotion } from './notices';
import type { BookingMove } from './stats';

/** Heads that left the waitlist while being promoted, tolerated per call before giving up (the recount finishes). */
const MAX_MISSES = 40;

export interface FillResult {
  promoted: SignUpDoc[];
  booking: BookingDoc;
}

/**
 * Promotes waitlisted sign-ups into the free seats of `booking` (as last read or
 * written); notifies each. Each seat is moved to the waitlist first, then offered
 * down a snapshot of the queue's head in order: an entry that moved meanwhile (a
 * concurrent promoter took it, or its worker cancelled) is skipped for the next,
 * keeping the seat — so concurrent cancellations promote positions 1, 2, 3 … in
 * order without each re-reading the queue and re-taking the seat on every miss.
 */
export async function fillSeats(
  booking: BookingDoc,
  now: Date,
  counted: [BookingDoc, BookingMove][] = [],
): Promise<FillResult> {
  let b = booking;
  const promoted: SignUpDoc[] = [];
  const open = (x: BookingDoc) => x.status !== 'cancelled' && now < x.startAt;
  let misses = 0;
  // Each seat write as the booking it answered, for the dashboard's counters, after the
  // caller's own (`counted`): a seat freed and filled again, or given back, cancels out.
  const moves = [...counted];
  while (b.free > 0 && b.waitlisted > 0 && open(b) && misses < MAX_MISSES) {
    const heads = await waitlistHeads(b._id, Math.min(50, b.free + MAX_MISSES - misses));
    if (!heads.length) break;
    const seated = await seatForWaitlisted(b._id);
    if (!seated) break;
    b = seated;
    moves.push([seated, { seatsTaken: 1 }]);
    let placed: SignUpDoc | null = null;
    for (const head of heads) {
      placed = await moveSignUp(head._id, 'waitlisted', 'confirmed', { confirmedAt: now }, now, {
        queuedAt: head.queuedAt,
        notice: 'promoted',
      });
      if (placed || ++misses >= MAX_MISSES) break;
    }
    if (placed) promoted.push(placed);
    else {
      b = await unseatWaitlisted(b._id);
      moves.push([b, { seatsTaken: -1 }]);
    }
  }
  remember(b);
  await Promise.all([countMoves(moves, now), notifyPromoted(promoted, b, now)]);
  return { promoted, booking: b };
}

async function notifyPromoted(promoted: SignUpDoc[], b: BookingDoc, now: Date): Promise<void> {
  for (const p of promoted) {
    try {
      await deliverPromotion(p, b, now);
    } catch (err) {
      // The sign-up is promoted; its notice stays pending and the scheduler sends it.
      console.error(JSON.stringify({ message: 'promotion notice failed', signUpId: p._id, error: String(err) }));
    }
  }
}

/** Gives a seat back (a cancellation, a removal, a repeated tap's second seat) and offers it to the waitlist. */
export async function giveBackSeat(bookingId: string, now: Date): Promise<FillResult> {
  const freed = await releaseSeat(bookingId);
  return fillSeats(freed, now, [[freed, { seatsTaken: -1 }]]);
}
