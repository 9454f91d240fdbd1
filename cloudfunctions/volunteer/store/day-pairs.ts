// The volunteer_day_pairs collection: check-in/out pairs a member started on a
// Beijing day, across activities (_id <userId>:<day>). Taking one is a single
// guarded increment below the limit (creating the day's counter the first time),
// so however many check-ins race, no more than the limit get through.
import { COLLECTIONS } from '../../_shared/collections';
import { cmd, collection, getDoc } from '../../_shared/db';
import { AppError, isDuplicateKey } from '../../_shared/errors';

const pairs = () => collection(COLLECTIONS.volunteerDayPairs);

const idOf = (userId: string, day: string) => `${userId}:${day}`;

const ATTEMPTS = 5;

/** Takes one of the day's pairs; the count after, or null when `max` are taken. */
export async function takePair(userId: string, day: string, max: number): Promise<number | null> {
  const id = idOf(userId, day);
  const _ = cmd();
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const res = await pairs()
      .where({ _id: id, count: _.lt(max) })
      .updateAndReturn({ count: _.inc(1) });
    if (res.updated) return (res.doc as { count: number }).count;
    const found = await getDoc<{ count: number }>(COLLECTIONS.volunteerDayPairs, id);
    if (found && found.count >= max) return null;
    // No counter yet: create it (a racing check-in may have created it meanwhile: increment again).
    if (!found) {
      try {
        await pairs().add({ _id: id, userId, day, count: 1 });
        return 1;
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
    }
  }
  throw new AppError('RATE_LIMITED', '签到的人太多了，请稍后再扫一次');
}

/** Gives a pair back (the check-in it was taken for did not happen). */
export async function releasePair(userId: string, day: string): Promise<void> {
  await pairs()
    .where({ _id: idOf(userId, day), count: cmd().gt(0) })
    .update({ count: cmd().inc(-1) });
}

export async function pairsOn(userId: string, day: string): Promise<number> {
  const doc = await getDoc<{ count: number }>(COLLECTIONS.volunteerDayPairs, idOf(userId, day));
  return doc?.count ?? 0;
}
