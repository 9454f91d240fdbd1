// Arrangements for the volunteer team's page tests: members applied and reviewed,
// activities saved by an organiser through the real `volunteer` function (times
// from a pinned clock), and the organiser's rotating check-in / check-out codes.
import type { CheckInCode } from '../../../typings/signup';
import type {
  AdminVolunteerActivity,
  AdminVolunteerMember,
  SaveActivityRequest,
  VolunteerMember,
} from '../../../typings/volunteer-team';
import { callAs } from './backend';

export const HOUR_MS = 3_600_000;

/** `openid` (a registered worker) applies with their registration's answers. */
export async function applyAs(openid: string, orgId: string): Promise<VolunteerMember> {
  const { prefill } = await callAs<{ prefill: object }>(openid, 'volunteer', 'myMembership', {});
  return callAs<VolunteerMember>(openid, 'volunteer', 'applyMember', { ...prefill, orgId });
}

export const reviewAs = (admin: string, userId: string, decision: 'approve' | 'reject', reason?: string) =>
  callAs<AdminVolunteerMember>(admin, 'volunteer', 'reviewMember', { userId, decision, ...(reason ? { reason } : {}) });

/** A two-hour activity starting `startsInH` hours after `base`, saved by `admin`. */
export function addActivity(
  admin: string,
  orgId: string,
  { base, startsInH = 48, ...overrides }: Partial<SaveActivityRequest> & { base: number; startsInH?: number },
): Promise<AdminVolunteerActivity> {
  const start = base + startsInH * HOUR_MS;
  return callAs<AdminVolunteerActivity>(admin, 'volunteer', 'saveActivity', {
    title: '早高峰文明交通劝导',
    serviceType: 'traffic',
    description: '在路口协助交警劝导电动车闯红灯、逆行。',
    venue: { name: '文化路与城北路口', address: '示例市城北路 1 号（演示地址）' },
    startAt: new Date(start).toISOString(),
    endAt: new Date(start + 2 * HOUR_MS).toISOString(),
    deadline: new Date(start - HOUR_MS).toISOString(),
    capacity: 10,
    orgId,
    ...overrides,
  });
}

/** The code the organiser's screen shows now (pin the server's clock inside the window). */
export const codeFor = async (admin: string, activityId: string, purpose: 'in' | 'out') =>
  (await callAs<CheckInCode>(admin, 'volunteer', 'issueCheckInCode', { activityId, purpose })).code;
