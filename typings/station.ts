// Service stations (党群服务驿站 / 暖蜂驿站): the "1+6+N" network — one service
// centre, its stations and the many service points — where riders rest, charge,
// drink water and get help, found on a map. A station is an org of type 'station'
// in the org tree; its details (location, hours, services…) are its station record.
import type { ActionSpec, IsoDate, Page, PageRequest } from './common';
import type { GeoPoint } from './org';

/** 中心 (one per district), 驿站, 服务点. */
export type StationKind = 'center' | 'station' | 'point';

/** The six service categories: 暖心 公益 健康 安全 法律 政务. */
export type ServiceCategory = 'care' | 'charity' | 'health' | 'safety' | 'legal' | 'government';

/** What a rider finds there: 饮水 充电 休息 如厕 微波炉 药箱 无线网络 雨具 打气筒 停车. */
export type Facility =
  'water' | 'charging' | 'rest' | 'toilet' | 'microwave' | 'first_aid' | 'wifi' | 'umbrella' | 'air_pump' | 'parking';

/** Beijing-time daily hours, e.g. 09:00–21:00, or 22:00–06:00 across midnight. */
export interface OpeningPeriod {
  from: string;
  to: string;
}

export interface OpeningHours {
  /** Open around the clock. */
  allDay: boolean;
  /** Daily periods ("HH:mm"); ignored when allDay. */
  periods: OpeningPeriod[];
  /** Outside its periods the door opens with a code (扫码开门), e.g. for night rest. */
  nightAccess: boolean;
}

/** open: staffed now; door: outside hours but enterable by door code; closed. */
export type OpenState = 'open' | 'door' | 'closed';

export interface StationService {
  category: ServiceCategory;
  /** e.g. 免费饮水, 手机充电, 法律咨询 (fictional in seeds). */
  items: string[];
}

export interface StationSummary {
  id: string;
  name: string;
  kind: StationKind;
  /** e.g. "BN-01", shown on signs. */
  number: string;
  address: string;
  location: GeoPoint;
  facilities: Facility[];
  services: StationService[];
  hours: OpeningHours;
  openState: OpenState;
  /** The org above it (a street or committee), for the list without location. */
  parentName: string;
  /** Metres from the caller's point; null when no point was given. */
  distanceM: number | null;
}

export interface StationDetail extends StationSummary {
  photos: string[];
  phone: string;
  manager: { name: string; phone: string };
  /** When an organiser last checked the details on site. */
  verifiedAt: IsoDate | null;
  note: string;
}

export interface StationAdminView extends StationDetail {
  parentId: string;
  updatedAt: IsoDate;
}

export interface NearbyStationsRequest extends PageRequest {
  /** The caller's position (gcj02). Without it the list goes by district (parent org, then number). */
  lat?: number;
  lng?: number;
  /** Only within this many metres (with a position; default 20 km, at most 50 km). */
  radiusM?: number;
  service?: ServiceCategory;
  facility?: Facility;
  /** Only stations open (or enterable by door code) now, Beijing time. */
  openNow?: boolean;
}

export interface SaveStationRequest {
  /** Absent: a new station under `parentId`. */
  id?: string;
  parentId: string;
  name: string;
  kind: StationKind;
  number: string;
  address: string;
  location: GeoPoint;
  photos?: string[];
  facilities: Facility[];
  services: StationService[];
  hours: OpeningHours;
  phone?: string;
  manager: { name: string; phone: string };
  note?: string;
  sort?: number;
}

export interface StationApi {
  nearbyStations: ActionSpec<NearbyStationsRequest, Page<StationSummary> & { located: boolean }, 'public'>;
  getStation: ActionSpec<{ id: string; lat?: number; lng?: number }, StationDetail, 'public'>;
  // Admin (scoped to the org sub-tree)
  adminListStations: ActionSpec<{ keyword?: string; orgId?: string } & PageRequest, Page<StationAdminView>, 'admin'>;
  saveStation: ActionSpec<SaveStationRequest, StationAdminView, 'admin'>;
  /** Records that the details were checked on site today. */
  verifyStation: ActionSpec<{ id: string }, StationAdminView, 'admin'>;
  deleteStation: ActionSpec<{ id: string }, { deleted: true }, 'admin'>;
}
