// The worker's side of micro lectures: browse, open (resume), report progress,
// take the quiz, and "my study".
import type { LectureDetail, MyLectureProgress, StudyApi } from '../../../typings/study';
import { requireUser } from '../../_shared/caller';
import { beijingDay } from '../../_shared/clock';
import { COLLECTIONS } from '../../_shared/collections';
import { AppError, conflict, invalid, notFound } from '../../_shared/errors';
import type { ActionContext, Handlers } from '../../_shared/function';
import { fetchPage } from '../../_shared/paging';
import { awardPoints } from '../../_shared/points';
import { escapeRegExp } from '../../_shared/regexp';
import { db } from '../../_shared/sdk';
import type { UserDoc } from '../../_shared/users';
import { id, pageFields, text, z } from '../../_shared/validation';
import { type LectureDoc, type ProgressDoc, progressId, toLectureSummary } from '../docs';
import { statusOf } from '../quotes/worker';
import type { StudyUserDoc } from '../docs';
import { NO_CHECKINS } from '../quotes/daily';
import { applyReport, isComplete, progressPercent, REPORT_EVERY_SEC, watchedSeconds } from './progress';

const COMPLETE_POINTS = 5;
const QUIZ_POINTS = 2;

async function requirePublished(lectureId: string): Promise<LectureDoc> {
  const l = (await db().collection(COLLECTIONS.lectures).doc(lectureId).get()).data[0] as LectureDoc | undefined;
  // Unpublished lectures do not exist for workers.
  if (!l || !l.published) throw notFound('课程');
  return l;
}

async function loadProgress(userId: string, lectureId: string): Promise<ProgressDoc | undefined> {
  return (await db().collection(COLLECTIONS.lectureProgress).doc(progressId(userId, lectureId)).get()).data[0] as
    ProgressDoc | undefined;
}

function toMyProgress(p: ProgressDoc | undefined, durationSec: number): MyLectureProgress {
  return {
    positionSec: p?.positionSec ?? 0,
    watchedSec: p ? Math.floor(watchedSeconds(p.intervals)) : 0,
    progressPercent: p ? progressPercent(p.intervals, durationSec) : 0,
    completed: p?.completed ?? false,
    completedAt: p?.completedAt ? new Date(p.completedAt).toISOString() : null,
    quiz: p?.quiz ?? null,
  };
}

