// What an attendance earns once it is checked out, and what becomes of one that
// never is. Credit hours only from a scanned check-in and a scanned check-out
// (rules/hours.ts); any pair with a manual mark, and a check-in the member never
// checked out of, becomes a pending claim for an organiser — never credit.
import { AppError } from '../../_shared/errors';
import { beijingDay } from '../../_shared/clock';
import type { CheckInGate } from '../../_shared/engines/signup';
import { eventKeyOf } from '../../_shared/engines/signup';
import { CLOSES_AFTER_END_MS } from '../../_shared/engines/signup/checkin';
import { allOfEvent, getSignUp, type SignUpDoc, signUpId } from '../../_shared/stores/signups';
import type { VolunteerCloseReport } from '../../../typings/volunteer-team';
import { pointsPerHour } from '../rules/config';
import { earnsCredit, MAX_PAIRS_PER_DAY, minutesOf, pointsFor, servedMinutes } from '../rules/hours';
import { keyOf, scanHoursId } from '../rules/keys';
import { monthOf } from '../rules/months';
import { type ActivityDoc, endedUnclosed, markClosed } from '../store/activities';
import { insertClaim, missedCheckoutId } from '../store/claims';
import { creditHours } from '../store/credit';
import { releasePair, takePair } from '../store/day-pairs';
import { type HoursDoc, ofUserActivity } from '../store/hours';
import { countAttendance } from '../store/members';

/** The engine's gate for a volunteer check-in: one of the member's pairs of the day. */
export function pairGate(userId: string, now: Date): CheckInGate {
  const day = beijingDay(now);
  return async () => {
    const taken = await takePair(userId, day, MAX_PAIRS_PER_DAY);
    if (taken === null)
      throw new AppError('LIMIT_REACHED', `每人每天最多签到签退 ${MAX_PAIRS_PER_DAY} 次，今天的次数已用完`);
    return () => releasePair(userId, day);
  };
}

export function countCheckIn(userId: string): Promise<void> {
  return countAttendance(userId);
}

/** The stored sign-up of a member for an activity. */
export function signUpOf(a: ActivityDoc, userId: string): Promise<SignUpDoc | null> {
  return getSignUp(signUpId(eventKeyOf(keyOf(a)), userId));
}

export interface Earned {
  hours: HoursDoc | null;
  servedMinutes: number;
}

/** After a scanned check-out: the credit hours it earned (once), or nothing below 60 %, or a claim for a manual pair. */
export async function settleCheckOut(a: ActivityDoc, s: SignUpDoc, now: Date): Promise<Earned> {
  if (!s.checkIn || !s.checkOut) return { hours: null, servedMinutes: 0 };
  const served = servedMinutes(s.checkIn.at, s.checkOut.at, a, a.plannedMinutes);
  if (s.checkIn.method !== 'code' || s.checkOut.method !== 'code') {
    await claimMissedCheckOut(a, s, now);
    return { hours: null, servedMinutes: served };
  }
  if (!earnsCredit(served, a.plannedMinutes)) return { hours: null, servedMinutes: served };
  const doc: HoursDoc = {
    _id: scanHoursId(a._id, s.userId),
    userId: s.userId,
    kind: 'credit',
    source: 'scan',
    minutes: served,
    activityId: a._id,
    title: a.title,
    startAt: new Date(Math.max(s.checkIn.at.getTime(), a.startAt.getTime())),
    endAt: new Date(Math.min(s.checkOut.at.getTime(), a.endAt.getTime())),
    month: monthOf(a.startAt),
    reason: '',
    orgId: a.orgId,
    orgName: a.orgName,
    orgPath: a.orgPath,
    points: pointsFor(served, pointsPerHour()),
    evidence: [],
    grantedBy: null,
    createdAt: now,
  };
  await creditHours(doc, now);
  return { hours: await ofUserActivity(s.userId, a._id), servedMinutes: served };
}

/**
 * A pending claim for an attendance without a scanned pair: from the check-in to
 * the planned end, at most the planned duration. Made once per activity and member.
 */
export async function claimMissedCheckOut(a: ActivityDoc, s: SignUpDoc, now: Date): Promise<boolean> {
  const startAt = new Date(Math.max((s.checkIn?.at ?? a.startAt).getTime(), a.startAt.getTime()));
  const span = { startAt: startAt < a.endAt ? startAt : a.startAt, endAt: a.endAt };
  return insertClaim({
    _id: missedCheckoutId(a._id, s.userId),
    kind: 'missed_checkout',
    state: 'pending',
    userId: s.userId,
    activityId: a._id,
    title: a.title,
    serviceType: null,
    text: '',
    ...span,
    maxMinutes: Math.min(a.plannedMinutes, Math.max(1, minutesOf(span))),
    photos: [],
    orgId: a.orgId,
    orgName: a.orgName,
    orgPath: a.orgPath,
    grantedMinutes: 0,
    reviewReason: '',
    reviewedBy: null,
    reviewedAt: null,
    createdAt: now,
    updatedAt: now,
  });
}

/** Activities closed per run (the next run takes the rest). */
const BATCH = 50;

/**
 * The scheduler's task: activities whose check-out window has closed (30 min
 * after the planned end) get a pending claim for each check-in never checked out.
 */
export async function closeForgottenCheckOuts(now: Date): Promise<VolunteerCloseReport> {
  const due = await endedUnclosed(new Date(now.getTime() - CLOSES_AFTER_END_MS), BATCH);
  let claims = 0;
  for (const a of due) {
    const attended = await allOfEvent(eventKeyOf(keyOf(a)), ['attended']);
    for (const s of attended) if (!s.checkOut && (await claimMissedCheckOut(a, s, now))) claims++;
    await markClosed(a._id, now);
  }
  return { activities: due.length, claims };
}
