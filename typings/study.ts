import type { ActionSpec, IsoDate, Page, PageRequest } from './common';

/** A Beijing calendar day, "YYYY-MM-DD". */
export type DayKey = string;

export interface Quote {
  id: string;
  text: string;
  /** Where it comes from: a classical work with chapter, or a speaker. */
  source: string;
  bgImageFileId: string;
  /** Original lines written as sample content (shown with a 示例 tag). */
  sample: boolean;
}

export interface DailyQuote {
  day: DayKey;
  quote: Quote;
  favorite: boolean;
}

export interface CheckInStatus {
  day: DayKey;
  checkedInToday: boolean;
  /** Consecutive Beijing days up to today (or yesterday, if today is not done yet). */
  streak: number;
  totalDays: number;
}

export interface QuoteHistoryItem {
  day: DayKey;
  quote: Quote;
  checkedIn: boolean;
  favorite: boolean;
}

export type LectureKind = 'video' | 'audio' | 'article';

export interface LectureSummary {
  id: string;
  title: string;
  speaker: string;
  speakerTitle: string;
  coverFileId: string;
  kind: LectureKind;
  durationSec: number;
  series: string;
  tags: string[];
  hasQuiz: boolean;
  publishedAt: IsoDate | null;
  /** The caller's progress, 0–100. */
  progressPercent: number;
  completed: boolean;
}

/** A quiz question as the client sees it: never with its answer before submission. */
export interface QuizQuestion {
  question: string;
  options: string[];
}

export interface MyLectureProgress {
  /** Where to resume (seconds; reading seconds for articles). */
  positionSec: number;
  /** Seconds actually watched or read, credited no faster than real time. */
  watchedSec: number;
  progressPercent: number;
  completed: boolean;
  completedAt: IsoDate | null;
  quiz: { passed: boolean; score: number; attempts: number } | null;
}

export interface LectureDetail extends LectureSummary {
  mediaFileId: string;
  /** Sanitised HTML for <rich-text>. */
  body: string;
  quiz: QuizQuestion[];
  passPercent: number;
  progress: MyLectureProgress;
  /** Report progress at least this often while playing (seconds). */
  reportEverySec: number;
}

export interface QuizResult {
  score: number;
  passed: boolean;
  /** Revealed only after submission. */
  correct: number[];
  pointsAwarded: number;
}

export interface MyStudy {
  checkIn: CheckInStatus;
  totalMinutes: number;
  completedCount: number;
  inProgress: LectureSummary[];
  completed: LectureSummary[];
}

export interface QuoteAdminView extends Quote {
  orgId: string;
  createdAt: IsoDate;
  scheduledDays: DayKey[];
}

export interface QuizQuestionInput {
  question: string;
  options: string[];
  answer: number;
}

export interface SaveLectureRequest {
  id?: string;
  title: string;
  speaker: string;
  speakerTitle?: string;
  coverFileId?: string;
  kind: LectureKind;
  mediaFileId?: string;
  durationSec: number;
  body?: string;
  series: string;
  tags?: string[];
  quiz?: QuizQuestionInput[];
  passPercent?: number;
  orgId: string;
}

export interface LectureAdminView extends Omit<LectureSummary, 'progressPercent' | 'completed'> {
  published: boolean;
  orgId: string;
  mediaFileId: string;
  body: string;
  quiz: QuizQuestionInput[];
  passPercent: number;
  stats: LectureStats;
}

export interface LectureStats {
  views: number;
  learners: number;
  completions: number;
  minutes: number;
}

export interface ImportRowError {
  /** 1-based row number in the sheet (header is row 1). */
  row: number;
  message: string;
}

export interface StudyStats {
  from: DayKey;
  to: DayKey;
  checkinsByDay: { day: DayKey; checkins: number }[];
  byOrg: { orgId: string; orgName: string; checkins: number; learners: number; completions: number; minutes: number }[];
  lectures: ({ id: string; title: string } & LectureStats)[];
}

export interface StudyApi {
  todayQuote: ActionSpec<Record<string, never>, DailyQuote & { checkIn: CheckInStatus | null }, 'public'>;
  listQuotes: ActionSpec<PageRequest, Page<QuoteHistoryItem>, 'user'>;
  checkIn: ActionSpec<Record<string, never>, CheckInStatus & { pointsAwarded: number; alreadyDone: boolean }, 'user'>;
  favoriteQuote: ActionSpec<{ quoteId: string; favorite: boolean }, { favorite: boolean }, 'user'>;
  listFavorites: ActionSpec<PageRequest, Page<Quote>, 'user'>;
  /** A mini-program code image for a share poster (a storage file id). */
  quotePosterCode: ActionSpec<{ day: DayKey }, { fileId: string }, 'user'>;
  myStudy: ActionSpec<Record<string, never>, MyStudy, 'user'>;
  listLectures: ActionSpec<
    { series?: string; keyword?: string } & PageRequest,
    Page<LectureSummary> & { series: string[] },
    'user'
  >;
  getLecture: ActionSpec<{ id: string }, LectureDetail, 'user'>;
  reportProgress: ActionSpec<
    { lectureId: string; positionSec: number },
    MyLectureProgress & { pointsAwarded: number },
    'user'
  >;
  submitQuiz: ActionSpec<{ lectureId: string; answers: number[] }, QuizResult, 'user'>;
  // Admin
  adminListQuotes: ActionSpec<{ keyword?: string; orgId?: string } & PageRequest, Page<QuoteAdminView>, 'admin'>;
  saveQuote: ActionSpec<
    { id?: string; text: string; source: string; bgImageFileId?: string; sample?: boolean; orgId: string },
    QuoteAdminView,
    'admin'
  >;
  deleteQuote: ActionSpec<{ id: string }, { deleted: true }, 'admin'>;
  scheduleQuote: ActionSpec<{ day: DayKey; quoteId: string | null }, { day: DayKey; quoteId: string | null }, 'admin'>;
  adminListLectures: ActionSpec<{ keyword?: string; orgId?: string } & PageRequest, Page<LectureAdminView>, 'admin'>;
  adminGetLecture: ActionSpec<{ id: string }, LectureAdminView, 'admin'>;
  saveLecture: ActionSpec<SaveLectureRequest, LectureAdminView, 'admin'>;
  setLecturePublished: ActionSpec<{ id: string; published: boolean }, LectureAdminView, 'admin'>;
  studyStats: ActionSpec<{ from: DayKey; to: DayKey; orgId?: string }, StudyStats, 'admin'>;
}
