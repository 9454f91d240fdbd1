// The volunteer team's side of a journey, through the volunteer function: the rider
// made a 先锋骑士 member (applied with their registration's answers, approved by
// the organiser), and the organiser's review of a self-reported service into honor
// hours. Times of a self-report are Beijing wall time, as the form's picker gives them.
import type { AdminVolunteerClaim, ApplyMemberRequest } from '../../../typings/volunteer-team';
import type { Page } from '../../../typings/common';
import type { Call } from '../../support/arrange';

const BEIJING_MS = 8 * 3_600_000;

/** `openid` (a registered worker, userId `userId`) applies with the prefilled form and `organiser` approves. */
export async function joinTeam(call: Call, openid: string, userId: string, organiser: string): Promise<void> {
  const { prefill } = await call<{ prefill: ApplyMemberRequest }>(openid, 'volunteer', 'myMembership', {});
  await call(openid, 'volunteer', 'applyMember', prefill);
  await call(organiser, 'volunteer', 'reviewMember', { userId, decision: 'approve' });
}

/** An instant as the date-time picker shows it: "YYYY-MM-DD HH:mm", Beijing time. */
export const pickerTime = (t: number) => new Date(t + BEIJING_MS).toISOString().slice(0, 16).replace('T', ' ');

/** The member's pending claims, as the organiser's review list shows them. */
export async function pendingClaimsOf(call: Call, organiser: string, userId: string): Promise<AdminVolunteerClaim[]> {
  const { items } = await call<Page<AdminVolunteerClaim>>(organiser, 'volunteer', 'listClaims', { state: 'pending' });
  return items.filter((c) => c.userId === userId);
}

export const approveClaim = (call: Call, organiser: string, claimId: string, minutes: number, reason: string) =>
  call<AdminVolunteerClaim>(organiser, 'volunteer', 'reviewClaim', { claimId, decision: 'approve', minutes, reason });
