// CloudBase's security-rule expressions, as its storage rules document them: a
// JavaScript-like boolean expression over `auth` (null when not logged in; else
// openid, uid, loginType), `resource` (openid: the file's creator; path: the
// cloud path without the bucket) and `now` (ms). Supported: literals (true,
// false, null, undefined, numbers, '…' / "…" strings, [ … ] arrays, /regex/flags),
// member access (a.b, a['b']), ! && || == != === !== < <= > >= in +, parentheses,
// and the calls <string>.startsWith/endsWith/includes(…) and /re/.test(…).
// Anything else is refused when the rules are parsed — at emulator start — with
// where it is. Reading a property of null fails the evaluation, which denies.

export class RuleSyntaxError extends Error {}
class RuleEvalError extends Error {}

type Node =
  | { k: 'lit'; v: unknown }
  | { k: 'var'; name: string }
  | { k: 'arr'; items: Node[] }
  | { k: 'member'; obj: Node; prop: Node }
  | { k: 'call'; obj: Node; method: string; args: Node[] }
  | { k: 'not'; arg: Node }
  | { k: 'bin'; op: string; a: Node; b: Node };

export interface RuleContext {
  auth: Record<string, unknown> | null;
  resource: Record<string, unknown>;
  now: number;
}

const VARIABLES = ['auth', 'resource', 'now'];
const STRING_METHODS = ['startsWith', 'endsWith', 'includes'];
const BINARY: [string[], number][] = [
  [['||'], 1],
  [['&&'], 2],
  [['==', '!=', '===', '!=='], 3],
  [['<', '<=', '>', '>=', 'in'], 4],
  [['+'], 5],
];
const PUNCT = ['===', '!==', '==', '!=', '<=', '>=', '&&', '||', '<', '>', '!', '+', '(', ')', '[', ']', '.', ','];

interface Token {
  t: 'num' | 'str' | 'id' | 'op' | 're';
  v: string;
  flags?: string;
  at: number;
}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const prevAllowsRegex = () => {
    const p = out[out.length - 1];
    return !p || (p.t === 'op' && ![')', ']'].includes(p.v));
  };
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (/[0-9]/.test(c)) {
      const m = /^[0-9]+(\.[0-9]+)?/.exec(src.slice(i))![0];
      out.push({ t: 'num', v: m, at: i });
      i += m.length;
    } else if (/[A-Za-z_$]/.test(c)) {
      const m = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(src.slice(i))![0];
      out.push({ t: 'id', v: m, at: i });
      i += m.length;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      let s = '';
      while (j < src.length && src[j] !== c) {
        if (src[j] === '\\' && j + 1 < src.length) j++;
        s += src[j++];
      }
      if (j >= src.length) throw new RuleSyntaxError(`unterminated string at ${i}`);
      out.push({ t: 'str', v: s, at: i });
      i = j + 1;
    } else if (c === '/' && prevAllowsRegex()) {
      const m = /^\/((?:\\.|[^/\\\n])+)\/([a-z]*)/.exec(src.slice(i));
      if (!m) throw new RuleSyntaxError(`bad regular expression at ${i}`);
      try {
        new RegExp(m[1]!, m[2]);
      } catch (err) {
        throw new RuleSyntaxError(`bad regular expression at ${i}: ${(err as Error).message}`);
      }
      out.push({ t: 're', v: m[1]!, flags: m[2], at: i });
      i += m[0].length;
    } else {
      const op = PUNCT.find((p) => src.startsWith(p, i));
      if (!op) throw new RuleSyntaxError(`unexpected "${c}" at ${i}`);
      out.push({ t: 'op', v: op, at: i });
      i += op.length;
    }
  }
  return out;
}

class Parser {
  private i = 0;
  constructor(
    private readonly toks: Token[],
    private readonly src: string,
  ) {}

  parse(): Node {
    const node = this.binary(1);
    if (this.i < this.toks.length) this.fail('unexpected', this.toks[this.i]!);
    return node;
  }

  private fail(what: string, tok?: Token): never {
    const at = tok ? tok.at : this.src.length;
    throw new RuleSyntaxError(`${what} ${tok ? `"${tok.v}" ` : 'end '}at ${at} in: ${this.src}`);
  }

  private peek(v: string): boolean {
    const t = this.toks[this.i];
    return !!t && (t.t === 'op' || (t.t === 'id' && v === 'in')) && t.v === v;
  }

  private expect(v: string): void {
    if (!this.peek(v)) this.fail(`expected "${v}" but found`, this.toks[this.i]);
    this.i++;
  }

  private binary(level: number): Node {
    if (level > BINARY.length) return this.unary();
    let a = this.binary(level + 1);
    const ops = BINARY[level - 1]![0];
    for (;;) {
      const op = ops.find((o) => this.peek(o));
      if (!op) return a;
      this.i++;
      a = { k: 'bin', op, a, b: this.binary(level + 1) };
    }
  }

  private unary(): Node {
    if (this.peek('!')) {
      this.i++;
      return { k: 'not', arg: this.unary() };
    }
    return this.postfix(this.primary());
  }

