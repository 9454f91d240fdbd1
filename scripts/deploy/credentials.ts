// Tencent Cloud API keys for a real run, from the deployer's environment only.
export const SECRET_ID = 'TENCENTCLOUD_SECRETID';
export const SECRET_KEY = 'TENCENTCLOUD_SECRETKEY';
export const SESSION_TOKEN = 'TENCENTCLOUD_SESSIONTOKEN';

export interface Credentials {
  secretId: string;
  secretKey: string;
  /** Only for temporary keys. */
  token?: string;
}

export type CredentialsResult = { ok: true; credentials: Credentials } | { ok: false; missing: string[] };

export function readCredentials(env: NodeJS.ProcessEnv): CredentialsResult {
  const value = (name: string) => env[name]?.trim() || undefined;
  const secretId = value(SECRET_ID);
  const secretKey = value(SECRET_KEY);
  const token = value(SESSION_TOKEN);
  if (!secretId || !secretKey) {
    return { ok: false, missing: [...(secretId ? [] : [SECRET_ID]), ...(secretKey ? [] : [SECRET_KEY])] };
  }
  return { ok: true, credentials: { secretId, secretKey, ...(token ? { token } : {}) } };
}

export function missingCredentialsMessage(missing: string[]): string {
  return [
    `Missing credentials: ${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} not set.`,
    `A real deployment needs ${SECRET_ID} and ${SECRET_KEY} (a Tencent Cloud API key with CloudBase access;`,
    `add ${SESSION_TOKEN} for temporary keys). Nothing was built or sent.`,
    'To see the plan without credentials: npm run deploy -- --dry-run',
  ].join('\n');
}
