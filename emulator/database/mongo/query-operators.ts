// Query operators where mingo answers differently from MongoDB, rewritten to
// MongoDB's documented semantics:
//   $elemMatch with field conditions considers only elements that are documents
//     (mingo let `{ value: { $exists: true } }` match arrays of numbers);
//   $type matches an array whose elements have the type, and tells int, long and
//     double apart as the SDK's EJSON does ($numberInt / $numberLong / $numberDouble);
//   $mod matches numbers only (mingo coerced strings, dates and null);
//   $all is an $and of equalities, so a scalar equal to its one value matches;
//   $lte / $gte null match missing fields, as $eq null does;
//   $nearSphere / $near, $geoWithin, $geoIntersects on GeoJSON Points (geo.ts),
//   which mingo does not have.
import { Query } from 'mingo/query';
import type { Options } from 'mingo/types';
import { isOperator, resolve } from 'mingo/util';
import { unsupported } from '../../core/errors';
import { ObjectId } from '../object-id';
import {
  distanceMeters,
  GeoError,
  type GeoPoint,
  intersects,
  queryPoint,
  storedPoint,
  withinCenterSphere,
  withinPolygons,
} from './geo';

type Predicate = (obj: unknown) => boolean;
type QueryOperator = (selector: string, value: unknown, options: Options) => Predicate;

const field = (obj: unknown, selector: string): unknown =>
  resolve(obj as Record<string, unknown>, selector, { unwrapArray: true });

const isDocument = (v: unknown) =>
  v !== null && typeof v === 'object' && !(v instanceof Date) && !(v instanceof RegExp) && !(v instanceof ObjectId);

const INT32 = 2 ** 31;

/** BSON type names and numbers, as MongoDB's $type knows them. */
const TYPES: Record<string, (v: unknown) => boolean> = {
  double: (v) => typeof v === 'number' && !Number.isInteger(v),
  string: (v) => typeof v === 'string',
  object: (v) => isDocument(v) && !Array.isArray(v),
  array: (v) => Array.isArray(v),
  objectId: (v) => v instanceof ObjectId,
  bool: (v) => typeof v === 'boolean',
  date: (v) => v instanceof Date,
  null: (v) => v === null,
  regex: (v) => v instanceof RegExp,
  int: (v) => Number.isInteger(v) && (v as number) >= -INT32 && (v as number) < INT32,
  long: (v) => Number.isInteger(v) && ((v as number) < -INT32 || (v as number) >= INT32),
  number: (v) => typeof v === 'number',
  binData: () => false,
  undefined: () => false,
  javascript: () => false,
  symbol: () => false,
  timestamp: () => false,
  decimal: () => false,
  minKey: () => false,
  maxKey: () => false,
};
const TYPE_NUMBERS: Record<number, string> = {
  1: 'double', 2: 'string', 3: 'object', 4: 'array', 5: 'binData', 6: 'undefined', 7: 'objectId', 8: 'bool',
  9: 'date', 10: 'null', 11: 'regex', 13: 'javascript', 14: 'symbol', 16: 'int', 17: 'timestamp', 18: 'long',
  19: 'decimal', [-1]: 'minKey', 127: 'maxKey',
}; // prettier-ignore

function typeTest(spec: unknown): (v: unknown) => boolean {
  const name = typeof spec === 'number' ? TYPE_NUMBERS[spec] : spec;
  const test = typeof name === 'string' ? TYPES[name] : undefined;
  if (!test) throw new Error(`unknown type name alias: ${String(spec)}`);
  return test;
}

/** `{ $geometry, $maxDistance, $minDistance }` of $nearSphere / $near (meters). */
export function nearSpec(spec: unknown): { point: GeoPoint; min: number; max: number } {
  if (Array.isArray(spec)) throw unsupported('$near / $nearSphere with legacy coordinate pairs (send $geometry)');
  const s = (spec ?? {}) as { $geometry?: unknown; $maxDistance?: unknown; $minDistance?: unknown };
  const num = (v: unknown, name: string, fallback: number) => {
    if (v === undefined || v === null) return fallback;
    if (typeof v !== 'number' || v < 0) throw new GeoError(`${name} must be a non-negative number`);
    return v;
  };
  return {
    point: queryPoint(s.$geometry, '$nearSphere.$geometry'),
    min: num(s.$minDistance, '$minDistance', 0),
    max: num(s.$maxDistance, '$maxDistance', Infinity),
  };
}

