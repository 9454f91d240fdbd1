// The add/edit form of the org page and the request it becomes. Service stations
// are orgs of the tree too, but they are created and edited with their station
// record in 驿站管理 (the station subpackage), so this form never offers them.
import type { OrgType, SaveOrgRequest } from '../../../../../typings/org';
import { CHILD_ORG_TYPES, ORG_TYPE_LABELS } from '../../../../config/labels';
import type { OrgItem } from './tree';

export interface OrgForm {
  visible: boolean;
  /** Empty when adding. */
  id: string;
  parentId: string | null;
  /** Shown as "上级：…". */
  parentName: string;
  name: string;
  type: OrgType;
  typeChoices: { value: OrgType; label: string }[];
  /** Kept as it was when editing (the form does not edit it). */
  sort: number;
}

/** The child types this form may create under `type` (stations are made in 驿站管理). */
export function formChildTypes(type: OrgType): OrgType[] {
  return CHILD_ORG_TYPES[type].filter((t) => t !== 'station');
}

const choices = (types: OrgType[]) => types.map((value) => ({ value, label: ORG_TYPE_LABELS[value] }));

export function closedForm(): OrgForm {
  return {
    visible: false,
    id: '',
    parentId: null,
    parentName: '',
    name: '',
    type: 'district',
    typeChoices: [],
    sort: 0,
  };
}

/** A new top-level district (superadmins only). */
export function districtForm(): OrgForm {
  return { ...closedForm(), visible: true, type: 'district', typeChoices: choices(['district']) };
}

export function childForm(parent: OrgItem): OrgForm {
  const allowed = formChildTypes(parent.type);
  return {
    ...closedForm(),
    visible: true,
    parentId: parent.id,
    parentName: parent.name,
    type: allowed[0] ?? 'branch',
    typeChoices: choices(allowed),
  };
}

export function editForm(org: OrgItem, parentName: string): OrgForm {
  return {
    ...closedForm(),
    visible: true,
    id: org.id,
    parentId: org.parentId,
    parentName,
    name: org.name,
    type: org.type,
    // The type of an existing org cannot change.
    typeChoices: choices([org.type]),
    sort: org.sort,
  };
}

/** The first obvious problem, or null (the server checks everything again). */
export function checkOrgForm(f: OrgForm): string | null {
  if (f.name.trim().length < 2) return '请填写组织名称（至少 2 个字）';
  return null;
}

export function toSaveRequest(f: OrgForm): SaveOrgRequest {
  return {
    ...(f.id ? { id: f.id, sort: f.sort } : {}),
    name: f.name.trim(),
    type: f.type,
    parentId: f.parentId,
  };
}
