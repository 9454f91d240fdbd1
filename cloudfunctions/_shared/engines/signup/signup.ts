// A worker signs up, or cancels. Exact under any concurrency, never count-then-insert:
//
// - A seat is taken by one guarded write on the booking (open, before the
//   deadline, `free > 0`), then the record is inserted (its _id is (event, user),
//   so a second record cannot exist). A repeated tap that took a second seat gives
//   it back when its insert finds the record. Crash between: a seat held by
//   nobody — the recount gives it back.
// - When full, the record is inserted as waitlisted first, then the waitlist
//   counter is incremented in a write that also answers `free`: a seat freed
//   meanwhile is filled from the waitlist's head (see waitlist.ts).
// - Cancelling moves the record first (guarded by its state and revision), then
//   frees the seat and promotes the waitlist's head.
//
// Round trips of the common path, the booking in this instance's cache: a seat is
// 2 in sequence (take the seat, then insert the record and, beside it, increment
// the dashboard's counter of the event's day: 3 in all), the waitlist 3 (insert,
// count, position); one more when the booking is not cached.
import type { SignUpAnswer, SignUpReceipt } from '../../../../typings/signup';
import { BEIJING, dayjs } from '../../clock';
import { AppError, conflict, invalid } from '../../errors';
import type { ActionContext } from '../../function';
import { type BookingDoc, countWaitlisted, takeSeat } from '../../stores/signup-events';
import { getSignUp, insertSignUp, moveSignUp, type SignUpDoc, signUpId, waitlistedAhead } from '../../stores/signups';
import { cachedBooking, type EventKey, remember, requireBooking, userIdOf } from './access';
import { checkAnswers } from './questions';
import { countMove } from './day-counts';
import { toMySignUp } from './views';
import { fillSeats, giveBackSeat } from './waitlist';

const fmt = (at: Date) => dayjs(at).tz(BEIJING).format('M月D日 HH:mm');

/** Throws CLOSED when the booking takes no sign-ups at `now`. */
export function refuseClosed(b: BookingDoc, now: Date): void {
  if (b.status === 'cancelled') throw new AppError('CLOSED', '这场活动已取消');
  if (b.status !== 'open') throw new AppError('CLOSED', '这场活动已停止报名');
  if (now >= b.startAt) throw new AppError('CLOSED', '活动已经开始，不能再报名了');
  if (now >= b.deadline) throw new AppError('CLOSED', `报名已于 ${fmt(b.deadline)} 截止`);
}

/** The sign-up as the worker sees it, with its waitlist position (one count when waitlisted). */
export async function describe(s: SignUpDoc): Promise<SignUpReceipt['signUp']> {
  return toMySignUp(s, s.state === 'waitlisted' ? (await waitlistedAhead(s)) + 1 : null);
}

export interface SignUpInput {
  answers: SignUpAnswer[];
  /** What the worker writes beside the answers (a round-table's topic to raise): organisers see it. */
  note?: string;
}

/** The longest note a sign-up keeps. */
export const MAX_NOTE = 200;

interface Attempt {
  ctx: ActionContext;
  booking: BookingDoc;
  record: SignUpDoc;
}

function newRecord(ctx: ActionContext, b: BookingDoc, answers: SignUpDoc['answers'], note: string): SignUpDoc {
  const userId = userIdOf(ctx.caller);
  const now = ctx.now;
  return {
    _id: signUpId(b._id, userId),
    eventKey: b._id,
    domain: b.domain,
    eventId: b.eventId,
    userId,
    openid: ctx.caller.openid,
    state: 'confirmed',
    answers,
    note,
    queuedAt: now,
    confirmedAt: now,
    cancelledAt: null,
    cancelledBy: null,
    checkIn: null,
    notices: {},
    rev: 0,
    createdAt: now,
    updatedAt: now,
  };
}

/** Signs the caller up: a seat if one is free, else the waitlist (or FULL when the event has none). */
export async function signUp(ctx: ActionContext, key: EventKey, input: SignUpInput): Promise<SignUpReceipt> {
  const cached = await cachedBooking(key);
  refuseClosed(cached, ctx.now);
  const note = (input.note ?? '').trim();
  if (Array.from(note).length > MAX_NOTE) throw invalid(`备注不能超过 ${MAX_NOTE} 个字`);
  const record = newRecord(ctx, cached, checkAnswers(cached.questions, input.answers), note);
  const attempt: Attempt = { ctx, booking: cached, record };
  if (cached.free > 0 || !cached.waitlist) {
    const seated = await takeSeat(cached._id, ctx.now);
    if (seated) {
      remember(seated);
      // The dashboard's counter moves beside the record's insert (a repeated tap gives both back).
      const [receipt] = await Promise.all([
        intoSeat({ ...attempt, booking: seated }),
        countMove(seated, { seatsTaken: 1 }, ctx.now),
      ]);
      return receipt;
    }
    if (!cached.waitlist) {
      const fresh = await requireBooking(key);
      refuseClosed(fresh, ctx.now);
      throw new AppError('FULL', '名额已满，请关注其他活动');
    }
  }
  return intoWaitlist(attempt);
}

