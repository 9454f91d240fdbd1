// The org tree as an indented list, with what this admin may do on each row.
import type { OrgNode, OrgType, StationInfo } from '../../../../../typings/org';
import type { MyProfile } from '../../../../../typings/user';
import { CHILD_ORG_TYPES, ORG_TYPE_LABELS } from '../../../../config/labels';
import { administers } from '../../../../utils/session';

export interface OrgItem {
  id: string;
  name: string;
  type: OrgType;
  typeLabel: string;
  parentId: string | null;
  depth: number;
  sort: number;
  station: StationInfo | null;
  /** "09:00-21:00 · 充电、饮水" for stations. */
  stationLine: string;
  /** Inside this admin's scope: may add children, edit, delete. */
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
        station: n.station ?? null,
        stationLine: n.station ? `${n.station.address} · ${n.station.openingHours}` : '',
        manageable,
        canAddChild: manageable && CHILD_ORG_TYPES[n.type].length > 0,
      });
      walk(n.children, depth + 1);
    }
  };
  walk(tree, 0);
  return out;
}
