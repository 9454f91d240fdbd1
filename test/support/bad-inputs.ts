// Generated bad inputs for any action, from its input schema: a valid input is
// built from the schema (or taken from an example), then each field in turn is
// replaced by values it must refuse — wrong types, operator objects such as
// { "$gt": "" }, too long, too short, control characters, impossible days and
// instants, NaN, ±Infinity, huge and negative numbers, too many items — and the
// input as a whole gets unknown keys, "__proto__" and "constructor" keys, missing
// fields, and a body that is not an object at all.
//
// Some values come from the schema (one character over its limit), others from
// the input rules alone (no text is 100,001 characters long, no list has 1,001
// items, 2099-99-99 is never a day), so a guard that is weakened — a limit
// removed, a day checked by its pattern only — lets a value through and the
// suite names the action and the field. Random values come from fast-check with
// a fixed seed per action, so a failure reproduces.
import fc from 'fast-check';
import type { z } from 'zod';
import type { FieldKind } from '../../cloudfunctions/_shared/validation';
import type { ContractAction } from './contracts';
import { MAX_ITEMS, MAX_TEXT } from './schema-policy';
import { bound, describeSchema, type Field, numberBounds, pathText, patternOf } from './schemas';

export interface BadInput {
  /** What is wrong, e.g. "title: 41 characters (limit 40)". */
  why: string;
  data: unknown;
}

/** Keys a client may send that the functions ignore (identity comes from the platform). */
const IGNORED_KEYS = ['openid', '_openid', 'OPENID', 'role', 'roles', 'userInfo'];

const OPERATORS = [{ $gt: '' }, { $ne: null }, { $where: 'return true' }, { $regex: '.*' }];

/** Characters that survive trimming, CJK and ASCII. */
const SOLID = fc.constantFrom('测', '试', '字', 'a', 'Z', '9', '。');
const solidString = (min: number, max: number) => fc.string({ unit: SOLID, minLength: min, maxLength: max });

// ---- valid values ----------------------------------------------------------------

const VALID_BY_KIND: Partial<Record<FieldKind, unknown>> = {
  id: 'probe-id-1',
  voterKey: 'oProbeVoter01',
  categoryKey: 'courier',
  day: '2099-01-01',
  datetime: '2099-01-01T00:00:00.000Z',
  phone: '13800000000',
  fileId: 'cloud://local-dev.local-1250000000/probe/a.png',
};

/** A value the field accepts on its own, or undefined when the walk cannot make one. */
export function validValue(f: Field): unknown {
  if (f.kind && f.kind in VALID_BY_KIND) return VALID_BY_KIND[f.kind];
  switch (f.type) {
    case 'string': {
      const pattern = patternOf(f);
      if (pattern) return fc.sample(fc.stringMatching(pattern), { numRuns: 1, seed: 7 })[0];
      const min = bound(f, 'min_length') ?? 0;
      const max = bound(f, 'max_length') ?? 20;
      return '测'.repeat(Math.min(max, Math.max(min, 2)));
    }
    case 'number': {
      const { min, max } = numberBounds(f);
      return Math.max(min ?? 0, Math.min(max ?? 1, 1));
    }
    case 'boolean':
      return false;
    case 'enum':
    case 'literal':
      return f.values[0];
    case 'array': {
      const item = validValue(f.children[0]!);
      return Array.from({ length: Math.max(1, bound(f, 'min_length') ?? 0) }, () => item);
    }
    case 'object':
      return Object.fromEntries(f.children.map((c) => [c.path.at(-1), validValue(c)]));
    case 'union':
      return f.children.length ? validValue(f.children[0]!) : undefined;
    case 'null':
      return null;
    default:
      return undefined;
  }
}

/** A valid input: built from the schema, else the example; undefined when neither parses. */
export function validInput(input: z.ZodType, example?: unknown): unknown {
  const built = validValue(describeSchema(input));
  if (input.safeParse(built).success) return built;
  if (example !== undefined && input.safeParse(example).success) return example;
  return undefined;
}

// ---- invalid values, field by field ------------------------------------------------

type Mutation = { why: string; value: unknown } | { why: string; remove: true };

