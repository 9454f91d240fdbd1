// Study labels and small display rules, for the study subpackage's worker and
// organiser pages. Records over the contract's unions: a new lecture kind breaks
// the build until it has a label.
import type { LectureKind } from '../../../../typings/study';
import type { TagTheme } from '../../../config/labels';
import { ROUTES } from '../../../config/routes';
import { formatDate } from '../../../utils/format';

export const LECTURE_KIND_LABELS: Record<LectureKind, string> = {
  video: '视频',
  audio: '音频',
  article: '图文',
};

export const LECTURE_KIND_THEMES: Record<LectureKind, TagTheme> = {
  video: 'primary',
  audio: 'success',
  article: 'warning',
};

/** In display order. */
export const LECTURE_KINDS = Object.keys(LECTURE_KIND_LABELS) as LectureKind[];

const pad = (n: number) => String(n).padStart(2, '0');

/** A player position: 75 → "01:15", 3725 → "1:02:05". */
export function formatClock(sec: number): string {
  const s = Math.max(0, Math.floor(sec));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h ? `${h}:${pad(m)}:${pad(s % 60)}` : `${pad(m)}:${pad(s % 60)}`;
}

/** A length: 45 → "45 秒", 750 → "12 分 30 秒", 3900 → "1 小时 5 分". */
export function formatDuration(sec: number): string {
  const s = Math.max(0, Math.round(sec));
  if (s < 60) return `${s} 秒`;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (h) return m ? `${h} 小时 ${m} 分` : `${h} 小时`;
  return s % 60 ? `${m} 分 ${s % 60} 秒` : `${m} 分钟`;
}

/** "已学完", "已学 35%" or "未开始". */
export function progressLabel(percent: number, completed: boolean): string {
  if (completed) return '已学完';
  return percent > 0 ? `已学 ${percent}%` : '未开始';
}

/** The Beijing calendar day of an instant ("YYYY-MM-DD"), the server's notion of a day. */
export function beijingDay(at: Date = new Date()): string {
  return formatDate(at.toISOString());
}

/** A day key moved by `n` days. */
export function addDays(day: string, n: number): string {
  const t = Date.parse(`${day}T00:00:00Z`) + n * 24 * 60 * 60 * 1000;
  return new Date(t).toISOString().slice(0, 10);
}

export function lectureUrl(id: string): string {
  return `${ROUTES.lecture}?id=${encodeURIComponent(id)}`;
}
