// Geospatial queries on GeoJSON Points, as MongoDB's 2dsphere answers them
// (what db.command.geoNear / geoWithin / geoIntersects and the $geoNear stage
// send), in S2 geometry as MongoDB computes them, from s2js (a port of Go's S2):
// distances are S2 angles on a sphere of radius 6378.1 km; query shapes are S2
// polygons (geodesic edges, holes), polylines and caps, their rings checked and
// normalized as MongoDB's parser does; a stored point matches a shape its S2 leaf
// cell meets (edges and vertices count), as in MongoDB. Stored geometries other
// than Points, legacy coordinate pairs in a query and polygons spanning a
// hemisphere are EMULATOR_UNSUPPORTED.
import { s2 } from 's2js';
import { unsupported } from '../../core/errors';

/** MongoDB's kRadiusOfEarthInMeters. */
export const EARTH_RADIUS_M = 6378.1 * 1000;

export type GeoPoint = s2.Point;
type Test = (p: GeoPoint) => boolean;
type Geometry = { type: string; coordinates: unknown };

export class GeoError extends Error {}

/** `[lng, lat]` as S2 builds it (S2LatLng::FromDegrees(lat, lng).ToPoint()). */
function lngLat(v: unknown, what: string): GeoPoint {
  if (!Array.isArray(v) || v.length < 2 || typeof v[0] !== 'number' || typeof v[1] !== 'number') {
    throw new GeoError(`${what}: expected [longitude, latitude]`);
  }
  const [lng, lat] = v as [number, number];
  if (lng < -180 || lng > 180 || lat < -90 || lat > 90) {
    throw new GeoError(`${what}: longitude/latitude is out of bounds, lng: ${lng} lat: ${lat}`);
  }
  return s2.Point.fromLatLng(s2.LatLng.fromDegrees(lat, lng));
}

const isGeometry = (v: unknown): v is Geometry =>
  !!v && typeof v === 'object' && typeof (v as { type?: unknown }).type === 'string' && 'coordinates' in v;

/** The query's GeoJSON Point (a legacy pair is not emulated). */
export function queryPoint(v: unknown, what: string): GeoPoint {
  if (Array.isArray(v)) throw unsupported(`legacy coordinate pairs in ${what} (send a GeoJSON Point)`);
  if (!isGeometry(v) || v.type !== 'Point') throw new GeoError(`${what} must be a GeoJSON Point`);
  return lngLat(v.coordinates, what);
}

/** A stored value as a point, or null when it is not a geometry (such documents never match). */
export function storedPoint(v: unknown, field: string): GeoPoint | null {
  if (!isGeometry(v)) return null;
  if (v.type !== 'Point') throw unsupported(`geospatial queries on stored ${v.type} values (field ${field})`);
  return lngLat(v.coordinates, field);
}

export const distanceMeters = (a: GeoPoint, b: GeoPoint) => a.distance(b) * EARTH_RADIUS_M;

const leafCell = (p: GeoPoint) => s2.Cell.fromPoint(p);

/** Consecutive repeats dropped, as MongoDB's eraseDuplicatePoints does. */
const withoutRepeats = (pts: GeoPoint[]) => pts.filter((p, i) => i === 0 || !p.equals(pts[i - 1]!));

/** Why a loop is not a valid S2 loop (duplicate vertices, crossing edges…), or null. */
function loopError(loop: s2.Loop): string | null {
  const vs = loop.vertices;
  const n = vs.length;
  const seen = new Map<string, number>();
  for (const [i, v] of vs.entries()) {
    const key = `${v.vector.x},${v.vector.y},${v.vector.z}`;
    if (seen.has(key)) return `Duplicate vertices: ${seen.get(key)} and ${i}`;
    seen.set(key, i);
  }
  const invalid = loop.validate();
  if (invalid) return invalid.message;
  // Crossing edges: a sweep over the edges' S2 bounds by latitude, then S2's crossing test.
  const edges = vs
    .map((v, i) => {
      const line = new s2.Polyline([v, vs[(i + 1) % n]!]);
      return { i, line, bound: line.rectBound() };
    })
    .sort((a, b) => a.bound.lat.lo - b.bound.lat.lo);
  for (const [k, a] of edges.entries()) {
    for (let m = k + 1; m < n && edges[m]!.bound.lat.lo <= a.bound.lat.hi; m++) {
      const b = edges[m]!;
      const gap = Math.abs(a.i - b.i);
      if (gap === 1 || gap === n - 1 || !a.bound.intersects(b.bound) || !a.line.intersects(b.line)) continue;
      return `Edges ${Math.min(a.i, b.i)} and ${Math.max(a.i, b.i)} cross`;
    }
  }
  return null;
}

/** A closed GeoJSON ring as a normalized S2 loop (the smaller side), as MongoDB parses it. */
function ringLoop(ring: unknown, what: string): s2.Loop {
  if (!Array.isArray(ring) || ring.length < 4) throw new GeoError(`${what}: a ring needs 4 points or more`);
  const pts = ring.map((p) => lngLat(p, what));
  if (!pts[0]!.equals(pts[pts.length - 1]!)) {
    throw new GeoError(`${what}: Loop is not closed, first vertex does not equal last vertex`);
  }
  // Only rings inside the open hemisphere around their vertices' mean are emulated:
  // there, the side MongoDB takes (the smaller) is the one the ring visibly encloses.
  const sum = pts.map((p) => p.vector).reduce((a, v) => a.add(v));
  const c = sum.normalize();
  if (sum.norm() < 1e-12 || pts.some((p) => p.vector.dot(c) <= 1e-12)) {
    throw unsupported('polygons spanning a hemisphere or more');
  }
  const vs = withoutRepeats(pts).slice(0, -1);
  if (vs.length < 3) {
    throw new GeoError(
      `${what}: Loop must have at least 3 different vertices, ${vs.length} unique vertices were provided`,
    );
  }
  const loop = new s2.Loop(vs);
  const err = loopError(loop);
  if (err) throw new GeoError(`${what}: Loop is not valid: ${err}`);
  loop.normalize();
  return loop;
}

