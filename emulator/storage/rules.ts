// Storage security rules in CloudBase's bucket-level format:
// `{ "read": <boolean | expression>, "write": <boolean | expression> }`.
// They bind client requests only (the server SDK is admin and may do anything):
// here POST /storage/client-upload and storage.getFileAuthority. A missing key
// denies, as CloudBase's do. Rules that do not parse fail the emulator's start.
import { parseRuleExpression, type RuleContext, RuleSyntaxError } from './rule-expression';

export interface StorageRules {
  read?: boolean | string;
  write?: boolean | string;
}

/**
 * What a new bucket gets on WeChat CloudBase ("所有用户可读，仅创建者可读写" —
 * every user reads, the creator writes), written as a rule.
 */
export const DEFAULT_STORAGE_RULES: StorageRules = { read: true, write: 'resource.openid == auth.openid' };

export type StorageOperation = 'read' | 'write';

/** Who is asking: null when not logged in. */
export type RuleAuth = { openid?: string; uid?: string; loginType?: string } | null;

export interface CompiledRules {
  allows(op: StorageOperation, auth: RuleAuth, resource: { openid?: string; path: string }): boolean;
}

export function compileStorageRules(rules: unknown): CompiledRules {
  if (!rules || typeof rules !== 'object' || Array.isArray(rules)) {
    throw new Error('storage rules must be an object like { "read": true, "write": "auth != null" }');
  }
  const unknownKeys = Object.keys(rules).filter((k) => k !== 'read' && k !== 'write');
  if (unknownKeys.length) {
    throw new Error(`storage rules know only "read" and "write", not ${unknownKeys.map((k) => `"${k}"`).join(', ')}`);
  }
  const compiled = new Map<StorageOperation, (ctx: RuleContext) => boolean>();
  for (const op of ['read', 'write'] as const) {
    const value = (rules as StorageRules)[op];
    if (value === undefined || typeof value === 'boolean') {
      compiled.set(op, () => value === true);
    } else if (typeof value === 'string') {
      try {
        const expr = parseRuleExpression(value);
        compiled.set(op, (ctx) => expr.allows(ctx));
      } catch (err) {
        if (err instanceof RuleSyntaxError) throw new Error(`storage rule "${op}": ${err.message}`);
        throw err;
      }
    } else {
      throw new Error(`storage rule "${op}" must be a boolean or an expression string`);
    }
  }
  return {
    allows: (op, auth, resource) =>
      compiled.get(op)!({ auth: auth ? { ...auth } : null, resource: { ...resource }, now: Date.now() }),
  };
}
