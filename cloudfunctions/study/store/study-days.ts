// The study_days collection: one document per person per Beijing day they studied
// (a check-in or a lecture's progress), _id = userId:day. Created once: a duplicate
// key means the day was already counted, so the dashboard's learners count each
// person once a day however often they study.
import { COLLECTIONS } from '../../_shared/collections';
import { cmd, forEachPage, getDocIn, isTransactionConflict, type Transaction, collection } from '../../_shared/db';
import { isDuplicateKey } from '../../_shared/errors';

export interface StudyDayDoc {
  _id: string;
  userId: string;
  day: string;
  /** The person's org that day. */
  orgId: string;
  createdAt: Date;
}

export type StudyDay = Omit<StudyDayDoc, '_id' | 'createdAt'>;

export const studyDayId = (userId: string, day: string) => `${userId}:${day}`;
const doc = (d: StudyDay, now: Date): StudyDayDoc => ({ _id: studyDayId(d.userId, d.day), ...d, createdAt: now });

/** Marks the day; true when this call made it the person's first study of the day. */
export async function markStudyDay(d: StudyDay, now: Date): Promise<boolean> {
  try {
    await collection(COLLECTIONS.studyDays).add(doc(d, now));
    return true;
  } catch (err) {
    if (isDuplicateKey(err) || isTransactionConflict(err)) return false;
    throw err;
  }
}

/** Marks the day inside a transaction (the check-in's); true when it was not marked yet. */
export async function markStudyDayIn(t: Transaction, d: StudyDay, now: Date): Promise<boolean> {
  if (await getDocIn(t, COLLECTIONS.studyDays, studyDayId(d.userId, d.day))) return false;
  await t.collection(COLLECTIONS.studyDays).add(doc(d, now));
  return true;
}

/** The study days from `from` to `to`, a page at a time. */
export function forEachStudyDay(from: string, to: string, visit: (docs: StudyDayDoc[]) => void): Promise<void> {
  const _ = cmd();
  return forEachPage<StudyDayDoc>(COLLECTIONS.studyDays, { day: _.gte(from).and(_.lte(to)) }, visit);
}
