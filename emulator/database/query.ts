// Filters as MongoDB understands them, matched by mingo in the emulator's MongoDB
// dialect (mongo/). Operators CloudBase supports but the emulator does not (geo,
// $text, $where) fail loudly; an index on the first equality field narrows the scan.
import { find } from 'mingo';
import { Query } from 'mingo/query';
import { EmulatorError, unsupported } from '../core/errors';
import type { Collection, StoredDoc } from './collection';
import { invalidOperator, requestFailed } from './errors';
import { MONGO_OPTIONS } from './mongo/context';
import { distanceMeters, GeoError, storedPoint } from './mongo/geo';
import { JsonSchemaError } from './mongo/json-schema';
import { nearSpec } from './mongo/query-operators';
import { type Doc, getPath, isScalar, cloneDoc } from './values';

export type Filter = Record<string, unknown>;

const QUERY_OPERATORS = new Set([
  '$nearSphere', '$near', '$geoWithin', '$geoIntersects', '$geometry', '$maxDistance', '$minDistance', '$centerSphere',
  '$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$in', '$nin', '$and', '$or', '$nor', '$not',
  '$exists', '$size', '$elemMatch', '$all', '$mod', '$regex', '$options', '$expr', '$type', '$jsonSchema',
  '$bitsAllSet', '$bitsAllClear', '$bitsAnySet', '$bitsAnyClear',
]); // prettier-ignore
const UNSUPPORTED = new Set(['$where', '$text', '$box', '$polygon', '$center', '$uniqueDocs']);

/** Validates a decoded filter; throws for anything that is not a filter object. */
export function toFilter(raw: unknown): Filter {
  if (raw === undefined || raw === null || raw === '') return {};
  if (typeof raw !== 'object' || Array.isArray(raw))
    throw new EmulatorError('INVALID_PARAM', 'query must be an object');
  checkOperators(raw, false);
  return raw as Filter;
}

function checkOperators(value: unknown, insideExpr: boolean): void {
  if (!value || typeof value !== 'object' || value instanceof Date || value instanceof RegExp) return;
  if (Array.isArray(value)) return value.forEach((v) => checkOperators(v, insideExpr));
  for (const [k, v] of Object.entries(value)) {
    if (k.startsWith('$') && !insideExpr) {
      if (UNSUPPORTED.has(k)) throw unsupported(`the query operator ${k}`);
      if (!QUERY_OPERATORS.has(k)) throw invalidOperator(`unknown query operator ${k}`);
    }
    // An $expr holds expressions, a $jsonSchema a schema: neither has query operators.
    checkOperators(v, insideExpr || k === '$expr' || k === '$jsonSchema');
  }
}

/** mingo's and the dialect's errors as CloudBase answers them. */
function queryError(err: unknown): EmulatorError {
  if (err instanceof EmulatorError) return err;
  if (err instanceof JsonSchemaError || err instanceof GeoError) return requestFailed(err.message);
  return invalidOperator((err as Error).message);
}

export function compile(filter: Filter): Query {
  try {
    return new Query(filter, MONGO_OPTIONS);
  } catch (err) {
    throw queryError(err);
  }
}

/** Whether a document matches a compiled query (mingo's errors become CloudBase's). */
export function matches(query: Query, doc: Doc): boolean {
  try {
    return query.test(doc);
  } catch (err) {
    throw queryError(err);
  }
}

