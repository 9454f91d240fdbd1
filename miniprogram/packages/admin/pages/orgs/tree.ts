// The org tree as an indented list, with what this admin may do on each row.
import type { OrgNode, OrgType } from '../../../../../typings/org';
import type { MyProfile } from '../../../../../typings/user';
import { ORG_TYPE_LABELS } from '../../../../config/labels';
import { administers } from '../../../../utils/session';
import { formChildTypes } from './form';

export interface OrgItem {
  id: string;
  name: string;
  type: OrgType;
  typeLabel: string;
  parentId: string | null;
  depth: number;
  sort: number;
  /** A service station: kept with its record in 驿站管理, not edited here. */
  isStation: boolean;
  /** Inside this admin's scope: may add children, edit, delete (stations: open 驿站管理). */
  manageable: boolean;
  canAddChild: boolean;
}

export function orgItems(tree: OrgNode[], profile: MyProfile): OrgItem[] {
  const out: OrgItem[] = [];
  const walk = (nodes: OrgNode[], depth: number) => {
    for (const n of nodes) {
      const manageable = administers(profile, n);
      out.push({
        id: n.id,
        name: n.name,
        type: n.type,
        typeLabel: ORG_TYPE_LABELS[n.type],
        parentId: n.parentId,
        depth,
        sort: n.sort,
        isStation: n.type === 'station',
        manageable,
        canAddChild: manageable && formChildTypes(n.type).length > 0,
      });
      walk(n.children, depth + 1);
    }
  };
  walk(tree, 0);
  return out;
}
