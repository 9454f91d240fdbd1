// The quote_checkins and study_users collections: one check-in per user per
// Beijing day (_id = userId:day), and each user's streak and total.
import { COLLECTIONS } from '../../_shared/collections';
import {
  AGGREGATE_ROWS,
  cmd,
  collection,
  findDocs,
  forEachPage,
  getDoc,
  getDocIn,
  inTransaction,
  rowsOf,
} from '../../_shared/db';
import { awardPointsIn, type PointsMove } from '../../_shared/stores/points';
import { afterCheckIn, type CheckinStats, NO_CHECKINS } from '../rules/daily';
import { markStudyDayIn } from './study-days';

interface StudyUserDoc {
  _id: string;
  checkin: CheckinStats;
}

export const checkinId = (userId: string, day: string) => `${userId}:${day}`;

export async function checkinStats(userId: string): Promise<CheckinStats> {
  return (await getDoc<StudyUserDoc>(COLLECTIONS.studyUsers, userId))?.checkin ?? NO_CHECKINS;
}

/** The days among these on which the user checked in. */
export async function checkedInDays(userId: string, days: string[]): Promise<Set<string>> {
  if (!days.length) return new Set();
  const ids = days.map((d) => checkinId(userId, d));
  const found = await findDocs<{ day: string }>(COLLECTIONS.quoteCheckins, { _id: cmd().in(ids) }, ids.length);
  return new Set(found.map((c) => c.day));
}

export interface CheckIn {
  userId: string;
  day: string;
  quoteId: string;
  orgId: string;
  orgPath: string[];
}

export interface CheckInResult {
  stats: CheckinStats;
  alreadyDone: boolean;
  pointsAwarded: number;
  /** The check-in was the person's first study of the day (it marked the study day). */
  firstStudyToday: boolean;
}

export type CheckinDoc = CheckIn & { _id: string; createdAt: Date };

/**
 * One transaction: the day's record, the streak, the points and the day's study mark
 * move together, once.
 */
export function checkIn(c: CheckIn, points: Omit<PointsMove, 'userId' | 'sourceId' | 'key'>): Promise<CheckInResult> {
  const id = checkinId(c.userId, c.day);
  return inTransaction(async (t) => {
    const existing = await getDocIn(t, COLLECTIONS.quoteCheckins, id);
    const before = (await getDocIn<StudyUserDoc>(t, COLLECTIONS.studyUsers, c.userId))?.checkin ?? NO_CHECKINS;
    if (existing) return { stats: before, alreadyDone: true, pointsAwarded: 0, firstStudyToday: false };
    const after = afterCheckIn(before, c.day);
    const firstStudyToday = await markStudyDayIn(t, { userId: c.userId, day: c.day, orgId: c.orgId }, points.now);
    await t.collection(COLLECTIONS.quoteCheckins).add({ _id: id, ...c, createdAt: points.now });
    await t.collection(COLLECTIONS.studyUsers).doc(c.userId).set({ checkin: after });
    const award = await awardPointsIn(t, { ...points, userId: c.userId, sourceId: id, key: `checkin:${id}` });
    return { stats: after, alreadyDone: false, pointsAwarded: award.awarded, firstStudyToday };
  });
}

/** The check-ins from `from` to `to`, a page at a time. */
export function forEachCheckin(from: string, to: string, visit: (docs: CheckinDoc[]) => void): Promise<void> {
  const _ = cmd();
  return forEachPage<CheckinDoc>(COLLECTIONS.quoteCheckins, { day: _.gte(from).and(_.lte(to)) }, visit);
}

/** Check-ins per day and per org between two days, within an org sub-tree (or everywhere). */
export async function checkinCounts(from: string, to: string, orgId: string | undefined) {
  const _ = cmd();
  const $ = _.aggregate;
  const match = { ...(orgId ? { orgPath: orgId } : {}), day: _.gte(from).and(_.lte(to)) };
  const checkins = collection(COLLECTIONS.quoteCheckins);
  const [byDay, byOrg] = await Promise.all([
    checkins
      .aggregate()
      .match(match)
      .group({ _id: '$day', checkins: $.sum(1) })
      .sort({ _id: 1 })
      .limit(AGGREGATE_ROWS)
      .end(),
    checkins
      .aggregate()
      .match(match)
      .group({ _id: '$orgId', checkins: $.sum(1) })
      .limit(AGGREGATE_ROWS)
      .end(),
  ]);
  return {
    byDay: rowsOf<{ _id: string; checkins: number }>(byDay).map((r) => ({
      day: String(r._id),
      checkins: Number(r.checkins),
    })),
    byOrg: rowsOf<{ _id: string | null; checkins: number }>(byOrg).map((r) => ({
      orgId: String(r._id ?? ''),
      checkins: Number(r.checkins),
    })),
  };
}
