// Check-in with the rotating code. An organiser of the event's org shows it on
// their phone from 30 minutes before the start to 30 minutes after the end; it
// changes every 10 s (code.ts). The worker scans it with
// wx.scanCode({ onlyFromCamera: true }) and sends the string. Everything about the
// code is checked before anything is written; then one guarded write moves the
// worker's own sign-up confirmed → attended, so a sign-up checks in once however
// often the code is scanned (a code shown on a screen is meant to be scanned by
// everyone present: replay by another worker is fine, it only checks in theirs).
import type { CheckInCode, CheckInPurpose, CheckInResult } from '../../../../typings/signup';
import { AppError, conflict } from '../../errors';
import type { ActionContext } from '../../function';
import { type BookingDoc, countAttended } from '../../stores/signup-events';
import { getSignUp, moveSignUp, type SignUpDoc, signUpId } from '../../stores/signups';
import { cachedBooking, type EventKey, requireOrganiser, userIdOf } from './access';
import { codeSecret } from './config';
import { countMove } from './day-counts';
import { type CodeVerdict, signCode, slotTimes, verifyCode } from './code';
import { text } from '../../validation';
import { toMySignUp } from './views';

/** The scanned string, as a domain's check-in action takes it (a code is about 70 characters). */
export const codeInput = () => text(200, 1);

export const OPENS_BEFORE_START_MS = 30 * 60_000;
export const CLOSES_AFTER_END_MS = 30 * 60_000;

/** Whether check-in is open at `now`. */
export function checkInOpen(b: Pick<BookingDoc, 'startAt' | 'endAt'>, now: Date): boolean {
  const t = now.getTime();
  return t >= b.startAt.getTime() - OPENS_BEFORE_START_MS && t <= b.endAt.getTime() + CLOSES_AFTER_END_MS;
}

export function requireWindow(b: BookingDoc, now: Date): void {
  if (b.status === 'cancelled') throw new AppError('CLOSED', '这场活动已取消，无需签到');
  if (!checkInOpen(b, now)) throw new AppError('CLOSED', '签到时间为活动开始前 30 分钟至结束后 30 分钟');
}

function secretOrRefuse(): string {
  const secret = codeSecret();
  if (secret) return secret;
  console.error(JSON.stringify({ message: 'SIGNUP_CODE_SECRET is not configured: check-in codes are refused' }));
  throw new AppError('UNAVAILABLE', '签到码服务尚未配置，请联系管理员');
}

/**
 * The code for the current slot, to check in (default) or out; only an organiser
 * of the event, only while check-in is open.
 */
export async function issueCode(
  ctx: ActionContext,
  key: EventKey,
  purpose: CheckInPurpose = 'in',
): Promise<CheckInCode> {
  const booking = await cachedBooking(key);
  requireOrganiser(ctx.caller, booking);
  requireWindow(booking, ctx.now);
  const { refreshAt, validUntil } = slotTimes(ctx.now);
  return {
    code: signCode(secretOrRefuse(), booking._id, ctx.now, purpose),
    purpose,
    refreshAt: refreshAt.toISOString(),
    validUntil: validUntil.toISOString(),
  };
}

const NOUN: Record<CheckInPurpose, string> = { in: '签到', out: '签退' };

function refusal(verdict: Exclude<CodeVerdict, 'ok'>, purpose: CheckInPurpose): AppError {
  const n = NOUN[purpose];
  switch (verdict) {
    case 'malformed':
      return new AppError('INVALID_ARGUMENT', `这不是${n}二维码，请扫描组织者出示的${n}码`);
    case 'other_event':
      return new AppError('INVALID_ARGUMENT', `这是其他活动的${n}码，请扫描本场活动的${n}码`);
    case 'forged':
      return new AppError('INVALID_ARGUMENT', `${n}码无效，请扫描组织者出示的${n}码`);
    case 'wrong_purpose':
      return new AppError(
        'INVALID_ARGUMENT',
        `这是${NOUN[purpose === 'in' ? 'out' : 'in']}码，${n}请扫描组织者出示的${n}码`,
      );
    case 'expired':
      return new AppError('CLOSED', `${n}码已过期，请扫描组织者手机上最新的二维码`);
    case 'not_yet':
      return new AppError('CLOSED', `${n}码无效，请扫描组织者手机上最新的二维码`);
  }
}

/**
 * Checks the scanned code and the window before anything is read or written; the
 * booking it admits to.
 */
export async function admitScan(
  ctx: ActionContext,
  key: EventKey,
  code: string,
  purpose: CheckInPurpose,
): Promise<BookingDoc> {
  const booking = await cachedBooking(key);
  const verdict = verifyCode(secretOrRefuse(), code.trim(), booking._id, ctx.now, purpose);
  if (verdict !== 'ok') throw refusal(verdict, purpose);
  requireWindow(booking, ctx.now);
  return booking;
}

/**
 * A domain's own limit on check-ins (e.g. the volunteer team's pairs per day):
 * called after the code is accepted, only when the sign-up is about to check in;
 * it throws to refuse, and returns what undoes it if the check-in does not happen.
 */
export type CheckInGate = (s: SignUpDoc) => Promise<() => Promise<void>>;

/** The caller checks in to the event with a scanned code (through the domain's gate, when it has one). */
export async function checkInWithCode(
  ctx: ActionContext,
  key: EventKey,
  code: string,
  gate?: CheckInGate,
): Promise<CheckInResult> {
  const booking = await admitScan(ctx, key, code, 'in');
  const id = signUpId(booking._id, userIdOf(ctx.caller));
  let undo: (() => Promise<void>) | null = null;
  if (gate) {
    const before = await getSignUp(id);
    if (before?.state === 'confirmed') undo = await gate(before);
  }
  const checkIn = { at: ctx.now, method: 'code' as const, by: null };
  const moved = await moveSignUp(id, 'confirmed', 'attended', { checkIn }, ctx.now);
  if (moved) {
    await countMove(await countAttended(booking._id, 1), { attended: 1 }, ctx.now);
    return { signUp: toMySignUp(moved, null), already: false };
  }
  if (undo) await undo();
  const s = await getSignUp(id);
  if (s?.state === 'attended') return { signUp: toMySignUp(s, null), already: true };
  throw conflict(
    !s || s.state === 'cancelled'
      ? '你没有报名成功这场活动，不能签到'
      : s.state === 'waitlisted'
        ? '你还在候补名单中，没有获得名额，不能签到'
        : '组织者已将你登记为缺席；如已到场，请找组织者登记签到',
  );
}
