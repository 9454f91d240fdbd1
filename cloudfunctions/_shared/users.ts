// The stored user and the roles derived from it. Shared because every function
// resolves its caller to a user.
import type { MemberStatus, PointsSummary, Role, WorkerInfo } from '../../typings/user';
import { COLLECTIONS } from './collections';
import { db } from './sdk';

export interface UserDoc {
  _id: string;
  /** Unique. Rewritten to "deleted:<id>" when the account is deleted. */
  openid: string;
  nickname: string;
  avatarFileId: string;
  status: 'active' | 'deleted';
  worker: (Omit<WorkerInfo, 'consentAt'> & { consentAt: Date }) | null;
  memberStatus: MemberStatus;
  memberRejectReason: string;
  /** Orgs this user administers (with their sub-trees); empty = not an admin. */
  adminOrgIds: string[];
  points: PointsSummary;
  createdAt: Date;
  updatedAt: Date;
}

export async function findUserByOpenid(openid: string): Promise<UserDoc | null> {
  const { data } = await db().collection(COLLECTIONS.users).where({ openid }).limit(1).get();
  return (data[0] as UserDoc | undefined) ?? null;
}

export async function findUserById(userId: string): Promise<UserDoc | null> {
  const { data } = await db().collection(COLLECTIONS.users).doc(userId).get();
  const u = data[0] as UserDoc | undefined;
  return u && u.status === 'active' ? u : null;
}

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
