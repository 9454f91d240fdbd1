// How stored study documents are shown (pure).
import type {
  CheckInStatus,
  LectureAdminView,
  LectureSummary,
  MyLectureProgress,
  Quote,
  QuoteAdminView,
} from '../../../typings/study';
import type { LectureDoc } from '../store/lectures';
import type { LectureStats, ProgressDoc } from '../store/progress';
import type { QuoteDoc } from '../store/quotes';
import { type CheckinStats, currentStreak } from './daily';
import { progressPercent, watchedSeconds } from './progress';

export function toQuote(d: QuoteDoc): Quote {
  return { id: d._id, text: d.text, source: d.source, bgImageFileId: d.bgImageFileId, sample: d.sample };
}

export const toQuoteAdminView = (q: QuoteDoc, days: string[]): QuoteAdminView => ({
  ...toQuote(q),
  orgId: q.orgId,
  createdAt: new Date(q.createdAt).toISOString(),
  scheduledDays: days,
});

export function statusOf(stats: CheckinStats, today: string): CheckInStatus {
  return {
    day: today,
    checkedInToday: stats.lastDay === today,
    streak: currentStreak(stats, today),
    totalDays: stats.total,
  };
}

export function toLectureSummary(d: LectureDoc, p: ProgressDoc | null | undefined): LectureSummary {
  return {
    id: d._id,
    title: d.title,
    speaker: d.speaker,
    speakerTitle: d.speakerTitle,
    coverFileId: d.coverFileId,
    kind: d.kind,
    durationSec: d.durationSec,
    series: d.series,
    tags: d.tags,
    hasQuiz: d.quiz.length > 0,
    publishedAt: d.publishedAt ? new Date(d.publishedAt).toISOString() : null,
    progressPercent: p ? progressPercent(p.intervals, d.durationSec) : 0,
    completed: p?.completed ?? false,
  };
}

export const NO_LECTURE_STATS: LectureStats = { learners: 0, completions: 0, minutes: 0 };

export function toLectureAdminView(d: LectureDoc, stats: LectureStats = NO_LECTURE_STATS): LectureAdminView {
  const { progressPercent: _p, completed: _c, ...summary } = toLectureSummary(d, undefined);
  return {
    ...summary,
    published: d.published,
    orgId: d.orgId,
    mediaFileId: d.mediaFileId,
    body: d.body,
    quiz: d.quiz,
    passPercent: d.passPercent,
    stats: { views: d.views, ...stats },
  };
}

export function toMyProgress(p: ProgressDoc | null | undefined, durationSec: number): MyLectureProgress {
  return {
    positionSec: p?.positionSec ?? 0,
    watchedSec: p ? Math.floor(watchedSeconds(p.intervals)) : 0,
    progressPercent: p ? progressPercent(p.intervals, durationSec) : 0,
    completed: p?.completed ?? false,
    completedAt: p?.completedAt ? new Date(p.completedAt).toISOString() : null,
    quiz: p?.quiz ?? null,
  };
}
