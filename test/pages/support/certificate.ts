// Arrangements for the certificate pages' tests, through the real `volunteer`
// function: a registered rider applies and is approved, earns credit hours by
// scanning in 10 min late and out 5 min early at a 2 h activity held ten days ago
// (the server's clock pinned), and is backfilled an hour of honor hours with
// evidence — 1.75 h credit, 1 h honor.
import type { CheckInCode } from '../../../typings/signup';
import type { AdminVolunteerActivity, VolunteerCertificate } from '../../../typings/volunteer-team';
import { callAs, pinNow, uploadAs } from './backend';
import { getProfile, registerWorker } from './fixtures';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export const HONOR_TITLE = '学校门口护学岗';
export const ACTIVITY_TITLE = '早高峰文明交通劝导';

const codeFor = async (admin: string, activityId: string, purpose: 'in' | 'out') =>
  (await callAs<CheckInCode>(admin, 'volunteer', 'issueCheckInCode', { activityId, purpose })).code;

/** `openid` registered under `orgId`, approved by `admin` (an organiser of it), with 105 credit and 60 honor minutes. */
export async function memberWithHours(admin: string, openid: string, orgId: string): Promise<{ userId: string }> {
  await registerWorker(openid, orgId, { realName: '张小快', phone: '13900001111' });
  const { prefill } = await callAs<{ prefill: object }>(openid, 'volunteer', 'myMembership', {});
  const member = await callAs<{ userId: string }>(openid, 'volunteer', 'applyMember', { ...prefill, orgId });
  await callAs(admin, 'volunteer', 'reviewMember', { userId: member.userId, decision: 'approve' });

  const base = Date.now() - 10 * DAY;
  const start = base + 2 * DAY;
  try {
    pinNow(base);
    const activity = await callAs<AdminVolunteerActivity>(admin, 'volunteer', 'saveActivity', {
      title: ACTIVITY_TITLE,
      serviceType: 'traffic',
      venue: { name: '文化路与城北路口', address: '示例市城北路 1 号（演示地址）' },
      startAt: new Date(start).toISOString(),
      endAt: new Date(start + 2 * HOUR).toISOString(),
      deadline: new Date(start - HOUR).toISOString(),
      capacity: 10,
      orgId,
    });
    await callAs(openid, 'volunteer', 'signUp', { activityId: activity.id });
    for (const [purpose, action, at] of [
      ['in', 'checkIn', start + 10 * MIN],
      ['out', 'checkOut', start + 115 * MIN],
    ] as const) {
      pinNow(at);
      const code = await codeFor(admin, activity.id, purpose);
      await callAs(openid, 'volunteer', action, { activityId: activity.id, code });
    }
  } finally {
    pinNow(null);
  }

  const { userId: adminId } = await getProfile(admin);
  const evidence = await uploadAs(admin, `volunteer/${adminId}/sign-in-sheet.png`);
  const honorStart = Date.now() - 5 * DAY;
  await callAs(admin, 'volunteer', 'addHonorHours', {
    userId: member.userId,
    title: HONOR_TITLE,
    startAt: new Date(honorStart).toISOString(),
    endAt: new Date(honorStart + HOUR).toISOString(),
    minutes: 60,
    reason: '护学岗签到表为证',
    evidence: [evidence],
  });
  return member;
}

export const issueAs = (openid: string, period: { from?: string; to?: string } = {}) =>
  callAs<VolunteerCertificate>(openid, 'volunteer', 'myCertificate', period);
