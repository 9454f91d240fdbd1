/**
 * The `roundtable` function: events on the shared sign-up engine (typings/signup.ts)
 * — 小哥圆桌会 (round-tables where officials and platforms sit with workers at a
 * service station), skills-training classes (培训班, 学时, an optional online
 * lecture series before the class) and the community activities stations host
 * (安全宣讲, 爱心义诊 …). One record type, `Meeting`, for all three; the engine keeps
 * the booking side (seats, waitlist, questions, check-in, reminders).
 */
import type { CaseState } from './cases';
import type { ActionSpec, IsoDate, Page, PageRequest } from './common';
import type { GeoPoint } from './org';
import type {
  BookingView,
  CheckInCode,
  CheckInResult,
  EventCancelReport,
  MySignUp,
  OrganiserChange,
  SignUpAnswer,
  SignUpCounts,
  SignUpQuestion,
  SignUpReceipt,
  SignUpRow,
  SignUpState,
  SubscribeGrant,
  SubscribeOffer,
} from './signup';
import type { DayKey } from './study';
import type { Occupation } from './user';

/** roundtable: 小哥圆桌会; training: 技能培训班; activity: a station's community activity. */
export type MeetingKind = 'roundtable' | 'training' | 'activity';

/**
 * The sign-up engine's domain of each kind (typings/signup.ts SignUpDomain): an
 * activity is the stations' domain. Check-in codes and "my sign-ups" carry it.
 */
export interface DomainOfKind {
  roundtable: 'roundtable';
  training: 'training';
  activity: 'station';
}

/** 安全宣讲 爱心义诊 亲子体验 法律咨询 心理咨询 其他. */
export type ActivityType = 'safety_talk' | 'free_clinic' | 'family' | 'legal_advice' | 'counselling' | 'other';

/** Set by organisers. Held / ongoing are derived from the time (MeetingPhase). */
export type MeetingStatus = 'published' | 'cancelled';

/** upcoming: before the start; ongoing: between start and end; ended: after the end (held); cancelled. */
export type MeetingPhase = 'upcoming' | 'ongoing' | 'ended' | 'cancelled';

/** Where it takes place: a service station (its name, address and point as saved), or an address with a point. */
export interface MeetingVenue {
  /** The station's id (the `station` function's records), or null for another place. */
  stationId: string | null;
  /** The station's name, or the place's (e.g. 城东社区活动室). */
  name: string;
  address: string;
  /** gcj02. */
  location: GeoPoint;
}

/** Who sits at the table: a department (人社局, 市场监管局, 区总工会, a platform's station manager …), optionally a person. */
export interface MeetingGuest {
  department: string;
  /** '' when not named. */
  name: string;
  /** e.g. 副局长; '' when not given. */
  title: string;
}

export interface MinutesItem {
  text: string;
  /** The department that raised, answered or took it away, when there is one. */
  department?: string;
}

/** 纪要: published once after the end, editable by organisers afterwards. */
export interface Minutes {
  /** 提出的问题. */
  raised: MinutesItem[];
  /** 现场答复. */
  answered: MinutesItem[];
  /** 会后带走办理 (the demands feature turns these into tracked cases). */
  takenAway: MinutesItem[];
  publishedAt: IsoDate;
  updatedAt: IsoDate;
}

/** A training class's course. */
export interface TrainingInfo {
  /** 课程名称, e.g. 互联网营销师（直播销售员）. Classes of one course are counted together. */
  course: string;
  /** 课程简介 ('' when none). */
  outline: string;
  /** 学时 of the class (0.5–200, in halves). */
  classHours: number;
  /**
   * A lecture series of the study feature (the `series` of its micro lectures) to
   * study online before the class, or null. The training counts as completed when
   * every published lecture of the series is completed and the class attended.
   */
  series: string | null;
}

