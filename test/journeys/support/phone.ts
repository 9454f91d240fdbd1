// What the phone and WeChat answer in a journey, mocked through the automator the
// same way in the headless runtime and in WeChat DevTools: the subscribe dialog,
// the camera reading a QR code, the camera taking a photo, and the position.
// The functions given to mockWxMethod travel as source text and run inside the
// mini-program: they use only their arguments and the mini-program's own `wx`.
import type MiniProgram from 'miniprogram-automator/out/MiniProgram';
import { png } from '../../support/images';

/** The mini-program's `wx`, as the mocked functions see it inside the app (never called here). */
declare const wx: {
  env: { USER_DATA_PATH: string };
  getFileSystemManager(): { writeFileSync(path: string, data: string, encoding: string): void };
};

/** WeChat's subscribe dialog: the rider accepts every notice the tap asks for. */
export function acceptsNotices(mp: MiniProgram): Promise<void> {
  return mp.mockWxMethod('requestSubscribeMessage', function (options: { tmplIds: string[] }) {
    const answer: Record<string, string> = { errMsg: 'requestSubscribeMessage:ok' };
    for (const id of options.tmplIds) answer[id] = 'accept';
    return answer;
  });
}

/** The camera reads `code` on the next wx.scanCode (the organiser's screen, a pickup code). */
export function cameraReads(mp: MiniProgram, code: string): Promise<void> {
  return mp.mockWxMethod('scanCode', { result: code, scanType: 'QR_CODE', charSet: 'utf-8', errMsg: 'scanCode:ok' });
}

/**
 * wx.chooseMedia answers with one photo named `name`: a real PNG written to the
 * user data folder where the mini-program has a file system (DevTools uploads
 * it), else a temp path (the headless runtime uploads its own picture).
 */
export function cameraTakes(mp: MiniProgram, name: string): Promise<void> {
  return mp.mockWxMethod(
    'chooseMedia',
    function (_options: unknown, file: string, base64: string) {
      let tempFilePath = `http://tmp/${file}`;
      try {
        const path = `${wx.env.USER_DATA_PATH}/${file}`;
        wx.getFileSystemManager().writeFileSync(path, base64, 'base64');
        tempFilePath = path;
      } catch {
        // No file system: the temp path is enough.
      }
      return {
        type: 'image',
        tempFiles: [{ tempFilePath, size: Math.floor((base64.length * 3) / 4), fileType: 'image' }],
        errMsg: 'chooseMedia:ok',
      };
    },
    name,
    png().toString('base64'),
  );
}

/** wx.getLocation answers `at` (gcj02). */
function phonePositionAt(mp: MiniProgram, at: { lat: number; lng: number }): Promise<void> {
  return mp.mockWxMethod('getLocation', {
    latitude: at.lat,
    longitude: at.lng,
    accuracy: 20,
    errMsg: 'getLocation:ok',
  });
}

/** Location was never asked for, and the phone is at `at` once the rider allows it (gcj02). */
export async function phoneIsAt(mp: MiniProgram, at: { lat: number; lng: number }): Promise<void> {
  await mp.mockWxMethod('getSetting', { authSetting: {}, errMsg: 'getSetting:ok' });
  await phonePositionAt(mp, at);
}

/** What utils/location.ts asks WeChat before and for a position. */
export const LOCATION_APIS = ['getSetting', 'getPrivacySetting', 'getLocation'];

/** Location was allowed before (and the privacy guide agreed to), and the phone is at `at` (gcj02). */
export async function locationAllowedBefore(mp: MiniProgram, at: { lat: number; lng: number }): Promise<void> {
  await mp.mockWxMethod('getSetting', { authSetting: { 'scope.userLocation': true }, errMsg: 'getSetting:ok' });
  await mp.mockWxMethod('getPrivacySetting', { needAuthorization: false, errMsg: 'getPrivacySetting:ok' });
  await phonePositionAt(mp, at);
}

/** Puts back what a journey mocked. */
export async function restorePhone(mp: MiniProgram, ...methods: string[]): Promise<void> {
  for (const m of methods) await mp.restoreWxMethod(m);
}
