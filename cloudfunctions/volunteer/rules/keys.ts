// How the team's records are named to the sign-up engine and the client (pure).
import type { EventKey } from '../../_shared/engines/signup';

export const keyOf = (a: { _id: string }): EventKey => ({ domain: 'volunteer', eventId: a._id });

export const activityPage = (id: string) => `packages/volunteer/pages/activity/index?id=${id}`;

/** The hours record of a scanned attendance: one per activity and member. */
export const scanHoursId = (activityId: string, userId: string) => `sc-${activityId}-${userId}`;

/** The hours record of an approved claim or self-report. */
export const claimHoursId = (claimId: string) => `cl-${claimId}`;