/** A top-level `{ field: { $nearSphere | $near } }`: MongoDB answers those nearest first. */
function nearestFirst(filter: Filter): ((docs: Doc[]) => Doc[]) | null {
  const clauses: Filter[] = [filter, ...(Array.isArray(filter.$and) ? (filter.$and as Filter[]) : [])];
  for (const clause of clauses) {
    for (const [field, cond] of Object.entries(clause)) {
      const c = cond as Record<string, unknown> | null;
      const spec = c && typeof c === 'object' ? (c.$nearSphere ?? c.$near) : undefined;
      if (field.startsWith('$') || spec === undefined) continue;
      const { point } = nearSpec(spec);
      const distance = (d: Doc) => {
        const p = storedPoint(getPath(d, field), field);
        return p ? distanceMeters(point, p) : Infinity;
      };
      return (docs) =>
        docs
          .map((d) => ({ d, k: distance(d) }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.d);
    }
  }
  return null;
}

/** Equality constraints on one field that an index can serve: `{f: v}`, `{f: {$eq: v}}`, `{f: {$in: [...]}}`. */
function indexableEqualities(filter: Filter, coll: Collection): { field: string; values: unknown[] } | null {
  const clauses: Filter[] = [filter, ...(Array.isArray(filter.$and) ? (filter.$and as Filter[]) : [])];
  for (const clause of clauses) {
    for (const [field, cond] of Object.entries(clause)) {
      if (field.startsWith('$') || !coll.hasLookup(field)) continue;
      if (isScalar(cond)) return { field, values: [cond] };
      if (cond && typeof cond === 'object' && !Array.isArray(cond) && !(cond instanceof RegExp)) {
        const c = cond as Record<string, unknown>;
        const keys = Object.keys(c);
        if (keys.length === 1 && keys[0] === '$eq' && isScalar(c.$eq)) return { field, values: [c.$eq] };
        if (keys.length === 1 && keys[0] === '$in' && Array.isArray(c.$in) && c.$in.every(isScalar)) {
          return { field, values: c.$in };
        }
      }
    }
  }
  return null;
}

/** Fields a filter asks for nearest first ($near / $nearSphere), at the top level or under $and. */
function nearFields(filter: Filter): string[] {
  const clauses: Filter[] = [filter, ...(Array.isArray(filter.$and) ? (filter.$and as Filter[]) : [])];
  return clauses.flatMap((clause) =>
    Object.entries(clause)
      .filter(
        ([field, c]) => !field.startsWith('$') && c && typeof c === 'object' && ('$near' in c || '$nearSphere' in c),
      )
      .map(([field]) => field),
  );
}

/** As MongoDB: a $near / $nearSphere query needs a 2dsphere index on its field. */
export function requireGeoIndexes(coll: Collection, filter: Filter): void {
  const indexed = coll.geoFields();
  for (const field of nearFields(filter)) {
    if (!indexed.includes(field))
      throw requestFailed(
        `error processing query: planner returned error :: caused by :: unable to find index for $geoNear query (no 2dsphere index on "${field}" in collection ${coll.name})`,
      );
  }
}

/** Matching stored documents, in natural order unless narrowed by an index. */
export function matching(coll: Collection, filter: Filter): StoredDoc[] {
  requireGeoIndexes(coll, filter);
  const query = compile(filter);
  const eq = indexableEqualities(filter, coll);
  const candidates = (eq && coll.candidatesFor(eq.field, eq.values)) ?? coll.docs.values();
  const out: StoredDoc[] = [];
  try {
    for (const s of candidates) if (query.test(s.doc)) out.push(s);
  } catch (err) {
    throw queryError(err);
  }
  return out;
}

export interface FindOptions {
  order?: Record<string, 1 | -1>;
  offset?: number;
  limit?: number;
  projection?: Record<string, unknown>;
}

/** Sort, skip, limit and project documents already filtered. */
export function page(docs: Doc[], opts: FindOptions): Doc[] {
  try {
    let cursor = find(docs, {}, opts.projection && Object.keys(opts.projection).length ? opts.projection : undefined);
    if (opts.order && Object.keys(opts.order).length) cursor = cursor.sort(opts.order);
    if (opts.offset) cursor = cursor.skip(opts.offset);
    if (opts.limit !== undefined) cursor = cursor.limit(opts.limit);
    return cursor.all() as Doc[];
  } catch (err) {
    throw new EmulatorError('INVALID_PARAM', (err as Error).message);
  }
}

/** Matching documents, sorted and paged — copies; stored documents stay untouched. */
export function findDocs(coll: Collection, filter: Filter, opts: FindOptions): Doc[] {
  const docs = matching(coll, filter).map((s) => s.doc);
  return cloneDoc(page(sortForQuery(filter, docs), opts));
}

/** Natural order, or nearest first under $nearSphere / $near (an explicit order still wins). */
export function sortForQuery(filter: Filter, docs: Doc[]): Doc[] {
  return nearestFirst(filter)?.(docs) ?? docs;
}
