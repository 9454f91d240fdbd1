// Reading the SDK's database parameters: EJSON strings, limits and ids.
import { EmulatorError } from '../core/errors';
import { decodeEjson } from './ejson';
import { type Filter, toFilter } from './query';
import { type DocId, isDocId } from './values';

/** The SDK's default page size when limit is unset or 0, and the server's cap. */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

export function str(params: Record<string, unknown>, name: string): string {
  const v = params[name];
  if (typeof v !== 'string' || !v) throw new EmulatorError('INVALID_PARAM', `missing ${name}`);
  return v;
}

export function ejsonParam(params: Record<string, unknown>, name: string, now: number): unknown {
  const v = params[name];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') return v;
  return decodeEjson(v, now);
}

export function filterParam(params: Record<string, unknown>, now: number): Filter {
  return toFilter(ejsonParam(params, 'query', now));
}

/** doc(id) calls send `{_id: id}` as the query; the id is a string or a number (CloudBase accepts both). */
export function docIdParam(params: Record<string, unknown>, now: number): DocId {
  const q = filterParam(params, now);
  const id = q._id;
  if (!isDocId(id)) throw new EmulatorError('INVALID_PARAM', 'document id must be a non-empty string or a number');
  return id;
}

export function limitParam(params: Record<string, unknown>): number {
  const v = params.limit;
  if (v === undefined || v === null || v === 0) return DEFAULT_LIMIT;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
    throw new EmulatorError('INVALID_PARAM', 'limit must be a non-negative integer');
  return Math.min(v, MAX_LIMIT);
}

export function offsetParam(params: Record<string, unknown>): number {
  const v = params.offset;
  if (v === undefined || v === null) return 0;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
    throw new EmulatorError('INVALID_PARAM', 'offset must be a non-negative integer');
  return v;
}

export function orderParam(params: Record<string, unknown>, now: number): Record<string, 1 | -1> | undefined {
  const order = ejsonParam(params, 'order', now);
  if (order === undefined) return undefined;
  if (!order || typeof order !== 'object' || Array.isArray(order))
    throw new EmulatorError('INVALID_PARAM', 'order must be an object');
  for (const [field, dir] of Object.entries(order)) {
    if (dir !== 1 && dir !== -1)
      throw new EmulatorError('INVALID_PARAM', `order direction of ${field} must be 1 or -1`);
  }
  return order as Record<string, 1 | -1>;
}

export function projectionParam(params: Record<string, unknown>, now: number): Record<string, unknown> | undefined {
  const p = ejsonParam(params, 'projection', now);
  if (p === undefined) return undefined;
  if (!p || typeof p !== 'object' || Array.isArray(p))
    throw new EmulatorError('INVALID_PARAM', 'projection must be an object');
  return p as Record<string, unknown>;
}

export function docsParam(params: Record<string, unknown>, now: number): Record<string, unknown>[] {
  const data = params.data;
  const list = Array.isArray(data) ? data : [data];
  if (list.length === 0) throw new EmulatorError('INVALID_PARAM', 'nothing to insert');
  return list.map((item) => {
    const doc = typeof item === 'string' ? decodeEjson(item, now) : item;
    if (!doc || typeof doc !== 'object' || Array.isArray(doc))
      throw new EmulatorError('INVALID_PARAM', 'each document must be an object');
    return doc as Record<string, unknown>;
  });
}
