// Round-table labels and small display rules, for the roundtable subpackage's
// worker and organiser pages: kinds, activity types, phases, sign-up states, seats
// and times in words. Records over the contract's unions: a new member breaks the
// build until it has a label.
import type { CaseState } from '../../../../typings/cases';
import type { ActivityType, MeetingKind, MeetingPhase } from '../../../../typings/roundtable';
import type { MySignUp, SignUpCounts, SignUpState } from '../../../../typings/signup';
import type { TagTheme } from '../../../config/labels';
import { ROUTES } from '../../../config/routes';
import { formatDate, formatDateTime } from '../../../utils/format';

export const KIND_LABELS: Record<MeetingKind, string> = {
  roundtable: '小哥圆桌会',
  training: '技能培训',
  activity: '社区活动',
};

/** The list's filter chips: 圆桌会 技能培训 社区活动. */
export const KIND_SHORT_LABELS: Record<MeetingKind, string> = {
  roundtable: '圆桌会',
  training: '技能培训',
  activity: '社区活动',
};

export const KIND_THEMES: Record<MeetingKind, TagTheme> = {
  roundtable: 'danger',
  training: 'primary',
  activity: 'success',
};

/** In display order. */
export const MEETING_KINDS = Object.keys(KIND_LABELS) as MeetingKind[];

export const ACTIVITY_LABELS: Record<ActivityType, string> = {
  safety_talk: '安全宣讲',
  free_clinic: '爱心义诊',
  family: '亲子体验',
  legal_advice: '法律咨询',
  counselling: '心理咨询',
  other: '其他活动',
};

export const ACTIVITY_TYPES = Object.keys(ACTIVITY_LABELS) as ActivityType[];

export const PHASE_LABELS: Record<MeetingPhase, string> = {
  upcoming: '即将开始',
  ongoing: '进行中',
  ended: '已结束',
  cancelled: '已取消',
};

export const PHASE_THEMES: Record<MeetingPhase, TagTheme> = {
  upcoming: 'primary',
  ongoing: 'success',
  ended: 'default',
  cancelled: 'warning',
};

export const PHASES = Object.keys(PHASE_LABELS) as MeetingPhase[];

export const STATE_LABELS: Record<SignUpState, string> = {
  confirmed: '已报名',
  waitlisted: '候补',
  attended: '已签到',
  no_show: '缺席',
  cancelled: '已取消',
};

export const STATE_THEMES: Record<SignUpState, TagTheme> = {
  confirmed: 'primary',
  waitlisted: 'warning',
  attended: 'success',
  no_show: 'danger',
  cancelled: 'default',
};

/** The organisers' filter, in the order a sign-up goes through. */
export const STATES: SignUpState[] = ['confirmed', 'waitlisted', 'attended', 'no_show', 'cancelled'];

/** "已报名", "候补第 2 位", "已签到", "缺席", "已取消" / "已被组织者移出" / "活动已取消". */
export function stateText(s: Pick<MySignUp, 'state' | 'position' | 'cancelledBy'>): string {
  if (s.state === 'waitlisted') return s.position ? `候补第 ${s.position} 位` : '候补中';
  if (s.state === 'cancelled' && s.cancelledBy === 'organiser') return '已被组织者移出';
  if (s.state === 'cancelled' && s.cancelledBy === 'event') return '活动已取消';
  return STATE_LABELS[s.state];
}

/** "剩余 3 个名额", "已满 · 候补 2 人", "名额已满". */
export function seatsText(c: Pick<SignUpCounts, 'seatsLeft' | 'waitlisted'>): string {
  if (c.seatsLeft > 0) return `剩余 ${c.seatsLeft} 个名额`;
  return c.waitlisted > 0 ? `已满 · 候补 ${c.waitlisted} 人` : '名额已满';
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const clock = (iso: string) => formatDateTime(iso).slice(11);

/** The Beijing weekday of an instant: "周五". */
export function weekday(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? '' : WEEKDAYS[new Date(t + 8 * 3600_000).getUTCDay()]!;
}

/** "2026-12-04 周五 14:00–16:00", or across days "2026-12-04 14:00 至 2026-12-06 17:00" (Beijing time). */
export function meetingTime(startAt: string, endAt: string): string {
  if (formatDate(startAt) === formatDate(endAt))
    return `${formatDate(startAt)} ${weekday(startAt)} ${clock(startAt)}–${clock(endAt)}`;
  return `${formatDateTime(startAt)} 至 ${formatDateTime(endAt)}`;
}

/** "4 学时", "1.5 学时". */
export const hoursText = (hours: number) => `${hours} 学时`;

/** The worker's page of a meeting (what subscribe messages open too). */
export const meetingUrl = (id: string) => `${ROUTES.meeting}?id=${encodeURIComponent(id)}`;

/** An organiser page of one meeting. */
export const adminUrl = (route: string, id: string) => `${route}?id=${encodeURIComponent(id)}`;

/**
 * How a meeting's page shows a demand taken away from the table (anyone reads it):
 * where it stands in one word, coarser than the raiser's own five stages.
 */
export const CASE_PROGRESS: Record<CaseState, { text: string; theme: TagTheme }> = {
  submitted: { text: '待受理', theme: 'warning' },
  returned: { text: '待受理', theme: 'warning' },
  accepted: { text: '已受理', theme: 'primary' },
  in_progress: { text: '办理中', theme: 'primary' },
  extended: { text: '办理中', theme: 'primary' },
  reopened: { text: '办理中', theme: 'primary' },
  answered: { text: '已答复', theme: 'success' },
  closed: { text: '已办结', theme: 'success' },
  rejected: { text: '不予受理', theme: 'default' },
};
