// Canonical Extended JSON, as @cloudbase/node-sdk sends it (bson 4, relaxed:false)
// and expects it back. A small reviver instead of the bson package: the SDK passes
// JS RegExp flags such as `g` through verbatim, which bson's parser rejects.
import { EmulatorError, unsupported } from '../core/errors';
import { ObjectId } from './object-id';

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/** Parses one EJSON string from the wire. `now` resolves db.serverDate(). */
export function decodeEjson(text: string, now: number = Date.now()): unknown {
  try {
    return JSON.parse(text, (_key, value: unknown) => revive(value, now));
  } catch (err) {
    if (err instanceof EmulatorError) throw err;
    throw new EmulatorError('INVALID_PARAM', `malformed EJSON: ${(err as Error).message}`);
  }
}

function revive(value: unknown, now: number): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 0 || !keys[0]!.startsWith('$')) return value;
  const v = value as Record<string, unknown>;
  if (keys.length === 1) {
    switch (keys[0]) {
      case '$numberInt':
      case '$numberLong':
      case '$numberDouble':
        return toNumber(v[keys[0]]);
      case '$date':
        return toDate(v.$date);
      case '$regularExpression':
        return toRegExp(v.$regularExpression);
      case '$tcb_server_date': {
        const offset = (v.$tcb_server_date as { offset?: unknown } | null)?.offset;
        return new Date(now + (typeof offset === 'number' ? offset : 0));
      }
      case '$undefined':
        return undefined;
      case '$oid':
        if (!ObjectId.isValid(v.$oid))
          throw new EmulatorError('INVALID_PARAM', 'an ObjectId must be 24 hex characters');
        return new ObjectId(v.$oid);
      case '$binary':
      case '$numberDecimal':
      case '$timestamp':
      case '$symbol':
      case '$code':
      case '$minKey':
      case '$maxKey':
      case '$dbPointer':
        throw unsupported(`the BSON type ${keys[0]}`);
    }
  }
  return value;
}

function toNumber(raw: unknown): number {
  if (typeof raw === 'number') return raw;
  if (typeof raw !== 'string') throw new EmulatorError('INVALID_PARAM', 'malformed EJSON number');
  if (raw === 'Infinity') return Infinity;
  if (raw === '-Infinity') return -Infinity;
  if (raw === 'NaN') return NaN;
  const n = Number(raw);
  if (Number.isNaN(n)) throw new EmulatorError('INVALID_PARAM', `malformed EJSON number "${raw}"`);
  return n;
}

function toDate(raw: unknown): Date {
  const d = typeof raw === 'number' ? new Date(raw) : typeof raw === 'string' ? new Date(raw) : null;
  if (!d || Number.isNaN(d.getTime())) throw new EmulatorError('INVALID_PARAM', 'malformed EJSON date');
  return d;
}

function toRegExp(raw: unknown): RegExp {
  const r = raw as { pattern?: unknown; options?: unknown } | null;
  if (!r || typeof r.pattern !== 'string')
    throw new EmulatorError('INVALID_PARAM', 'malformed EJSON regular expression');
  // Only flags that change matching; `g`/`y` make RegExp stateful, which a filter must not be.
  const flags = [...new Set(String(r.options ?? '').split(''))].filter((f) => 'imsu'.includes(f)).join('');
  try {
    return new RegExp(r.pattern, flags);
  } catch (err) {
    throw new EmulatorError('INVALID_PARAM', `invalid regular expression: ${(err as Error).message}`);
  }
}

/**
 * How ObjectIds are written: `string` in replies (CloudBase hands the SDK the hex
 * string, which is what `db.ObjectId` callers read back), `oid` in durable storage
 * so that they load as ObjectIds again.
 */
export type ObjectIdForm = 'string' | 'oid';

/** Canonical EJSON text of a stored value (documents in replies, durable storage). */
export function encodeEjson(value: unknown, objectIds: ObjectIdForm = 'string'): string {
  return JSON.stringify(toEjson(value, objectIds));
}

export function toEjson(value: unknown, objectIds: ObjectIdForm = 'string'): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX && !Object.is(value, -0)) {
      return { $numberInt: String(value) };
    }
    if (Number.isSafeInteger(value)) return { $numberLong: String(value) };
    return {
      $numberDouble: Number.isFinite(value) ? String(value) : value > 0 ? 'Infinity' : value < 0 ? '-Infinity' : 'NaN',
    };
  }
  if (value instanceof Date) return { $date: { $numberLong: String(value.getTime()) } };
  if (value instanceof RegExp) return { $regularExpression: { pattern: value.source, options: value.flags } };
  if (value instanceof ObjectId) return objectIds === 'oid' ? { $oid: value.hex } : value.hex;
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : toEjson(v, objectIds)));
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (v !== undefined) out[k] = toEjson(v, objectIds);
    }
    return out;
  }
  return null;
}