/** A predicate on the stored point(s) of `selector`; documents without one never match. */
function onPoints(selector: string, test: (p: GeoPoint) => boolean): Predicate {
  return (obj) => {
    const v = resolve(obj as Record<string, unknown>, selector);
    const values = Array.isArray(v) && !v.every((x) => typeof x === 'number') ? v : [v];
    return values.some((x) => {
      const p = storedPoint(x, selector);
      return p !== null && test(p);
    });
  };
}

function near(selector: string, spec: unknown): Predicate {
  const { point, min, max } = nearSpec(spec);
  return onPoints(selector, (p) => {
    const d = distanceMeters(point, p);
    return d >= min && d <= max;
  });
}

export function mongoQueryOperators(base: Record<string, QueryOperator>): Record<string, QueryOperator> {
  return {
    $nearSphere: (selector, spec) => near(selector, spec),
    $near: (selector, spec) => near(selector, spec),

    $geoWithin(selector, spec) {
      const s = (spec ?? {}) as Record<string, unknown>;
      if (s.$geometry !== undefined) return onPoints(selector, withinPolygons(s.$geometry, '$geoWithin.$geometry'));
      if (s.$centerSphere !== undefined) return onPoints(selector, withinCenterSphere(s.$centerSphere));
      throw unsupported(
        `$geoWithin with ${Object.keys(s).join(', ') || 'nothing'} ($geometry and $centerSphere are emulated)`,
      );
    },

    $geoIntersects(selector, spec) {
      const g = ((spec ?? {}) as { $geometry?: unknown }).$geometry;
      return onPoints(selector, intersects(g, '$geoIntersects.$geometry'));
    },

    $elemMatch(selector, criteria, options) {
      const keys = Object.keys((criteria ?? {}) as object);
      const valueForm = keys.length > 0 && keys.every((k) => isOperator(k) && !['$and', '$or', '$nor'].includes(k));
      if (valueForm) return base.$elemMatch!(selector, criteria, options);
      const inner = new Query(criteria as Record<string, unknown>, options);
      return (obj) => {
        const v = field(obj, selector);
        return Array.isArray(v) && v.some((e) => isDocument(e) && inner.test(e as Record<string, unknown>));
      };
    },

    $type(selector, spec, _options) {
      const tests = (Array.isArray(spec) ? spec : [spec]).map(typeTest);
      const one = (v: unknown) => tests.some((t) => t(v));
      return (obj) => {
        const v = field(obj, selector);
        if (v === undefined) return false;
        return one(v) || (Array.isArray(v) && v.some(one));
      };
    },

    $mod(selector, spec, _options) {
      if (!Array.isArray(spec) || spec.length !== 2 || !spec.every((n) => typeof n === 'number')) {
        throw new Error('malformed mod, needs to be an array of two numbers: [divisor, remainder]');
      }
      const divisor = Math.trunc(spec[0] as number);
      const remainder = Math.trunc(spec[1] as number);
      if (divisor === 0) throw new Error('divisor cannot be 0');
      const one = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && Math.trunc(v) % divisor === remainder;
      return (obj) => {
        const v = field(obj, selector);
        return one(v) || (Array.isArray(v) && v.some(one));
      };
    },

    $all(selector, values, options) {
      if (!Array.isArray(values)) throw new Error('$all needs an array');
      const clauses = values.map((v) => new Query({ [selector]: v } as Record<string, unknown>, options));
      return (obj) => clauses.length > 0 && clauses.every((q) => q.test(obj as Record<string, unknown>));
    },

    $lte: (selector, value, options) => base[value === null ? '$eq' : '$lte']!(selector, value, options),
    $gte: (selector, value, options) => base[value === null ? '$eq' : '$gte']!(selector, value, options),
  };
}
