// Which booking a call is about, and who may organise it. An event is known to
// the engine as `<domain>:<eventId>`; its organisers are the admins of its org
// (or of an org above it) and superadmins — _shared/scope.ts decides.
//
// Bookings are read through a short per-instance cache on the worker's paths
// (sign-up, check-in), so a rush of sign-ups costs no read of the booking: every
// limit that matters (open, deadline, a free seat) is checked again by the guarded
// write itself, so a stale copy can only make a call take the slower path.
import type { SignUpDomain } from '../../../../typings/signup';
import type { Caller } from '../../caller';
import { AppError, forbidden, notFound } from '../../errors';
import { orgInScope } from '../../scope';
import { type BookingDoc, getBooking } from '../../stores/signup-events';

export interface EventKey {
  domain: SignUpDomain;
  eventId: string;
}

export const eventKeyOf = (key: EventKey) => `${key.domain}:${key.eventId}`;

const TTL_MS = 5_000;
const cache = new Map<string, { at: number; doc: BookingDoc }>();

/** The booking, read now. */
export async function requireBooking(key: EventKey): Promise<BookingDoc> {
  const doc = await getBooking(eventKeyOf(key));
  if (!doc) throw notFound('活动报名');
  remember(doc);
  return doc;
}

/**
 * The booking from this instance's copy if it is a few seconds fresh, else read
 * now. Freshness is the machine's elapsed time, not the (possibly pinned) time of
 * the call: it is about how stale the copy is, not about what time it is.
 */
export async function cachedBooking(key: EventKey): Promise<BookingDoc> {
  const hit = cache.get(eventKeyOf(key));
  const age = Date.now() - (hit?.at ?? 0);
  if (hit && age >= 0 && age < TTL_MS) return hit.doc;
  return requireBooking(key);
}

/** Keeps a booking just read or written as this instance's copy. */
export function remember(doc: BookingDoc): void {
  cache.set(doc._id, { at: Date.now(), doc });
}

/** Throws FORBIDDEN unless the caller organises the booking's event. */
export function requireOrganiser(caller: Caller, booking: BookingDoc): void {
  if (!orgInScope(caller, { _id: booking.orgId, ancestors: booking.orgAncestors })) {
    throw forbidden('你不是这场活动所属组织的管理员，不能进行此操作');
  }
}

/** The caller's user id (the domain's action requires a signed-in user). */
export function userIdOf(caller: Caller): string {
  if (!caller.user) throw new AppError('UNAUTHENTICATED', '请先登录');
  return caller.user._id;
}
