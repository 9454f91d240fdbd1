// Update operators and whole-document replacement, with the SDK's quirks
// translated: `$addToSet: {f: {each: [...]}}` (no `$`), plain fields as `$set`.
import { update as mingoUpdate } from 'mingo/updater';
import { EmulatorError, unsupported } from '../core/errors';
import { invalidOperator } from './errors';
import { MONGO_OPTIONS } from './mongo/context';
import { type Doc, type DocId, valueKey, cloneDoc, idKey, isDocId } from './values';

const UPDATE_OPERATORS = new Set([
  '$set', '$unset', '$inc', '$mul', '$min', '$max', '$rename', '$push', '$pop', '$pull', '$pullAll', '$addToSet',
  '$bit', '$currentDate',
]); // prettier-ignore

/** Normalises a decoded update to operator form; throws on anything malformed. */
export function toModifier(raw: unknown): Record<string, Record<string, unknown>> {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw new EmulatorError('INVALID_PARAM', 'update data must be an object');
  const modifier: Record<string, Record<string, unknown>> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!key.startsWith('$')) {
      // Raw mode may send plain fields with merge:true: they are sets.
      (modifier.$set ??= {})[key] = value;
      continue;
    }
    if (key === '$setOnInsert') throw unsupported('the update operator $setOnInsert');
    if (!UPDATE_OPERATORS.has(key)) throw invalidOperator(`unknown update operator ${key}`);
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      throw invalidOperator(`${key} expects an object of field paths`);
    }
    modifier[key] = { ...(modifier[key] ?? {}), ...(value as Record<string, unknown>) };
  }
  for (const [field, spec] of Object.entries(modifier.$addToSet ?? {})) {
    if (spec && typeof spec === 'object' && !Array.isArray(spec) && 'each' in spec && Object.keys(spec).length === 1) {
      modifier.$addToSet![field] = { $each: (spec as { each: unknown }).each };
    }
    const each = (modifier.$addToSet![field] as { $each?: unknown })?.$each;
    if (Array.isArray(each)) {
      // MongoDB adds each distinct value once, even on a missing field.
      const seen = new Set<string>();
      (modifier.$addToSet![field] as { $each: unknown[] }).$each = each.filter((v) => {
        const k = valueKey(v);
        return seen.has(k) ? false : (seen.add(k), true);
      });
    }
  }
  for (const fields of Object.values(modifier)) {
    for (const path of Object.keys(fields)) {
      if (path === '_id' || path.startsWith('_id.')) {
        throw new EmulatorError(
          'INVALID_PARAM',
          "Performing an update on the path '_id' would modify the immutable field '_id'",
        );
      }
      if (path.split('.').some((p) => p === '' || p.startsWith('$')))
        throw invalidOperator(`invalid field path "${path}"`);
    }
  }
  return modifier;
}

/** A copy of `doc` with the modifier applied, and whether anything changed. */
export function applyModifier(
  doc: Doc,
  modifier: Record<string, Record<string, unknown>>,
): { doc: Doc; changed: boolean } {
  const next = cloneDoc(doc);
  let changedPaths: string[];
  try {
    changedPaths = mingoUpdate(next, modifier as never, undefined, undefined, { queryOptions: MONGO_OPTIONS });
  } catch (err) {
    throw new EmulatorError('DATABASE_REQUEST_FAILED', (err as Error).message);
  }
  return { doc: next, changed: changedPaths.length > 0 };
}

/** Whole-document replacement for doc().set(): no operators allowed. */
export function toReplacement(raw: unknown, id: DocId): Doc {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw new EmulatorError('INVALID_PARAM', 'document must be an object');
  assertNoOperators(raw);
  const { _id: given, ...rest } = raw as Record<string, unknown>;
  if (given !== undefined && (!isDocId(given) || idKey(given) !== idKey(id)))
    throw new EmulatorError('INVALID_PARAM', 'set() data must not change _id');
  return { _id: id, ...rest };
}

export function assertNoOperators(value: unknown): void {
  if (!value || typeof value !== 'object' || value instanceof Date || value instanceof RegExp) return;
  if (Array.isArray(value)) return value.forEach(assertNoOperators);
  for (const [k, v] of Object.entries(value)) {
    if (k.startsWith('$'))
      throw new EmulatorError('DATABASE_REQUEST_FAILED', `field names must not start with "$": ${k}`);
    assertNoOperators(v);
  }
}
