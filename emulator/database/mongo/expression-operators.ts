// Aggregation expression operators where mingo answers differently from MongoDB
// (or not at all), rewritten to MongoDB's documented semantics:
//   $indexOfCP (missing from mingo), $indexOfBytes counting UTF-8 bytes;
//   $substr / $substrBytes: a negative length means "to the end", a start past the
//     end gives "", numbers are read as strings, null as "";
//   $week: Sunday-based weeks, days before the first Sunday in week 0 (not ISO);
//   $isoWeekYear of the days that belong to the neighbouring year's ISO weeks;
//   $toLower / $toUpper of null or a missing field: "";
//   one-argument operators written with an argument list (`{ $size: ['$arr'] }`);
//   $sum / $avg / $max / $min / $stdDevPop / $stdDevSamp used as expressions.
import { computeValue, evalExpr } from 'mingo/core';
import type { Options } from 'mingo/types';

type ExpressionOperator = (obj: unknown, expr: unknown, options: Options) => unknown;
type AccumulatorOperator = (collection: unknown[], expr: unknown, options: Options) => unknown;

const isNil = (v: unknown) => v === null || v === undefined;
const fail = (message: string): never => {
  throw new Error(message);
};

/** Operators of exactly one argument: MongoDB also takes it as a one-element argument list. */
const ONE_ARGUMENT = [
  '$abs', '$ceil', '$exp', '$floor', '$ln', '$log10', '$sqrt', '$size', '$reverseArray', '$arrayToObject',
  '$objectToArray', '$strLenBytes', '$strLenCP', '$type', '$first', '$last', '$toString', '$toBool', '$isNumber',
  '$toInt', '$toLong', '$toDouble', '$toDate', '$toDecimal', '$toObjectId', '$year', '$month', '$dayOfMonth',
  '$dayOfWeek', '$dayOfYear', '$hour', '$minute', '$second', '$millisecond', '$isoWeek', '$isoDayOfWeek',
]; // prettier-ignore

const ACCUMULATORS_AS_EXPRESSIONS = ['$sum', '$avg', '$max', '$min', '$stdDevPop', '$stdDevSamp'];

const unwrap = (expr: unknown) => (Array.isArray(expr) && expr.length === 1 ? expr[0] : expr);

function args(obj: unknown, expr: unknown, options: Options, op: string, min: number, max: number): unknown[] {
  if (!Array.isArray(expr) || expr.length < min || expr.length > max) {
    fail(`Expression ${op} takes at least ${min} and at most ${max} arguments`);
  }
  return evalExpr(obj, expr, options) as unknown[];
}

function searchRange(op: string, length: number, start: unknown, end: unknown): [number, number] {
  const index = (v: unknown, name: string, fallback: number) => {
    if (v === undefined) return fallback;
    if (typeof v !== 'number' || !Number.isInteger(v)) fail(`${op} ${name} index must resolve to an integral number`);
    if ((v as number) < 0) fail(`${op} ${name} index must be non-negative`);
    return v as number;
  };
  return [index(start, 'starting', 0), index(end, 'ending', length)];
}

/** $indexOfBytes / $indexOfCP: the unit is a UTF-8 byte or a code point. */
function indexOf(op: string, units: (s: string) => string[] | Buffer): ExpressionOperator {
  return (obj, expr, options) => {
    const [s, sub, start, end] = args(obj, expr, options, op, 2, 4);
    if (isNil(s)) return null;
    if (typeof s !== 'string') return fail(`${op} requires a string as the first argument`);
    if (typeof sub !== 'string') return fail(`${op} requires a string as the second argument`);
    const hay = units(s);
    const needle = units(sub);
    const [from, to] = searchRange(op, hay.length, start, end);
    for (let i = from; i + needle.length <= Math.min(to, hay.length); i++) {
      let match = true;
      for (let j = 0; j < needle.length && match; j++) match = hay[i + j] === needle[j];
      if (match) return i;
    }
    return -1;
  };
}

const codePoints = (s: string) => Array.from(s);
const utf8 = (s: string) => Buffer.from(s, 'utf8');
const isContinuation = (b: number | undefined) => b !== undefined && (b & 0xc0) === 0x80;