/** A GeoJSON polygon's rings as one S2 polygon: the first ring the shell, the others its holes. */
function polygon(rings: unknown, what: string): s2.Polygon {
  if (!Array.isArray(rings) || rings.length === 0) throw new GeoError(`${what}: a polygon needs rings`);
  const [shell, ...holes] = rings.map((r) => ringLoop(r, what));
  if (holes.some((h) => !shell!.contains(h))) {
    throw new GeoError(`${what}: Secondary loops not contained by first exterior loop - secondary loops must be holes`);
  }
  const poly = new s2.Polygon([shell!, ...holes]);
  const invalid = poly.validate();
  if (invalid) throw new GeoError(`${what}: Polygon isn't valid: ${invalid.message}`);
  if (poly.loops.some((l) => l.depth > 1)) throw new GeoError(`${what}: Polygon interior loops cannot be nested`);
  return poly;
}

/** Polygon or MultiPolygon as S2 polygons; other shapes are not emulated here. */
function polygons(geometry: unknown, what: string, op: string): s2.Polygon[] {
  if (!isGeometry(geometry)) throw new GeoError(`${what} must be a GeoJSON geometry`);
  if (geometry.type === 'Polygon') return [polygon(geometry.coordinates, what)];
  if (geometry.type === 'MultiPolygon' && Array.isArray(geometry.coordinates)) {
    return geometry.coordinates.map((rings) => polygon(rings, what));
  }
  const emulated = op === '$geoWithin' ? 'Polygon and MultiPolygon' : 'Points, lines and polygons';
  throw unsupported(`${op} with a ${geometry.type} (${emulated} are emulated)`);
}

/** MongoDB's containsPoint: the polygon contains the point, or meets its leaf cell (edges, vertices). */
const polygonsTest =
  (polys: s2.Polygon[]): Test =>
  (p) => {
    if (polys.some((poly) => poly.containsPoint(p))) return true;
    const cell = leafCell(p);
    return polys.some((poly) => poly.intersectsCell(cell));
  };

/** `$geoWithin: { $geometry }` (Polygon, MultiPolygon). */
export function withinPolygons(geometry: unknown, what: string): Test {
  return polygonsTest(polygons(geometry, what, '$geoWithin'));
}

/** `$geoWithin: { $centerSphere: [center, radians] }`: the S2 cap holds the point or meets its leaf cell. */
export function withinCenterSphere(spec: unknown): Test {
  if (!Array.isArray(spec) || spec.length !== 2 || typeof spec[1] !== 'number' || spec[1] < 0) {
    throw new GeoError('$centerSphere takes [ [ longitude, latitude ], radius in radians ]');
  }
  const center = queryPoint({ type: 'Point', coordinates: spec[0] }, '$centerSphere');
  const cap = s2.Cap.fromCenterAngle(center, spec[1]);
  return (p) => cap.containsPoint(p) || cap.intersectsCell(leafCell(p));
}

/** GeoJSON positions as S2 points, consecutive repeats dropped. */
function positions(v: unknown, what: string): GeoPoint[] {
  if (!Array.isArray(v)) throw new GeoError(`${what}: expected an array of [longitude, latitude]`);
  return withoutRepeats(v.map((p) => lngLat(p, what)));
}

function polyline(v: unknown, what: string): s2.Polyline {
  const pts = positions(v, what);
  if (pts.length < 2) throw new GeoError(`${what}: GeoJSON LineString must have at least 2 vertices`);
  const line = new s2.Polyline(pts);
  const invalid = line.validate();
  if (invalid) throw new GeoError(`${what}: GeoJSON LineString is not valid: ${invalid.message}`);
  return line;
}

/** `$geoIntersects` of a stored point with the query geometry: its leaf cell meets the geometry. */
export function intersects(geometry: unknown, what: string): Test {
  if (isGeometry(geometry) && (geometry.type === 'Point' || geometry.type === 'MultiPoint')) {
    const pts =
      geometry.type === 'Point' ? [lngLat(geometry.coordinates, what)] : positions(geometry.coordinates, what);
    if (pts.length === 0) throw new GeoError(`${what}: MultiPoint coordinates must have at least 1 element`);
    const cells = new Set(pts.map((q) => leafCell(q).id));
    return (p) => cells.has(leafCell(p).id);
  }
  if (isGeometry(geometry) && (geometry.type === 'LineString' || geometry.type === 'MultiLineString')) {
    const coords = geometry.coordinates;
    if (geometry.type === 'MultiLineString' && !Array.isArray(coords)) {
      throw new GeoError(`${what}: MultiLineString coordinates must be an array`);
    }
    const lines =
      geometry.type === 'LineString' ? [polyline(coords, what)] : (coords as unknown[]).map((c) => polyline(c, what));
    return (p) => lines.some((line) => line.intersectsCell(leafCell(p)));
  }
  return polygonsTest(polygons(geometry, what, '$geoIntersects'));
}
