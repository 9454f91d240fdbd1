// Check-out with the rotating code (events that check out, e.g. volunteer
// activities). The organiser shows a check-out code (code.ts, purpose out) in the
// same window as check-in; the worker scans it. An attended sign-up records its
// check-out once: the move is guarded by the record's revision, so repeated or
// concurrent scans record one check-out and the rest answer `already`. A sign-up
// that never checked in cannot check out.
import type { CheckOutEngineResult } from '../../../../typings/signup';
import { conflict } from '../../errors';
import type { ActionContext } from '../../function';
import { type CheckInRecord, getSignUp, moveSignUp, type SignUpDoc, signUpId } from '../../stores/signups';
import { type EventKey, userIdOf } from './access';
import { admitScan } from './checkin';
import { toMySignUp } from './views';

const RETRIES = 3;

function refuseNotIn(s: SignUpDoc | null): never {
  throw conflict(
    s?.state === 'confirmed'
      ? '你还没有签到，请先扫描签到码，活动结束时再签退'
      : s?.state === 'waitlisted'
        ? '你还在候补名单中，没有获得名额，不能签退'
        : '你没有签到这场活动，不能签退',
  );
}

/**
 * Records the check-out of an attended sign-up once (code or manual); `already`
 * when it had one. Refuses a sign-up that is not checked in.
 */
export async function recordCheckOut(id: string, out: CheckInRecord, now: Date): Promise<CheckOutEngineResult> {
  for (let i = 0; i < RETRIES; i++) {
    const s = await getSignUp(id);
    if (!s || s.state !== 'attended' || !s.checkIn) refuseNotIn(s);
    if (s.checkOut) return { signUp: toMySignUp(s, null), already: true };
    const moved = await moveSignUp(id, 'attended', 'attended', { checkOut: out }, now, { rev: s.rev });
    if (moved) return { signUp: toMySignUp(moved, null), already: false };
  }
  throw conflict('签退的人太多了，请稍后再扫一次');
}

/** The caller checks out of the event with a scanned check-out code. */
export async function checkOutWithCode(ctx: ActionContext, key: EventKey, code: string): Promise<CheckOutEngineResult> {
  const booking = await admitScan(ctx, key, code, 'out');
  const id = signUpId(booking._id, userIdOf(ctx.caller));
  return recordCheckOut(id, { at: ctx.now, method: 'code', by: null }, ctx.now);
}
