// The registration form's state and the checks worth making before a round trip.
// The server validates everything again; its message is shown as returned.
import type { MyProfile, Occupation, RegisterWorkerRequest } from '../../../../../typings/user';
import { PRIVACY_NOTICE_VERSION } from '../../../../config/privacy';

export interface WorkerForm {
  realName: string;
  phone: string;
  occupation: Occupation | '';
  platform: string;
  orgId: string;
  orgName: string;
  isPartyMember: boolean;
  branchName: string;
}

export const CHINA_MOBILE = /^1[3-9]\d{9}$/;

export function emptyForm(): WorkerForm {
  return {
    realName: '',
    phone: '',
    occupation: '',
    platform: '',
    orgId: '',
    orgName: '',
    isPartyMember: false,
    branchName: '',
  };
}

/** Prefill when editing an existing registration. */
export function formFromProfile(p: MyProfile): WorkerForm {
  const w = p.worker;
  if (!w) return emptyForm();
  return {
    realName: w.realName,
    phone: w.phone,
    occupation: w.occupation,
    platform: w.platform,
    orgId: w.orgId,
    orgName: w.orgName,
    isPartyMember: w.isPartyMember,
    branchName: w.branchName,
  };
}

/** The first obvious problem, or null. */
export function checkForm(f: WorkerForm): string | null {
  if (!f.realName.trim()) return '请填写真实姓名';
  if (!CHINA_MOBILE.test(f.phone.trim())) return '请输入 11 位手机号';
  if (!f.occupation) return '请选择职业';
  if (!f.platform.trim()) return '请填写所在平台或公司';
  if (!f.orgId) return '请选择所属组织';
  if (f.isPartyMember && !f.branchName.trim()) return '党员请填写所在党支部';
  return null;
}

/** Call only after checkForm passed. */
export function toRequest(f: WorkerForm): RegisterWorkerRequest {
  return {
    realName: f.realName.trim(),
    phone: f.phone.trim(),
    occupation: f.occupation as Occupation,
    platform: f.platform.trim(),
    orgId: f.orgId,
    isPartyMember: f.isPartyMember,
    ...(f.isPartyMember ? { branchName: f.branchName.trim() } : {}),
    consent: true,
    consentVersion: PRIVACY_NOTICE_VERSION,
  };
}
