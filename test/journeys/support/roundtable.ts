// The round-table side of a journey, through the roundtable function on the real
// clock: a meeting soon enough that check-in is already open (the sign-up engine
// opens it 30 minutes before the start) yet still taking sign-ups (until its
// deadline), another rider holding its one seat, and the organiser's screen.
import type { AdminMeeting, SaveMeetingRequest } from '../../../typings/roundtable';
import type { CheckInCode, SignUpRow } from '../../../typings/signup';
import type { Page } from '../../../typings/common';
import { type Call, meetingInput, registerWorkerWith } from '../../support/arrange';

const MIN_MS = 60_000;

/** Another rider of the district (外卖骑手党支部), the one who holds the seat first. */
export const OTHER_RIDER = 'journey-other-rider';

/**
 * A round-table of `capacity` seats with a waitlist under `orgId` at the station,
 * starting 20 minutes from now (check-in opens 30 minutes before the start) and
 * taking sign-ups for 15 minutes more.
 */
export function meetingStartingSoon(
  call: Call,
  organiser: string,
  orgId: string,
  stationId: string,
  overrides: Partial<SaveMeetingRequest> = {},
): Promise<AdminMeeting> {
  const now = Date.now();
  return call<AdminMeeting>(
    organiser,
    'roundtable',
    'saveMeeting',
    meetingInput(orgId, stationId, {
      base: now,
      startsInH: 20 / 60,
      deadline: new Date(now + 15 * MIN_MS).toISOString(),
      waitlist: true,
      ...overrides,
    }),
  );
}

/** OTHER_RIDER, registered in `orgId`, signs up for the meeting. */
export async function otherRiderSignsUp(call: Call, orgId: string, meetingId: string): Promise<void> {
  await registerWorkerWith(call, OTHER_RIDER, orgId, { realName: '李示例', phone: '13900002222' });
  await call(OTHER_RIDER, 'roundtable', 'signUp', { meetingId, topic: '夜里送餐照明差' });
}

export const cancelAs = (call: Call, openid: string, meetingId: string) =>
  call(openid, 'roundtable', 'cancelSignUp', { meetingId });

/** The code the organiser's phone shows now. */
export const issuedCode = async (call: Call, organiser: string, meetingId: string) =>
  (await call<CheckInCode>(organiser, 'roundtable', 'issueCheckInCode', { meetingId })).code;

/** The meeting's sign-ups as the organiser's list shows them. */
export const signUpsOf = (call: Call, organiser: string, meetingId: string) =>
  call<Page<SignUpRow>>(organiser, 'roundtable', 'listSignUps', { meetingId });
