// A lecture as a list row (lectures, my study).
import type { LectureKind, LectureSummary } from '../../../../typings/study';
import type { TagTheme } from '../../../config/labels';
import { displayUrl } from '../../../services/files';
import { formatDuration, LECTURE_KIND_LABELS, LECTURE_KIND_THEMES, progressLabel } from './labels';

export interface LectureRow {
  id: string;
  title: string;
  speakerLine: string;
  coverUrl: string;
  kind: LectureKind;
  kindLabel: string;
  kindTheme: TagTheme;
  durationText: string;
  series: string;
  hasQuiz: boolean;
  progressPercent: number;
  progressText: string;
  completed: boolean;
}

export const toLectureRow = (l: LectureSummary): LectureRow => ({
  id: l.id,
  title: l.title,
  speakerLine: l.speakerTitle ? `${l.speaker} · ${l.speakerTitle}` : l.speaker,
  coverUrl: displayUrl(l.coverFileId),
  kind: l.kind,
  kindLabel: LECTURE_KIND_LABELS[l.kind],
  kindTheme: LECTURE_KIND_THEMES[l.kind],
  durationText: formatDuration(l.durationSec),
  series: l.series,
  hasQuiz: l.hasQuiz,
  progressPercent: l.progressPercent,
  progressText: progressLabel(l.progressPercent, l.completed),
  completed: l.completed,
});
