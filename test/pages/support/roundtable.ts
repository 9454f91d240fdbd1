// Arrangements for the roundtable page tests: meetings saved through the real
// functions (test/support/arrange.ts' meetingInput, on a pinned clock), sign-ups
// by other workers, the organiser's rotating check-in code, and what the phone's
// camera and WeChat's subscribe dialog answer (the wx double's scanCode and
// requestSubscribeMessage).
import type { AdminMeeting, MeetingSignUpReceipt, SaveMeetingRequest } from '../../../typings/roundtable';
import type { CheckInCode } from '../../../typings/signup';
import { meetingInput } from '../../support/arrange';
import { callAs } from './backend';
import { wxDouble } from './page';

export const HOUR_MS = 3_600_000;

/** A meeting (meetingInput's round-table, with `overrides`) saved by `admin`; times from `base`. */
export function addMeeting(
  admin: string,
  orgId: string,
  stationId: string,
  overrides: Partial<SaveMeetingRequest> & { base?: number; startsInH?: number } = {},
): Promise<AdminMeeting> {
  return callAs<AdminMeeting>(admin, 'roundtable', 'saveMeeting', meetingInput(orgId, stationId, overrides));
}

export const signUpAs = (openid: string, meetingId: string, extra: object = {}) =>
  callAs<MeetingSignUpReceipt>(openid, 'roundtable', 'signUp', { meetingId, ...extra });

export const cancelAs = (openid: string, meetingId: string) =>
  callAs(openid, 'roundtable', 'cancelSignUp', { meetingId });

/** The code the organiser's screen shows now (the server's clock: pin it inside the check-in window). */
export const issuedCode = async (admin: string, meetingId: string) =>
  (await callAs<CheckInCode>(admin, 'roundtable', 'issueCheckInCode', { meetingId })).code;

/** The phone's camera reads `result` on the next wx.scanCode. */
export const cameraReads = (result: string) =>
  wxDouble().answerNext('scanCode', { result, scanType: 'QR_CODE', charSet: 'utf-8', errMsg: 'scanCode:ok' });

/** The rider answers WeChat's subscribe dialog for `templateIds` with `choice`. */
export function subscribeAnswers(templateIds: string[], choice: 'accept' | 'reject' = 'accept'): void {
  wxDouble().answerNext('requestSubscribeMessage', {
    ...Object.fromEntries(templateIds.map((id) => [id, choice])),
    errMsg: 'requestSubscribeMessage:ok',
  });
}
