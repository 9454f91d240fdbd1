import type { OrgNode, OrgType } from '../../typings/org';
import type { UserApi } from '../../typings/user';
import { createApi } from './api';

/** The `user` cloud function: accounts, registration, roles, organisations, points. */
export const userApi = createApi<UserApi>('user');

/** One organisation of the tree, for lists and pickers. */
export interface OrgRow {
  id: string;
  name: string;
  type: OrgType;
  parentId: string | null;
  ancestors: string[];
  /** 0 for a root. */
  depth: number;
}

/** Depth-first, in the server's order (sort, then name). */
export function flattenOrgs(nodes: OrgNode[], depth = 0, out: OrgRow[] = []): OrgRow[] {
  for (const n of nodes) {
    out.push({ id: n.id, name: n.name, type: n.type, parentId: n.parentId, ancestors: n.ancestors, depth });
    flattenOrgs(n.children, depth + 1, out);
  }
  return out;
}

/**
 * The organisation tree (listOrgs) as one flat list. Here, not in a feature, because
 * the organiser pages of several subpackages need it (see docs/client.md).
 */
export async function listOrgRows(): Promise<OrgRow[]> {
  return flattenOrgs(await userApi('listOrgs', {}));
}

/** An organisation offered in a picker. */
export interface OrgChoice {
  id: string;
  name: string;
  /** Indented by depth in the tree. */
  label: string;
  ancestors: string[];
}

/** Rows (in tree order) as picker choices, indented by depth below the shallowest of them. */
export function orgChoices(rows: OrgRow[]): OrgChoice[] {
  const top = Math.min(...rows.map((o) => o.depth));
  return rows.map((o) => ({
    id: o.id,
    name: o.name,
    label: `${'　'.repeat(o.depth - top)}${o.name}`,
    ancestors: o.ancestors,
  }));
}
