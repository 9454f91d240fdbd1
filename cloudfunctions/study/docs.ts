// Stored shapes of the study collections, and how they are shown.
import type { LectureAdminView, LectureKind, LectureSummary, Quote, QuizQuestionInput } from '../../typings/study';
import type { CheckinStats } from './quotes/daily';
import { type Interval, isComplete, progressPercent } from './lectures/progress';

export interface QuoteDoc {
  _id: string;
  text: string;
  source: string;
  bgImageFileId: string;
  sample: boolean;
  orgId: string;
  status: 'active' | 'deleted';
  importId?: string;
  createdAt: Date;
  updatedAt: Date;
}

/** _id = day. `auto` marks a pick made from the pool (fixed once made). */
export interface ScheduleDoc {
  _id: string;
  quoteId: string;
  auto: boolean;
  createdAt: Date;
}

export interface StudyUserDoc {
  _id: string;
  checkin: CheckinStats;
}

export interface LectureDoc {
  _id: string;
  title: string;
  speaker: string;
  speakerTitle: string;
  coverFileId: string;
  kind: LectureKind;
  mediaFileId: string;
  durationSec: number;
  body: string;
  series: string;
  tags: string[];
  quiz: QuizQuestionInput[];
  passPercent: number;
  orgId: string;
  published: boolean;
  publishedAt: Date | null;
  views: number;
  createdAt: Date;
  updatedAt: Date;
}

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
  /** Optimistic concurrency: every write bumps it. */
  rev: number;
  createdAt: Date;
  updatedAt: Date;
}

export const progressId = (userId: string, lectureId: string) => `${userId}:${lectureId}`;

export function toQuote(d: QuoteDoc): Quote {
  return { id: d._id, text: d.text, source: d.source, bgImageFileId: d.bgImageFileId, sample: d.sample };
}

export function toLectureSummary(d: LectureDoc, p: ProgressDoc | undefined): LectureSummary {
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

export function toLectureAdminView(
  d: LectureDoc,
  stats: { learners: number; completions: number; minutes: number },
): LectureAdminView {
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

export { isComplete };