/** The one event record of the three kinds. */
export interface Meeting {
  id: string;
  kind: MeetingKind;
  title: string;
  /** What the meeting is about (the 议题), one line. */
  topic: string;
  description: string;
  venue: MeetingVenue;
  startAt: IsoDate;
  endAt: IsoDate;
  /** Sign-ups and the worker's own cancellations close here. */
  deadline: IsoDate;
  capacity: number;
  /** Who is invited (empty: everyone). Shown, not enforced. */
  occupations: Occupation[];
  guests: MeetingGuest[];
  /** The organising org: its admins (and those above it) are the organisers. */
  orgId: string;
  orgName: string;
  status: MeetingStatus;
  phase: MeetingPhase;
  cancelReason: string | null;
  cancelledAt: IsoDate | null;
  /** kind training only. */
  training: TrainingInfo | null;
  /** kind activity only. */
  activityType: ActivityType | null;
  /** Published minutes (null until published). */
  minutes: Minutes | null;
  createdAt: IsoDate;
  updatedAt: IsoDate;
}

/** A meeting in a list. */
export interface MeetingSummary extends Pick<
  Meeting,
  | 'id'
  | 'kind'
  | 'title'
  | 'topic'
  | 'venue'
  | 'startAt'
  | 'endAt'
  | 'deadline'
  | 'occupations'
  | 'orgName'
  | 'status'
  | 'phase'
  | 'training'
  | 'activityType'
> {
  counts: SignUpCounts;
  /** Metres from the caller's point; null when none was sent. */
  distanceM: number | null;
  /** Whether minutes were published. */
  hasMinutes: boolean;
}

/** What "my sign-ups" shows of each meeting. */
export type MeetingBrief = Pick<
  Meeting,
  'id' | 'kind' | 'title' | 'venue' | 'startAt' | 'endAt' | 'status' | 'phase' | 'training' | 'activityType'
>;

/** Who is coming: counts and a few faces — never names or phones. */
export interface MeetingAttendance {
  /** Holding a seat (confirmed, checked in, or marked no-show). */
  seated: number;
  waitlisted: number;
  checkedIn: number;
  /** Temporary URLs of up to 8 seated people's avatars (those who set one), in sign-up order. */
  avatars: string[];
}

export interface MeetingDetail extends Meeting {
  /** Counters, the sign-up form (questions), whether sign-up is open, the waitlist, deadline and times. */
  booking: BookingView;
  coming: MeetingAttendance;
  /** The caller's own sign-up (null when none, or not signed in). `note` is the topic they want to raise. */
  mine: MySignUp | null;
  /** Answers prefilled from the caller's registration (empty when not registered). */
  prefill: SignUpAnswer[];
  /** The template ids to pass to wx.requestSubscribeMessage on the sign-up tap (at most 3). */
  subscribe: SubscribeOffer;
  /** Whether check-in (scanning the organiser's code) is open now: 30 min before the start to 30 min after the end. */
  checkInOpen: boolean;
  /** Whether sign-up is possible now (published, open, before the deadline and the start). */
  canSignUp: boolean;
  /** What was taken away from the table and is tracked as a case (the demands feature), oldest first. */
  cases: MeetingCaseProgress[];
}

/** A demand recorded from the meeting's minutes, as anyone may follow it: no personal data. */
export interface MeetingCaseProgress {
  id: string;
  title: string;
  categoryLabel: string;
  state: CaseState;
  /** The org that handles it. */
  orgName: string;
  answeredAt: IsoDate | null;
}

/** A meeting as its organisers see it in their lists. */
export interface AdminMeeting extends Meeting {
  counts: SignUpCounts;
  questions: SignUpQuestion[];
  /** Whether a full meeting queues further sign-ups. */
  waitlist: boolean;
}

// ---- requests -----------------------------------------------------------------

