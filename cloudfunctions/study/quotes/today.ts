// Today's quote: the scheduled one, else a deterministic pick from the pool, made
// once per day and written down so the whole day sees the same quote even if the
// pool changes.
import { COLLECTIONS } from '../../_shared/collections';
import { AppError, isDuplicateKey } from '../../_shared/errors';
import { db } from '../../_shared/sdk';
import type { QuoteDoc, ScheduleDoc } from '../docs';
import { pickIndex } from './daily';

export async function quoteForDay(day: string, now: Date): Promise<QuoteDoc> {
  const scheduled = (await db().collection(COLLECTIONS.quoteSchedule).doc(day).get()).data[0] as
    ScheduleDoc | undefined;
  if (scheduled) {
    const q = (await db().collection(COLLECTIONS.quotes).doc(scheduled.quoteId).get()).data[0] as QuoteDoc | undefined;
    if (q?.status === 'active') return q;
    // Deleted since it was scheduled: free the day (only if still that quote) and pick again.
    await db().collection(COLLECTIONS.quoteSchedule).where({ _id: day, quoteId: scheduled.quoteId }).remove();
  }
  const pool = db().collection(COLLECTIONS.quotes).where({ status: 'active' });
  const { total } = await pool.count();
  if (total === 0) throw new AppError('NOT_FOUND', '还没有金句，请管理员先添加');
  const { data } = await pool.orderBy('_id', 'asc').skip(pickIndex(day, total)).limit(1).get();
  const picked = data[0] as QuoteDoc;
  try {
    await db().collection(COLLECTIONS.quoteSchedule).add({ _id: day, quoteId: picked._id, auto: true, createdAt: now });
    return picked;
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    // Someone fixed today's pick first: use theirs.
    return quoteForDay(day, now);
  }
}
