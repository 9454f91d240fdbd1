// The application form of 先锋骑士 (pure): prefilled from the worker's
// registration (or the rejected application), checked as the server checks it,
// and sent without any status — only organisers move a member between states.
import type { Occupation } from '../../../../../typings/user';
import type { ApplyMemberRequest, VolunteerMember } from '../../../../../typings/volunteer-team';

export interface ApplyForm {
  realName: string;
  phone: string;
  occupation: Occupation | '';
  platform: string;
  orgId: string;
}

export const blankForm = (): ApplyForm => ({ realName: '', phone: '', occupation: '', platform: '', orgId: '' });

/** The rejected application's own answers first (the rider corrects them), else the registration's. */
export function formFrom(member: VolunteerMember | null, prefill: ApplyMemberRequest | null): ApplyForm {
  const from = member ?? prefill;
  if (!from) return blankForm();
  return {
    realName: from.realName,
    phone: from.phone,
    occupation: from.occupation,
    platform: from.platform,
    orgId: from.orgId,
  };
}

const PHONE = /^1\d{10}$/;

/** What is missing or wrong, in words a rider can act on; null when the form can go. */
export function checkApply(f: ApplyForm): string | null {
  if (!f.realName.trim()) return '请填写真实姓名';
  if (!PHONE.test(f.phone.trim())) return '请填写 11 位手机号';
  if (!f.occupation) return '请选择职业';
  if (!f.platform.trim()) return '请填写所在平台或公司';
  if (!f.orgId) return '请选择服务的组织';
  return null;
}

export function applyRequest(f: ApplyForm): ApplyMemberRequest {
  return {
    realName: f.realName.trim(),
    phone: f.phone.trim(),
    occupation: f.occupation as Occupation,
    platform: f.platform.trim(),
    orgId: f.orgId,
  };
}
