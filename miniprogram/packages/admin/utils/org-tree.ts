// The org tree from listOrgs, shaped for lists and pickers.
import type { OrgNode, OrgType } from '../../../../typings/org';
import { ORG_TYPE_LABELS } from '../../../config/labels';

export interface OrgRow {
  id: string;
  name: string;
  type: OrgType;
  typeLabel: string;
  parentId: string | null;
  ancestors: string[];
  /** 0 for a root. */
  depth: number;
}

/** Depth-first, in the server's order (sort, then name). */
export function flattenOrgs(nodes: OrgNode[], depth = 0, out: OrgRow[] = []): OrgRow[] {
  for (const n of nodes) {
    out.push({
      id: n.id,
      name: n.name,
      type: n.type,
      typeLabel: ORG_TYPE_LABELS[n.type],
      parentId: n.parentId,
      ancestors: n.ancestors,
      depth,
    });
    flattenOrgs(n.children, depth + 1, out);
  }
  return out;
}

/** Whether an admin of `adminOrgIds` administers the org (directly or through an ancestor). */
export function orgInScope(org: Pick<OrgRow, 'id' | 'ancestors'>, adminOrgIds: string[], superadmin: boolean): boolean {
  return superadmin || adminOrgIds.some((id) => id === org.id || org.ancestors.includes(id));
}
