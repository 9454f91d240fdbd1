// The organisations an admin publishes study content for (quotes, lectures) and
// sees statistics of: their own admin orgs, or every org for a superadmin; the
// first is the default. Shared by the study organiser pages.
import type { MyProfile } from '../../../../typings/user';
import { listOrgRows } from '../../../services/user';
import { isSuperadmin } from '../../../utils/session';

export interface OrgChoice {
  id: string;
  name: string;
  /** Indented by depth for superadmins, who choose from the whole tree. */
  label: string;
}

export interface AdminOrgs {
  choices: OrgChoice[];
  /** Every org's name by id (content may belong to a sub-org). */
  names: Map<string, string>;
}

export async function loadAdminOrgs(profile: MyProfile): Promise<AdminOrgs> {
  const rows = await listOrgRows();
  const names = new Map(rows.map((o) => [o.id, o.name]));
  if (isSuperadmin(profile)) {
    return { names, choices: rows.map((o) => ({ id: o.id, name: o.name, label: `${'　'.repeat(o.depth)}${o.name}` })) };
  }
  const choices = profile.adminOrgIds.flatMap((id) => {
    const name = names.get(id);
    return name ? [{ id, name, label: name }] : [];
  });
  return { names, choices };
}