function newProgress(user: UserDoc, lecture: LectureDoc, now: Date): ProgressDoc {
  const worker = user.worker as (UserDoc['worker'] & { orgPath?: string[] }) | null;
  return {
    _id: progressId(user._id, lecture._id),
    userId: user._id,
    lectureId: lecture._id,
    orgId: worker?.orgId ?? '',
    orgPath: worker?.orgPath ?? [],
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
}

/** Writes `next` only if nobody else wrote since `prev` was read (rev check); false = lost the race. */
async function saveIfUnchanged(prev: ProgressDoc, next: Partial<ProgressDoc>): Promise<boolean> {
  const _ = db().command;
  const { updated } = await db()
    .collection(COLLECTIONS.lectureProgress)
    .where({ _id: prev._id, rev: prev.rev })
    .update({ ...next, intervals: _.set(next.intervals ?? prev.intervals), rev: _.inc(1) });
  return updated === 1;
}

async function creditCompletion(ctx: ActionContext, user: UserDoc, lecture: LectureDoc): Promise<number> {
  const r = await awardPoints({
    userId: user._id,
    amount: COMPLETE_POINTS,
    reason: 'lecture_complete',
    title: `学完微党课《${lecture.title}》`,
    sourceId: lecture._id,
    key: `lecture:${user._id}:${lecture._id}`,
    now: ctx.now,
  });
  return r.awarded;
}

type WorkerLectureActions = Pick<StudyApi, 'listLectures' | 'getLecture' | 'reportProgress' | 'submitQuiz' | 'myStudy'>;

export const lectureWorkerHandlers = {
  listLectures: {
    access: 'user',
    input: z.strictObject({ series: text(30).optional(), keyword: text(30).optional(), ...pageFields }),
    async run({ caller }, input) {
      const user = requireUser(caller);
      const _ = db().command;
      const where: object[] = [{ published: true }];
      if (input.series) where.push({ series: input.series });
      if (input.keyword) {
        const re = db().RegExp({ regexp: escapeRegExp(input.keyword), options: 'i' });
        where.push(_.or([{ title: re }, { speaker: re }, { tags: re }]));
      }
      const [page, seriesAgg] = await Promise.all([
        fetchPage(
          db().collection(COLLECTIONS.lectures).where(_.and(where)),
          [['publishedAt', 'desc']],
          input,
          (l: LectureDoc) => l,
        ),
        db()
          .collection(COLLECTIONS.lectures)
          .aggregate()
          .match({ published: true })
          .group({ _id: '$series' })
          .sort({ _id: 1 })
          .end(),
      ]);
      const ids = page.items.map((l) => progressId(user._id, l._id));
      const progress = ids.length
        ? ((
            await db()
              .collection(COLLECTIONS.lectureProgress)
              .where({ _id: _.in(ids) })
              .limit(100)
              .get()
          ).data as ProgressDoc[])
        : [];
      const byLecture = new Map(progress.map((p) => [p.lectureId, p]));
      return {
        ...page,
        items: page.items.map((l) => toLectureSummary(l, byLecture.get(l._id))),
        series: ((seriesAgg as unknown as { data: { _id: string }[] }).data ?? []).map((s) => s._id),
      };
    },
  },

  getLecture: {
    access: 'user',
    input: z.strictObject({ id: id() }),
    async run({ caller, now }, input): Promise<LectureDetail> {
      const user = requireUser(caller);
      const lecture = await requirePublished(input.id);
      let progress = await loadProgress(user._id, lecture._id);
      const coll = db().collection(COLLECTIONS.lectureProgress);
      if (!progress) {
        progress = newProgress(user, lecture, now);
        try {
          await coll.add(progress);
        } catch {
          progress = await loadProgress(user._id, lecture._id);
        }
      } else {
        // Opening again starts a new watching session: earlier idle time never counts.
        await coll.doc(progress._id).update({ lastReportAt: now, rev: db().command.inc(1) });
      }
      await db()
        .collection(COLLECTIONS.lectures)
        .doc(lecture._id)
        .update({ views: db().command.inc(1) });
      return {
        ...toLectureSummary(lecture, progress),
        mediaFileId: lecture.mediaFileId,
        body: lecture.body,
        // Questions and options only: answers are revealed by submitQuiz.
        quiz: lecture.quiz.map((q) => ({ question: q.question, options: q.options })),
        passPercent: lecture.passPercent,
        progress: toMyProgress(progress, lecture.durationSec),
        reportEverySec: REPORT_EVERY_SEC,
      };
    },
  },

  reportProgress: {
    access: 'user',
    input: z.strictObject({
      lectureId: id(),
      positionSec: z
        .number()
        .min(0)
        .max(24 * 3600),
    }),
    async run(ctx, input) {
      const user = requireUser(ctx.caller);
      const lecture = await requirePublished(input.lectureId);
      let pointsAwarded = 0;
      for (let attempt = 0; attempt < 5; attempt++) {
        const prev = await loadProgress(user._id, lecture._id);
        if (!prev) throw conflict('请先打开课程再学习');
        const state = applyReport(
          {
            positionSec: prev.positionSec,
            intervals: prev.intervals,
            lastReportAtMs: new Date(prev.lastReportAt).getTime(),
          },
          input.positionSec,
          ctx.now.getTime(),
          lecture.durationSec,
        );
        const nowComplete = !prev.completed && isComplete(state.intervals, lecture.durationSec);
        const next: Partial<ProgressDoc> = {
          positionSec: state.positionSec,
          intervals: state.intervals,
          watchedSec: watchedSeconds(state.intervals),
          lastReportAt: ctx.now,
          updatedAt: ctx.now,
          ...(nowComplete ? { completed: true, completedAt: ctx.now } : {}),
        };
        // Credited before the completion is stored (idempotent by key): a crash in
        // between is healed by the next report instead of losing the points.
        if (nowComplete) pointsAwarded += await creditCompletion(ctx, user, lecture);
        if (!(await saveIfUnchanged(prev, next))) continue;
        return { ...toMyProgress({ ...prev, ...next } as ProgressDoc, lecture.durationSec), pointsAwarded };
      }
      throw new AppError('RATE_LIMITED', '进度上报过于频繁，请稍后再试');
    },
  },

  submitQuiz: {
    access: 'user',
    input: z.strictObject({ lectureId: id(), answers: z.array(z.number().int().min(0).max(9)).max(20) }),
    async run(ctx, input) {
      const user = requireUser(ctx.caller);
      const lecture = await requirePublished(input.lectureId);
      if (!lecture.quiz.length) throw invalid('这门课没有测验');
      if (input.answers.length !== lecture.quiz.length) throw invalid(`请回答全部 ${lecture.quiz.length} 道题`);
      const right = lecture.quiz.filter((q, i) => q.answer === input.answers[i]).length;
      const score = Math.round((right / lecture.quiz.length) * 100);
      const passed = score >= lecture.passPercent;
      for (let attempt = 0; attempt < 5; attempt++) {
        const prev = (await loadProgress(user._id, lecture._id)) ?? null;
        if (!prev) throw conflict('请先打开课程再答题');
        const quiz = {
          passed: (prev.quiz?.passed ?? false) || passed,
          score: Math.max(prev.quiz?.score ?? 0, score),
          attempts: (prev.quiz?.attempts ?? 0) + 1,
        };
        if (!(await saveIfUnchanged(prev, { quiz, updatedAt: ctx.now }))) continue;
        const award = passed
          ? await awardPoints({
              userId: user._id,
              amount: QUIZ_POINTS,
              reason: 'quiz_pass',
              title: `通过《${lecture.title}》测验`,
              sourceId: lecture._id,
              key: `quiz:${user._id}:${lecture._id}`,
              now: ctx.now,
            })
          : { awarded: 0 };
        return { score, passed, correct: lecture.quiz.map((q) => q.answer), pointsAwarded: award.awarded };
      }
      throw new AppError('RATE_LIMITED', '提交过于频繁，请稍后再试');
    },
  },

  myStudy: {
    access: 'user',
    input: z.strictObject({}),
    async run({ caller, now }) {
      const user = requireUser(caller);
      const [progressRes, statsRes] = await Promise.all([
        db()
          .collection(COLLECTIONS.lectureProgress)
          .where({ userId: user._id })
          .orderBy('updatedAt', 'desc')
          .limit(200)
          .get(),
        db().collection(COLLECTIONS.studyUsers).doc(user._id).get(),
      ]);
      const progress = progressRes.data as ProgressDoc[];
      const lectureIds = progress.map((p) => p.lectureId);
      const lectures = lectureIds.length
        ? ((
            await db()
              .collection(COLLECTIONS.lectures)
              .where({ _id: db().command.in(lectureIds), published: true })
              .limit(200)
              .get()
          ).data as LectureDoc[])
        : [];
      const byId = new Map(lectures.map((l) => [l._id, l]));
      const started = progress.filter((p) => byId.has(p.lectureId));
      const summaries = started.map((p) => toLectureSummary(byId.get(p.lectureId)!, p));
      const stats = (statsRes.data[0] as StudyUserDoc | undefined)?.checkin ?? NO_CHECKINS;
      return {
        checkIn: statusOf(stats, beijingDay(now)),
        totalMinutes: Math.floor(progress.reduce((s, p) => s + watchedSeconds(p.intervals), 0) / 60),
        completedCount: summaries.filter((s) => s.completed).length,
        inProgress: summaries.filter((s) => !s.completed && s.progressPercent > 0),
        completed: summaries.filter((s) => s.completed),
      };
    },
  },
} satisfies Handlers<WorkerLectureActions>;