/** Values a field must refuse, whatever else its schema says. */
function invalidValues(f: Field, contract: ContractAction | undefined, rand: (n: number) => number): Mutation[] {
  const where = pathText(f.path);
  const out: Mutation[] = [];
  const put = (why: string, value: unknown) => out.push({ why: `${where}: ${why}`, value });
  if (!f.optional) out.push({ why: `${where}: missing`, remove: true });
  if (!f.nullable) put('null', null);
  const key = f.path.join('.');
  const kind = contract?.days.includes(key) ? 'day' : contract?.datetimes.includes(key) ? 'datetime' : f.kind;

  switch (f.type) {
    case 'string': {
      put('a number', 12_345);
      put('a list', ['x']);
      put('an operator object', OPERATORS[rand(OPERATORS.length)]);
      put(`${MAX_TEXT + 1} characters (longer than any field takes)`, 'x'.repeat(MAX_TEXT + 1));
      const max = bound(f, 'max_length');
      if (max !== undefined) {
        const over = fc.sample(solidString(max + 1, max + 30), { numRuns: 1, seed: rand(1e9) })[0]!;
        put(`${over.length} characters (limit ${max})`, over);
      }
      const min = bound(f, 'min_length') ?? 0;
      if (min > 0) {
        put('empty', '');
        if (kind === 'text') put('only spaces', '   ');
        if (min > 1) put(`${min - 1} characters (at least ${min})`, '测'.repeat(min - 1));
      }
      if (kind === 'text') put('a control character', `测试${String.fromCharCode(1 + rand(8))}内容`);
      for (const [why, v] of KIND_BAD[kind as FieldKind] ?? []) put(why, v);
      break;
    }
    case 'number': {
      const { min, max, int } = numberBounds(f);
      put('NaN', NaN);
      put('Infinity', Infinity);
      put('-Infinity', -Infinity);
      put('1e308', 1e308);
      put('-1e308', -1e308);
      put('a numeric string', '5');
      put('an operator object', { $gt: 0 });
      if (int) put('a fraction', (min ?? 0) + 0.5);
      if (min !== undefined) put(`below its minimum ${min}`, min - 1 - rand(1000));
      if (max !== undefined) put(`above its maximum ${max}`, max + 1 + rand(1000));
      break;
    }
    case 'boolean':
      put('the text "true"', 'true');
      put('the number 1', 1);
      put('an operator object', { $ne: false });
      break;
    case 'enum':
      put('a value not among the options', `not-an-option-${rand(1000)}`);
      put('a number', 0);
      put('an operator object', { $in: f.values });
      break;
    case 'literal':
      put('another value', typeof f.values[0] === 'boolean' ? !f.values[0] : `not-${String(f.values[0])}`);
      put('an operator object', { $eq: f.values[0] });
      break;
    case 'array': {
      const item = validValue(f.children[0]!);
      put('not a list', 'x');
      put('an object with numeric keys', { 0: item });
      put(
        `${MAX_ITEMS * 2 + 1} items (more than any list takes)`,
        Array.from({ length: MAX_ITEMS * 2 + 1 }, () => item),
      );
      const max = bound(f, 'max_length');
      if (max !== undefined)
        put(
          `${max + 1} items (limit ${max})`,
          Array.from({ length: max + 1 }, () => item),
        );
      const min = bound(f, 'min_length') ?? 0;
      if (min > 0)
        put(
          `${min - 1} items (at least ${min})`,
          Array.from({ length: min - 1 }, () => item),
        );
      break;
    }
    case 'object':
      put('a text', 'x');
      put('a list', []);
      break;
  }
  return out;
}

const KIND_BAD: Partial<Record<FieldKind, [string, unknown][]>> = {
  id: [
    ['an id with a "$"', '$where'],
    ['an id with "../"', '../users'],
    ['an id with a space', 'a b'],
    ['an id of 65 characters', 'a'.repeat(65)],
  ],
  voterKey: [
    ['a voter with a "$"', '$ne'],
    ['a voter of 65 characters', 'o'.repeat(65)],
  ],
  categoryKey: [
    ['a key with capitals', 'Courier'],
    ['a key starting with a digit', '1courier'],
  ],
  day: [
    ['the day 2099-99-99', '2099-99-99'],
    ['the day 2026-02-30', '2026-02-30'],
    ['the day 2026-13-45', '2026-13-45'],
    ['the day 2026-02-29 (not a leap year)', '2026-02-29'],
    ['a day without zero padding', '2026-1-1'],
  ],
  datetime: [
    ['the instant 2026-02-30T10:00:00Z', '2026-02-30T10:00:00Z'],
    ['the instant 2026-13-01T00:00:00Z', '2026-13-01T00:00:00Z'],
    ['the hour 25', '2026-01-01T25:00:00Z'],
    ['a day without a time', '2026-01-01'],
    ['a time without a zone', '2026-01-01T08:00:00'],
    ['a word', 'tomorrow'],
  ],
  phone: [
    ['a phone with letters', 'abc-defg'],
    ['a phone with spaces and a +', '+86 138 0000 0000'],
    ['a phone of 21 digits', '1'.repeat(21)],
  ],
  fileId: [
    ['an http URL', 'https://example.com/a.png'],
    ['an id without a path', 'cloud://'],
    ['an id with a space', 'cloud://local-dev.b/a b.png'],
  ],
};

