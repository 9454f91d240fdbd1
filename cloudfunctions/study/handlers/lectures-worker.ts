// The worker's side of micro lectures: browse, open (resume), report progress,
// take the quiz, and "my study".
import type { LectureDetail, StudyApi } from '../../../typings/study';
import { requireUser } from '../../_shared/caller';
import { beijingDay } from '../../_shared/clock';
import { AppError, conflict, invalid } from '../../_shared/errors';
import type { Handlers } from '../../_shared/function';
import { recordStats } from '../../_shared/stores/daily-stats';
import { awardPoints } from '../../_shared/stores/points';
import type { UserDoc } from '../../_shared/stores/users';
import * as z from 'zod';
import { form, id, PAGE_LABELS, pageFields, text } from '../../_shared/validation';
import { checkinStats } from '../store/checkins';
import {
  countView,
  type LectureDoc,
  listPublished,
  publishedByIds,
  publishedSeries,
  requirePublished,
} from '../store/lectures';
import {
  loadProgress,
  myProgress,
  openProgress,
  type ProgressDoc,
  progressFor,
  saveIfUnchanged,
} from '../store/progress';
import { markStudyDay } from '../store/study-days';
import { applyReport, isComplete, REPORT_EVERY_SEC, watchedSeconds } from '../rules/progress';
import { completionContributions, studyDayContributions } from '../rules/stats';
import { statusOf, toLectureSummary, toMyProgress } from '../rules/views';

const COMPLETE_POINTS = 5;
const QUIZ_POINTS = 2;
/** Optimistic writes retried this often before the caller is asked to slow down. */
const ATTEMPTS = 5;

function creditCompletion(user: UserDoc, lecture: LectureDoc, now: Date) {
  return awardPoints({
    userId: user._id,
    amount: COMPLETE_POINTS,
    reason: 'lecture_complete',
    title: `学完微党课《${lecture.title}》`,
    sourceId: lecture._id,
    key: `lecture:${user._id}:${lecture._id}`,
    now,
  });
}

type WorkerLectureActions = Pick<StudyApi, 'listLectures' | 'getLecture' | 'reportProgress' | 'submitQuiz' | 'myStudy'>;

