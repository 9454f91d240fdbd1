// The signup_events collection: the booking side of a domain's event, one document
// per `<domain>:<eventId>` — capacity, the seat and waitlist counters, the times
// that open and close sign-up and check-in, the owning org (organiser scope), the
// sign-up questions and what reminders show.
//
// The counters move only by guarded atomic updates of this one document: a seat is
// taken by `free > 0 → free − 1, seatsTaken + 1` in one write, so seats can never be
// over-booked whatever the concurrency (seatsTaken + free = capacity always). The
// sign-up records (stores/signups.ts) are the truth the counters are recounted from
// (the scheduler's recount); every write order in the engine leaves a crash as a
// counter that is too high (a seat held by nobody), never too low.
import type { SignUpDomain, SignUpQuestion } from '../../../typings/signup';
import { COLLECTIONS } from '../collections';
import { cmd, collection, docsByIds, findDocs, getDoc } from '../db';
import { isDuplicateKey } from '../errors';

export interface BookingNotice {
  /** The event's name in reminders (cut to WeChat's limits by the engine). */
  title: string;
  /** Where it takes place. */
  place: string;
  /** The mini-program page a notice opens, e.g. "packages/roundtable/pages/detail/index?id=…". */
  page: string;
}

export interface BookingDoc {
  /** `<domain>:<eventId>`. */
  _id: string;
  domain: SignUpDomain;
  eventId: string;
  /** The org whose admins (and their ancestors' admins) organise the event. */
  orgId: string;
  orgAncestors: string[];
  /** open: taking sign-ups until the deadline; closed: by the organiser; cancelled: the whole event (final). */
  status: 'open' | 'closed' | 'cancelled';
  /** When and why the event was cancelled (absent on bookings made before cancelling existed). */
  cancelled?: { at: Date; reason: string } | null;
  capacity: number;
  /** Seats left; seatsTaken + free = capacity. The guard of every seat taken. */
  free: number;
  /** confirmed + attended + no_show. */
  seatsTaken: number;
  waitlisted: number;
  attended: number;
  /** When full, further sign-ups queue (true) or are refused FULL (false). */
  waitlist: boolean;
  startAt: Date;
  endAt: Date;
  /** Sign-ups and cancellations by the worker close here. */
  deadline: Date;
  questions: SignUpQuestion[];
  notice: BookingNotice;
  createdAt: Date;
  updatedAt: Date;
}

export type CounterDrift = Pick<BookingDoc, 'seatsTaken' | 'waitlisted' | 'attended'>;

const bookings = () => collection(COLLECTIONS.signupEvents);

const DATES = ['startAt', 'endAt', 'deadline', 'createdAt', 'updatedAt'] as const;

/** updateAndReturn answers dates as strings: make them Dates again. */
function revive(doc: unknown): BookingDoc {
  const d = { ...(doc as BookingDoc) };
  for (const k of DATES) d[k] = new Date(d[k]);
  d.cancelled = d.cancelled ? { reason: d.cancelled.reason, at: new Date(d.cancelled.at) } : null;
  return d;
}

export async function getBooking(id: string): Promise<BookingDoc | null> {
  const doc = await getDoc<BookingDoc>(COLLECTIONS.signupEvents, id);
  return doc ? revive(doc) : null;
}

/** Bookings by id (missing ones absent). */
export async function bookingsByIds(ids: string[]): Promise<Map<string, BookingDoc>> {
  const list = await docsByIds<BookingDoc>(COLLECTIONS.signupEvents, ids);
  return new Map(list.map((b) => [b._id, revive(b)]));
}

