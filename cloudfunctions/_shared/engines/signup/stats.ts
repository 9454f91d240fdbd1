// What an event's booking adds to the dashboard's daily counters (pure): its seats
// held (confirmed + attended + no-show) as `signups` and its check-ins as
// `attended`, keyed by the sign-up domain, under the booking's org, on the Beijing
// day the event starts. The counters follow the booking's own counters: every
// write that moves them (or the start) answers the booking after it, and what it
// was before is that minus the write's own increments — so the counters move by
// exact differences whatever runs at the same time. The recount maps the sign-up
// records (the truth the booking's counters are recounted from) through the same
// function.
import { beijingDay } from '../../clock';
import type { Contribution } from '../../stats/contributions';
import type { BookingDoc } from '../../stores/signup-events';

export type CountedBooking = Pick<BookingDoc, 'domain' | 'orgId' | 'startAt' | 'seatsTaken' | 'attended'>;

export function bookingContributions(b: CountedBooking): Contribution[] {
  const at = { key: b.domain, orgId: b.orgId, day: beijingDay(b.startAt) };
  return [
    { metric: 'signups', ...at, n: b.seatsTaken },
    { metric: 'attended', ...at, n: b.attended },
  ];
}

/** What one write did to a booking: its counters' increments, and the start it moved the event from. */
export interface BookingMove {
  seatsTaken?: number;
  attended?: number;
  fromStartAt?: Date;
}

/** The booking as it was just before a write that did `move` and left it as `after`. */
export function bookingBefore(after: CountedBooking, move: BookingMove): CountedBooking {
  return {
    ...after,
    seatsTaken: after.seatsTaken - (move.seatsTaken ?? 0),
    attended: after.attended - (move.attended ?? 0),
    startAt: move.fromStartAt ?? after.startAt,
  };
}

/** The contributions before and after a series of writes, each given by the booking after it. */
export function movesContributions(moves: [CountedBooking, BookingMove][]): {
  before: Contribution[];
  after: Contribution[];
} {
  return {
    before: moves.flatMap(([after, move]) => bookingContributions(bookingBefore(after, move))),
    after: moves.flatMap(([after]) => bookingContributions(after)),
  };
}
