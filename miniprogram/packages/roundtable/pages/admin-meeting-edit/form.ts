// The meeting editor's form, the checks made before sending (in the server's
// words, so an obvious mistake costs no round trip), and the request it becomes.
// Times are picked and shown in Beijing time ("YYYY-MM-DD HH:mm") and sent with
// the +08:00 offset. The server checks everything again; its message is shown in
// the form, which keeps what was typed.
import type { ActivityType, MeetingDetail, MeetingKind, SaveMeetingRequest } from '../../../../../typings/roundtable';
import type { Occupation } from '../../../../../typings/user';
import {
  checkQuestions,
  type QuestionForm,
  questionForms,
  questionsOf,
} from '../../../../components/questions-editor/questions';
import { beijingInstant, formatDate, formatDateTime } from '../../../../utils/format';

export interface GuestForm {
  /** Stable key for wx:key while rows are added and removed. */
  key: string;
  department: string;
  name: string;
  title: string;
}

export type VenueMode = 'station' | 'place';
export type TimeField = 'startAt' | 'endAt' | 'deadline';

export interface MeetingForm {
  /** Empty when creating. */
  id: string;
  kind: MeetingKind;
  orgId: string;
  title: string;
  topic: string;
  description: string;
  venueMode: VenueMode;
  stationId: string;
  stationName: string;
  placeName: string;
  address: string;
  /** gcj02, from wx.chooseLocation; null until chosen. */
  location: { lat: number; lng: number } | null;
  /** Beijing time, "YYYY-MM-DD HH:mm". */
  startAt: string;
  endAt: string;
  deadline: string;
  capacity: string;
  waitlist: boolean;
  occupations: Occupation[];
  guests: GuestForm[];
  questions: QuestionForm[];
  course: string;
  outline: string;
  classHours: string;
  series: string;
  activityType: ActivityType | '';
}

export const TIME_FIELDS: { key: TimeField; label: string }[] = [
  { key: 'startAt', label: '开始时间' },
  { key: 'endAt', label: '结束时间' },
  { key: 'deadline', label: '报名截止' },
];

export const MAX_GUESTS = 20;

let seq = 0;
const nextKey = (prefix: string) => `${prefix}${Date.now().toString(36)}${++seq}`;

export const newGuest = (department = '', name = '', title = ''): GuestForm => ({
  key: nextKey('g'),
  department,
  name,
  title,
});

const DAY_MS = 24 * 60 * 60 * 1000;
const dayAt = (now: number, days: number, time: string) =>
  `${formatDate(new Date(now + days * DAY_MS).toISOString())} ${time}`;

/** A new round-table a week from now, 14:00–16:00, sign-up until the day before. */
export function newForm(now: number, orgId = ''): MeetingForm {
  return {
    id: '',
    kind: 'roundtable',
    orgId,
    title: '',
    topic: '',
    description: '',
    venueMode: 'station',
    stationId: '',
    stationName: '',
    placeName: '',
    address: '',
    location: null,
    startAt: dayAt(now, 7, '14:00'),
    endAt: dayAt(now, 7, '16:00'),
    deadline: dayAt(now, 6, '18:00'),
    capacity: '30',
    waitlist: true,
    occupations: [],
    guests: [newGuest()],
    questions: [],
    course: '',
    outline: '',
    classHours: '',
    series: '',
    activityType: '',
  };
}

export function formFromMeeting(m: MeetingDetail): MeetingForm {
  const station = !!m.venue.stationId;
  return {
    id: m.id,
    kind: m.kind,
    orgId: m.orgId,
    title: m.title,
    topic: m.topic,
    description: m.description,
    venueMode: station ? 'station' : 'place',
    stationId: m.venue.stationId ?? '',
    stationName: station ? m.venue.name : '',
    placeName: station ? '' : m.venue.name,
    address: station ? '' : m.venue.address,
    location: station ? null : m.venue.location,
    startAt: formatDateTime(m.startAt),
    endAt: formatDateTime(m.endAt),
    deadline: formatDateTime(m.deadline),
    capacity: String(m.capacity),
    waitlist: m.booking.waitlist,
    occupations: [...m.occupations],
    guests: m.guests.map((g) => newGuest(g.department, g.name, g.title)),
    questions: questionForms(m.booking.questions),
    course: m.training?.course ?? '',
    outline: m.training?.outline ?? '',
    classHours: m.training ? String(m.training.classHours) : '',
    series: m.training?.series ?? '',
    activityType: m.activityType ?? '',
  };
}

