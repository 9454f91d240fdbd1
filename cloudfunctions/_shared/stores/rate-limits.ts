// The rate_limits collection. A per-user fixed-window rate limit, exact under concurrency: one guarded atomic
// increment on a counter document (one round trip in the common case).
import { COLLECTIONS } from '../collections';
import { cmd, collection } from '../db';
import { AppError, isDuplicateKey } from '../errors';

export interface RateLimit {
  /** What is limited, e.g. "vote". */
  name: string;
  /** Max calls per window. */
  max: number;
  windowSeconds: number;
}

export async function enforceRateLimit(limit: RateLimit, subject: string, now: Date): Promise<void> {
  const windowStart = Math.floor(now.getTime() / 1000 / limit.windowSeconds) * limit.windowSeconds;
  const key = `${limit.name}:${subject}:${windowStart}`;
  const _ = cmd();
  const coll = collection(COLLECTIONS.rateLimits);
  const { updated } = await coll.where({ _id: key, count: _.lt(limit.max) }).update({ count: _.inc(1) });
  if (updated) return;
  try {
    await coll.add({ _id: key, count: 1, expireAt: new Date((windowStart + limit.windowSeconds * 2) * 1000) });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    // Someone created the window first: try the guarded increment once more.
    const again = await coll.where({ _id: key, count: _.lt(limit.max) }).update({ count: _.inc(1) });
    if (again.updated) return;
    throw new AppError('RATE_LIMITED', '操作太频繁了，请稍后再试');
  }
}
