// The registration org picker's two levels. The district roots are headings, never
// choices: a worker belongs to an industry committee, street, branch or station.
import type { OrgNode } from '../../../../../typings/org';
import { ORG_TYPE_LABELS } from '../../../../config/labels';

export interface OrgChoice {
  id: string;
  name: string;
  typeLabel: string;
  children: OrgChoice[];
}

export interface OrgGroup {
  /** The district's name. */
  heading: string;
  choices: OrgChoice[];
}

function toChoice(n: OrgNode): OrgChoice {
  return { id: n.id, name: n.name, typeLabel: ORG_TYPE_LABELS[n.type], children: n.children.map(toChoice) };
}

export function orgGroups(tree: OrgNode[]): OrgGroup[] {
  return tree
    .filter((root) => root.children.length > 0)
    .map((root) => ({ heading: root.name, choices: root.children.map(toChoice) }));
}
