// The privacy rule, applied to every reply a test receives (one hook, called by
// each test transport): a reply of a non-organiser action never carries another
// user's phone, real name or openid. The hook learns the secrets from the calls
// themselves — who logged in (openid), who registered (real name, phone), whose
// nomination named a private phone — and a finding throws, naming the action,
// the caller and the field.
import type { Access } from '../../typings/common';
import { functionHandlers } from './schemas';

type SecretKind = 'openid' | 'phone' | 'real name';

interface Secret {
  kind: SecretKind;
  value: string;
}

/** Actions whose replies are for organisers, who see the people in their scope by design. */
const ORGANISER: readonly Access[] = ['admin', 'superadmin', 'timer'];

export class PrivacyLeak extends Error {}

let accessCache: Map<string, Access> | null = null;
function accessOf(fn: string, action: string): Access | undefined {
  accessCache ??= new Map(
    functionHandlers().flatMap(([f, map]) => Object.entries(map).map(([a, d]) => [`${f}.${a}`, d.access] as const)),
  );
  return accessCache.get(`${fn}.${action}`);
}

export class PrivacyWatch {
  private readonly secrets = new Map<string, Secret[]>();
  /** Replies inspected (printed by suites that count what they covered). */
  inspected = 0;

  /** Call after every call: learns from successful ones, then inspects the reply. */
  observe(openid: string, fn: string, action: string, data: unknown, reply: unknown): void {
    const ok = (reply as { ok?: unknown } | null)?.ok === true;
    if (ok && openid) this.learn(openid, fn, action, data);
    this.inspect(openid, fn, action, data, reply);
  }

  private add(openid: string, kind: SecretKind, value: unknown) {
    if (typeof value !== 'string' || value.length < 2) return;
    const list = this.secrets.get(openid) ?? [];
    if (!list.some((s) => s.kind === kind && s.value === value)) list.push({ kind, value });
    this.secrets.set(openid, list);
  }

  private learn(openid: string, fn: string, action: string, data: unknown) {
    this.add(openid, 'openid', openid);
    const d = (data ?? {}) as Record<string, unknown>;
    if (fn === 'user' && action === 'registerWorker') {
      this.add(openid, 'real name', d.realName);
      this.add(openid, 'phone', d.phone);
    }
    // A nominee's phone is for organisers only.
    if (fn === 'campaign' && action === 'nominate') this.add(openid, 'phone', d.phone);
  }

  private inspect(openid: string, fn: string, action: string, data: unknown, reply: unknown) {
    this.inspected++;
    const access = accessOf(fn, action);
    if (!access || ORGANISER.includes(access)) return;
    const own = new Set((this.secrets.get(openid) ?? []).map((s) => s.value));
    const sent = JSON.stringify(data ?? null);
    for (const [owner, list] of this.secrets) {
      if (owner === openid) continue;
      for (const secret of list) {
        // The caller's own values, and what the caller sent, are not someone else's secret.
        if (own.has(secret.value) || sent.includes(secret.value)) continue;
        const at = findIn(reply, secret);
        if (at)
          throw new PrivacyLeak(
            `privacy: ${fn}.${action} replied to ${openid || '(anonymous)'} with another user's ${secret.kind} ` +
              `(${owner}'s) at ${at}`,
          );
      }
    }
  }
}

/** The JSON path where the secret appears in a value, or null. */
function findIn(value: unknown, secret: Secret, path = '$'): string | null {
  if (typeof value === 'string') return matches(value, secret) ? path : null;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const at = findIn(v, secret, `${path}[${i}]`);
      if (at) return at;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const at = findIn(v, secret, `${path}.${k}`);
      if (at) return at;
    }
  }
  return null;
}

function matches(text: string, secret: Secret): boolean {
  if (text === secret.value) return true;
  // Inside longer text: phones and names always; openids when long enough not to occur by chance.
  if (secret.kind === 'openid' && secret.value.length < 8) return false;
  return text.includes(secret.value);
}
