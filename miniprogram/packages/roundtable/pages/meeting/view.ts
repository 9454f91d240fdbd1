// What a meeting's page shows (pure): the meeting, who is coming as counts and a
// few faces, the rider's own sign-up in words, and the minutes once published.
import type { MeetingDetail, MinutesItem } from '../../../../../typings/roundtable';
import type { MySignUp } from '../../../../../typings/signup';
import { OCCUPATION_LABELS, type TagTheme } from '../../../../config/labels';
import { formatDateTime } from '../../../../utils/format';
import {
  ACTIVITY_LABELS,
  hoursText,
  KIND_LABELS,
  KIND_THEMES,
  meetingTime,
  PHASE_LABELS,
  PHASE_THEMES,
  CASE_PROGRESS,
  seatsText,
  stateText,
  STATE_THEMES,
} from '../../utils/labels';

export interface MinutesSection {
  key: 'raised' | 'answered' | 'takenAway';
  title: string;
  items: { key: string; text: string; department: string }[];
}

export interface MeetingView {
  id: string;
  kindLabel: string;
  kindTheme: TagTheme;
  phaseLabel: string;
  phaseTheme: TagTheme;
  title: string;
  topic: string;
  description: string;
  orgName: string;
  timeText: string;
  deadlineText: string;
  venue: { name: string; address: string; location: { lat: number; lng: number } };
  /** "区人社局 · 何示例 科长" */
  guests: { key: string; text: string }[];
  /** "快递员、外卖骑手", or 不限. */
  occupationsText: string;
  /** A training class's course. */
  training: { course: string; outline: string; hours: string; series: string } | null;
  activityLabel: string;
  seatsText: string;
  seatsLeft: number;
  capacity: number;
  full: boolean;
  waitlistOn: boolean;
  seated: number;
  waitlisted: number;
  checkedIn: number;
  avatars: string[];
  cancelled: boolean;
  cancelReason: string;
  ended: boolean;
  minutes: { sections: MinutesSection[]; updatedText: string } | null;
  /** What was taken away from the table, tracked as cases: where each stands. */
  cases: CaseProgressView[];
}

export interface CaseProgressView {
  id: string;
  title: string;
  /** "劳动权益 · 区人社局" */
  meta: string;
  stateText: string;
  theme: TagTheme;
  /** "12月3日答复", or '' before an answer. */
  answeredText: string;
}

export interface MineView {
  stateText: string;
  theme: TagTheme;
  /** Holding a seat or a place on the waitlist: may cancel. */
  active: boolean;
  confirmed: boolean;
  attended: boolean;
  note: string;
  checkedInText: string;
}

const SECTIONS: Pick<MinutesSection, 'key' | 'title'>[] = [
  { key: 'raised', title: '提出的问题' },
  { key: 'answered', title: '现场答复' },
  { key: 'takenAway', title: '会后带走办理' },
];

const items = (list: MinutesItem[], prefix: string) =>
  list.map((i, n) => ({ key: `${prefix}-${n}`, text: i.text, department: i.department ?? '' }));

export function toView(m: MeetingDetail): MeetingView {
  const c = m.booking.counts;
  return {
    id: m.id,
    kindLabel: KIND_LABELS[m.kind],
    kindTheme: KIND_THEMES[m.kind],
    phaseLabel: PHASE_LABELS[m.phase],
    phaseTheme: PHASE_THEMES[m.phase],
    title: m.title,
    topic: m.topic,
    description: m.description,
    orgName: m.orgName,
    timeText: meetingTime(m.startAt, m.endAt),
    deadlineText: formatDateTime(m.deadline),
    venue: { name: m.venue.name, address: m.venue.address, location: m.venue.location },
    guests: m.guests.map((g, i) => ({
      key: `g${i}`,
      text: [g.department, [g.name, g.title].filter(Boolean).join(' ')].filter(Boolean).join(' · '),
    })),
    occupationsText: m.occupations.length ? m.occupations.map((o) => OCCUPATION_LABELS[o]).join('、') : '不限',
    training: m.training && {
      course: m.training.course,
      outline: m.training.outline,
      hours: hoursText(m.training.classHours),
      series: m.training.series ?? '',
    },
    activityLabel: m.activityType ? ACTIVITY_LABELS[m.activityType] : '',
    seatsText: seatsText(c),
    seatsLeft: c.seatsLeft,
    capacity: c.capacity,
    full: c.seatsLeft === 0,
    waitlistOn: m.booking.waitlist,
    seated: m.coming.seated,
    waitlisted: m.coming.waitlisted,
    checkedIn: m.coming.checkedIn,
    avatars: m.coming.avatars,
    cancelled: m.status === 'cancelled',
    cancelReason: m.cancelReason ?? '',
    ended: m.phase === 'ended',
    minutes: m.minutes && {
      sections: SECTIONS.map((s) => ({ ...s, items: items(m.minutes![s.key], s.key) })).filter((s) => s.items.length),
      updatedText: `更新于 ${formatDateTime(m.minutes.updatedAt)}`,
    },
    cases: m.cases.map((c) => ({
      id: c.id,
      title: c.title,
      meta: [c.categoryLabel, c.orgName].filter(Boolean).join(' · '),
      stateText: CASE_PROGRESS[c.state].text,
      theme: CASE_PROGRESS[c.state].theme,
      answeredText: c.answeredAt ? `${formatDateTime(c.answeredAt)} 答复` : '',
    })),
  };
}

export function mineView(s: MySignUp | null): MineView | null {
  if (!s) return null;
  return {
    stateText: stateText(s),
    theme: STATE_THEMES[s.state],
    active: s.state === 'confirmed' || s.state === 'waitlisted',
    confirmed: s.state === 'confirmed',
    attended: s.state === 'attended',
    note: s.note,
    checkedInText: s.checkedInAt ? `签到于 ${formatDateTime(s.checkedInAt)}` : '',
  };
}
