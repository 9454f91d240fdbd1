// Upload permission, as COS does it with signed URLs: getUploadMetadata issues a
// token for one cloud path, and the PUT must present it. An upload that skipped
// the metadata call (or reused a token for another path) fails locally the way
// it would against COS.
import { randomBytes } from 'node:crypto';

/** Generous: the SDK PUTs right after asking; this only bounds memory. */
const GRANT_TTL_MS = 60 * 60 * 1000;

export interface UploadGrant {
  token: string;
  authorization: string;
  cosFileId: string;
}

export class UploadGrants {
  private readonly grants = new Map<string, { cloudPath: string; expiresAt: number }>();

  issue(cloudPath: string, now = Date.now()): UploadGrant {
    for (const [token, grant] of this.grants) if (grant.expiresAt <= now) this.grants.delete(token);
    const token = randomBytes(16).toString('hex');
    this.grants.set(token, { cloudPath, expiresAt: now + GRANT_TTL_MS });
    return {
      token,
      authorization: `q-sign-algorithm=local&q-token=${token}`,
      cosFileId: randomBytes(24).toString('base64url'),
    };
  }

  /** Tokens stay valid until they expire, so a retried PUT still works. */
  allows(cloudPath: string, token: string | undefined, now = Date.now()): boolean {
    const grant = token ? this.grants.get(token) : undefined;
    return !!grant && grant.cloudPath === cloudPath && grant.expiresAt > now;
  }

  clear(): void {
    this.grants.clear();
  }
}
