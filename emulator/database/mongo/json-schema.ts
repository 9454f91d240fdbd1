// The $jsonSchema query operator, validated by Ajv. MongoDB's dialect is JSON
// Schema draft 4 with BSON types: `bsonType` (and `type`, whose "number" covers
// every numeric BSON type and whose "object" is an embedded document, not a Date),
// boolean `exclusiveMinimum` / `exclusiveMaximum`, and no `$ref`, `$schema`,
// `default`, `definitions`, `format` or `id` (MongoDB refuses those, and so does
// the emulator). The schema is translated to Ajv's draft-07 and compiled once per query.
import Ajv, { type FuncKeywordDefinition, type ValidateFunction } from 'ajv';
import { ObjectId } from '../object-id';

const UNSUPPORTED_KEYWORDS = ['$ref', '$schema', 'default', 'definitions', 'format', 'id'];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf'];
const SCHEMA_MAPS = ['properties', 'patternProperties'];
const JSON_TYPES = ['object', 'array', 'number', 'boolean', 'string', 'null'];
const INT32 = 2 ** 31;

const isDocument = (v: unknown) =>
  v !== null &&
  typeof v === 'object' &&
  !Array.isArray(v) &&
  !(v instanceof Date) &&
  !(v instanceof RegExp) &&
  !(v instanceof ObjectId);

const BSON_TYPES: Record<string, (v: unknown) => boolean> = {
  double: (v) => typeof v === 'number' && !Number.isInteger(v),
  string: (v) => typeof v === 'string',
  object: isDocument,
  array: Array.isArray,
  objectId: (v) => v instanceof ObjectId,
  bool: (v) => typeof v === 'boolean',
  date: (v) => v instanceof Date,
  null: (v) => v === null,
  regex: (v) => v instanceof RegExp,
  int: (v) => Number.isInteger(v) && (v as number) >= -INT32 && (v as number) < INT32,
  long: (v) => Number.isInteger(v) && ((v as number) < -INT32 || (v as number) >= INT32),
  number: (v) => typeof v === 'number',
  decimal: () => false,
  binData: () => false,
  timestamp: () => false,
  minKey: () => false,
  maxKey: () => false,
};

const JSON_TYPE_TESTS: Record<string, (v: unknown) => boolean> = {
  object: isDocument,
  array: Array.isArray,
  number: (v) => typeof v === 'number',
  boolean: (v) => typeof v === 'boolean',
  string: (v) => typeof v === 'string',
  null: (v) => v === null,
};

const typeKeyword = (keyword: string, tests: Record<string, (v: unknown) => boolean>): FuncKeywordDefinition => ({
  keyword,
  schemaType: ['string', 'array'],
  errors: false,
  validate: (spec: string | string[], data: unknown) =>
    (Array.isArray(spec) ? spec : [spec]).some((t) => tests[t]!(data)),
});

const ajv = new Ajv({ strict: false, allErrors: false, validateSchema: false });
ajv.addKeyword(typeKeyword('bsonType', BSON_TYPES));
ajv.addKeyword(typeKeyword('mongoType', JSON_TYPE_TESTS));

/** A schema MongoDB would refuse. */
export class JsonSchemaError extends Error {}

function checkTypes(names: unknown, known: Record<string, unknown>, keyword: string): void {
  for (const name of Array.isArray(names) ? names : [names]) {
    if (typeof name !== 'string' || !(name in known)) {
      throw new JsonSchemaError(`$jsonSchema: unknown ${keyword} "${String(name)}"`);
    }
  }
}

/** MongoDB's draft-4 schema → Ajv draft-07, with BSON-aware types. */
function translate(schema: unknown): unknown {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) {
    throw new JsonSchemaError('$jsonSchema: a schema must be an object');
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema as Record<string, unknown>)) {
    if (UNSUPPORTED_KEYWORDS.includes(key)) {
      throw new JsonSchemaError(`$jsonSchema keyword '${key}' is not currently supported`);
    }
    if (key === 'type') {
      if (value === 'integer' || (Array.isArray(value) && value.includes('integer'))) {
        throw new JsonSchemaError("$jsonSchema type 'integer' is not currently supported.");
      }
      checkTypes(value, Object.fromEntries(JSON_TYPES.map((t) => [t, 1])), 'type');
      out.mongoType = value;
    } else if (key === 'bsonType') {
      checkTypes(value, BSON_TYPES, 'bsonType');
      out.bsonType = value;
    } else if (SCHEMA_LISTS.includes(key) && Array.isArray(value)) {
      out[key] = value.map(translate);
    } else if (SCHEMA_MAPS.includes(key) && value && typeof value === 'object') {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, translate(v)]));
    } else if (key === 'not' || (key === 'additionalProperties' && typeof value === 'object')) {
      out[key] = translate(value);
    } else if ((key === 'items' || key === 'additionalItems') && typeof value === 'object') {
      out[key] = Array.isArray(value) ? value.map(translate) : translate(value);
    } else if (key === 'dependencies' && value && typeof value === 'object') {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, Array.isArray(v) ? v : translate(v)]));
    } else if (key === 'exclusiveMaximum' || key === 'exclusiveMinimum') {
      if (typeof value !== 'boolean') throw new JsonSchemaError(`$jsonSchema: ${key} must be a boolean`);
    } else {
      out[key] = value;
    }
  }
  const s = schema as Record<string, unknown>;
  if (s.exclusiveMaximum === true && typeof s.maximum === 'number') {
    out.exclusiveMaximum = s.maximum;
    delete out.maximum;
  }
  if (s.exclusiveMinimum === true && typeof s.minimum === 'number') {
    out.exclusiveMinimum = s.minimum;
    delete out.minimum;
  }
  return out;
}

/** Compiled schemas by their text; bounded, since Ajv keeps every schema it compiled. */
const compiled = new Map<string, ValidateFunction>();
const MAX_COMPILED = 200;

/** mingo's jsonSchemaValidator: a schema → a predicate over documents. */
export function jsonSchemaValidator(schema: Record<string, unknown>): (doc: unknown) => boolean {
  const translated = translate(schema) as object;
  const text = JSON.stringify(translated);
  let validate = compiled.get(text);
  if (!validate) {
    if (compiled.size >= MAX_COMPILED) {
      compiled.clear();
      ajv.removeSchema();
    }
    try {
      validate = ajv.compile(translated);
    } catch (err) {
      throw new JsonSchemaError(`$jsonSchema: ${(err as Error).message}`);
    }
    compiled.set(text, validate);
  }
  const check = validate;
  return (doc) => check(doc) === true;
}
