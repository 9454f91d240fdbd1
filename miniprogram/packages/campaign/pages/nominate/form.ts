// The nomination form's state and the checks worth making before a round trip.
// The server validates everything again (and runs the content check); its
// message is shown as returned.
import type { NominationRequest, NominatorRelation } from '../../../../../typings/campaign';
import type { MyProfile } from '../../../../../typings/user';

export const DEEDS_MIN = 20;
export const DEEDS_MAX = 2000;
export const MAX_PHOTOS = 6;
export const CHINA_MOBILE = /^1[3-9]\d{9}$/;

export interface PhotoItem {
  fileId: string;
  /** What <image> shows. */
  url: string;
}

export interface NominationForm {
  category: string;
  relation: NominatorRelation | '';
  nomineeName: string;
  platform: string;
  phone: string;
  deeds: string;
  photos: PhotoItem[];
}

export function emptyForm(category = ''): NominationForm {
  return { category, relation: '', nomineeName: '', platform: '', phone: '', deeds: '', photos: [] };
}

/** Nominating oneself: start from the registration, leaving what was typed. */
export function prefillSelf(f: NominationForm, p: MyProfile | null): Partial<NominationForm> {
  const w = p?.worker;
  if (!w) return {};
  return {
    nomineeName: f.nomineeName || w.realName,
    phone: f.phone || w.phone,
    platform: f.platform || w.platform,
  };
}

/** The first obvious problem, or null. */
export function checkForm(f: NominationForm): string | null {
  if (!f.category) return '请选择评选类别';
  if (!f.relation) return '请选择推荐方式';
  if (f.nomineeName.trim().length < 2) return '请填写被推荐人姓名';
  if (!f.platform.trim()) return '请填写所在平台或单位';
  if (!CHINA_MOBILE.test(f.phone.trim())) return '请输入被推荐人的 11 位手机号';
  if (f.deeds.trim().length < DEEDS_MIN) return `事迹介绍至少 ${DEEDS_MIN} 个字`;
  if (f.deeds.length > DEEDS_MAX) return `事迹介绍不能超过 ${DEEDS_MAX} 个字`;
  return null;
}

/** Call only after checkForm passed. */
export function toRequest(campaignId: string, f: NominationForm): NominationRequest {
  return {
    campaignId,
    category: f.category,
    relation: f.relation as NominatorRelation,
    nomineeName: f.nomineeName.trim(),
    platform: f.platform.trim(),
    phone: f.phone.trim(),
    deeds: f.deeds.trim(),
    photos: f.photos.map((p) => p.fileId),
  };
}

/** Where a user's nomination photos are uploaded (the server takes only the nominator's own folder). */
export function photoFolder(userId: string): string {
  return `nominations/${userId}`;
}
