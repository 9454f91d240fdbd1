// What an organiser page of this subpackage loads first: the signed-in organiser
// (null: not one) and the orgs they administer, in tree order, with the one the
// server takes by default (their first org).
import { listOrgRows } from '../../../services/user';
import { administers, isSuperadmin, signedInOrganiser } from '../../../utils/session';

export interface OrganiserOrgs {
  orgs: { id: string; name: string }[];
  /** The admin's first org among them ('' for a superadmin: everything). */
  first: string;
  superadmin: boolean;
}

export async function organiserOrgs(): Promise<OrganiserOrgs | null> {
  const profile = await signedInOrganiser();
  if (!profile) return null;
  const orgs = (await listOrgRows()).filter((o) => administers(profile, o)).map((o) => ({ id: o.id, name: o.name }));
  const superadmin = isSuperadmin(profile);
  const first = superadmin ? '' : (profile.adminOrgIds.find((o) => orgs.some((c) => c.id === o)) ?? orgs[0]?.id ?? '');
  return { orgs, first, superadmin };
}
