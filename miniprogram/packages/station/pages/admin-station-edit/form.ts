// The station editor's form, the checks made before sending, and the request it
// becomes. The server validates everything again (overlapping hours, content
// check of what riders will read, photos) and its message is shown in the form.
import type {
  Facility,
  SaveStationRequest,
  ServiceCategory,
  StationAdminView,
  StationKind,
} from '../../../../../typings/station';
import { displayUrl } from '../../../../services/files';
import { FACILITIES, SERVICE_CATEGORIES, SERVICE_LABELS } from '../../utils/labels';

export interface PeriodForm {
  /** Stable key for wx:key while periods are added and removed. */
  key: string;
  from: string;
  to: string;
}

export interface HoursForm {
  allDay: boolean;
  periods: PeriodForm[];
  nightAccess: boolean;
}

export interface PhotoForm {
  fileId: string;
  url: string;
}

export interface StationForm {
  /** Empty when creating. */
  id: string;
  parentId: string;
  parentName: string;
  name: string;
  kind: StationKind;
  number: string;
  address: string;
  /** gcj02, from wx.chooseLocation; null until chosen. */
  location: { lat: number; lng: number } | null;
  /** In the catalogue's order (FACILITIES). */
  facilities: Facility[];
  /** Per category, the items as typed: separated by commas, 顿号 or spaces. */
  services: Record<ServiceCategory, string>;
  hours: HoursForm;
  phone: string;
  managerName: string;
  managerPhone: string;
  note: string;
  photos: PhotoForm[];
}

export const MAX_PHOTOS = 6;
export const MAX_PERIODS = 4;

let seq = 0;
export const newPeriod = (from = '09:00', to = '21:00'): PeriodForm => ({ key: `p${++seq}`, from, to });

const noServices = () => Object.fromEntries(SERVICE_CATEGORIES.map((c) => [c, ''])) as Record<ServiceCategory, string>;

export function emptyStationForm(parent?: { id: string; name: string }): StationForm {
  return {
    id: '',
    parentId: parent?.id ?? '',
    parentName: parent?.name ?? '',
    name: '',
    kind: 'station',
    number: '',
    address: '',
    location: null,
    facilities: ['water', 'charging', 'rest'],
    services: noServices(),
    hours: { allDay: false, periods: [newPeriod()], nightAccess: false },
    phone: '',
    managerName: '',
    managerPhone: '',
    note: '',
    photos: [],
  };
}

export function stationForm(s: StationAdminView): StationForm {
  const services = noServices();
  for (const x of s.services) services[x.category] = x.items.join('、');
  return {
    id: s.id,
    parentId: s.parentId,
    parentName: s.parentName,
    name: s.name,
    kind: s.kind,
    number: s.number,
    address: s.address,
    location: s.location,
    facilities: FACILITIES.filter((f) => s.facilities.includes(f)),
    services,
    hours: {
      allDay: s.hours.allDay,
      periods: s.hours.periods.map((p) => newPeriod(p.from, p.to)),
      nightAccess: s.hours.nightAccess,
    },
    phone: s.phone,
    managerName: s.manager.name,
    managerPhone: s.manager.phone,
    note: s.note,
    photos: s.photos.map((fileId) => ({ fileId, url: displayUrl(fileId) })),
  };
}

/** "免费饮水、手机充电, 休息" → ["免费饮水", "手机充电", "休息"] (repeats dropped). */
export function parseItems(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,，、;；\s]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

/** What wx.chooseLocation picked, as an address line: the address, and the place's name when it adds something. */
export function addressOf(picked: { name?: string; address?: string }): string {
  const address = (picked.address ?? '').trim();
  const name = (picked.name ?? '').trim();
  const line = name && !address.includes(name) ? `${address} ${name}`.trim() : address || name;
  return [...line].slice(0, 120).join('');
}

const chars = (s: string) => [...s.trim()].length;
const PHONE = /^[0-9-]{7,20}$/;

/** The first obvious problem, or null. */
export function checkStationForm(f: StationForm): string | null {
  if (!f.parentId) return '请选择上级组织';
  if (chars(f.name) < 2 || chars(f.name) > 40) return '请填写驿站名称（2–40 字）';
  if (!chars(f.number) || chars(f.number) > 20) return '请填写编号（如 YZ-01，不超过 20 字）';
  if (!f.location) return '请点「在地图上选点」选择驿站位置';
  if (chars(f.address) < 4) return '请填写地址（至少 4 个字）';
  for (const c of SERVICE_CATEGORIES) {
    const items = parseItems(f.services[c]);
    if (items.length > 20) return `「${SERVICE_LABELS[c]}」服务最多 20 项`;
    if (items.some((i) => chars(i) > 20)) return `「${SERVICE_LABELS[c]}」服务的每一项不超过 20 个字`;
  }
  if (!f.hours.allDay) {
    if (!f.hours.periods.length) return '请添加开放时间段，或打开「全天开放」';
    const same = f.hours.periods.findIndex((p) => p.from === p.to);
    if (same >= 0) return `第 ${same + 1} 个时间段的开始和结束不能相同`;
  }
  if (f.phone.trim() && !PHONE.test(f.phone.trim())) return '驿站电话格式不正确（数字和短横线，7–20 位）';
  if (!chars(f.managerName)) return '请填写负责人';
  if (!PHONE.test(f.managerPhone.trim())) return '请填写负责人电话（数字和短横线，7–20 位）';
  return null;
}

export function toSaveStation(f: StationForm): SaveStationRequest {
  return {
    ...(f.id ? { id: f.id } : {}),
    parentId: f.parentId,
    name: f.name.trim(),
    kind: f.kind,
    number: f.number.trim(),
    address: f.address.trim(),
    location: f.location!,
    photos: f.photos.map((p) => p.fileId),
    facilities: FACILITIES.filter((x) => f.facilities.includes(x)),
    services: SERVICE_CATEGORIES.flatMap((category) => {
      const items = parseItems(f.services[category]);
      return items.length ? [{ category, items }] : [];
    }),
    hours: {
      allDay: f.hours.allDay,
      periods: f.hours.allDay ? [] : f.hours.periods.map((p) => ({ from: p.from, to: p.to })),
      nightAccess: f.hours.nightAccess,
    },
    // An empty phone is no phone (the server takes a phone or nothing).
    ...(f.phone.trim() ? { phone: f.phone.trim() } : {}),
    manager: { name: f.managerName.trim(), phone: f.managerPhone.trim() },
    note: f.note.trim(),
  };
}
