// What the cases pages show of a case: a list row (the raiser's and the
// organiser's), the raiser's five-stage progress, the timeline and the photos.
import type {
  CaseFlag,
  CasePhoto,
  CaseRow,
  CaseState,
  CaseSummary,
  MyCase,
  TimelineEntry,
} from '../../../../typings/cases';
import type { TagTheme } from '../../../config/labels';
import { displayUrl } from '../../../services/files';
import { formatDateTime, formatMonthDay } from '../../../utils/format';
import {
  FLAG_LABELS,
  FLAG_THEMES,
  FLAG_WORDS,
  kindLine,
  PHOTO_CHECK_LABELS,
  PHOTO_CHECK_THEMES,
  STAGE_OF,
  STAGES,
  STATE_LABELS,
  STATE_THEMES,
} from './labels';

export interface Tag {
  label: string;
  theme: TagTheme;
}

/** "12月8日前答复", "12月3日已答复", or '' when no answer is coming (rejected). */
export function dueText(c: Pick<CaseSummary, 'state' | 'dueAt' | 'answeredAt'>): string {
  if (c.answeredAt && (c.state === 'answered' || c.state === 'closed')) return `${formatMonthDay(c.answeredAt)}已答复`;
  if (c.state === 'rejected') return '';
  return `${formatMonthDay(c.dueAt)}前答复`;
}

export const stateTag = (state: CaseState): Tag => ({ label: STATE_LABELS[state], theme: STATE_THEMES[state] });

export const flagTags = (flags: CaseFlag[]): Tag[] =>
  flags.map((f) => ({ label: FLAG_LABELS[f], theme: FLAG_THEMES[f] }));

/** The flags in words for the raiser: "已超过答复期限，超过 3 天没有新进展". */
export const flagWords = (flags: CaseFlag[]): string => flags.map((f) => FLAG_WORDS[f]).join('，');

/** A row of 我的诉求 or of the organiser's queue. */
export interface CaseListRow {
  id: string;
  title: string;
  /** "诉求 · 工作条件" */
  kindLine: string;
  state: Tag;
  orgName: string;
  due: string;
  urgent: boolean;
  /** The raiser's words for the flags. */
  flagWords: string;
  /** The organiser's tags for the flags. */
  flags: Tag[];
  submitted: string;
  /** The organiser's queue: who raised it ('匿名' for an anonymous report). */
  raiserName: string;
}

export function toListRow(c: CaseSummary | CaseRow): CaseListRow {
  const raiserName = 'raiserName' in c ? c.raiserName || '匿名' : '';
  return {
    id: c.id,
    title: c.title,
    kindLine: kindLine(c),
    state: stateTag(c.state),
    orgName: c.orgName,
    due: dueText(c),
    urgent: c.urgent,
    flagWords: flagWords(c.flags),
    flags: flagTags(c.flags),
    submitted: formatDateTime(c.submittedAt),
    raiserName,
  };
}

export interface StageView {
  label: string;
  /** Reached (done or current). */
  reached: boolean;
  current: boolean;
}

/** The five stages with how far the case got; a rejected case ends after 提交 with 不予受理. */
export function stagesOf(state: CaseState): StageView[] {
  const at = STAGE_OF[state];
  if (state === 'rejected') {
    return [
      { label: STAGES[0], reached: true, current: false },
      { label: STATE_LABELS.rejected, reached: true, current: true },
    ];
  }
  return STAGES.map((label, i) => ({ label, reached: i <= at, current: i === at }));
}

export interface TimelineView {
  at: string;
  text: string;
  /** Who acted: the org's name, 我 / 提出人, or 系统. */
  who: string;
}

/** Newest first. `raiserName` is what the raiser's own steps are called (我 for the raiser, 提出人 for organisers). */
export function timelineOf(entries: TimelineEntry[], raiserName: string): TimelineView[] {
  return [...entries].reverse().map((e) => ({
    at: formatDateTime(e.at),
    text: e.text,
    who: e.by === 'raiser' ? raiserName : e.orgName || '系统',
  }));
}

export interface PhotoView {
  fileId: string;
  url: string;
  check: Tag;
}

export const photosOf = (photos: CasePhoto[]): PhotoView[] =>
  photos.map((p) => ({
    fileId: p.fileId,
    url: p.url || displayUrl(p.fileId),
    check: { label: PHOTO_CHECK_LABELS[p.check], theme: PHOTO_CHECK_THEMES[p.check] },
  }));

/** Why the raiser may not reopen an answered case ('' when they may, or the case is not answered). */
export function reopenRefusal(c: Pick<MyCase, 'state' | 'canReopen' | 'timeline'>): string {
  if (c.canReopen || (c.state !== 'answered' && c.state !== 'closed')) return '';
  if (c.timeline.some((e) => e.kind === 'reopened')) return '每件事项只能重新办理一次，已经重新办理过了';
  return '答复已超过 7 天，不能再要求重新办理';
}
