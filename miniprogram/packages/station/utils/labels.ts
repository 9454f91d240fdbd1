// Station labels for the station subpackage's worker and organiser pages: kinds,
// the six service categories and the facilities, with the TDesign icon each is
// shown with. Records over the contract's unions: a new member breaks the build
// until it has a label. (What the home page shows — open state, distance, hours —
// is in utils/station.ts of the main package.)
import type { Facility, ServiceCategory, StationKind, StationService } from '../../../../typings/station';

export const KIND_LABELS: Record<StationKind, string> = {
  center: '中心',
  station: '驿站',
  point: '服务点',
};

/** In display order: the centre, its stations, the points. */
export const STATION_KINDS = Object.keys(KIND_LABELS) as StationKind[];

export const SERVICE_LABELS: Record<ServiceCategory, string> = {
  care: '暖心',
  charity: '公益',
  health: '健康',
  safety: '安全',
  legal: '法律',
  government: '政务',
};

export const SERVICE_ICONS: Record<ServiceCategory, string> = {
  care: 'heart',
  charity: 'gift',
  health: 'hospital',
  safety: 'secured',
  legal: 'file-safety',
  government: 'institution',
};

/** The six categories in their order: 暖心 公益 健康 安全 法律 政务. */
export const SERVICE_CATEGORIES = Object.keys(SERVICE_LABELS) as ServiceCategory[];

export const FACILITY_LABELS: Record<Facility, string> = {
  water: '饮水',
  charging: '充电',
  rest: '休息',
  toilet: '如厕',
  microwave: '微波炉',
  first_aid: '药箱',
  wifi: '无线网络',
  umbrella: '雨具',
  air_pump: '打气筒',
  parking: '停车',
};

export const FACILITY_ICONS: Record<Facility, string> = {
  water: 'drink',
  charging: 'battery-charging',
  rest: 'sleep',
  toilet: 'usergroup',
  microwave: 'rice',
  first_aid: 'hospital-1',
  wifi: 'wifi',
  umbrella: 'rain-medium',
  air_pump: 'tools',
  parking: 'location-parking-place',
};

export const FACILITIES = Object.keys(FACILITY_LABELS) as Facility[];

/** A station's services in the six categories' order, each with its label and icon. */
export function serviceGroups(
  services: StationService[],
): { category: ServiceCategory; label: string; icon: string; items: string[] }[] {
  return SERVICE_CATEGORIES.flatMap((category) => {
    const s = services.find((x) => x.category === category);
    return s && s.items.length
      ? [{ category, label: SERVICE_LABELS[category], icon: SERVICE_ICONS[category], items: s.items }]
      : [];
  });
}

/** "暖心、健康、法律": the categories a station serves (顿号: a wrapped line never starts with one). */
export function serviceLine(services: StationService[]): string {
  return serviceGroups(services)
    .map((g) => g.label)
    .join('、');
}