const chars = (s: string) => [...s.trim()].length;

/** The guest rows with anything typed in them (an empty row is no guest). */
const filledGuests = (guests: GuestForm[]) => guests.filter((g) => `${g.department}${g.name}${g.title}`.trim());
const within = (s: string, min: number, max: number) => chars(s) >= min && chars(s) <= max;

/** The first obvious problem, or null. */
export function checkMeetingForm(f: MeetingForm): string | null {
  if (!f.orgId) return '请选择主办组织';
  if (!within(f.title, 4, 40)) return '请填写标题（4–40 字）';
  if (!within(f.topic, 2, 60)) return '请填写议题（2–60 字）';
  if (f.venueMode === 'station' && !f.stationId) return '请选择举办的驿站';
  if (f.venueMode === 'place') {
    if (!within(f.placeName, 2, 40)) return '请填写地点名称（2–40 字）';
    if (!f.location) return '请点「在地图上选点」选择地点';
    if (!within(f.address, 4, 120)) return '请填写地址（至少 4 个字）';
  }
  for (const t of TIME_FIELDS) if (!beijingInstant(f[t.key])) return `请选择${t.label}`;
  const [start, end, deadline] = [f.startAt, f.endAt, f.deadline].map((x) => Date.parse(beijingInstant(x)));
  if (end! <= start!) return '结束时间应晚于开始时间';
  if (deadline! > start!) return '报名截止时间不能晚于开始时间';
  if (!/^\d+$/.test(f.capacity.trim()) || +f.capacity < 1 || +f.capacity > 10_000) return '名额应为 1–10000 的整数';
  for (const [i, g] of filledGuests(f.guests).entries())
    if (!within(g.department, 2, 30)) return `请填写第 ${i + 1} 个出席部门（2–30 字）`;
  if (f.kind === 'training') {
    if (!within(f.course, 2, 40)) return '请填写课程名称（2–40 字）';
    const hours = Number(f.classHours);
    if (!f.classHours.trim() || !(hours >= 0.5 && hours <= 200) || (hours * 2) % 1 !== 0)
      return '学时应为 0.5–200，以 0.5 为单位';
  }
  if (f.kind === 'activity' && !f.activityType) return '请选择活动内容';
  return checkQuestions(f.questions);
}

/** Call only after checkMeetingForm passed. */
export function toSaveMeeting(f: MeetingForm): SaveMeetingRequest {
  const trim = (s: string) => s.trim();
  return {
    ...(f.id ? { id: f.id } : {}),
    kind: f.kind,
    orgId: f.orgId,
    title: trim(f.title),
    topic: trim(f.topic),
    description: trim(f.description),
    venue:
      f.venueMode === 'station'
        ? { stationId: f.stationId }
        : { name: trim(f.placeName), address: trim(f.address), location: f.location! },
    startAt: beijingInstant(f.startAt),
    endAt: beijingInstant(f.endAt),
    deadline: beijingInstant(f.deadline),
    capacity: Number(f.capacity),
    waitlist: f.waitlist,
    occupations: f.occupations,
    guests: filledGuests(f.guests).map((g) => ({
      department: trim(g.department),
      ...(trim(g.name) ? { name: trim(g.name) } : {}),
      ...(trim(g.title) ? { title: trim(g.title) } : {}),
    })),
    questions: questionsOf(f.questions),
    ...(f.kind === 'training'
      ? {
          training: {
            course: trim(f.course),
            ...(trim(f.outline) ? { outline: trim(f.outline) } : {}),
            classHours: Number(f.classHours),
            ...(f.series ? { series: f.series } : {}),
          },
        }
      : {}),
    ...(f.kind === 'activity' && f.activityType ? { activityType: f.activityType } : {}),
  };
}
