// How stored users are shown: to themselves in full, to admins masked outside
// their scope, to everyone else never with real name or phone.
import type { AdminUserView, MyProfile } from '../../../typings/user';
import { maskName, maskPhone } from '../../_shared/mask';
import { rolesOf } from '../../_shared/roles';
import type { UserDoc } from '../../_shared/stores/users';

export function toMyProfile(user: UserDoc, isSuperadmin: boolean): MyProfile {
  const w = user.worker;
  return {
    userId: user._id,
    nickname: user.nickname,
    avatarFileId: user.avatarFileId,
    roles: rolesOf(user, isSuperadmin),
    registered: !!w,
    worker: w
      ? {
          realName: w.realName,
          phone: w.phone,
          occupation: w.occupation,
          platform: w.platform,
          orgId: w.orgId,
          orgName: w.orgName,
          isPartyMember: w.isPartyMember,
          branchName: w.branchName,
          consentVersion: w.consentVersion,
          consentAt: new Date(w.consentAt).toISOString(),
        }
      : null,
    memberStatus: user.memberStatus,
    memberRejectReason: user.memberRejectReason,
    adminOrgIds: user.adminOrgIds,
    points: user.points,
    createdAt: new Date(user.createdAt).toISOString(),
  };
}

export function toAdminView(user: UserDoc, inScope: boolean, superadmins: Set<string>): AdminUserView {
  const w = user.worker;
  return {
    userId: user._id,
    nickname: user.nickname,
    realName: w ? (inScope ? w.realName : maskName(w.realName)) : '',
    phone: w ? (inScope ? w.phone : maskPhone(w.phone)) : '',
    occupation: w?.occupation ?? null,
    platform: w?.platform ?? '',
    orgId: w?.orgId ?? null,
    orgName: w?.orgName ?? '',
    roles: rolesOf(user, superadmins.has(user.openid)),
    memberStatus: user.memberStatus,
    branchName: w?.branchName ?? '',
    adminOrgIds: user.adminOrgIds,
    inScope,
    createdAt: new Date(user.createdAt).toISOString(),
  };
}
