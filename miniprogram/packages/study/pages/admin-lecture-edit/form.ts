// The lecture editor's form, the checks made before sending, and the request it
// becomes. The server validates everything again (and sanitises the body).
import type { LectureAdminView, LectureKind, SaveLectureRequest } from '../../../../../typings/study';
import { formatClock } from '../../utils/labels';

export interface QuizOption {
  /** Stable key for wx:key while options are added and removed. */
  key: string;
  text: string;
}

export interface QuizItem {
  key: string;
  question: string;
  options: QuizOption[];
  /** Index of the correct option. */
  answer: number;
}

export interface LectureForm {
  /** Empty when creating. */
  id: string;
  title: string;
  speaker: string;
  speakerTitle: string;
  kind: LectureKind;
  mediaFileId: string;
  /** What to show for the uploaded media (a file name, or "已上传"). */
  mediaName: string;
  coverFileId: string;
  /** "12:30", "1:02:03" or seconds. */
  duration: string;
  series: string;
  /** Comma-separated. */
  tags: string;
  body: string;
  quiz: QuizItem[];
  passPercent: string;
  orgId: string;
  orgName: string;
}

export const MAX_OPTIONS = 6;
export const MAX_QUESTIONS = 10;

let seq = 0;
const nextKey = () => `k${++seq}`;

export const newOption = (text = ''): QuizOption => ({ key: nextKey(), text });

export function newQuestion(): QuizItem {
  return { key: nextKey(), question: '', options: [newOption(), newOption()], answer: 0 };
}

export function emptyLectureForm(owner?: { id: string; name: string }): LectureForm {
  return {
    id: '',
    title: '',
    speaker: '',
    speakerTitle: '',
    kind: 'video',
    mediaFileId: '',
    mediaName: '',
    coverFileId: '',
    duration: '',
    series: '',
    tags: '',
    body: '',
    quiz: [],
    passPercent: '60',
    orgId: owner?.id ?? '',
    orgName: owner?.name ?? '',
  };
}

export function lectureForm(l: LectureAdminView, orgName: string): LectureForm {
  return {
    id: l.id,
    title: l.title,
    speaker: l.speaker,
    speakerTitle: l.speakerTitle,
    kind: l.kind,
    mediaFileId: l.mediaFileId,
    mediaName: l.mediaFileId ? (l.mediaFileId.split('/').pop() ?? '已上传') : '',
    coverFileId: l.coverFileId,
    duration: formatClock(l.durationSec),
    series: l.series,
    tags: l.tags.join('，'),
    body: l.body,
    quiz: l.quiz.map((q) => ({
      key: nextKey(),
      question: q.question,
      options: q.options.map((o) => newOption(o)),
      answer: q.answer,
    })),
    passPercent: String(l.passPercent),
    orgId: l.orgId,
    orgName,
  };
}

/** "12:30" → 750, "1:02:03" → 3723, "750" → 750; anything else → null. */
export function parseDuration(text: string): number | null {
  const t = text.trim();
  if (/^\d+$/.test(t)) return Number(t);
  const m = /^(?:(\d+):)?(\d{1,2}):(\d{1,2})$/.exec(t);
  if (!m) return null;
  const [h, min, s] = [Number(m[1] ?? 0), Number(m[2]), Number(m[3])];
  if (s >= 60 || (m[1] !== undefined && min >= 60)) return null;
  return h * 3600 + min * 60 + s;
}

export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,，、;；\s]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

const chars = (s: string) => [...s.trim()].length;

/** The first obvious problem, or null. */
export function checkLectureForm(f: LectureForm): string | null {
  if (chars(f.title) < 2 || chars(f.title) > 60) return '请填写课程标题（2–60 字）';
  if (!chars(f.speaker)) return '请填写讲师';
  if (f.kind !== 'article' && !f.mediaFileId) return f.kind === 'video' ? '请上传视频' : '请上传音频';
  if (f.kind === 'article' && !f.body.trim()) return '图文课程需要填写正文';
  const duration = parseDuration(f.duration);
  if (duration === null) return '时长格式应为 分:秒（如 12:30）或秒数';
  if (duration < 30 || duration > 3 * 3600) return '时长应在 30 秒到 3 小时之间';
  if (!chars(f.series)) return '请填写所属系列';
  const tags = parseTags(f.tags);
  if (tags.length > 8) return '标签最多 8 个';
  if (tags.some((t) => chars(t) > 12)) return '每个标签不超过 12 个字';
  for (const [i, q] of f.quiz.entries()) {
    if (chars(q.question) < 2) return `请填写第 ${i + 1} 题的题目`;
    if (q.options.some((o) => !chars(o.text))) return `第 ${i + 1} 题有空白选项`;
    if (q.answer < 0 || q.answer >= q.options.length) return `请为第 ${i + 1} 题选择正确答案`;
  }
  const pass = Number(f.passPercent);
  if (f.quiz.length && (!/^\d+$/.test(f.passPercent.trim()) || pass > 100)) return '及格分应为 0–100 的整数';
  if (!f.orgId) return '请选择归属组织';
  return null;
}

export function toSaveLecture(f: LectureForm): SaveLectureRequest {
  const tags = parseTags(f.tags);
  return {
    ...(f.id ? { id: f.id } : {}),
    title: f.title.trim(),
    speaker: f.speaker.trim(),
    speakerTitle: f.speakerTitle.trim(),
    ...(f.coverFileId ? { coverFileId: f.coverFileId } : {}),
    kind: f.kind,
    ...(f.kind !== 'article' && f.mediaFileId ? { mediaFileId: f.mediaFileId } : {}),
    durationSec: parseDuration(f.duration) ?? 0,
    body: f.body.trim(),
    series: f.series.trim(),
    tags,
    quiz: f.quiz.map((q) => ({
      question: q.question.trim(),
      options: q.options.map((o) => o.text.trim()),
      answer: q.answer,
    })),
    passPercent: f.quiz.length ? Number(f.passPercent) : 60,
    orgId: f.orgId,
  };
}
