// How an AdminUserView is shown in the list. Names and phones are shown exactly as
// the server returns them: masked outside the admin's scope.
import type { AdminUserView, MemberStatus } from '../../../../../typings/user';
import {
  MEMBER_STATUS_LABELS,
  MEMBER_STATUS_THEMES,
  OCCUPATION_LABELS,
  type TagTheme,
} from '../../../../config/labels';

export interface UserRow {
  userId: string;
  name: string;
  nickname: string;
  phone: string;
  registered: boolean;
  occupationLabel: string;
  platform: string;
  orgName: string;
  memberStatus: MemberStatus;
  memberLabel: string;
  memberTheme: TagTheme;
  /** Declared party member (any status but none). */
  declaredMember: boolean;
  branchName: string;
  inScope: boolean;
  isAdmin: boolean;
  isSuperadmin: boolean;
  adminOrgIds: string[];
  /** "快递物流行业党委、外卖送餐行业党委" */
  adminOrgNames: string;
  /** A pending declaration this admin may decide. */
  canReview: boolean;
}

export function toUserRow(u: AdminUserView, orgNames: ReadonlyMap<string, string>): UserRow {
  return {
    userId: u.userId,
    name: u.realName || u.nickname || '未填写昵称',
    nickname: u.nickname,
    phone: u.phone,
    registered: u.occupation !== null,
    occupationLabel: u.occupation ? OCCUPATION_LABELS[u.occupation] : '',
    platform: u.platform,
    orgName: u.orgName,
    memberStatus: u.memberStatus,
    memberLabel: MEMBER_STATUS_LABELS[u.memberStatus],
    memberTheme: MEMBER_STATUS_THEMES[u.memberStatus],
    declaredMember: u.memberStatus !== 'none',
    branchName: u.branchName,
    inScope: u.inScope,
    isAdmin: u.roles.includes('admin'),
    isSuperadmin: u.roles.includes('superadmin'),
    adminOrgIds: u.adminOrgIds,
    adminOrgNames: u.adminOrgIds.map((id) => orgNames.get(id) ?? '已删除的组织').join('、'),
    canReview: u.memberStatus === 'pending' && u.inScope,
  };
}
