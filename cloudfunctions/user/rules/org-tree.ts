// Building the org tree for pickers (pure).
import type { Org, OrgNode } from '../../../typings/org';

export function buildTree(orgs: Org[]): OrgNode[] {
  const nodes = new Map(orgs.map((o) => [o.id, { ...o, children: [] as OrgNode[] }]));
  const roots: OrgNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: OrgNode[]) => {
    list.sort((a, b) => a.sort - b.sort || a.name.localeCompare(b.name, 'zh-CN'));
    list.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}

/** Which child types each org type may have. */
export const CHILD_TYPES: Record<Org['type'], Org['type'][]> = {
  district: ['industry', 'street', 'branch', 'station'],
  industry: ['branch', 'station'],
  street: ['branch', 'station'],
  branch: [],
  station: [],
};
