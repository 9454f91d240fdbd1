// Every action of every function, from the handler maps, and a walk over an
// action's input schema down to its fields: what each field is (type, kind,
// bounds, pattern, options), so the schema policy test and the bad-input
// generator can reason about any action, including ones added later.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { z } from 'zod';
import type { ActionDef } from '../../cloudfunctions/_shared/function';
import { type FieldKind, kindOf } from '../../cloudfunctions/_shared/validation';
import { loadCloudbaseConfig } from '../../scripts/manifests/cloudbaserc';

export type HandlerMap = Record<string, ActionDef<unknown, unknown>>;

export interface ActionRef {
  fn: string;
  action: string;
  def: ActionDef<unknown, unknown>;
}

/** The handler map of every declared function whose source exists. */
export function functionHandlers(): [string, HandlerMap][] {
  return loadCloudbaseConfig()
    .functions.map((f) => f.name)
    .filter((name) => existsSync(resolve(__dirname, `../../cloudfunctions/${name}/handlers.ts`)))
    .map((name) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(`../../cloudfunctions/${name}/handlers`) as { handlers: HandlerMap };
      return [name, mod.handlers];
    });
}

export function allActions(maps: [string, HandlerMap][] = functionHandlers()): ActionRef[] {
  return maps.flatMap(([fn, map]) => Object.entries(map).map(([action, def]) => ({ fn, action, def })));
}

// ---- the walk ------------------------------------------------------------------

interface Def {
  type: string;
  innerType?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  options?: z.ZodType[];
  in?: z.ZodType;
  out?: z.ZodType;
  checks?: { _zod: { def: CheckDef } }[];
  entries?: Record<string, string>;
  values?: unknown[];
  format?: string;
  catchall?: z.ZodType;
}

export interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}

export const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

export interface Field {
  /** Where the field is, from the input's root: ['phases', 'votingEnd'], ['photos', 0]. */
  path: (string | number)[];
  /** The schema with optional/nullable/default peeled off. */
  schema: z.ZodType;
  type: string;
  kind: FieldKind | undefined;
  optional: boolean;
  nullable: boolean;
  checks: CheckDef[];
  /** Enum options, or the literal's value(s). */
  values: unknown[];
  /** Object fields, array element, union options. */
  children: Field[];
}

/** Peels optional/nullable/default (and a transform's pipe) off a schema. */
function peel(schema: z.ZodType): { schema: z.ZodType; optional: boolean; nullable: boolean } {
  let s = schema;
  let optional = false;
  let nullable = false;
  for (;;) {
    const d = defOf(s);
    if (d.type === 'optional' || d.type === 'default' || d.type === 'prefault') optional = true;
    if (d.type === 'nullable') nullable = true;
    if (d.innerType) s = d.innerType;
    else if (d.type === 'pipe' && d.in) s = defOf(d.in).type === 'transform' ? d.out! : d.in;
    else return { schema: s, optional, nullable };
  }
}

export function describeSchema(schema: z.ZodType, path: (string | number)[] = []): Field {
  const { schema: s, optional, nullable } = peel(schema);
  const d = defOf(s);
  const checks = (d.checks ?? []).map((c) => c._zod.def);
  if (d.type === 'string' && d.format) checks.push({ check: 'string_format', format: d.format });
  let children: Field[] = [];
  if (d.type === 'object' && d.shape)
    children = Object.entries(d.shape).map(([k, c]) => describeSchema(c, [...path, k]));
  else if (d.type === 'array' && d.element) children = [describeSchema(d.element, [...path, 0])];
  else if (d.type === 'union' && d.options) children = d.options.map((o) => describeSchema(o, path));
  const values = d.type === 'enum' ? Object.values(d.entries ?? {}) : d.type === 'literal' ? (d.values ?? []) : [];
  return { path, schema: s, type: d.type, kind: kindOf(schema), optional, nullable, checks, values, children };
}

/** The field and every field inside it. */
export function fieldsOf(f: Field): Field[] {
  return [f, ...f.children.flatMap(fieldsOf)];
}

export const pathText = (path: (string | number)[]) => (path.length ? path.join('.') : '(input)');

export function bound(f: Field, check: 'min_length' | 'max_length'): number | undefined {
  const c = f.checks.find((x) => x.check === check);
  return check === 'min_length' ? c?.minimum : c?.maximum;
}

export function numberBounds(f: Field): { min?: number; max?: number; int: boolean } {
  const gt = f.checks.find((c) => c.check === 'greater_than');
  const lt = f.checks.find((c) => c.check === 'less_than');
  const int = f.checks.some((c) => c.check === 'number_format' && /int/.test(c.format ?? ''));
  return { min: gt?.value, max: lt?.value, int };
}

export function patternOf(f: Field): RegExp | undefined {
  return f.checks.find((c) => c.check === 'string_format' && c.pattern)?.pattern;
}
