/**
 * The organisation tree: district committee → industry committees and streets →
 * branches (including 流动党支部) and service stations (党群服务驿站; their details are
 * station records, typings/station.ts).
 */
export type OrgType = 'district' | 'industry' | 'street' | 'branch' | 'station';

export interface GeoPoint {
  lat: number;
  lng: number;
}

export interface Org {
  id: string;
  name: string;
  type: OrgType;
  parentId: string | null;
  /** Ids from the root down to the parent. */
  ancestors: string[];
  sort: number;
}

export interface OrgNode extends Org {
  children: OrgNode[];
}

export interface SaveOrgRequest {
  id?: string;
  name: string;
  type: OrgType;
  parentId: string | null;
  sort?: number;
}
