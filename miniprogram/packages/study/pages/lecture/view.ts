// What the lecture page shows of a lecture and of the user's progress, and where
// playback resumes.
import type { LectureDetail, LectureKind, MyLectureProgress, QuizQuestion } from '../../../../../typings/study';
import type { TagTheme } from '../../../../config/labels';
import { displayUrl } from '../../../../services/files';
import {
  formatClock,
  formatDuration,
  LECTURE_KIND_LABELS,
  LECTURE_KIND_THEMES,
  progressLabel,
} from '../../utils/labels';

export interface LectureView {
  id: string;
  title: string;
  speakerLine: string;
  kind: LectureKind;
  kindLabel: string;
  kindTheme: TagTheme;
  durationSec: number;
  durationText: string;
  durationClock: string;
  series: string;
  tags: string[];
  coverUrl: string;
  mediaUrl: string;
  body: string;
  /** Without answers: the server sends them only with a quiz result. */
  quiz: QuizQuestion[];
  passPercent: number;
  /** The best earlier attempt, e.g. "最好成绩 80 分 · 已通过 · 已答 2 次". */
  lastAttempt: string;
}

export interface ProgressView {
  percent: number;
  completed: boolean;
  text: string;
  /** Points earned by finishing, shown once credited. */
  awarded: number;
}

function lastAttempt(quiz: MyLectureProgress['quiz']): string {
  if (!quiz || !quiz.attempts) return '';
  return `最好成绩 ${quiz.score} 分 · ${quiz.passed ? '已通过' : '未通过'} · 已答 ${quiz.attempts} 次`;
}

export const lectureView = (d: LectureDetail): LectureView => ({
  id: d.id,
  title: d.title,
  speakerLine: d.speakerTitle ? `${d.speaker} · ${d.speakerTitle}` : d.speaker,
  kind: d.kind,
  kindLabel: LECTURE_KIND_LABELS[d.kind],
  kindTheme: LECTURE_KIND_THEMES[d.kind],
  durationSec: d.durationSec,
  durationText: formatDuration(d.durationSec),
  durationClock: formatClock(d.durationSec),
  series: d.series,
  tags: d.tags,
  coverUrl: displayUrl(d.coverFileId),
  mediaUrl: displayUrl(d.mediaFileId),
  body: d.body,
  quiz: d.quiz.map((q) => ({ question: q.question, options: q.options })),
  passPercent: d.passPercent,
  lastAttempt: lastAttempt(d.progress.quiz),
});

export const progressView = (p: MyLectureProgress, awarded = 0): ProgressView => ({
  percent: p.progressPercent,
  completed: p.completed,
  text: progressLabel(p.progressPercent, p.completed),
  awarded,
});

/** Where playback starts: the saved position, or the beginning once it had reached the end. */
export function resumeAt(
  d: Pick<LectureDetail, 'kind' | 'durationSec'> & { progress: { positionSec: number } },
): number {
  const pos = Math.max(0, d.progress.positionSec);
  if (d.kind === 'article') return Math.min(pos, d.durationSec);
  return pos >= d.durationSec - 3 ? 0 : pos;
}

/** How far along the player is, as a bar width (0–100). */
export function percentOf(sec: number, durationSec: number): number {
  return durationSec ? Math.min(100, Math.floor((sec / durationSec) * 100)) : 0;
}
