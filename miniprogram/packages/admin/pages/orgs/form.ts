// The add/edit form of the org page and the request it becomes.
import type { GeoPoint, OrgType, SaveOrgRequest } from '../../../../../typings/org';
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
  address: string;
  openingHours: string;
  /** Comma-separated in the form, a list on the wire. */
  services: string;
  /** Kept as they were when editing (the form does not edit them). */
  sort: number;
  location: GeoPoint | null;
  phone: string;
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
    address: '',
    openingHours: '',
    services: '',
    sort: 0,
    location: null,
    phone: '',
  };
}

/** A new top-level district (superadmins only). */
export function districtForm(): OrgForm {
  return { ...closedForm(), visible: true, type: 'district', typeChoices: choices(['district']) };
}

export function childForm(parent: OrgItem): OrgForm {
  const allowed = CHILD_ORG_TYPES[parent.type];
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
    address: org.station?.address ?? '',
    openingHours: org.station?.openingHours ?? '',
    services: org.station?.services.join('，') ?? '',
    sort: org.sort,
    location: org.station?.location ?? null,
    phone: org.station?.phone ?? '',
  };
}

export function parseServices(text: string): string[] {
  return text
    .split(/[,，、;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The first obvious problem, or null (the server checks everything again). */
export function checkOrgForm(f: OrgForm): string | null {
  if (f.name.trim().length < 2) return '请填写组织名称（至少 2 个字）';
  if (f.type === 'station') {
    if (f.address.trim().length < 2) return '请填写驿站地址';
    if (!f.openingHours.trim()) return '请填写开放时间';
  }
  return null;
}

export function toSaveRequest(f: OrgForm): SaveOrgRequest {
  const station =
    f.type === 'station'
      ? {
          address: f.address.trim(),
          openingHours: f.openingHours.trim(),
          services: parseServices(f.services),
          ...(f.location ? { location: f.location } : {}),
          ...(f.phone ? { phone: f.phone } : {}),
        }
      : undefined;
  return {
    ...(f.id ? { id: f.id, sort: f.sort } : {}),
    name: f.name.trim(),
    type: f.type,
    parentId: f.parentId,
    ...(station ? { station } : {}),
  };
}
