// Value helpers shared by indexes and queries: document ids, field paths and
// equality keys.
import { ObjectId } from './object-id';

/** What CloudBase accepts as `_id`: a string, a number (`add({ _id: 1733… })`, `doc(n)`) or an ObjectId. */
export type DocId = string | number | ObjectId;

export type Doc = Record<string, unknown> & { _id: DocId };

export function isDocId(v: unknown): v is DocId {
  return (typeof v === 'string' && v !== '') || (typeof v === 'number' && Number.isFinite(v)) || v instanceof ObjectId;
}

/**
 * The key a document is kept under (in memory and in SQLite's `id` column). A
 * string id is its own key, so data written before numeric ids existed still
 * loads; numbers and ObjectIds get a prefix no string id starts with.
 */
export function idKey(id: DocId): string {
  if (typeof id === 'string') return id;
  if (typeof id === 'number') return `\u0000n:${id}`;
  return `\u0000o:${id.hex}`;
}

/** Marks a path that crosses an array before its end (not indexable by value). */
export const THROUGH_ARRAY = Symbol('through-array');

/** Resolves a dotted path through plain objects. Missing → undefined. */
export function getPath(doc: unknown, path: string): unknown {
  let cur: unknown = doc;
  const parts = path.split('.');
  for (let i = 0; i < parts.length; i++) {
    if (cur === null || cur === undefined) return undefined;
    if (Array.isArray(cur)) return THROUGH_ARRAY;
    if (typeof cur !== 'object' || cur instanceof Date || cur instanceof ObjectId) return undefined;
    cur = (cur as Record<string, unknown>)[parts[i]!];
  }
  return cur;
}

/** A string equal for values MongoDB considers equal (missing and null alike). */
export function valueKey(value: unknown): string {
  if (value === undefined || value === null) return 'z';
  if (value instanceof Date) return `d:${value.getTime()}`;
  if (value instanceof ObjectId) return `o:${value.hex}`;
  switch (typeof value) {
    case 'string':
      return `s:${value}`;
    case 'number':
      return `n:${value}`;
    case 'boolean':
      return `b:${value}`;
    default:
      return `j:${JSON.stringify(value, (_k, v: unknown) => (v instanceof Date ? { $d: v.getTime() } : v))}`;
  }
}

export function isScalar(v: unknown): boolean {
  return v === null || v instanceof Date || v instanceof ObjectId || ['string', 'number', 'boolean'].includes(typeof v);
}

/**
 * Deep copy that keeps Dates and RegExps (documents are never shared with callers).
 * Not structuredClone: it builds objects of the main realm, which `instanceof`
 * checks (ours and mingo's) fail under test runners that use vm contexts.
 */
export function cloneDoc<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (value instanceof RegExp) return new RegExp(value.source, value.flags) as T;
  if (value instanceof ObjectId) return value; // immutable
  if (Array.isArray(value)) return value.map(cloneDoc) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = cloneDoc(v);
  return out as T;
}
