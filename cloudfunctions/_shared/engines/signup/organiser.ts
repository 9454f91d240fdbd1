// What an organiser of the event's org does to one sign-up: remove it (a seat it
// held goes to the waitlist's head), check it in by hand, or mark it no-show.
// Each is one guarded move of the record (the state it leaves is named), then the
// counters, then an audit entry naming the organiser, the event and the person.
import type { MySignUp } from '../../../../typings/signup';
import { AppError, conflict, notFound } from '../../errors';
import type { ActionContext } from '../../function';
import { audit } from '../../stores/audit';
import { type BookingDoc, countAttended, countWaitlisted } from '../../stores/signup-events';
import { getSignUp, moveSignUp, type SignUpDoc, signUpId } from '../../stores/signups';
import { type EventKey, remember, requireBooking, requireOrganiser, userIdOf } from './access';
import { OPENS_BEFORE_START_MS } from './checkin';
import { recordCheckOut } from './checkout';
import { countMove } from './day-counts';
import { toMySignUp } from './views';
import { giveBackSeat } from './waitlist';

async function target(ctx: ActionContext, key: EventKey, userId: string): Promise<[BookingDoc, SignUpDoc]> {
  const booking = await requireBooking(key);
  requireOrganiser(ctx.caller, booking);
  const s = await getSignUp(signUpId(booking._id, userId));
  if (!s) throw notFound('报名记录');
  return [booking, s];
}

async function record(ctx: ActionContext, s: SignUpDoc, action: string, summary: string): Promise<void> {
  await audit(ctx, { action, targetType: 'signup', targetId: s._id, summary: `${summary}（${s.eventKey}）` });
}

export interface OrganiserResult {
  signUp: MySignUp;
  /** Nothing changed: it was in that state already. */
  already: boolean;
  /** Waitlisted sign-ups promoted into a seat this freed. */
  promoted: number;
}

/** Removes a confirmed or waitlisted sign-up (audited); a seat it held is offered to the waitlist. */
export async function removeByOrganiser(
  ctx: ActionContext,
  key: EventKey,
  userId: string,
  reason: string,
): Promise<OrganiserResult> {
  const [booking, s] = await target(ctx, key, userId);
  if (s.state === 'cancelled') return { signUp: toMySignUp(s, null), already: true, promoted: 0 };
  if (s.state !== 'confirmed' && s.state !== 'waitlisted') throw conflict('已签到或已登记缺席的报名不能移除');
  const now = ctx.now;
  const moved = await moveSignUp(s._id, s.state, 'cancelled', { cancelledAt: now, cancelledBy: 'organiser' }, now, {
    rev: s.rev,
  });
  if (!moved) throw conflict('这条报名刚刚发生了变化，请刷新后重试');
  let promoted = 0;
  if (s.state === 'waitlisted') remember(await countWaitlisted(booking._id, -1));
  else promoted = (await giveBackSeat(booking._id, now)).promoted.length;
  await record(ctx, s, 'signup.remove', `移出报名${reason ? `：${reason}` : ''}`);
  return { signUp: toMySignUp(moved, null), already: false, promoted };
}

/**
 * Records attendance by hand (audited): `attended` is a manual check-in, from 30
 * minutes before the start; `no_show` is possible once the event has started.
 * Either corrects the other.
 */
export async function markAttendance(
  ctx: ActionContext,
  key: EventKey,
  userId: string,
  to: 'attended' | 'no_show',
): Promise<OrganiserResult> {
  const [booking, s] = await target(ctx, key, userId);
  const now = ctx.now;
  if (to === 'attended' && now.getTime() < booking.startAt.getTime() - OPENS_BEFORE_START_MS) {
    throw new AppError('CLOSED', '活动开始前 30 分钟起才能登记签到');
  }
  if (to === 'no_show' && now < booking.startAt) throw new AppError('CLOSED', '活动开始后才能登记缺席');
  if (s.state === to) return { signUp: toMySignUp(s, null), already: true, promoted: 0 };
  const from = s.state;
  if (from !== 'confirmed' && from !== 'attended' && from !== 'no_show') {
    throw conflict(from === 'waitlisted' ? '候补中的报名不能登记出席情况' : '已取消的报名不能登记出席情况');
  }
  const checkIn = to === 'attended' ? { at: now, method: 'manual' as const, by: userIdOf(ctx.caller) } : null;
  // A corrected attendance starts without a check-out.
  const moved = await moveSignUp(s._id, from, to, { checkIn, checkOut: null }, now, { rev: s.rev });
  if (!moved) throw conflict('这条报名刚刚发生了变化，请刷新后重试');
  const delta = to === 'attended' ? 1 : from === 'attended' ? -1 : 0;
  if (delta) await countMove(await countAttended(booking._id, delta), { attended: delta }, now);
  await record(ctx, s, 'signup.attendance', to === 'attended' ? '手动签到' : '登记缺席');
  return { signUp: toMySignUp(moved, null), already: false, promoted: 0 };
}

/** A manual check-in by an organiser (audited). */
export function manualCheckIn(ctx: ActionContext, key: EventKey, userId: string): Promise<OrganiserResult> {
  return markAttendance(ctx, key, userId, 'attended');
}

/**
 * A manual check-out by an organiser (audited), from the event's start: for an
 * attended sign-up without a check-out (e.g. indoor service, a phone that died).
 */
export async function manualCheckOut(ctx: ActionContext, key: EventKey, userId: string): Promise<OrganiserResult> {
  const [booking, s] = await target(ctx, key, userId);
  if (ctx.now < booking.startAt) throw new AppError('CLOSED', '活动开始后才能登记签退');
  const out = { at: ctx.now, method: 'manual' as const, by: userIdOf(ctx.caller) };
  const { signUp, already } = await recordCheckOut(s._id, out, ctx.now);
  if (!already) await record(ctx, s, 'signup.checkout', '手动签退');
  return { signUp, already, promoted: 0 };
}
