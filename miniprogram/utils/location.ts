// The rider's position, for two things only: finding nearby stations — it goes
// with one nearbyStations query and is forgotten — and, when the rider taps to add
// it, the place of a 随手拍 report, sent with that report to the org handling it.
//
// Location is optional. wx.getSetting tells, without asking anyone, whether
// scope.userLocation was allowed (true), refused before (false) or never asked.
// wx.getLocation asks when it was never asked — WeChat first shows its privacy
// guide if the user has not agreed to it yet, then the authorisation dialog — so it
// is called only from a tap. A page that must never prompt (the home page) uses
// quietPosition(): a position only when both were already agreed.
//
// app.json declares getLocation and chooseLocation in requiredPrivateInfos
// (precise location; WeChat allows precise or fuzzy, not both) and the purpose of
// scope.userLocation in `permission`.

export type LocationAuth = 'granted' | 'refused' | 'unasked';

export interface Position {
  lat: number;
  lng: number;
}

/** Why there is no position: refused (now or before), the privacy guide declined, the phone's own setting, or anything else. */
export type NoPosition = 'refused' | 'privacy' | 'system' | 'failed';

export type Located = { ok: true; position: Position } | { ok: false; why: NoPosition };

/** scope.userLocation as WeChat reports it. Never prompts. */
export function locationAuth(): Promise<LocationAuth> {
  return new Promise((resolve) => {
    wx.getSetting({
      success: (res) => {
        const v = res.authSetting['scope.userLocation'];
        resolve(v === true ? 'granted' : v === false ? 'refused' : 'unasked');
      },
      fail: () => resolve('unasked'),
    });
  });
}

/** Whether calling a privacy API now would first show WeChat's privacy guide. */
function privacyPending(): Promise<boolean> {
  if (typeof wx.getPrivacySetting !== 'function') return Promise.resolve(false);
  return new Promise((resolve) => {
    wx.getPrivacySetting({
      success: (res) => resolve(res.needAuthorization),
      fail: () => resolve(true),
    });
  });
}

/** What a getLocation failure means for the rider (errMsg: "getLocation:fail auth deny", …). */
export function noPositionReason(errMsg: string): NoPosition {
  if (/privacy/i.test(errMsg)) return 'privacy';
  if (/system permission|locationswitchoff|location service/i.test(errMsg)) return 'system';
  if (/auth|deny|denied/i.test(errMsg)) return 'refused';
  return 'failed';
}

/** The position (gcj02, what <map> and openLocation take). May prompt: call it from a tap, or when already granted. */
export function locate(): Promise<Located> {
  return new Promise((resolve) => {
    wx.getLocation({
      type: 'gcj02',
      success: (res) => resolve({ ok: true, position: { lat: res.latitude, lng: res.longitude } }),
      fail: (err) => resolve({ ok: false, why: noPositionReason(err?.errMsg ?? '') }),
    });
  });
}

/**
 * Never prompts. Not allowed: location was not allowed before, or WeChat's privacy
 * guide still needs agreeing. Allowed: where the phone is, or null when it cannot
 * tell just now (its location service off, WeChat's limit on frequent calls).
 */
export type QuietPosition = { allowed: false } | { allowed: true; position: Position | null };

export async function quietPosition(): Promise<QuietPosition> {
  if ((await locationAuth()) !== 'granted' || (await privacyPending())) return { allowed: false };
  const r = await locate();
  return { allowed: true, position: r.ok ? r.position : null };
}

const STATIONS_BY_DISTRICT =
  '仍按区域显示驿站。想看离你最近的驿站，请在设置中允许「位置信息」；位置只用于查找附近驿站，不会保存。';

/** A place picked on WeChat's map (wx.chooseLocation): its point (gcj02, to 6 decimals), name and address. */
export interface PickedPlace {
  location: Position;
  name: string;
  address: string;
}

/**
 * WeChat's map picker, from a tap (an editor's 在地图上选点), opened at `near` if
 * given. Null when the user closed it; a refusal or a failure also says why in a
 * toast. Needs no authorisation of scope.userLocation (chooseLocation is declared).
 */
export async function choosePlace(near: Position | null): Promise<PickedPlace | null> {
  let picked: WechatMiniprogram.ChooseLocationSuccessCallbackResult;
  try {
    picked = await wx.chooseLocation(near ? { latitude: near.lat, longitude: near.lng } : {});
  } catch (err) {
    const msg = (err as { errMsg?: string })?.errMsg ?? '';
    if (!/cancel/i.test(msg)) {
      wx.showToast({
        title: /auth|deny|privacy/i.test(msg) ? '需要允许使用位置信息才能选点' : '地图选点失败，请稍后再试',
        icon: 'none',
      });
    }
    return null;
  }
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  return {
    location: { lat: round(picked.latitude), lng: round(picked.longitude) },
    name: picked.name ?? '',
    address: picked.address ?? '',
  };
}

/**
 * After a refusal: says how to turn location on (`content`: what the page does
 * without it, and what the position would be for), and offers WeChat's settings
 * page. Resolves true when the rider came back with location allowed.
 */
export async function offerLocationSettings(why: NoPosition, content = STATIONS_BY_DISTRICT): Promise<boolean> {
  if (why === 'privacy') {
    wx.showToast({ title: '同意隐私保护指引后才能使用定位', icon: 'none', duration: 2500 });
    return false;
  }
  if (why === 'system') {
    wx.showModal({
      title: '定位不可用',
      content: '请在手机的「设置」中打开定位服务，并允许微信使用位置信息。',
      showCancel: false,
    });
    return false;
  }
  if (why === 'failed') {
    wx.showToast({ title: '暂时无法定位，请稍后再试', icon: 'none' });
    return false;
  }
  const { confirm } = await wx.showModal({
    title: '未开启位置信息',
    content,
    confirmText: '去设置',
    cancelText: '暂不',
  });
  if (!confirm) return false;
  const res = await wx.openSetting({});
  return res.authSetting?.['scope.userLocation'] === true;
}

/**
 * The position, from a tap that asks for it: WeChat's privacy guide and dialog
 * when never asked; after a refusal (now, or before: WeChat does not ask twice)
 * the settings offer (`refusedText`, see offerLocationSettings), then once more.
 * null when there is none — the rider was told why.
 */
export async function askPosition(refusedText?: string): Promise<Position | null> {
  const before = await locationAuth();
  const r = before === 'refused' ? ({ ok: false, why: 'refused' } as const) : await locate();
  if (r.ok) return r.position;
  if (!(await offerLocationSettings(r.why, refusedText))) return null;
  const again = await locate();
  return again.ok ? again.position : null;
}
