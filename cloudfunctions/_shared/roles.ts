// Roles derived from the stored user: worker (registered), member (verified party
// member), admin (of an org sub-tree), superadmin (named by ADMIN_OPENIDS).
import type { Role } from '../../typings/user';
import type { UserDoc } from './stores/users';

/** Superadmins are named by the ADMIN_OPENIDS function environment variable. */
export function superadminOpenids(): Set<string> {
  return new Set(
    (process.env.ADMIN_OPENIDS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

export function rolesOf(user: UserDoc | null, isSuperadmin: boolean): Role[] {
  const roles: Role[] = [];
  if (user?.worker) roles.push('worker');
  if (user?.memberStatus === 'verified') roles.push('member');
  if (user && user.adminOrgIds.length > 0) roles.push('admin');
  if (isSuperadmin) roles.push('superadmin');
  return roles;
}
