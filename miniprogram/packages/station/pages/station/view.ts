// What the station page shows of a station (pure).
import type { StationDetail } from '../../../../../typings/station';
import type { TagTheme } from '../../../../config/labels';
import { displayUrl } from '../../../../services/files';
import { formatDate } from '../../../../utils/format';
import { hoursText, OPEN_STATE_LABELS, OPEN_STATE_THEMES } from '../../../../utils/station';
import { FACILITIES, FACILITY_ICONS, FACILITY_LABELS, KIND_LABELS, serviceGroups } from '../../utils/labels';

export interface StationView {
  id: string;
  name: string;
  kindLabel: string;
  number: string;
  parentName: string;
  address: string;
  location: { lat: number; lng: number };
  openLabel: string;
  openTheme: TagTheme;
  hoursText: string;
  photos: string[];
  facilities: { key: string; label: string; icon: string }[];
  services: ReturnType<typeof serviceGroups>;
  phone: string;
  managerName: string;
  managerPhone: string;
  note: string;
  /** "信息核实于 2026-11-05", or that it has not been checked on site. */
  verifiedText: string;
}

export function toView(s: StationDetail): StationView {
  return {
    id: s.id,
    name: s.name,
    kindLabel: KIND_LABELS[s.kind],
    number: s.number,
    parentName: s.parentName,
    address: s.address,
    location: s.location,
    openLabel: OPEN_STATE_LABELS[s.openState],
    openTheme: OPEN_STATE_THEMES[s.openState],
    hoursText: hoursText(s.hours),
    photos: s.photos.map(displayUrl),
    // In the catalogue's order, whatever order they were saved in.
    facilities: FACILITIES.filter((f) => s.facilities.includes(f)).map((f) => ({
      key: f,
      label: FACILITY_LABELS[f],
      icon: FACILITY_ICONS[f],
    })),
    services: serviceGroups(s.services),
    phone: s.phone,
    managerName: s.manager.name,
    managerPhone: s.manager.phone,
    note: s.note,
    verifiedText: s.verifiedAt ? `信息核实于 ${formatDate(s.verifiedAt)}` : '信息尚未现场核实',
  };
}