/** MongoDB's $substrBytes: start and length as unsigned, so negatives mean "past the end". */
const substrBytes: ExpressionOperator = (obj, expr, options) => {
  const [s, start, length] = args(obj, expr, options, '$substrBytes', 3, 3);
  if (typeof start !== 'number') return fail('$substrBytes: starting index must be a numeric type');
  if (typeof length !== 'number') return fail('$substrBytes: length must be a numeric type');
  const text = isNil(s) ? '' : s instanceof Date ? s.toISOString() : String(s);
  const bytes = utf8(text);
  const from = start < 0 ? Infinity : Math.trunc(start);
  const count = length < 0 ? Infinity : Math.trunc(length);
  if (from < bytes.length && isContinuation(bytes[from])) {
    return fail('$substrBytes: Invalid range, starting index is a UTF-8 continuation byte.');
  }
  if (from + count < bytes.length && isContinuation(bytes[from + count])) {
    return fail('$substrBytes: Invalid range, ending index is in the middle of a UTF-8 character.');
  }
  if (from >= bytes.length) return '';
  return bytes.subarray(from, Math.min(bytes.length, from + count)).toString('utf8');
};

/** Sunday-based week of the year (strftime %U): days before the year's first Sunday are week 0. */
const week: ExpressionOperator = (obj, expr, options) => {
  const dayOfYear = computeValue(obj, expr, '$dayOfYear', options) as number | null;
  const dayOfWeek = computeValue(obj, expr, '$dayOfWeek', options) as number | null;
  if (isNil(dayOfYear) || isNil(dayOfWeek)) return null;
  return Math.floor((dayOfYear! - 1 + 7 - (dayOfWeek! - 1)) / 7);
};

const isoWeekYear: ExpressionOperator = (obj, expr, options) => {
  const year = computeValue(obj, expr, '$year', options) as number | null;
  if (isNil(year)) return null;
  const month = computeValue(obj, expr, '$month', options) as number;
  const isoWeek = computeValue(obj, expr, '$isoWeek', options) as number;
  if (month === 1 && isoWeek >= 52) return year! - 1;
  if (month === 12 && isoWeek === 1) return year! + 1;
  return year;
};

function caseOf(base: ExpressionOperator): ExpressionOperator {
  return (obj, expr, options) => {
    const value = evalExpr(obj, unwrap(expr), options);
    return isNil(value) ? '' : base(obj, unwrap(expr), options);
  };
}

/** `{ $dateToString }` with %U: mingo's %U is ISO-based; MongoDB's is $week. */
function dateToString(base: ExpressionOperator): ExpressionOperator {
  return (obj, expr, options) => {
    const spec = expr as { format?: unknown; date?: unknown; timezone?: unknown } | null;
    if (!spec || typeof spec.format !== 'string' || !spec.format.includes('%U')) return base(obj, expr, options);
    const w = week(obj, { date: spec.date, ...(spec.timezone ? { timezone: spec.timezone } : {}) }, options);
    if (isNil(w)) return base(obj, expr, options);
    const format = spec.format.replace(/%U/g, String(w).padStart(2, '0'));
    return base(obj, { ...spec, format }, options);
  };
}

/** An accumulator as an expression: one operand resolving to an array is its input; several are the input. */
function accumulatorExpression(acc: AccumulatorOperator): ExpressionOperator {
  return (obj, expr, options) => {
    // mingo's $group (and $bucket…) evaluate accumulators with the group's documents as `obj`.
    if (Array.isArray(obj)) return acc(obj, expr, options);
    let values: unknown[];
    if (Array.isArray(expr) && expr.length !== 1) values = evalExpr(obj, expr, options) as unknown[];
    else {
      const v = evalExpr(obj, unwrap(expr), options);
      values = Array.isArray(v) ? v : [v];
    }
    return acc(values, null, options);
  };
}

export function mongoExpressionOperators(
  base: Record<string, ExpressionOperator>,
  accumulators: Record<string, AccumulatorOperator>,
): Record<string, ExpressionOperator> {
  const ops: Record<string, ExpressionOperator> = {};
  for (const name of ONE_ARGUMENT) {
    const op = base[name];
    if (op) ops[name] = (obj, expr, options) => op(obj, unwrap(expr), options);
  }
  for (const name of ACCUMULATORS_AS_EXPRESSIONS) {
    const acc = accumulators[name];
    if (acc) ops[name] = accumulatorExpression(acc);
  }
  return {
    ...ops,
    $indexOfBytes: indexOf('$indexOfBytes', utf8),
    $indexOfCP: indexOf('$indexOfCP', codePoints),
    $substrBytes: substrBytes,
    $substr: substrBytes,
    $week: (obj, expr, options) => week(obj, unwrap(expr), options),
    $isoWeekYear: (obj, expr, options) => isoWeekYear(obj, unwrap(expr), options),
    $toLower: caseOf(base.$toLower!),
    $toUpper: caseOf(base.$toUpper!),
    $dateToString: dateToString(base.$dateToString!),
  };
}
