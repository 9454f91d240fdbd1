// The $geoNear aggregation stage (first stage only, as MongoDB requires), on
// GeoJSON Points: documents matching `query` whose `key` point lies within
// [minDistance, maxDistance] meters of `near`, nearest first, with the distance
// (times distanceMultiplier) in `distanceField` and the point in `includeLocs`.
// As in MongoDB it needs a 2dsphere index: without `key` it uses the collection's
// only one (and refuses when there are none or several); a `key` must be indexed.
import { unsupported } from '../../core/errors';
import { compile, matches } from '../query';
import type { Doc } from '../values';
import { getPath } from '../values';
import { distanceMeters, GeoError, queryPoint, storedPoint } from './geo';

const KNOWN = [
  'near',
  'distanceField',
  'spherical',
  'maxDistance',
  'minDistance',
  'query',
  'key',
  'includeLocs',
  'distanceMultiplier',
];

function setPath(doc: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let cur = doc;
  for (const part of parts.slice(0, -1)) {
    if (!cur[part] || typeof cur[part] !== 'object') cur[part] = {};
    cur = cur[part] as Record<string, unknown>;
  }
  cur[parts[parts.length - 1]!] = value;
}

/** The field $geoNear measures: `key`, or the collection's one 2dsphere index. */
function geoKey(spec: Record<string, unknown>, indexed: string[], collection: string): string {
  if (spec.key !== undefined) {
    if (typeof spec.key !== 'string' || !spec.key) throw new GeoError('$geoNear.key must be a field name');
    if (!indexed.includes(spec.key))
      throw new GeoError(`$geoNear: no 2dsphere index on "${spec.key}" in collection ${collection}`);
    return spec.key;
  }
  if (indexed.length === 1) return indexed[0]!;
  throw new GeoError(
    indexed.length
      ? `$geoNear: more than one 2dsphere index in collection ${collection}, pass key`
      : `$geoNear requires a 2d or 2dsphere index, but none were found (collection ${collection})`,
  );
}

export function geoNear(docs: Doc[], raw: unknown, indexed: string[], collection: string): Doc[] {
  const spec = (raw ?? {}) as Record<string, unknown>;
  const extra = Object.keys(spec).filter((k) => !KNOWN.includes(k));
  if (extra.length) throw unsupported(`the $geoNear option ${extra.join(', ')}`);
  if (typeof spec.distanceField !== 'string' || !spec.distanceField) {
    throw new GeoError('$geoNear requires a distanceField');
  }
  if (spec.spherical === false) throw unsupported('$geoNear with spherical: false (planar legacy distances)');
  const near = queryPoint(spec.near, '$geoNear.near');
  const num = (v: unknown, name: string, fallback: number) => {
    if (v === undefined) return fallback;
    if (typeof v !== 'number' || v < 0) throw new GeoError(`$geoNear.${name} must be a non-negative number`);
    return v;
  };
  const min = num(spec.minDistance, 'minDistance', 0);
  const max = num(spec.maxDistance, 'maxDistance', Infinity);
  const multiplier = num(spec.distanceMultiplier, 'distanceMultiplier', 1);
  const query = compile((spec.query ?? {}) as Record<string, unknown>);
  const key = geoKey(spec, indexed, collection);
  const found: { doc: Doc; distance: number; at: unknown }[] = [];
  for (const doc of docs) {
    if (!matches(query, doc)) continue;
    const at = getPath(doc, key);
    const p = storedPoint(at, key);
    if (!p) continue;
    const distance = distanceMeters(near, p);
    if (distance >= min && distance <= max) found.push({ doc, distance, at });
  }
  found.sort((a, b) => a.distance - b.distance);
  return found.map(({ doc, distance, at }) => {
    setPath(doc, spec.distanceField as string, distance * multiplier);
    if (typeof spec.includeLocs === 'string' && spec.includeLocs) setPath(doc, spec.includeLocs, at);
    return doc;
  });
}