export const lectureWorkerHandlers = {
  listLectures: {
    access: 'user',
    input: form(
      { series: text(30).optional(), keyword: text(30).optional(), ...pageFields },
      { series: '系列', keyword: '关键词', ...PAGE_LABELS },
    ),
    async run({ caller }, input) {
      const user = requireUser(caller);
      const [page, series] = await Promise.all([listPublished(input, input), publishedSeries()]);
      const progress = await progressFor(
        user._id,
        page.items.map((l) => l._id),
      );
      return { ...page, items: page.items.map((l) => toLectureSummary(l, progress.get(l._id))), series };
    },
  },

  getLecture: {
    access: 'user',
    input: form({ id: id() }, { id: '课程编号' }),
    async run({ caller, now }, input): Promise<LectureDetail> {
      const user = requireUser(caller);
      const lecture = await requirePublished(input.id);
      const learner = { userId: user._id, orgId: user.worker?.orgId ?? '', orgPath: user.worker?.orgPath ?? [] };
      const progress = await openProgress(learner, lecture._id, now);
      await countView(lecture._id);
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
    input: form(
      {
        lectureId: id(),
        positionSec: z
          .number()
          .min(0)
          .max(24 * 3600),
      },
      { lectureId: '课程编号', positionSec: '播放位置' },
    ),
    async run({ caller, now }, input) {
      const user = requireUser(caller);
      const lecture = await requirePublished(input.lectureId);
      const today = beijingDay(now);
      let pointsAwarded = 0;
      // The study day this call marked (its learner is counted once the report is saved, or on giving up).
      let marked: { day: string; orgId: string } | null = null;
      for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
        const prev = await loadProgress(user._id, lecture._id);
        if (!prev) throw conflict('请先打开课程再学习');
        // The day's first report on this lecture marks the study day (a duplicate: studied already).
        const studyDay = { userId: user._id, day: today, orgId: prev.orgId };
        if (!marked && prev.studyDay !== today && (await markStudyDay(studyDay, now))) marked = studyDay;
        const state = applyReport(
          {
            positionSec: prev.positionSec,
            intervals: prev.intervals,
            lastReportAtMs: new Date(prev.lastReportAt).getTime(),
          },
          input.positionSec,
          now.getTime(),
          lecture.durationSec,
        );
        const nowComplete = !prev.completed && isComplete(state.intervals, lecture.durationSec);
        const next: Partial<ProgressDoc> = {
          positionSec: state.positionSec,
          intervals: state.intervals,
          watchedSec: watchedSeconds(state.intervals),
          lastReportAt: now,
          updatedAt: now,
          studyDay: today,
          ...(nowComplete ? { completed: true, completedAt: now } : {}),
        };
        // Credited before the completion is stored (idempotent by key): a crash in
        // between is healed by the next report instead of losing the points.
        if (nowComplete) pointsAwarded += (await creditCompletion(user, lecture, now)).awarded;
        if (!(await saveIfUnchanged(prev, next))) continue;
        const saved = { ...prev, ...next };
        await recordStats(
          [],
          [
            ...(marked ? studyDayContributions(marked) : []),
            ...(nowComplete ? completionContributions(saved, lecture.series ?? '') : []),
          ],
          now,
        );
        return { ...toMyProgress(saved, lecture.durationSec), pointsAwarded };
      }
      if (marked) await recordStats([], studyDayContributions(marked), now);
      throw new AppError('RATE_LIMITED', '进度上报过于频繁，请稍后再试');
    },
  },

  submitQuiz: {
    access: 'user',
    input: form(
      { lectureId: id(), answers: z.array(z.number().int().min(0).max(9)).max(20) },
      { lectureId: '课程编号', answers: '答案' },
    ),
    async run({ caller, now }, input) {
      const user = requireUser(caller);
      const lecture = await requirePublished(input.lectureId);
      if (!lecture.quiz.length) throw invalid('这门课没有测验');
      if (input.answers.length !== lecture.quiz.length) throw invalid(`请回答全部 ${lecture.quiz.length} 道题`);
      const right = lecture.quiz.filter((q, i) => q.answer === input.answers[i]).length;
      const score = Math.round((right / lecture.quiz.length) * 100);
      const passed = score >= lecture.passPercent;
      for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
        const prev = await loadProgress(user._id, lecture._id);
        if (!prev) throw conflict('请先打开课程再答题');
        const quiz = {
          passed: (prev.quiz?.passed ?? false) || passed,
          score: Math.max(prev.quiz?.score ?? 0, score),
          attempts: (prev.quiz?.attempts ?? 0) + 1,
        };
        if (!(await saveIfUnchanged(prev, { quiz, updatedAt: now }))) continue;
        const award = passed
          ? await awardPoints({
              userId: user._id,
              amount: QUIZ_POINTS,
              reason: 'quiz_pass',
              title: `通过《${lecture.title}》测验`,
              sourceId: lecture._id,
              key: `quiz:${user._id}:${lecture._id}`,
              now,
            })
          : { awarded: 0 };
        return { score, passed, correct: lecture.quiz.map((q) => q.answer), pointsAwarded: award.awarded };
      }
      throw new AppError('RATE_LIMITED', '提交过于频繁，请稍后再试');
    },
  },

  myStudy: {
    access: 'user',
    input: form({}, {}),
    async run({ caller, now }) {
      const user = requireUser(caller);
      const [progress, stats] = await Promise.all([myProgress(user._id), checkinStats(user._id)]);
      const lectures = await publishedByIds(progress.map((p) => p.lectureId));
      const summaries = progress
        .filter((p) => lectures.has(p.lectureId))
        .map((p) => toLectureSummary(lectures.get(p.lectureId)!, p));
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
