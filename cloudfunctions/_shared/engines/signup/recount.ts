// Counters must equal the records. Every write order in the engine leaves a
// crash between its two writes as a counter off by one (a seat held by nobody, a
// waitlist or attendance count behind); this recount, run by the scheduler's
// upkeep, finds such drifts in every booking still in play (ending within the last
// two days or later), confirms each with a second pass (a drift that changed was
// a sign-up in flight, left for the next run), repairs it with exact increments,
// and promotes into any seat that is free while people wait. A cancelled event
// still holding confirmed or waitlisted sign-ups is swept (cancellation.ts) first.
import type { SignUpRecountReport } from '../../../../typings/signup';
import {
  adjustCounters,
  type BookingDoc,
  type CounterDrift,
  forEachBookingEndingAfter,
  getBooking,
} from '../../stores/signup-events';
import { countStates } from '../../stores/signups';
import { sweepCancelled } from './cancellation';
import { fillSeats } from './waitlist';

/** Bookings whose event ended within this window are still recounted. */
const GRACE_MS = 2 * 86_400_000;

const isZero = (d: CounterDrift) => !d.seatsTaken && !d.waitlisted && !d.attended;
const same = (a: CounterDrift, b: CounterDrift) =>
  a.seatsTaken === b.seatsTaken && a.waitlisted === b.waitlisted && a.attended === b.attended;

/** The records minus the counters of `booking` (as just read). */
async function driftOf(booking: BookingDoc, counted?: Awaited<ReturnType<typeof countStates>>): Promise<CounterDrift> {
  const n = counted ?? (await countStates(booking._id));
  return {
    seatsTaken: (n.confirmed ?? 0) + (n.attended ?? 0) + (n.no_show ?? 0) - booking.seatsTaken,
    waitlisted: (n.waitlisted ?? 0) - booking.waitlisted,
    attended: (n.attended ?? 0) - booking.attended,
  };
}

/** `settle` waits between the two passes (sign-ups in flight finish their second write). */
export async function recountSignUps(now: Date, settle: () => Promise<void>): Promise<SignUpRecountReport> {
  const report: SignUpRecountReport = { events: 0, repaired: [], unsettled: 0, promoted: 0, swept: 0 };
  const first = new Map<string, CounterDrift>();
  const waiting: string[] = [];
  await forEachBookingEndingAfter(new Date(now.getTime() - GRACE_MS), async (b) => {
    report.events++;
    let n = await countStates(b._id);
    if (b.status === 'cancelled' && (n.confirmed || n.waitlisted)) {
      report.swept += (await sweepCancelled(b, now)).cancelled;
      b = (await getBooking(b._id)) ?? b;
      n = await countStates(b._id);
    }
    const drift = await driftOf(b, n);
    if (!isZero(drift)) first.set(b._id, drift);
    else if (b.free > 0 && b.waitlisted > 0) waiting.push(b._id);
  });
  if (first.size) await settle();
  for (const [id, drift] of first) {
    const booking = await getBooking(id);
    if (!booking) continue;
    if (!same(drift, await driftOf(booking))) {
      report.unsettled++;
      continue;
    }
    // Not mirrored in the dashboard's counters: they are recounted from the same
    // records by the stats recount, which would otherwise correct this drift twice.
    await adjustCounters(id, drift);
    report.repaired.push({ eventKey: id, ...drift });
    waiting.push(id);
  }
  for (const id of waiting) {
    const booking = await getBooking(id);
    if (booking) report.promoted += (await fillSeats(booking, now)).promoted.length;
  }
  if (report.repaired.length) {
    console.warn(JSON.stringify({ message: 'sign-up counter drift repaired', repaired: report.repaired }));
  }
  return report;
}