/** The seat is taken: write the record (or revive a cancelled one); a repeated tap gives the seat back. */
async function intoSeat({ ctx, booking, record }: Attempt): Promise<SignUpReceipt> {
  if (await insertSignUp(record)) return { signUp: toMySignUp(record, null), already: false };
  const existing = await getSignUp(record._id);
  if (existing?.state === 'cancelled') {
    const revived = await moveSignUp(existing._id, 'cancelled', 'confirmed', reviveFields(record), ctx.now, {
      rev: existing.rev,
    });
    if (revived) return { signUp: toMySignUp(revived, null), already: false };
  }
  await giveBackSeat(booking._id, ctx.now);
  return repeated(record._id);
}

/** No seat: join the waitlist's tail (or revive a cancelled record there). */
async function intoWaitlist({ ctx, booking, record }: Attempt): Promise<SignUpReceipt> {
  const queued: SignUpDoc = { ...record, state: 'waitlisted', confirmedAt: null };
  let entry: SignUpDoc | null = queued;
  if (!(await insertSignUp(queued))) {
    const existing = await getSignUp(record._id);
    if (existing?.state !== 'cancelled') return repeated(record._id, existing);
    entry = await moveSignUp(existing._id, 'cancelled', 'waitlisted', reviveFields(record), ctx.now, {
      rev: existing.rev,
    });
    if (!entry) return repeated(record._id);
  }
  const after = await countWaitlisted(booking._id, 1);
  remember(after);
  try {
    refuseClosed(after, ctx.now);
  } catch (closed) {
    // Closed since this instance's copy was read: take the entry back (unless a seat already reached it).
    if (
      await moveSignUp(entry._id, 'waitlisted', 'cancelled', cancelFields(ctx.now), ctx.now, {
        queuedAt: entry.queuedAt,
      })
    ) {
      await countWaitlisted(booking._id, -1);
      throw closed;
    }
    return repeated(entry._id);
  }
  if (after.free > 0) {
    const { promoted } = await fillSeats(after, ctx.now);
    const mine = promoted.find((p) => p._id === entry._id);
    if (mine) return { signUp: toMySignUp(mine, null), already: false };
  }
  return { signUp: await describe(entry), already: false };
}

function reviveFields(r: SignUpDoc) {
  return {
    answers: r.answers,
    note: r.note ?? '',
    openid: r.openid,
    queuedAt: r.queuedAt,
    confirmedAt: r.confirmedAt,
    cancelledAt: null,
    cancelledBy: null,
  };
}

const cancelFields = (now: Date) => ({ cancelledAt: now, cancelledBy: 'self' as const });

/** The caller had signed up already (a repeated or concurrent tap): their sign-up as it is. */
async function repeated(id: string, known?: SignUpDoc | null): Promise<SignUpReceipt> {
  const s = known ?? (await getSignUp(id));
  if (!s || s.state === 'cancelled') throw conflict('报名的人较多，请稍后再试');
  return { signUp: await describe(s), already: true };
}

export interface CancelReceipt extends SignUpReceipt {
  /** Waitlisted sign-ups promoted into the seat this freed (0 or 1). */
  promoted: number;
}

/** The caller cancels before the deadline; a seat freed goes to the waitlist's head. */
export async function cancel(ctx: ActionContext, key: EventKey): Promise<CancelReceipt> {
  const booking = await requireBooking(key);
  const now = ctx.now;
  if (now >= booking.deadline || now >= booking.startAt) {
    throw new AppError(
      'CLOSED',
      `报名已于 ${fmt(booking.deadline)} 截止，不能在线取消了；如确实无法参加，请尽快联系组织者`,
    );
  }
  const id = signUpId(booking._id, userIdOf(ctx.caller));
  for (let attempt = 0; attempt < 3; attempt++) {
    const s = await getSignUp(id);
    if (!s) throw new AppError('NOT_FOUND', '你还没有报名这场活动');
    if (s.state === 'cancelled') return { signUp: toMySignUp(s, null), already: true, promoted: 0 };
    if (s.state !== 'confirmed' && s.state !== 'waitlisted') throw conflict('你已签到，不能取消报名');
    const moved = await moveSignUp(id, s.state, 'cancelled', cancelFields(now), now, { rev: s.rev });
    if (!moved) continue;
    if (s.state === 'waitlisted') {
      remember(await countWaitlisted(booking._id, -1));
      return { signUp: toMySignUp(moved, null), already: false, promoted: 0 };
    }
    const { promoted } = await giveBackSeat(booking._id, now);
    return { signUp: toMySignUp(moved, null), already: false, promoted: promoted.length };
  }
  throw conflict('操作太频繁，请稍后再试');
}
