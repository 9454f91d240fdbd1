// The lecture_progress collection: one document per (user, lecture), changed only
// by writes guarded by its revision, so two reports racing never lose time.
import { COLLECTIONS } from '../../_shared/collections';
import { AGGREGATE_ROWS, cmd, collection, findDocs, forEachPage, getDoc, rowsOf } from '../../_shared/db';
import type { Interval } from '../rules/progress';

export interface ProgressDoc {
  _id: string;
  userId: string;
  lectureId: string;
  orgId: string;
  orgPath: string[];
  positionSec: number;
  intervals: Interval[];
  watchedSec: number;
  lastReportAt: Date;
  completed: boolean;
  completedAt: Date | null;
  quiz: { passed: boolean; score: number; attempts: number } | null;
  /** The Beijing day this record last marked as a study day (spares a write on the day's later reports). */
  studyDay?: string;
  /** Optimistic concurrency: every write bumps it. */
  rev: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface LectureStats {
  learners: number;
  completions: number;
  minutes: number;
}

const progress = () => collection(COLLECTIONS.lectureProgress);
export const progressId = (userId: string, lectureId: string) => `${userId}:${lectureId}`;

export async function loadProgress(userId: string, lectureId: string): Promise<ProgressDoc | null> {
  return getDoc<ProgressDoc>(COLLECTIONS.lectureProgress, progressId(userId, lectureId));
}

/**
 * The progress record when a lecture is opened: created on first open; on a later
 * open a new watching session starts, so earlier idle time never counts.
 */
export async function openProgress(
  learner: { userId: string; orgId: string; orgPath: string[] },
  lectureId: string,
  now: Date,
): Promise<ProgressDoc> {
  const existing = await loadProgress(learner.userId, lectureId);
  if (existing) {
    await progress()
      .doc(existing._id)
      .update({ lastReportAt: now, rev: cmd().inc(1) });
    return { ...existing, lastReportAt: now, rev: existing.rev + 1 };
  }
  const doc: ProgressDoc = {
    _id: progressId(learner.userId, lectureId),
    userId: learner.userId,
    lectureId,
    orgId: learner.orgId,
    orgPath: learner.orgPath,
    positionSec: 0,
    intervals: [],
    watchedSec: 0,
    lastReportAt: now,
    completed: false,
    completedAt: null,
    quiz: null,
    rev: 0,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await progress().add(doc);
    return doc;
  } catch {
    // Opened twice at once: the other open created it.
    return (await loadProgress(learner.userId, lectureId)) ?? doc;
  }
}

/** Writes `next` only if nobody else wrote since `prev` was read (rev check); false = lost the race. */
export async function saveIfUnchanged(prev: ProgressDoc, next: Partial<ProgressDoc>): Promise<boolean> {
  const _ = cmd();
  const { updated } = await progress()
    .where({ _id: prev._id, rev: prev.rev })
    .update({ ...next, intervals: _.set(next.intervals ?? prev.intervals), rev: _.inc(1) });
  return updated === 1;
}

/** The user's progress on these lectures, by lecture id. */
export async function progressFor(userId: string, lectureIds: string[]): Promise<Map<string, ProgressDoc>> {
  if (!lectureIds.length) return new Map();
  const ids = lectureIds.map((l) => progressId(userId, l));
  const list = await findDocs<ProgressDoc>(COLLECTIONS.lectureProgress, { _id: cmd().in(ids) }, ids.length);
  return new Map(list.map((p) => [p.lectureId, p]));
}

/** The user's progress records, most recently studied first (up to 200). */
export async function myProgress(userId: string): Promise<ProgressDoc[]> {
  const { data } = await progress().where({ userId }).orderBy('updatedAt', 'desc').limit(200).get();
  return data as ProgressDoc[];
}

/** Learners, completions and minutes per lecture, from the progress records (exact). */
export async function lectureStats(lectureIds: string[]): Promise<Map<string, LectureStats>> {
  const out = new Map<string, LectureStats>();
  if (!lectureIds.length) return out;
  const $ = cmd().aggregate;
  const res = await progress()
    .aggregate()
    .match({ lectureId: cmd().in(lectureIds) })
    .group({
      _id: '$lectureId',
      learners: $.sum(1),
      completions: $.sum($.cond([{ $eq: ['$completed', true] }, 1, 0])),
      seconds: $.sum('$watchedSec'),
    })
    .limit(AGGREGATE_ROWS)
    .end();
  for (const row of rowsOf<{ _id: string; learners: number; completions: number; seconds: number }>(res)) {
    out.set(row._id, { learners: row.learners, completions: row.completions, minutes: Math.floor(row.seconds / 60) });
  }
  return out;
}

/** Learning per org within an org sub-tree (or everywhere). */
export async function learningByOrg(orgId: string | undefined) {
  const $ = cmd().aggregate;
  const res = await progress()
    .aggregate()
    .match(orgId ? { orgPath: orgId } : {})
    .group({
      _id: '$orgId',
      learners: $.addToSet('$userId'),
      completions: $.sum($.cond([{ $eq: ['$completed', true] }, 1, 0])),
      seconds: $.sum('$watchedSec'),
    })
    .limit(AGGREGATE_ROWS)
    .end();
  return rowsOf<{ _id: string | null; learners: string[]; completions: number; seconds: number }>(res).map((r) => ({
    orgId: String(r._id ?? ''),
    learners: r.learners.length,
    completions: Number(r.completions),
    minutes: Math.floor(Number(r.seconds) / 60),
  }));
}

/** The progress records completed in [start, end), a page at a time. */
export function forEachCompletion(
  start: Date,
  end: Date,
  visit: (docs: ProgressDoc[]) => Promise<void>,
): Promise<void> {
  const _ = cmd();
  return forEachPage<ProgressDoc>(
    COLLECTIONS.lectureProgress,
    { completed: true, completedAt: _.gte(start).and(_.lt(end)) },
    visit,
  );
}