export interface ListMeetingsRequest extends PageRequest {
  kind?: MeetingKind;
  /** Only meetings that invite this occupation (or everyone). */
  occupation?: Occupation;
  /** Only meetings at this station. */
  stationId?: string;
  /** Only meetings organised in this org's sub-tree. */
  orgId?: string;
  /** The caller's position (gcj02): nearest first. Without it, soonest first. */
  lat?: number;
  lng?: number;
}

export interface SignUpRequest {
  meetingId: string;
  /** The topic the worker wants to raise (想提的问题), up to 200 characters; shown to organisers only. */
  topic?: string;
  /** Answers to the meeting's sign-up questions. */
  answers?: SignUpAnswer[];
  /** wx.requestSubscribeMessage's answers for the ids in MeetingDetail.subscribe. */
  grants?: SubscribeGrant[];
}

export interface MeetingSignUpReceipt extends SignUpReceipt {
  /** Template ids counted as granted (one send each). */
  granted: string[];
}

export interface CancelSignUpReceipt extends SignUpReceipt {
  /** Waitlisted people promoted into the freed seat (0 or 1). */
  promoted: number;
}

export interface MyMeetingSignUp {
  meeting: MeetingBrief;
  signUp: MySignUp;
}

export interface TrainingRecord {
  meeting: MeetingBrief;
  course: string;
  classHours: number;
  state: SignUpState;
  attended: boolean;
  series: string | null;
  /** Published lectures of the series, and how many of them the caller completed. */
  seriesLectures: number;
  seriesCompleted: number;
  /** No series, or every published lecture of it completed (a series without published lectures is never done). */
  seriesDone: boolean;
  /** Attended and seriesDone. */
  completed: boolean;
}

export interface MyTraining {
  classes: TrainingRecord[];
  /** Classes attended. */
  attended: number;
  /** 学时 of the classes attended. */
  classHours: number;
  /** Trainings completed (attended with their series done). */
  completed: number;
}

export interface MeetingVenueInput {
  /** A service station; its name, address and point are copied. */
  stationId?: string;
  /** Without a station: the place's name, its address and a point. */
  name?: string;
  address?: string;
  location?: GeoPoint;
}

export interface MeetingGuestInput {
  department: string;
  name?: string;
  title?: string;
}

export interface SaveMeetingRequest {
  /** Absent: a new meeting (its times must lie in the future). */
  id?: string;
  /** Fixed once created. */
  kind: MeetingKind;
  title: string;
  topic: string;
  description?: string;
  venue: MeetingVenueInput;
  startAt: IsoDate;
  endAt: IsoDate;
  deadline: IsoDate;
  capacity: number;
  /** Queue when full (default true). */
  waitlist?: boolean;
  occupations: Occupation[];
  guests: MeetingGuestInput[];
  /** Fixed once created. */
  orgId: string;
  questions?: SignUpQuestion[];
  /** Required for kind training, refused otherwise. */
  training?: { course: string; outline?: string; classHours: number; series?: string };
  /** Required for kind activity, refused otherwise. */
  activityType?: ActivityType;
}

export interface ListSignUpsRequest extends PageRequest {
  meetingId: string;
  states?: SignUpState[];
  /** Part of a name or nickname, or a whole phone number. */
  keyword?: string;
}

export interface MarkAttendanceRequest {
  meetingId: string;
  userId: string;
  /** attended: a manual check-in; no_show: did not come; remove: take the sign-up out (its seat goes to the waitlist). */
  mark: 'attended' | 'no_show' | 'remove';
  /** Why (recorded in the audit log; for remove). */
  reason?: string;
}

export interface PublishMinutesRequest {
  meetingId: string;
  raised: MinutesItem[];
  answered: MinutesItem[];
  takenAway: MinutesItem[];
}

export interface MeetingStatsRequest {
  /** Meetings starting on these Beijing days (at most 366). */
  from: DayKey;
  to: DayKey;
  /** The org whose sub-tree is counted (default: the admin's first org; superadmins: everything). */
  orgId?: string;
  kind?: MeetingKind;
}

