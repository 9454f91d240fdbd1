// How stored station records are shown (pure).
import type { StationAdminView, StationDetail, StationSummary } from '../../../typings/station';
import type { StationDoc } from '../store/stations';
import { openState } from './hours';

export function toSummary(d: StationDoc, now: Date, distanceM: number | null, parentName: string): StationSummary {
  return {
    id: d._id,
    name: d.name,
    kind: d.kind,
    number: d.number,
    address: d.address,
    location: d.location,
    facilities: d.facilities,
    services: d.services,
    hours: d.hours,
    openState: openState(d.hours, now),
    parentName,
    distanceM: distanceM === null ? null : Math.round(distanceM),
  };
}

export function toDetail(d: StationDoc, now: Date, distanceM: number | null, parentName: string): StationDetail {
  return {
    ...toSummary(d, now, distanceM, parentName),
    photos: d.photos,
    phone: d.phone,
    manager: d.manager,
    verifiedAt: d.verifiedAt ? new Date(d.verifiedAt).toISOString() : null,
    note: d.note,
  };
}

export function toAdminView(d: StationDoc, now: Date, parentName: string): StationAdminView {
  return {
    ...toDetail(d, now, null, parentName),
    parentId: d.parentId,
    updatedAt: new Date(d.updatedAt).toISOString(),
  };
}