  private primary(): Node {
    const t = this.toks[this.i++];
    if (!t) return this.fail('unexpected');
    if (t.t === 'num') return { k: 'lit', v: Number(t.v) };
    if (t.t === 'str') return { k: 'lit', v: t.v };
    if (t.t === 're') return { k: 'lit', v: new RegExp(t.v, t.flags) };
    if (t.t === 'id') {
      const literals: Record<string, unknown> = { true: true, false: false, null: null, undefined };
      if (t.v in literals) return { k: 'lit', v: literals[t.v] };
      if (!VARIABLES.includes(t.v)) this.fail('unknown variable (storage rules know auth, resource, now)', t);
      return { k: 'var', name: t.v };
    }
    if (t.v === '(') {
      const inner = this.binary(1);
      this.expect(')');
      return inner;
    }
    if (t.v === '[') {
      const items: Node[] = [];
      while (!this.peek(']')) {
        items.push(this.binary(1));
        if (!this.peek(']')) this.expect(',');
      }
      this.i++;
      return { k: 'arr', items };
    }
    return this.fail('unexpected', t);
  }

  private postfix(node: Node): Node {
    for (;;) {
      if (this.peek('.')) {
        this.i++;
        const name = this.toks[this.i++];
        if (!name || name.t !== 'id') this.fail('expected a property name after "." but found', name);
        if (this.peek('(')) {
          node = this.call(node, name!);
          continue;
        }
        node = { k: 'member', obj: node, prop: { k: 'lit', v: name!.v } };
      } else if (this.peek('[')) {
        this.i++;
        const prop = this.binary(1);
        this.expect(']');
        node = { k: 'member', obj: node, prop };
      } else if (this.peek('(')) {
        return this.fail('only methods can be called; found "("', this.toks[this.i]);
      } else {
        return node;
      }
    }
  }

  private call(obj: Node, name: Token): Node {
    const isRegex = obj.k === 'lit' && obj.v instanceof RegExp;
    if (isRegex ? name.v !== 'test' : !STRING_METHODS.includes(name.v)) {
      this.fail(`unsupported method (supported: ${STRING_METHODS.join(', ')} on strings, test on /regex/)`, name);
    }
    this.expect('(');
    const args: Node[] = [];
    while (!this.peek(')')) {
      args.push(this.binary(1));
      if (!this.peek(')')) this.expect(',');
    }
    this.i++;
    if (args.length !== 1) this.fail(`${name.v}() takes one argument`, name);
    return { k: 'call', obj, method: name.v, args };
  }
}

function evaluate(n: Node, ctx: RuleContext): unknown {
  switch (n.k) {
    case 'lit':
      return n.v;
    case 'var':
      return ctx[n.name as keyof RuleContext];
    case 'arr':
      return n.items.map((x) => evaluate(x, ctx));
    case 'member': {
      const obj = evaluate(n.obj, ctx);
      if (obj === null || obj === undefined) throw new RuleEvalError('property of null');
      const prop = evaluate(n.prop, ctx);
      return Object.prototype.hasOwnProperty.call(obj, String(prop))
        ? (obj as Record<string, unknown>)[String(prop)]
        : undefined;
    }
    case 'call': {
      const obj = evaluate(n.obj, ctx);
      const arg = evaluate(n.args[0]!, ctx);
      if (obj instanceof RegExp) return typeof arg === 'string' && obj.test(arg);
      if (typeof obj !== 'string' || typeof arg !== 'string') throw new RuleEvalError(`${n.method} on a non-string`);
      return (obj[n.method as 'startsWith'] as (s: string) => boolean).call(obj, arg);
    }
    case 'not':
      return !evaluate(n.arg, ctx);
    case 'bin': {
      if (n.op === '&&') return evaluate(n.a, ctx) === true && evaluate(n.b, ctx) === true;
      if (n.op === '||') return evaluate(n.a, ctx) === true || evaluate(n.b, ctx) === true;
      const a = evaluate(n.a, ctx);
      const b = evaluate(n.b, ctx);
      const eq = a === b || ((a === null || a === undefined) && (b === null || b === undefined));
      switch (n.op) {
        case '==':
        case '===':
          return eq;
        case '!=':
        case '!==':
          return !eq;
        case 'in':
          return Array.isArray(b) ? b.includes(a) : false;
        case '+':
          if (typeof a === 'number' && typeof b === 'number') return a + b;
          if (typeof a === 'string' || typeof b === 'string') return `${String(a)}${String(b)}`;
          throw new RuleEvalError('+ of non-strings');
        default: {
          if (!((typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string'))) {
            return false;
          }
          const [x, y] = [a as number, b as number];
          return n.op === '<' ? x < y : n.op === '<=' ? x <= y : n.op === '>' ? x > y : x >= y;
        }
      }
    }
  }
}

export interface RuleExpression {
  source: string;
  /** True only when the expression evaluates to true; an evaluation error denies. */
  allows(ctx: RuleContext): boolean;
}

export function parseRuleExpression(source: string): RuleExpression {
  const ast = new Parser(tokenize(source), source).parse();
  return {
    source,
    allows(ctx) {
      try {
        return evaluate(ast, ctx) === true;
      } catch (err) {
        if (err instanceof RuleEvalError) return false;
        throw err;
      }
    },
  };
}
