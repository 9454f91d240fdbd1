// The stations collection: each service station's record (_id = its org's id),
// with its location as a GeoJSON point under a 2dsphere index, so "nearest first"
// is one $geoNear on the database. The org tree position (name, parent) lives in
// the orgs collection; a station's create, rename and delete write both together.
import type { Facility, OpeningHours, ServiceCategory, StationKind, StationService } from '../../../typings/station';
import { COLLECTIONS } from '../../_shared/collections';
import { cmd, collection, containsText, db, findDocs, getDoc, inTransaction, rowsOf } from '../../_shared/db';
import { notFound } from '../../_shared/errors';
import { createOrgIn, type OrgFields, removeOrgIn, renameOrgIn } from '../../_shared/stores/orgs';

/** What the SDK hands back for a stored point: its Point class, or GeoJSON (aggregates). */
type StoredPoint = { latitude: number; longitude: number } | { type: 'Point'; coordinates: [number, number] };

export interface StationDoc {
  _id: string;
  name: string;
  kind: StationKind;
  number: string;
  parentId: string;
  /** The org ids above it and itself: admin scope is one query. */
  orgPath: string[];
  address: string;
  /** gcj02; stored as a GeoJSON point under the 2dsphere index. */
  location: { lat: number; lng: number };
  photos: string[];
  facilities: Facility[];
  services: StationService[];
  hours: OpeningHours;
  phone: string;
  manager: { name: string; phone: string };
  note: string;
  sort: number;
  verifiedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export type StationFields = Omit<StationDoc, '_id' | 'orgPath' | 'createdAt' | 'updatedAt'>;

function latLng(p: StoredPoint): { lat: number; lng: number } {
  return 'coordinates' in p ? { lat: p.coordinates[1], lng: p.coordinates[0] } : { lat: p.latitude, lng: p.longitude };
}

/** A record as read: its point as lat/lng, whatever shape the SDK gave it. */
function read<T extends { location: unknown }>(
  raw: T,
): Omit<T, 'location'> & { location: { lat: number; lng: number } } {
  return { ...raw, location: latLng(raw.location as StoredPoint) };
}

/** What narrows a listing. */
export interface StationFilter {
  service?: ServiceCategory;
  facility?: Facility;
  /** Under one of these orgs (null = anywhere). */
  orgIds?: string[] | null;
  keyword?: string;
}

/** Every station a listing may show is at most this many (districts have tens to a few hundred). */
export const MAX_STATIONS = 1000;

const stations = () => collection(COLLECTIONS.stations);

function point(p: { lat: number; lng: number }): unknown {
  return new (db().Geo.Point)(p.lng, p.lat);
}

function where(f: StationFilter): Record<string, unknown> {
  const _ = cmd();
  const w: Record<string, unknown> = {};
  if (f.service) w['services.category'] = f.service;
  if (f.facility) w.facilities = f.facility;
  if (f.orgIds) w.orgPath = _.in(f.orgIds);
  if (f.keyword) w.name = containsText(f.keyword);
  return w;
}

export async function findStation(id: string): Promise<StationDoc | null> {
  const raw = await getDoc<StationDoc>(COLLECTIONS.stations, id);
  return raw ? (read(raw) as StationDoc) : null;
}

export async function requireStation(id: string): Promise<StationDoc> {
  const s = await findStation(id);
  if (!s) throw notFound('驿站');
  return s;
}

/** Stations within `radiusM` of a point, nearest first, with their distance in metres. */
export async function stationsNear(
  at: { lat: number; lng: number },
  radiusM: number,
  f: StationFilter,
): Promise<{ doc: StationDoc; distanceM: number }[]> {
  const res = await stations()
    .aggregate()
    .geoNear({
      near: point(at),
      spherical: true,
      key: 'location',
      distanceField: 'distanceM',
      maxDistance: radiusM,
      query: where(f),
    })
    .limit(MAX_STATIONS)
    .end();
  return rowsOf<StationDoc & { distanceM: number }>(res).map(({ distanceM, ...doc }) => ({
    doc: read(doc) as StationDoc,
    distanceM,
  }));
}

/** The distance from a point to one station (metres), by the database's own geo math. */
export async function distanceTo(id: string, at: { lat: number; lng: number }): Promise<number | null> {
  const res = await stations()
    .aggregate()
    .geoNear({ near: point(at), spherical: true, key: 'location', distanceField: 'distanceM', query: { _id: id } })
    .limit(1)
    .end();
  return rowsOf<{ distanceM: number }>(res)[0]?.distanceM ?? null;
}

/** Stations matching the filter, in no particular order (the caller sorts). */
export async function listStations(f: StationFilter): Promise<StationDoc[]> {
  return (await findDocs<StationDoc>(COLLECTIONS.stations, where(f), MAX_STATIONS)).map((d) => read(d) as StationDoc);
}

function stored(f: StationFields, orgPath: string[], now: Date) {
  const { location, ...rest } = f;
  return { ...rest, orgPath, location: point(location), updatedAt: now };
}

/** A new station: its org (in the tree) and its record, in one transaction. */
export async function createStation(
  id: string,
  f: StationFields,
  parent: { parentId: string; ancestors: string[] },
  now: Date,
): Promise<StationDoc> {
  const orgFields: OrgFields = { name: f.name, type: 'station', sort: f.sort };
  const doc = { _id: id, ...stored(f, [...parent.ancestors, id], now), createdAt: now };
  await inTransaction(async (t) => {
    await createOrgIn(t, id, orgFields, parent, now);
    await t.collection(COLLECTIONS.stations).add(doc);
  });
  return (await findStation(id))!;
}

/** Changes a station's record, and its name and order in the tree, together. */
export async function updateStation(existing: StationDoc, f: StationFields, now: Date): Promise<StationDoc> {
  const _ = cmd();
  const next = stored(f, existing.orgPath, now);
  await inTransaction(async (t) => {
    await t
      .collection(COLLECTIONS.stations)
      .doc(existing._id)
      .update({
        ...next,
        location: _.set(next.location),
        photos: _.set(next.photos),
        facilities: _.set(next.facilities),
        services: _.set(next.services),
        hours: _.set(next.hours),
        manager: _.set(next.manager),
      });
    await renameOrgIn(t, existing._id, { name: f.name, sort: f.sort }, now);
  });
  return (await findStation(existing._id))!;
}

export async function markVerified(id: string, now: Date): Promise<void> {
  await stations().doc(id).update({ verifiedAt: now, updatedAt: now });
}

/** Removes the record and its org together. */
export async function deleteStation(id: string): Promise<void> {
  await inTransaction(async (t) => {
    await t.collection(COLLECTIONS.stations).doc(id).remove();
    await removeOrgIn(t, id);
  });
}
