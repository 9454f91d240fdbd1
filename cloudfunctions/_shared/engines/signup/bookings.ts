// The booking side of a domain's event: opened by the domain when it creates its
// event, changed when the organiser edits it. A larger capacity promotes from the
// waitlist; a capacity below the seats already taken is refused (checked in the
// same write that changes it, so no sign-up can slip in between).
import type { BookingView, SignUpCounts, SignUpQuestion, SignUpState } from '../../../../typings/signup';
import { conflict, invalid } from '../../errors';
import type { ActionContext } from '../../function';
import { requireOrgInScope } from '../../scope';
import {
  type BookingDoc,
  type BookingNotice,
  type BookingPatch,
  bookingsByIds,
  changeBooking,
  createBooking,
} from '../../stores/signup-events';
import { countStatesOf } from '../../stores/signups';
import { type EventKey, eventKeyOf, remember, requireBooking, requireOrganiser } from './access';
import { countMove } from './day-counts';
import { normalizeQuestions } from './questions';
import { toBookingView, toCounts } from './views';
import { fillSeats } from './waitlist';

export const MAX_CAPACITY = 10_000;

export interface BookingSpec {
  capacity: number;
  startAt: Date;
  endAt: Date;
  /** Sign-ups and the worker's own cancellations close here (at the latest at the start). */
  deadline: Date;
  /** Queue when full (default) or refuse with FULL. */
  waitlist?: boolean;
  questions?: SignUpQuestion[];
  notice: BookingNotice;
}

export interface OpenEventInput extends BookingSpec {
  /** The org that organises the event: its admins (and those above it) are the organisers. */
  orgId: string;
}

function checkSpec(s: Pick<BookingSpec, 'capacity' | 'startAt' | 'endAt' | 'deadline'>): void {
  if (!Number.isInteger(s.capacity) || s.capacity < 1 || s.capacity > MAX_CAPACITY) {
    throw invalid(`名额应为 1–${MAX_CAPACITY} 之间的整数`);
  }
  if (!(s.endAt > s.startAt)) throw invalid('结束时间应晚于开始时间');
  if (s.deadline > s.startAt) throw invalid('报名截止时间不能晚于活动开始时间');
}

/**
 * Opens sign-up for a domain's event (the caller must administer `orgId`).
 * Idempotent: an event opened already is left as it is (`created: false`).
 */
export async function openEvent(
  ctx: ActionContext,
  key: EventKey,
  input: OpenEventInput,
): Promise<{ created: boolean; counts: SignUpCounts }> {
  // The key travels inside check-in codes: a programming error, not the user's.
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(key.eventId)) throw new Error(`event id must be an id(), got ${key.eventId}`);
  checkSpec(input);
  const org = await requireOrgInScope(ctx.caller, input.orgId);
  const doc: BookingDoc = {
    _id: eventKeyOf(key),
    domain: key.domain,
    eventId: key.eventId,
    orgId: org._id,
    orgAncestors: [...org.ancestors],
    status: 'open',
    capacity: input.capacity,
    free: input.capacity,
    seatsTaken: 0,
    waitlisted: 0,
    attended: 0,
    waitlist: input.waitlist ?? true,
    startAt: input.startAt,
    endAt: input.endAt,
    deadline: input.deadline,
    questions: normalizeQuestions(input.questions ?? []),
    notice: { ...input.notice },
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  if (await createBooking(doc)) {
    remember(doc);
    return { created: true, counts: toCounts(doc) };
  }
  const existing = await requireBooking(key);
  if (existing.orgId !== org._id) throw conflict('这场活动已由其他组织开放报名');
  return { created: false, counts: toCounts(existing) };
}

export interface EventChange extends Partial<BookingSpec> {
  /** false: stop taking sign-ups now; true: take them again (until the deadline). */
  open?: boolean;
}

/** Changes an event's booking (the caller must organise it); a capacity increase promotes from the waitlist. */
export async function updateEvent(
  ctx: ActionContext,
  key: EventKey,
  change: EventChange,
): Promise<{ counts: SignUpCounts; promoted: number }> {
  let booking = await requireBooking(key);
  requireOrganiser(ctx.caller, booking);
  if (booking.status === 'cancelled') throw conflict('活动已取消，不能再修改');
  const patch: BookingPatch = {};
  if (change.open !== undefined) patch.status = change.open ? 'open' : 'closed';
  if (change.waitlist !== undefined) patch.waitlist = change.waitlist;
  for (const f of ['startAt', 'endAt', 'deadline', 'notice'] as const)
    if (change[f]) Object.assign(patch, { [f]: change[f] });
  if (change.questions) patch.questions = normalizeQuestions(change.questions);
  for (let attempt = 0; attempt < 5; attempt++) {
    const capacity = change.capacity ?? booking.capacity;
    checkSpec({
      capacity,
      startAt: patch.startAt ?? booking.startAt,
      endAt: patch.endAt ?? booking.endAt,
      deadline: patch.deadline ?? booking.deadline,
    });
    const after = await changeBooking(booking, capacity, patch, ctx.now);
    if (after) {
      remember(after);
      // A new start moves the event's counts to its new day (nothing when the day stays).
      const [{ promoted, booking: filled }] = await Promise.all([
        fillSeats(after, ctx.now),
        countMove(after, { fromStartAt: booking.startAt }, ctx.now),
      ]);
      return { counts: toCounts(filled), promoted: promoted.length };
    }
    booking = await requireBooking(key);
    if (booking.status === 'cancelled') throw conflict('活动已取消，不能再修改');
    if (booking.seatsTaken > capacity) {
      throw conflict(`已有 ${booking.seatsTaken} 人报名成功，名额不能少于 ${booking.seatsTaken} 个`);
    }
  }
  throw conflict('报名情况变化较快，请稍后再试');
}

/** The event's counters, read now. */
export async function counts(key: EventKey): Promise<SignUpCounts> {
  return toCounts(await requireBooking(key));
}

/**
 * The bookings of several events as their pages show them (a list page), read now
 * in one query, by event key; events without a booking are absent.
 */
export async function bookingViewsOf(keys: EventKey[]): Promise<Map<string, BookingView>> {
  const found = await bookingsByIds(keys.map(eventKeyOf));
  return new Map([...found].map(([id, b]) => [id, toBookingView(b)]));
}

/**
 * The sign-up records of several events counted by state (statistics: the
 * records are the truth the counters follow), by event key; one aggregate.
 */
export async function stateCounts(keys: EventKey[]): Promise<Map<string, Record<SignUpState, number>>> {
  const found = await countStatesOf(keys.map(eventKeyOf));
  const out = new Map<string, Record<SignUpState, number>>();
  for (const key of keys) {
    const n = found.get(eventKeyOf(key)) ?? {};
    out.set(eventKeyOf(key), {
      confirmed: n.confirmed ?? 0,
      waitlisted: n.waitlisted ?? 0,
      cancelled: n.cancelled ?? 0,
      attended: n.attended ?? 0,
      no_show: n.no_show ?? 0,
    });
  }
  return out;
}

/** The event's booking as its detail page shows it (counters, questions, windows), read now. */
export async function bookingView(key: EventKey): Promise<BookingView> {
  return toBookingView(await requireBooking(key));
}
