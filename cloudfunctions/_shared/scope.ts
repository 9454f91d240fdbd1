// Admin scope: an admin of an org administers its whole sub-tree; district-wide
// settings (e.g. the quote calendar) need an admin of a district.
import type { Caller } from './caller';
import { forbidden } from './errors';
import { includesDistrict, type OrgDoc, requireOrg, subtreesOf } from './stores/orgs';

/** Whether the caller administers this org (directly or through an ancestor). */
export function orgInScope(caller: Caller, org: Pick<OrgDoc, '_id' | 'ancestors'>): boolean {
  if (caller.isSuperadmin) return true;
  const mine = caller.user?.adminOrgIds ?? [];
  return mine.some((id) => id === org._id || org.ancestors.includes(id));
}

/** Loads the org and throws FORBIDDEN unless it is in the caller's scope. */
export async function requireOrgInScope(caller: Caller, orgId: string): Promise<OrgDoc> {
  const org = await requireOrg(orgId);
  if (!orgInScope(caller, org)) throw forbidden('该组织不在你的管理范围内');
  return org;
}

/** Every org the caller administers (sub-trees included); null for a superadmin (no limit). */
export async function orgIdsInScope(caller: Caller): Promise<string[] | null> {
  if (caller.isSuperadmin) return null;
  return subtreesOf(caller.user?.adminOrgIds ?? []);
}

export async function requireDistrictAdmin(caller: Caller): Promise<void> {
  if (caller.isSuperadmin) return;
  if (await includesDistrict(caller.user?.adminOrgIds ?? [])) return;
  throw forbidden('需要区级管理员权限');
}

/** Whether a user registered in `orgPath` lies in the caller's scope. */
export function pathInScope(caller: Caller, orgPath: string[]): boolean {
  if (caller.isSuperadmin) return true;
  return (caller.user?.adminOrgIds ?? []).some((orgId) => orgPath.includes(orgId));
}
