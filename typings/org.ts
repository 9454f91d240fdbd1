/**
 * The organisation tree: district committee → industry committees and streets →
 * branches (including 流动党支部) and service stations (党群服务驿站).
 */
export type OrgType = 'district' | 'industry' | 'street' | 'branch' | 'station';

export interface GeoPoint {
  lat: number;
  lng: number;
}

export interface StationInfo {
  address: string;
  location?: GeoPoint;
  /** e.g. "09:00-21:00". */
  openingHours: string;
  /** e.g. 充电, 饮水, 休息, 如厕, 应急药箱. */
  services: string[];
  /** Fictional in seeds. */
  phone?: string;
}

export interface Org {
  id: string;
  name: string;
  type: OrgType;
  parentId: string | null;
  /** Ids from the root down to the parent. */
  ancestors: string[];
  station?: StationInfo;
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
  station?: StationInfo;
  sort?: number;
}
