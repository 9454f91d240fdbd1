// What a booking adds to the dashboard's counters, and how a write on it moves them.
import { netChanges } from '../../cloudfunctions/_shared/stats/contributions';
import {
  bookingBefore,
  bookingContributions,
  type CountedBooking,
  movesContributions,
} from '../../cloudfunctions/_shared/engines/signup/stats';

/** 23:30 in Beijing on 5 December 2026 (still the 5th there, the 5th in UTC too). */
const LATE = new Date('2026-12-05T15:30:00Z');
/** 00:30 in Beijing on 6 December (the 5th in UTC). */
const EARLY = new Date('2026-12-05T16:30:00Z');

const booking = (over: Partial<CountedBooking> = {}): CountedBooking => ({
  domain: 'roundtable',
  orgId: 'org-b',
  startAt: LATE,
  seatsTaken: 7,
  attended: 3,
  ...over,
});

describe('bookingContributions', () => {
  it('is its seats held and check-ins, keyed by domain, under its org, on the Beijing day of the start', () => {
    expect(bookingContributions(booking({ domain: 'volunteer', startAt: EARLY }))).toEqual([
      { metric: 'signups', key: 'volunteer', orgId: 'org-b', day: '2026-12-06', n: 7 },
      { metric: 'attended', key: 'volunteer', orgId: 'org-b', day: '2026-12-06', n: 3 },
    ]);
  });
});

describe('a write on the booking', () => {
  it('a seat taken adds 1 sign-up; a check-in adds 1 attended; nothing else moves', () => {
    const after = booking();
    expect(netChanges(...pair(after, { seatsTaken: 1 }))).toEqual([
      { metric: 'signups', key: 'roundtable', orgId: 'org-b', day: '2026-12-05', n: 1 },
    ]);
    expect(netChanges(...pair(after, { attended: -1 }))).toEqual([
      { metric: 'attended', key: 'roundtable', orgId: 'org-b', day: '2026-12-05', n: -1 },
    ]);
  });

  it('a new start on another day moves every count from the old day to the new one', () => {
    const after = booking({ startAt: EARLY });
    expect(bookingBefore(after, { fromStartAt: LATE })).toEqual(booking());
    const moved = netChanges(...pair(after, { fromStartAt: LATE }));
    expect(moved).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ metric: 'signups', day: '2026-12-05', n: -7 }),
        expect.objectContaining({ metric: 'attended', day: '2026-12-05', n: -3 }),
        expect.objectContaining({ metric: 'signups', day: '2026-12-06', n: 7 }),
        expect.objectContaining({ metric: 'attended', day: '2026-12-06', n: 3 }),
      ]),
    );
    expect(moved).toHaveLength(4);
  });

  it('a new start on the same day moves nothing', () => {
    const after = booking({ startAt: new Date(LATE.getTime() - 3_600_000) });
    expect(netChanges(...pair(after, { fromStartAt: LATE }))).toEqual([]);
  });

  it('a seat taken and given back in one series moves nothing; each write is taken from the booking it answered', () => {
    const seated = booking({ seatsTaken: 8 });
    const givenBack = booking({ seatsTaken: 7 });
    const { before, after } = movesContributions([
      [seated, { seatsTaken: 1 }],
      [givenBack, { seatsTaken: -1 }],
    ]);
    expect(netChanges(before, after)).toEqual([]);
    // The event moved between the two writes: the seat is taken on the old day and given back on the new one.
    const moved = movesContributions([
      [seated, { seatsTaken: 1 }],
      [booking({ seatsTaken: 7, startAt: EARLY }), { seatsTaken: -1 }],
    ]);
    expect(netChanges(moved.before, moved.after)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ metric: 'signups', day: '2026-12-05', n: 1 }),
        expect.objectContaining({ metric: 'signups', day: '2026-12-06', n: -1 }),
      ]),
    );
  });
});

function pair(after: CountedBooking, move: Parameters<typeof bookingBefore>[1]) {
  return [bookingContributions(bookingBefore(after, move)), bookingContributions(after)] as const;
}
