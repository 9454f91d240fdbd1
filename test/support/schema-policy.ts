// The rules every action's input schema follows, as one function the policy test
// runs over every action (and over deliberately weakened copies, to prove it can
// fail): every string, list and number is bounded, every object is strict, every
// field the contract types as a day or an instant is validated as one, and the
// handler declares the contract's access level.
import type { z } from 'zod';
import type { Access } from '../../typings/common';
import type { FieldKind } from '../../cloudfunctions/_shared/validation';
import type { ContractAction } from './contracts';
import { bound, defOf, describeSchema, type Field, fieldsOf, numberBounds, pathText } from './schemas';

/** The longest text any field takes (a lecture's HTML body). */
export const MAX_TEXT = 50_000;
/** The longest list any field takes. */
export const MAX_ITEMS = 500;
/** Kinds whose pattern fixes their length (an id is 1–64 characters), so they need no separate limit. */
const SHAPED: readonly (FieldKind | undefined)[] = ['id', 'voterKey', 'categoryKey', 'day', 'phone'];

export function schemaProblems(input: z.ZodType): string[] {
  return fieldsOf(describeSchema(input)).flatMap((f) => fieldProblems(f).map((p) => `${pathText(f.path)}: ${p}`));
}

function fieldProblems(f: Field): string[] {
  switch (f.type) {
    case 'string': {
      const max = bound(f, 'max_length');
      if (max === undefined && !SHAPED.includes(f.kind)) return ['text without a length limit'];
      if (max !== undefined && max > MAX_TEXT) return [`text limit ${max} is over ${MAX_TEXT}`];
      return [];
    }
    case 'array': {
      const max = bound(f, 'max_length');
      if (max === undefined) return ['list without a limit on its items'];
      return max > MAX_ITEMS ? [`list limit ${max} is over ${MAX_ITEMS}`] : [];
    }
    case 'number': {
      const { min, max } = numberBounds(f);
      return min === undefined || max === undefined ? ['number without both a lower and an upper bound'] : [];
    }
    case 'object':
      return defOf(f.schema).catchall && defOf(defOf(f.schema).catchall!).type === 'never'
        ? []
        : ['object that accepts unknown keys (build it with form())'];
    case 'boolean':
    case 'enum':
    case 'literal':
    case 'null':
    case 'union':
      return [];
    default:
      return [`field of type ${f.type}, which the input rules do not allow`];
  }
}

/** Fields the contract types DayKey / IsoDate that the schema does not validate as such. */
export function contractProblems(input: z.ZodType, contract: ContractAction): string[] {
  const byPath = new Map(fieldsOf(describeSchema(input)).map((f) => [f.path.join('.'), f]));
  const want: [string, FieldKind, string][] = [
    ...contract.days.map((p) => [p, 'day', 'dayKey()'] as [string, FieldKind, string]),
    ...contract.datetimes.map((p) => [p, 'datetime', 'isoDateTime()'] as [string, FieldKind, string]),
  ];
  return want.flatMap(([path, kind, helper]) => {
    const f = byPath.get(path);
    if (!f) return [`${path}: in the contract but not in the schema`];
    return f.kind === kind
      ? []
      : [`${path}: the contract says ${kind === 'day' ? 'DayKey' : 'IsoDate'}, validate it with ${helper}`];
  });
}

export function accessProblems(declared: Access, contract: ContractAction | undefined): string[] {
  if (!contract) return ['no contract in typings/ declares this action'];
  if (contract.access === null) return ['its contract leaves the access level open (ActionSpec<Req, Res, Access>)'];
  return declared === contract.access ? [] : [`declares access '${declared}', its contract says '${contract.access}'`];
}