/** Creates the booking; false when it exists already. */
export async function createBooking(doc: BookingDoc): Promise<boolean> {
  try {
    await bookings().add(doc);
    return true;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}

async function guarded(where: object, update: object): Promise<BookingDoc | null> {
  const res = await bookings().where(where).updateAndReturn(update);
  return res.updated ? revive(res.doc) : null;
}

/** Takes a seat if the event is open, before its deadline, with a seat free. The booking after, or null. */
export function takeSeat(id: string, now: Date): Promise<BookingDoc | null> {
  const _ = cmd();
  return guarded(
    { _id: id, status: 'open', deadline: _.gt(now), free: _.gt(0) },
    { free: _.inc(-1), seatsTaken: _.inc(1) },
  );
}

/** Gives a seat back (a cancellation, or a seat taken for a sign-up that did not happen). */
export async function releaseSeat(id: string): Promise<BookingDoc> {
  const _ = cmd();
  return (await guarded({ _id: id }, { free: _.inc(1), seatsTaken: _.inc(-1) }))!;
}

/** Moves the waitlist counter; the booking after (its `free` tells whether a seat opened meanwhile). */
export async function countWaitlisted(id: string, delta: 1 | -1): Promise<BookingDoc> {
  return (await guarded({ _id: id }, { waitlisted: cmd().inc(delta) }))!;
}

/** A free seat moved to the waitlist's head: null when no seat is free (or the event was cancelled). */
export function seatForWaitlisted(id: string): Promise<BookingDoc | null> {
  const _ = cmd();
  return guarded(
    { _id: id, free: _.gt(0), status: _.neq('cancelled') },
    { free: _.inc(-1), seatsTaken: _.inc(1), waitlisted: _.inc(-1) },
  );
}

/** Undoes seatForWaitlisted (the head had left the waitlist before it could be promoted). */
export async function unseatWaitlisted(id: string): Promise<BookingDoc> {
  const _ = cmd();
  return (await guarded({ _id: id }, { free: _.inc(1), seatsTaken: _.inc(-1), waitlisted: _.inc(1) }))!;
}

/** Moves the attended counter; the booking after (the dashboard counts from it). */
export async function countAttended(id: string, delta: 1 | -1): Promise<BookingDoc> {
  return (await guarded({ _id: id }, { attended: cmd().inc(delta) }))!;
}

export type BookingPatch = Partial<
  Pick<BookingDoc, 'status' | 'waitlist' | 'startAt' | 'endAt' | 'deadline' | 'questions' | 'notice'>
>;

/**
 * Changes a booking as `read` (its capacity and start): the new capacity only if it
 * is still at least the seats taken (checked in the same write), `free` moved by the
 * same amount. null when the capacity or the start changed meanwhile (so the start
 * this write moves the event from is known exactly) or the seats taken exceed it.
 */
export function changeBooking(
  read: Pick<BookingDoc, '_id' | 'capacity' | 'startAt'>,
  capacity: number,
  patch: BookingPatch,
  now: Date,
): Promise<BookingDoc | null> {
  const _ = cmd();
  const expectedCapacity = read.capacity;
  const set: Record<string, unknown> = { ...patch, updatedAt: now };
  // Arrays and sub-objects replace the stored ones (a plain object would merge field by field).
  if (patch.questions) set.questions = _.set(patch.questions);
  if (patch.notice) set.notice = _.set(patch.notice);
  if (capacity !== expectedCapacity) Object.assign(set, { capacity, free: _.inc(capacity - expectedCapacity) });
  return guarded(
    {
      _id: read._id,
      capacity: expectedCapacity,
      startAt: read.startAt,
      seatsTaken: _.lte(capacity),
      status: _.neq('cancelled'),
    },
    set,
  );
}

/** Cancels the event (final: no sign-up, promotion or change after it). null when it was cancelled already. */
export function cancelBooking(id: string, reason: string, now: Date): Promise<BookingDoc | null> {
  const _ = cmd();
  return guarded(
    { _id: id, status: _.neq('cancelled') },
    { status: 'cancelled', cancelled: _.set({ at: now, reason }), updatedAt: now },
  );
}

/** Exact increments of the counters (the recount's repair, a cancelled event's sweep); the booking after. */
export async function adjustCounters(id: string, drift: CounterDrift): Promise<BookingDoc> {
  const _ = cmd();
  return (await guarded(
    { _id: id },
    {
      seatsTaken: _.inc(drift.seatsTaken),
      free: _.inc(-drift.seatsTaken),
      waitlisted: _.inc(drift.waitlisted),
      attended: _.inc(drift.attended),
    },
  ))!;
}

/** Bookings whose event starts in (from, to] and was not cancelled: the reminders' candidates. */
export async function bookingsStartingIn(from: Date, to: Date): Promise<BookingDoc[]> {
  const _ = cmd();
  return (
    await findDocs<BookingDoc>(COLLECTIONS.signupEvents, {
      startAt: _.gt(from).and(_.lte(to)),
      status: _.neq('cancelled'),
    })
  ).map(revive);
}

const PAGE = 500;

/** Every booking whose event ends after `at` (still in play, so recounted), page by page. */
export async function forEachBookingEndingAfter(at: Date, visit: (b: BookingDoc) => Promise<void>): Promise<void> {
  for (let skip = 0; ; skip += PAGE) {
    const { data } = await bookings()
      .where({ endAt: cmd().gt(at) })
      .orderBy('_id', 'asc')
      .skip(skip)
      .limit(PAGE)
      .get();
    for (const b of data) await visit(revive(b));
    if (data.length < PAGE) return;
  }
}

/** Fields the dashboard's recount reads of a booking. */
export type CountedBookingDoc = Pick<BookingDoc, '_id' | 'domain' | 'orgId' | 'startAt'>;

/** Every booking whose event starts in [from, to), cancelled or not (the dashboard's recount), page by page. */
export async function bookingsStartingBetween(from: Date, to: Date): Promise<CountedBookingDoc[]> {
  const _ = cmd();
  const out: CountedBookingDoc[] = [];
  for (let skip = 0; ; skip += PAGE) {
    const { data } = await bookings()
      .where({ startAt: _.gte(from).and(_.lt(to)) })
      .field({ _id: true, domain: true, orgId: true, startAt: true })
      .orderBy('_id', 'asc')
      .skip(skip)
      .limit(PAGE)
      .get();
    for (const b of data as CountedBookingDoc[]) out.push({ ...b, startAt: new Date(b.startAt) });
    if (data.length < PAGE) return out;
  }
}