// ---- whole inputs ---------------------------------------------------------------------

function withOwnKey(base: object, key: string, value: unknown): object {
  const copy = { ...base };
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}

/** The input with one field changed, or undefined when the base has no such field's parent. */
function setAt(root: unknown, path: (string | number)[], m: Mutation): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy as Record<string | number, unknown> | undefined;
  for (const k of path.slice(0, -1)) node = node?.[k] as Record<string | number, unknown> | undefined;
  if (!node || typeof node !== 'object') return undefined;
  const last = path.at(-1)!;
  if ('remove' in m) delete node[last];
  else node[last] = m.value;
  return copy;
}

/** Bad inputs for an action: at least `min` (random unknown keys make up the count). */
export function badInputs(
  input: z.ZodType,
  opts: { base: unknown; contract?: ContractAction; seed: number; min?: number },
): BadInput[] {
  let state = opts.seed >>> 0 || 1;
  const rand = (n: number) => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state % n;
  };
  const root = describeSchema(input);
  const base = (opts.base ?? {}) as Record<string, unknown>;
  const out: BadInput[] = [
    { why: 'the body is a list', data: [] },
    { why: 'the body is a text', data: 'x' },
    { why: 'the body is a number', data: 42 },
    { why: 'the body is true', data: true },
    { why: 'an unknown key', data: { ...base, zzUnknown: 1 } },
    { why: 'an operator key', data: { ...base, $where: 'return true' } },
    // An own "__proto__" key, as JSON.parse makes it from a request body.
    { why: 'a "__proto__" key', data: withOwnKey(base, '__proto__', { admin: true }) },
    { why: 'a "constructor" key', data: { ...base, constructor: { prototype: { admin: true } } } },
    {
      why: 'an unknown key beside ignored identity keys',
      data: { ...base, openid: 'forged', role: 'superadmin', zzUnknown: 2 },
    },
  ];
  // Each field in turn (nested ones through their parents), the rest kept valid.
  const visit = (f: Field) => {
    if (f.path.length > 0) {
      for (const m of invalidValues(f, opts.contract, rand)) {
        const data = setAt(base, f.path, m);
        if (data !== undefined) out.push({ why: m.why, data });
      }
    }
    const here = valueAt(base, f.path);
    if (f.type === 'object' && f.path.length > 0 && here && typeof here === 'object') {
      const data = setAt(base, f.path, { why: '', value: { ...here, zzUnknown: 1 } });
      if (data !== undefined) out.push({ why: `${pathText(f.path)}: an unknown key`, data });
    }
    // Array elements: only the first one exists in the base.
    for (const c of f.children) if (f.type !== 'union') visit(c);
  };
  visit(root);
  // Random unknown keys (never ones the schema or the platform knows) up to the minimum.
  const known = new Set([...root.children.map((c) => String(c.path.at(-1))), ...IGNORED_KEYS]);
  const keys = fc.sample(
    fc.string({ minLength: 1, maxLength: 24 }).filter((k) => !known.has(k) && k !== '__proto__'),
    { numRuns: Math.max(3, (opts.min ?? 20) - out.length), seed: opts.seed },
  );
  for (const k of keys)
    out.push({
      why: `the unknown key ${JSON.stringify(k)}`,
      data: { ...base, [k]: OPERATORS[rand(OPERATORS.length)] },
    });
  return out;
}

function valueAt(root: unknown, path: (string | number)[]): unknown {
  let node = root as Record<string | number, unknown> | undefined;
  for (const k of path) node = node?.[k] as Record<string | number, unknown> | undefined;
  return node;
}

/** A stable seed per action, so a failure reproduces. */
export function seedOf(name: string): number {
  let h = 2166136261;
  for (const ch of name) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h;
}
