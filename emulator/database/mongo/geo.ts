// Geospatial queries on GeoJSON Points, as MongoDB's 2dsphere answers them
// (what db.command.geoNear / geoWithin / geoIntersects and the $geoNear stage
// send): distances on a sphere of radius 6378.1 km computed the way S2 does, so
// they agree with MongoDB to the last digit; polygon edges are great-circle arcs
// (tested in the gnomonic projection around the ring, where they are straight).
// Stored geometries other than Points, legacy coordinate pairs in a query and
// polygons spanning a hemisphere are EMULATOR_UNSUPPORTED.
import { unsupported } from '../../core/errors';

/** MongoDB's kRadiusOfEarthInMeters. */
export const EARTH_RADIUS_M = 6378.1 * 1000;
const RAD = Math.PI / 180;

type Vec = [number, number, number];
type LngLat = [number, number];

export class GeoError extends Error {}

function lngLat(v: unknown, what: string): LngLat {
  if (!Array.isArray(v) || v.length < 2 || typeof v[0] !== 'number' || typeof v[1] !== 'number') {
    throw new GeoError(`${what}: expected [longitude, latitude]`);
  }
  const [lng, lat] = v as LngLat;
  if (lng < -180 || lng > 180 || lat < -90 || lat > 90) {
    throw new GeoError(`${what}: longitude/latitude is out of bounds, lng: ${lng} lat: ${lat}`);
  }
  return [lng, lat];
}

const isGeometry = (v: unknown): v is { type: string; coordinates: unknown } =>
  !!v && typeof v === 'object' && typeof (v as { type?: unknown }).type === 'string' && 'coordinates' in v;

/** The query's GeoJSON Point (a legacy pair is not emulated). */
export function queryPoint(v: unknown, what: string): LngLat {
  if (Array.isArray(v)) throw unsupported(`legacy coordinate pairs in ${what} (send a GeoJSON Point)`);
  if (!isGeometry(v) || v.type !== 'Point') throw new GeoError(`${what} must be a GeoJSON Point`);
  return lngLat(v.coordinates, what);
}

/** A stored value as a point, or null when it is not a geometry (such documents never match). */
export function storedPoint(v: unknown, field: string): LngLat | null {
  if (!isGeometry(v)) return null;
  if (v.type !== 'Point') throw unsupported(`geospatial queries on stored ${v.type} values (field ${field})`);
  return lngLat(v.coordinates, field);
}

function toVec([lng, lat]: LngLat): Vec {
  const phi = lat * RAD;
  const theta = lng * RAD;
  const c = Math.cos(phi);
  return [Math.cos(theta) * c, Math.sin(theta) * c, Math.sin(phi)];
}

const dot = (a: Vec, b: Vec) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: Vec, b: Vec): Vec => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
const norm = (a: Vec) => Math.sqrt(dot(a, a));

/** The angle between two points, as S2's Vector3::Angle computes it. */
export function angle(a: LngLat, b: LngLat): number {
  const va = toVec(a);
  const vb = toVec(b);
  return Math.atan2(norm(cross(va, vb)), dot(va, vb));
}

export const distanceMeters = (a: LngLat, b: LngLat) => angle(a, b) * EARTH_RADIUS_M;

/** Rings of a Polygon, or of each polygon of a MultiPolygon. */
function polygons(geometry: unknown, what: string): LngLat[][][] {
  if (!isGeometry(geometry)) throw new GeoError(`${what} must be a GeoJSON geometry`);
  const rings = (poly: unknown) => {
    if (!Array.isArray(poly) || poly.length === 0) throw new GeoError(`${what}: a polygon needs rings`);
    return poly.map((ring: unknown) => {
      if (!Array.isArray(ring) || ring.length < 4) throw new GeoError(`${what}: a ring needs 4 points or more`);
      return ring.map((p) => lngLat(p, what));
    });
  };
  if (geometry.type === 'Polygon') return [rings(geometry.coordinates)];
  if (geometry.type === 'MultiPolygon' && Array.isArray(geometry.coordinates)) return geometry.coordinates.map(rings);
  throw unsupported(`$geoWithin / $geoIntersects with a ${geometry.type} (Polygon and MultiPolygon are emulated)`);
}

/**
 * Whether the ring encloses `p`, its edges being great-circle arcs: ray casting in
 * the gnomonic projection around the ring's centre, where great circles are lines.
 */
function ringContains(ring: LngLat[], p: LngLat): boolean {
  const vs = ring.map(toVec);
  const sum = vs.reduce<Vec>((a, v) => [a[0] + v[0], a[1] + v[1], a[2] + v[2]], [0, 0, 0]);
  const n = norm(sum);
  if (n < 1e-12) throw unsupported('polygons spanning a hemisphere or more');
  const c: Vec = [sum[0] / n, sum[1] / n, sum[2] / n];
  if (vs.some((v) => dot(v, c) <= 1e-12)) throw unsupported('polygons spanning a hemisphere or more');
  const pv = toVec(p);
  // The ring lies in the open hemisphere around c: a point outside it is outside the ring.
  if (dot(pv, c) <= 1e-12) return false;
  const up: Vec = Math.abs(c[2]) < 0.9 ? [0, 0, 1] : [1, 0, 0];
  const e1 = cross(up, c);
  const n1 = norm(e1);
  const u: Vec = [e1[0] / n1, e1[1] / n1, e1[2] / n1];
  const w = cross(c, u);
  const project = (v: Vec) => [dot(v, u) / dot(v, c), dot(v, w) / dot(v, c)] as const;
  const [px, py] = project(pv);
  const xy = vs.map(project);
  let inside = false;
  for (let i = 0, j = xy.length - 1; i < xy.length; j = i++) {
    const [xi, yi] = xy[i]!;
    const [xj, yj] = xy[j]!;
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside the outer ring and outside every hole, of any polygon. */
export function withinPolygons(geometry: unknown, what: string): (p: LngLat) => boolean {
  const polys = polygons(geometry, what);
  return (p) => polys.some(([outer, ...holes]) => ringContains(outer!, p) && !holes.some((h) => ringContains(h, p)));
}

/** `$geoIntersects` of a stored point with the query geometry. */
export function intersects(geometry: unknown, what: string): (p: LngLat) => boolean {
  if (isGeometry(geometry) && geometry.type === 'Point') {
    const q = lngLat(geometry.coordinates, what);
    return (p) => p[0] === q[0] && p[1] === q[1];
  }
  return withinPolygons(geometry, what);
}