/** Counted from the sign-up records of the meetings held (ended, not cancelled). */
export interface MeetingStatsRow {
  /** Meetings held. */
  held: number;
  cancelled: number;
  /** Seats taken at the meetings held: confirmed, attended and no-show. */
  signUps: number;
  attended: number;
  noShow: number;
  /** attended ÷ signUps, 0–1 (0 when nothing was signed up). */
  attendanceRate: number;
  /** noShow ÷ signUps, 0–1. */
  noShowRate: number;
  /** 人次: attendances (one person at one meeting counts once). */
  personTimes: number;
}

export interface CourseStats {
  course: string;
  classes: number;
  /** 人次 of the course's classes. */
  personTimes: number;
  /** 学时 delivered: attendances × each class's hours. */
  classHours: number;
}

export interface MeetingStatsEntry extends MeetingStatsRow {
  id: string;
  kind: MeetingKind;
  title: string;
  startAt: IsoDate;
  orgName: string;
  status: MeetingStatus;
}

export interface MeetingStats {
  from: DayKey;
  to: DayKey;
  orgId: string | null;
  totals: MeetingStatsRow;
  byKind: (MeetingStatsRow & { kind: MeetingKind })[];
  /** Training 人次 per course. */
  courses: CourseStats[];
  /** Each meeting in the period (held, cancelled and still to come), soonest first; at most 500. */
  meetings: MeetingStatsEntry[];
}

export interface AdminListMeetingsRequest extends PageRequest {
  orgId?: string;
  kind?: MeetingKind;
  phase?: MeetingPhase;
  keyword?: string;
}

export interface RoundtableApi {
  /** Upcoming and ongoing meetings (not cancelled); nearest first with a point, else soonest first. */
  listMeetings: ActionSpec<ListMeetingsRequest, Page<MeetingSummary> & { located: boolean }, 'public'>;
  /** One meeting: booking, who is coming, the caller's sign-up and prefill, minutes when published. */
  getMeeting: ActionSpec<{ id: string }, MeetingDetail, 'public'>;
  signUp: ActionSpec<SignUpRequest, MeetingSignUpReceipt, 'worker'>;
  cancelSignUp: ActionSpec<{ meetingId: string }, CancelSignUpReceipt, 'worker'>;
  mySignUps: ActionSpec<{ kind?: MeetingKind } & PageRequest, Page<MyMeetingSignUp>, 'worker'>;
  /** The scanned code (wx.scanCode({ onlyFromCamera: true })) on the meeting's page. */
  checkIn: ActionSpec<{ meetingId: string; code: string }, CheckInResult, 'worker'>;
  myTraining: ActionSpec<Record<string, never>, MyTraining, 'worker'>;
  // Organisers (the meeting's org or one above it)
  adminListMeetings: ActionSpec<AdminListMeetingsRequest, Page<AdminMeeting>, 'admin'>;
  saveMeeting: ActionSpec<SaveMeetingRequest, AdminMeeting, 'admin'>;
  /** Cancels the meeting and every sign-up, notifying each by subscribe message. */
  cancelMeeting: ActionSpec<
    { id: string; reason: string },
    { meeting: AdminMeeting; report: EventCancelReport },
    'admin'
  >;
  listSignUps: ActionSpec<ListSignUpsRequest, Page<SignUpRow> & { counts: SignUpCounts }, 'admin'>;
  /** The rotating code to show as a QR code (fetch the next at refreshAt). */
  issueCheckInCode: ActionSpec<{ meetingId: string }, CheckInCode, 'admin'>;
  markAttendance: ActionSpec<MarkAttendanceRequest, OrganiserChange, 'admin'>;
  manualCheckIn: ActionSpec<{ meetingId: string; userId: string }, OrganiserChange, 'admin'>;
  publishMinutes: ActionSpec<PublishMinutesRequest, Minutes, 'admin'>;
  meetingStats: ActionSpec<MeetingStatsRequest, MeetingStats, 'admin'>;
}
