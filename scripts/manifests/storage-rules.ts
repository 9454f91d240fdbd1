// storage.rules.json: cloud storage's security rule, in CloudBase's bucket-level
// form { "read": <boolean | expression>, "write": <boolean | expression> }. The
// deploy sets it (storage.setStorageAcl('CUSTOM', rule)); the dev emulator is
// handed the same value. This reads and validates it, with errors naming the bad
// part. Expressions may use only what CloudBase documents for storage rules
// (docs.cloudbase.net/storage/security-rules): the variables auth (null when not
// signed in; auth.openid, auth.uid, auth.loginType) and resource (resource.openid,
// the file's creator; resource.path, its path without the bucket), string, number,
// boolean and null literals, == != > < >= <= && ||, and a regular-expression
// literal's .test(…) compared explicitly with true or false.
import { readFileSync } from 'node:fs';
import { STORAGE_RULES } from './paths';

export interface StorageRule {
  read: boolean | string;
  write: boolean | string;
}

const VARIABLES = new Set(['auth', 'auth.openid', 'auth.uid', 'auth.loginType', 'resource.openid', 'resource.path']);
const OPERATORS = ['==', '!=', '>=', '<=', '>', '<', '&&', '||'];

/** Reads storage.rules.json (the project's by default). Throws an Error naming the file and the problem. */
export function loadStorageRules(path = STORAGE_RULES): StorageRule {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`${path}: cannot read the storage security rule: ${(err as Error).message}`);
  }
  return parseStorageRules(raw, path);
}

export function parseStorageRules(raw: unknown, source: string): StorageRule {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw new Error(`${source}: expected an object { "read": …, "write": … }`);
  const entries = raw as Record<string, unknown>;
  const unknown = Object.keys(entries).filter((k) => k !== 'read' && k !== 'write' && k !== '//');
  if (unknown.length)
    throw new Error(
      `${source}: unknown key(s) ${unknown.map((k) => `"${k}"`).join(', ')} (storage rules have read and write)`,
    );
  const rule = { read: entries.read, write: entries.write };
  for (const op of ['read', 'write'] as const) {
    const value = rule[op];
    if (value === undefined) throw new Error(`${source}: "${op}" is missing (true, false or an expression)`);
    if (typeof value === 'boolean') continue;
    if (typeof value !== 'string' || !value.trim())
      throw new Error(`${source}: "${op}" must be true, false or an expression string`);
    const problem = expressionProblem(value);
    if (problem) throw new Error(`${source}: "${op}": ${problem}`);
  }
  return rule as StorageRule;
}

type Token =
  | { t: 'var'; v: string }
  | { t: 'lit'; v: string }
  | { t: 'op'; v: string }
  | { t: 'regex'; v: string }
  | { t: '('; v: '(' }
  | { t: ')'; v: ')' };

/** Why an expression uses something CloudBase's storage rules do not document, or null. */
export function expressionProblem(expr: string): string | null {
  let tokens: Token[];
  try {
    tokens = tokenize(expr);
  } catch (err) {
    return (err as Error).message;
  }
  // Operands alternate with operators; a regex must be `/…/.test(operand) == true|false`.
  let expectOperand = true;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (expectOperand) {
      if (tok.t === 'var' || tok.t === 'lit') {
        expectOperand = false;
      } else if (tok.t === 'regex') {
        const [open, arg, close, eq, bool] = tokens.slice(i + 1, i + 6);
        if (open?.t !== '(' || !arg || (arg.t !== 'var' && arg.t !== 'lit') || close?.t !== ')')
          return `the regular expression ${tok.v} must be used as ${tok.v}.test(<value>)`;
        if (
          eq?.t !== 'op' ||
          (eq.v !== '==' && eq.v !== '!=') ||
          bool?.t !== 'lit' ||
          !['true', 'false'].includes(bool.v)
        )
          return `compare ${tok.v}.test(…) explicitly with true or false (CloudBase requires it)`;
        i += 5;
        expectOperand = false;
      } else {
        return `expected a value, found "${tok.v}"`;
      }
    } else {
      if (tok.t !== 'op') return `expected an operator, found "${tok.v}"`;
      expectOperand = true;
    }
  }
  return expectOperand ? 'the expression ends without a value' : null;
}

function tokenize(expr: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const operandBefore = () => out.length > 0 && ['var', 'lit', ')'].includes(out[out.length - 1]!.t);
  while (i < expr.length) {
    const c = expr[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '/' && !operandBefore()) {
      let j = i + 1;
      let inClass = false;
      while (j < expr.length && (expr[j] !== '/' || inClass)) {
        if (expr[j] === '\\') j++;
        else if (expr[j] === '[') inClass = true;
        else if (expr[j] === ']') inClass = false;
        j++;
      }
      if (j >= expr.length) throw new Error(`an unterminated regular expression at ${i}`);
      const flags = /^[gimsuy]*/.exec(expr.slice(j + 1))![0];
      const literal = expr.slice(i, j + 1 + flags.length);
      try {
        new RegExp(expr.slice(i + 1, j), flags);
      } catch (err) {
        throw new Error(`the regular expression ${literal} is not valid: ${(err as Error).message}`);
      }
      if (!expr.startsWith('.test', j + 1 + flags.length))
        throw new Error(`the regular expression ${literal} must be used with .test(…)`);
      out.push({ t: 'regex', v: literal });
      i = j + 1 + flags.length + '.test'.length;
      continue;
    }
    if (c === "'" || c === '"') {
      const end = expr.indexOf(c, i + 1);
      if (end < 0) throw new Error(`an unterminated string at ${i}`);
      out.push({ t: 'lit', v: expr.slice(i, end + 1) });
      i = end + 1;
      continue;
    }
    if (c === '(' || c === ')') {
      out.push({ t: c, v: c } as Token);
      i++;
      continue;
    }
    const op = OPERATORS.find((o) => expr.startsWith(o, i));
    if (op) {
      out.push({ t: 'op', v: op });
      i += op.length;
      continue;
    }
    const word = /^[A-Za-z_][\w.]*|^-?\d+(\.\d+)?/.exec(expr.slice(i))?.[0];
    if (!word) throw new Error(`unexpected "${c}" at ${i}`);
    if (/^-?\d/.test(word) || ['true', 'false', 'null'].includes(word)) out.push({ t: 'lit', v: word });
    else if (VARIABLES.has(word)) out.push({ t: 'var', v: word });
    else throw new Error(`"${word}" is not one of CloudBase's storage rule variables (${[...VARIABLES].join(', ')})`);
    i += word.length;
  }
  return out;
}
