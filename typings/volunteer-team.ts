/**
 * The volunteer team's side of the `volunteer` function (typings/volunteer.ts):
 * membership with review, activities on the shared sign-up engine (domain
 * 'volunteer') with check-in AND check-out by the rotating code, credit and honor
 * hours, self-reported service, points, leaderboards, statements and certificates
 * (志愿服务记录证明, 民政部令第67号).
 *
 * Hours travel as whole minutes (`…Minutes`); the client shows them as hours.
 * 信用时数 (credit) come only from a scanned check-in and check-out; 荣誉时数
 * (honor) only from organisers (backfill, approved claims and self-reports). The
 * two are always shown apart; star levels count both (see README, 志愿服务).
 */
import type { ActionSpec, IsoDate, Page, PageRequest } from './common';
import type { GeoPoint } from './org';
import type {
  BookingView,
  CheckInCode,
  CheckInPurpose,
  EventCancelReport,
  MySignUp,
  OrganiserChange,
  SignUpCounts,
  SignUpReceipt,
  SignUpRow,
  SignUpAnswer,
  SignUpQuestion,
  SignUpState,
  SubscribeGrant,
  SubscribeOffer,
} from './signup';
import type { DayKey } from './study';
import type { Occupation, PointsEntry } from './user';

/** 'YYYY-MM', a Beijing calendar month. */
export type MonthKey = string;

// ---- membership ---------------------------------------------------------------

/**
 * pending: applied, waiting for review; approved: a team member (may sign up and
 * report service); rejected: with a reason, may apply again (→ pending);
 * suspended: by an organiser, with a reason (reinstating returns to approved).
 * Only organisers move a member between states; no input ever names a state.
 */
export type VolunteerMemberStatus = 'pending' | 'approved' | 'rejected' | 'suspended';

/** 1–5 stars at 100 / 300 / 600 / 1000 / 1500 hours (credit + honor); 0 below 100 h. */
export type StarLevel = 0 | 1 | 2 | 3 | 4 | 5;

/** Hours of one person (or one org), credit and honor apart. */
export interface HoursSummary {
  /** 信用时数: from scanned check-in and check-out. */
  creditMinutes: number;
  /** 荣誉时数: granted by organisers. */
  honorMinutes: number;
  /** creditMinutes + honorMinutes. */
  totalMinutes: number;
  star: StarLevel;
  /** Hours still needed for the next star (null at 5 stars). */
  nextStar: { star: StarLevel; hoursLeft: number } | null;
}

/** The caller's own membership record: the only reply that carries their full name and phone. */
export interface VolunteerMember {
  userId: string;
  realName: string;
  phone: string;
  occupation: Occupation;
  /** Platform company (free text), e.g. a delivery platform. */
  platform: string;
  /** The org the member serves with (its organisers review the application). */
  orgId: string;
  orgName: string;
  status: VolunteerMemberStatus;
  /** Why the application was rejected or the member suspended ('' otherwise). */
  statusReason: string;
  appliedAt: IsoDate;
  /** The last review (null while pending for the first time). */
  reviewedAt: IsoDate | null;
  /** Whether the member appears on leaderboards (default true; the member may hide at any time). */
  onLeaderboard: boolean;
  hours: HoursSummary;
}

export interface MyMembership {
  /** null: never applied. */
  member: VolunteerMember | null;
  /** Whether the caller is a registered worker (applying needs a registration). */
  registered: boolean;
  /** The application form prefilled from the worker's registration (null when not registered). */
  prefill: ApplyMemberRequest | null;
  /** The caller's points balance (the ledger). */
  pointsBalance: number;
}

/** A member as an organiser of their org sees them. */
export interface AdminVolunteerMember extends VolunteerMember {
  /** Points earned from volunteer hours (reason volunteer_hours). */
  hoursPoints: number;
  /** The member's current points balance. */
  pointsBalance: number;
  /** Activities attended (checked in). */
  attended: number;
}

// ---- activities -----------------------------------------------------------------

/** Set by organisers. Upcoming / ongoing / ended are derived from the time. */
export type VolunteerActivityStatus = 'published' | 'cancelled';

export type VolunteerActivityPhase = 'upcoming' | 'ongoing' | 'ended' | 'cancelled';

/** 交通劝导 社区服务 应急救援 关爱帮扶 宣传宣讲 网格巡查 其他. */
export type VolunteerServiceType =
  'traffic' | 'community' | 'emergency' | 'care' | 'publicity' | 'grid_patrol' | 'other';

export interface VolunteerVenue {
  name: string;
  address: string;
  /** gcj02; null when not given. */
  location: GeoPoint | null;
}

export interface VolunteerActivity {
  id: string;
  title: string;
  serviceType: VolunteerServiceType;
  description: string;
  venue: VolunteerVenue;
  startAt: IsoDate;
  endAt: IsoDate;
  /**
   * 计划服务时长 in minutes (≤ endAt − startAt): the most credit one attendance can
   * earn; credit is earned only when the time served reaches 60 % of it.
   */
  plannedMinutes: number;
  /** Sign-ups and the member's own cancellations close here. */
  deadline: IsoDate;
  capacity: number;
  /** 联系人 and phone shown to members ('' when not given). */
  contact: string;
  contactPhone: string;
  /** The organising org: its admins (and those above it) are the organisers. */
  orgId: string;
  orgName: string;
  status: VolunteerActivityStatus;
  phase: VolunteerActivityPhase;
  cancelReason: string | null;
  createdAt: IsoDate;
  updatedAt: IsoDate;
}

export interface VolunteerActivitySummary extends Pick<
  VolunteerActivity,
  | 'id'
  | 'title'
  | 'serviceType'
  | 'venue'
  | 'startAt'
  | 'endAt'
  | 'plannedMinutes'
  | 'deadline'
  | 'orgName'
  | 'status'
  | 'phase'
> {
  counts: SignUpCounts;
  /** The caller's own sign-up (null when none or not signed in). */
  mine: VolunteerSignUp | null;
}

/** The caller's sign-up as the volunteer pages see it: the engine's (with checkedOutAt). */
export type VolunteerSignUp = MySignUp;

export interface VolunteerActivityDetail extends VolunteerActivity {
  /** Counters, the sign-up form (questions), whether sign-up is open, the waitlist, deadline and times. */
  booking: BookingView;
  /** The caller's sign-up (null when none or not signed in). */
  mine: VolunteerSignUp | null;
  /** Answers prefilled from the caller's registration (empty when not registered). */
  prefill: SignUpAnswer[];
  /** Template ids to request (wx.requestSubscribeMessage) inside the sign-up tap: the reminders. */
  subscribe: SubscribeOffer;
  /** The caller's membership status (null: not a member or not signed in); only approved members sign up. */
  memberStatus: VolunteerMemberStatus | null;
  /** Whether sign-up is possible now for the caller (approved, published, open, before the deadline and start). */
  canSignUp: boolean;
  /** Check-in and check-out by scanning are open: 30 min before the start to 30 min after the end. */
  checkInOpen: boolean;
  /** The hours this activity earned the caller (credit or honor), or null. */
  myHours: HoursRecord | null;
  /** A pending claim of the caller's for this activity (a forgotten check-out), or null. */
  myClaim: VolunteerClaim | null;
}

/** An activity as its organisers see it. */
export interface AdminVolunteerActivity extends VolunteerActivity {
  counts: SignUpCounts;
  waitlist: boolean;
  /** Sign-ups checked out. */
  checkedOut: number;
}

// ---- hours --------------------------------------------------------------------

export type HoursKind = 'credit' | 'honor';

/**
 * Where hours came from. scan: a scanned check-in and check-out (credit);
 * claim: a forgotten check-out approved by an organiser (honor); backfill: added
 * by an organiser with evidence (honor); service: a self-report approved (honor).
 */
export type HoursSource = 'scan' | 'claim' | 'backfill' | 'service';

/** One record of hours; each earns points once (its ledger key is the record's id). */
export interface HoursRecord {
  id: string;
  kind: HoursKind;
  source: HoursSource;
  minutes: number;
  /** The activity (null for a self-report or a backfill without one). */
  activityId: string | null;
  /** What the service was: the activity's title, or the self-report's / backfill's. */
  title: string;
  /** The service's time span. */
  startAt: IsoDate;
  endAt: IsoDate;
  /** Why (organiser-granted hours: the reviewer's reason; '' for credit). */
  reason: string;
  /** The org that recorded it. */
  orgName: string;
  /** Points credited for it (0 when the rate gives none). */
  points: number;
  createdAt: IsoDate;
}

export interface MyHours {
  summary: HoursSummary;
  records: Page<HoursRecord>;
}

// ---- claims and self-reports ----------------------------------------------------

/**
 * missed_checkout: a check-in without a check-out, closed by the scheduler at the
 * planned end (or by an organiser's manual check-out) — never credit, reviewed
 * into honor hours or rejected. service: a self-reported service.
 */
export type ClaimKind = 'missed_checkout' | 'service';

export type ClaimState = 'pending' | 'approved' | 'rejected';

/** 网格员值守 路遇帮扶 随手拍跟进 其他. */
export type ServiceReportType = 'grid_duty' | 'road_help' | 'snapshot_followup' | 'other';

export interface ClaimPhoto {
  fileId: string;
  /** A temporary download link. */
  url: string;
}

export interface VolunteerClaim {
  id: string;
  kind: ClaimKind;
  state: ClaimState;
  userId: string;
  /** missed_checkout: the activity. */
  activityId: string | null;
  /** The activity's title, or the self-report's type label + first words. */
  title: string;
  /** service only. */
  serviceType: ServiceReportType | null;
  /** service: what was done; missed_checkout: ''. */
  text: string;
  /** service: the reported span; missed_checkout: check-in time → the planned end. */
  startAt: IsoDate;
  endAt: IsoDate;
  /** The most minutes the claim may be granted (the activity's planned duration, or the span). */
  maxMinutes: number;
  photos: ClaimPhoto[];
  /** The org whose organisers review it. */
  orgId: string;
  orgName: string;
  /** approved: minutes granted as honor hours. */
  grantedMinutes: number;
  /** The reviewer's reason ('' while pending). */
  reviewReason: string;
  createdAt: IsoDate;
  reviewedAt: IsoDate | null;
}

/** A claim as organisers see it: with the member's name and phone. */
export interface AdminVolunteerClaim extends VolunteerClaim {
  name: string;
  phone: string;
}

// ---- leaderboards and statements ---------------------------------------------

export type LeaderboardPeriod = 'month' | 'all';

export interface LeaderboardEntry {
  rank: number;
  /** Masked real name (张*). */
  name: string;
  avatarUrl: string;
  orgName: string;
  creditMinutes: number;
  honorMinutes: number;
  totalMinutes: number;
  star: StarLevel;
  /** The caller's own row. */
  me: boolean;
}

export interface Leaderboard {
  period: LeaderboardPeriod;
  /** The month for period month. */
  month: MonthKey | null;
  orgId: string;
  orgName: string;
  /** Ranked by total hours (then credit hours); hidden members neither appear nor take a rank. */
  entries: LeaderboardEntry[];
  /** The caller's rank (null: hidden, not a member, or no hours in the period). */
  myRank: number | null;
  /** Whether the caller shows on leaderboards (false when not a member). */
  myVisible: boolean;
}

export interface MonthlyStatement {
  month: MonthKey;
  /** Hours recorded in the month (by the service's start), credit and honor apart. */
  creditMinutes: number;
  honorMinutes: number;
  records: HoursRecord[];
  /** The ledger in the month (every reason): points in, out, and each entry newest first (at most 200). */
  points: { earned: number; spent: number; net: number; entries: PointsEntry[] };
  /** The balance now. */
  balance: number;
}

// ---- certificates (志愿服务记录证明) ---------------------------------------------

/** One line of the certificate's service content. */
export interface CertificateService {
  title: string;
  startAt: IsoDate;
  minutes: number;
  kind: HoursKind;
}

/** A certificate as issued: a snapshot, never recomputed. */
export interface VolunteerCertificate {
  /** Unique and unguessable, ≤ 32 characters (a mini-program code's scene). */
  number: string;
  issuedAt: IsoDate;
  holder: {
    /** The full real name as applied; masked (张**) in verifyCertificate, which never shows more than the paper. */
    name: string;
    /** The phone, masked (138****5678). */
    phoneMasked: string;
  };
  /** The issuing org. */
  orgId: string;
  orgName: string;
  /** The period the certificate covers (Beijing days). */
  from: DayKey;
  to: DayKey;
  creditMinutes: number;
  honorMinutes: number;
  totalMinutes: number;
  /** Services on record in the period (人次: each hours record — an activity, a self-report or a backfill). */
  services: number;
  /** The service content: at most 20 lines, longest first. */
  content: CertificateService[];
  /** The page a QR code opens to verify it: packages/volunteer/pages/verify/index?no=<number>. */
  verifyPath: string;
}

// ---- stats --------------------------------------------------------------------

export interface VolunteerStatsRow {
  orgId: string;
  orgName: string;
  members: number;
  creditMinutes: number;
  honorMinutes: number;
  points: number;
}

export interface VolunteerStats {
  from: DayKey;
  to: DayKey;
  orgId: string;
  members: Record<VolunteerMemberStatus, number>;
  /** Activities held in the period (ended, not cancelled). */
  activitiesHeld: number;
  /** 人次: check-ins at activities held in the period. */
  personTimes: number;
  /** Hours recorded in the period. */
  creditMinutes: number;
  honorMinutes: number;
  /** Points credited for hours in the period. */
  points: number;
  /** Waiting for review now: applications, forgotten check-outs, self-reports. */
  pending: { members: number; claims: number; services: number };
  /** Per direct child org of orgId (and orgId itself first). */
  byOrg: VolunteerStatsRow[];
}

/** The scheduler's closing of forgotten check-outs (activities whose check-out window closed). */
export interface VolunteerCloseReport {
  activities: number;
  /** Pending claims made (one per check-in never checked out). */
  claims: number;
}

// ---- requests -----------------------------------------------------------------

/** Identity only from the caller; the status is never part of an application. */
export interface ApplyMemberRequest {
  realName: string;
  phone: string;
  occupation: Occupation;
  platform: string;
  orgId: string;
}

export interface ListActivitiesRequest extends PageRequest {
  /** Only activities organised in this org's sub-tree. */
  orgId?: string;
  serviceType?: VolunteerServiceType;
}

export interface CheckOutResult {
  signUp: VolunteerSignUp;
  /** Already checked out; nothing changed. */
  already: boolean;
  /** The credit hours it earned (null: below 60 % of the planned duration, or already). */
  hours: HoursRecord | null;
  /** The minutes served as counted (min(out, end) − max(in, start), capped at the planned duration). */
  servedMinutes: number;
}

export interface VolunteerCheckInResult {
  signUp: VolunteerSignUp;
  already: boolean;
  /** In/out pairs the caller has started on this Beijing day, this one included (at most 3). */
  pairsToday: number;
}

export interface SubmitServiceRequest {
  serviceType: ServiceReportType;
  /** What was done, 10–500 characters (content-checked). */
  text: string;
  /** The span served: in the past, at most 12 hours, within the last 30 days. */
  startAt: IsoDate;
  endAt: IsoDate;
  /** 1–9 photos uploaded to volunteer/<userId>/. */
  photos: string[];
  /** The org to review it (default: the member's own). */
  orgId?: string;
}

export interface LeaderboardRequest {
  period: LeaderboardPeriod;
  /** For period month (default: this month). */
  month?: MonthKey;
  /** The org whose sub-tree is ranked (default: the caller's member org). */
  orgId?: string;
  /** At most 100 (default 50). */
  limit?: number;
}

export interface MyCertificateRequest {
  /** The period (default: from the first hours to today). */
  from?: DayKey;
  to?: DayKey;
}

export interface ReviewMemberRequest {
  userId: string;
  /** approve: pending/rejected → approved; reject: pending → rejected; suspend: approved → suspended; reinstate: suspended → approved. */
  decision: 'approve' | 'reject' | 'suspend' | 'reinstate';
  /** Required for reject and suspend (shown to the member). */
  reason?: string;
}

export interface ListMembersRequest extends PageRequest {
  orgId?: string;
  status?: VolunteerMemberStatus;
  /** Part of a name, or a whole phone number. */
  keyword?: string;
}

export interface SaveActivityRequest {
  /** Absent: a new activity (its times must lie in the future; past service is backfilled). */
  id?: string;
  title: string;
  serviceType: VolunteerServiceType;
  description?: string;
  venue: { name: string; address: string; location?: GeoPoint };
  startAt: IsoDate;
  endAt: IsoDate;
  /** Default endAt − startAt; at most that. At most 12 hours; the activity at most 1 day. */
  plannedMinutes?: number;
  deadline: IsoDate;
  capacity: number;
  /** Queue when full (default true). */
  waitlist?: boolean;
  contact?: string;
  contactPhone?: string;
  /** Fixed once created. */
  orgId: string;
  /** Optional sign-up questions (text, single or multi choice); keys keep answers matched across edits. */
  questions?: SignUpQuestion[];
}

export interface VolunteerSignUpRequest {
  activityId: string;
  /** Answers to the activity's sign-up questions. */
  answers?: SignUpAnswer[];
  /** wx.requestSubscribeMessage's answers for the ids in VolunteerActivityDetail.subscribe. */
  grants?: SubscribeGrant[];
}

export interface VolunteerSignUpReceipt extends SignUpReceipt {
  signUp: VolunteerSignUp;
  /** Template ids counted as granted (one send each). */
  granted: string[];
}

export interface ListActivitySignUpsRequest extends PageRequest {
  activityId: string;
  states?: SignUpState[];
  keyword?: string;
}

/** A sign-up row with its check-out (the engine's). */
export type VolunteerSignUpRow = SignUpRow;

/** The engine's code, with its purpose, and the counts the code screen shows beside it (read with it). */
export interface VolunteerCheckInCode extends CheckInCode {
  counts: SignUpCounts;
  /** Sign-ups checked out. */
  checkedOut: number;
}

export interface ListClaimsRequest extends PageRequest {
  orgId?: string;
  kind?: ClaimKind;
  /** Default pending. */
  state?: ClaimState;
}

export interface ReviewClaimRequest {
  claimId: string;
  decision: 'approve' | 'reject';
  /** approve: honor minutes to grant, 1..claim.maxMinutes. */
  minutes?: number;
  /** Why (audited; shown to the member). */
  reason: string;
}

export interface AddHonorHoursRequest {
  userId: string;
  /** The activity served (its planned duration caps the minutes). */
  activityId?: string;
  /** Without an activity: what the service was and its span (the span caps the minutes). */
  title?: string;
  startAt?: IsoDate;
  endAt?: IsoDate;
  minutes: number;
  reason: string;
  /** 1–9 evidence files (photos, sign-in sheets) uploaded to volunteer/. */
  evidence: string[];
}

export interface MemberHoursRequest extends PageRequest {
  userId: string;
}

export interface MemberHours {
  member: AdminVolunteerMember;
  records: Page<HoursRecord>;
}

export interface VolunteerStatsRequest {
  from: DayKey;
  to: DayKey;
  /** Default: the admin's first org (superadmins: required). */
  orgId?: string;
}

export interface AdminListActivitiesRequest extends PageRequest {
  orgId?: string;
  phase?: VolunteerActivityPhase;
  keyword?: string;
}

export interface VolunteerTeamApi {
  // Members
  /** Apply to the team (or again after a rejection) → pending. */
  applyMember: ActionSpec<ApplyMemberRequest, VolunteerMember, 'worker'>;
  myMembership: ActionSpec<Record<string, never>, MyMembership, 'user'>;
  /** Upcoming and ongoing activities (not cancelled), soonest first. */
  listActivities: ActionSpec<ListActivitiesRequest, Page<VolunteerActivitySummary>, 'public'>;
  getActivity: ActionSpec<{ activityId: string }, VolunteerActivityDetail, 'public'>;
  /** Approved members only; the answers and the subscribe grants the tap gave are optional. */
  signUp: ActionSpec<VolunteerSignUpRequest, VolunteerSignUpReceipt, 'worker'>;
  cancelSignUp: ActionSpec<{ activityId: string }, SignUpReceipt & { signUp: VolunteerSignUp }, 'worker'>;
  /** The scanned check-in code; at most 3 in/out pairs per Beijing day across activities. */
  checkIn: ActionSpec<{ activityId: string; code: string }, VolunteerCheckInResult, 'worker'>;
  /** The scanned check-out code; credit hours when ≥ 60 % of the planned duration was served. */
  checkOut: ActionSpec<{ activityId: string; code: string }, CheckOutResult, 'worker'>;
  myHours: ActionSpec<PageRequest, MyHours, 'worker'>;
  /** Approved members only → a pending claim of kind service. */
  submitService: ActionSpec<SubmitServiceRequest, VolunteerClaim, 'worker'>;
  /** The caller's claims and self-reports, newest first. */
  myClaims: ActionSpec<PageRequest, Page<VolunteerClaim>, 'worker'>;
  leaderboard: ActionSpec<LeaderboardRequest, Leaderboard, 'user'>;
  /** Show or hide the caller on every leaderboard (members only). */
  setLeaderboardVisibility: ActionSpec<{ visible: boolean }, { visible: boolean }, 'worker'>;
  myStatement: ActionSpec<{ month: MonthKey }, MonthlyStatement, 'worker'>;
  /** Issues the caller's certificate for the period (a repeat with unchanged hours returns the same one). */
  myCertificate: ActionSpec<MyCertificateRequest, VolunteerCertificate, 'worker'>;
  /** A mini-program code that opens the verify page of the caller's certificate (for the poster). */
  certificatePosterCode: ActionSpec<{ number: string }, { fileId: string }, 'worker'>;
  /** Anyone, no login: what the certificate shows (the name masked), or NOT_FOUND. */
  verifyCertificate: ActionSpec<{ number: string }, VolunteerCertificate, 'public'>;
  // Organisers (the org or one above it)
  reviewMember: ActionSpec<ReviewMemberRequest, AdminVolunteerMember, 'admin'>;
  listMembers: ActionSpec<ListMembersRequest, Page<AdminVolunteerMember>, 'admin'>;
  adminListActivities: ActionSpec<AdminListActivitiesRequest, Page<AdminVolunteerActivity>, 'admin'>;
  saveActivity: ActionSpec<SaveActivityRequest, AdminVolunteerActivity, 'admin'>;
  cancelActivity: ActionSpec<
    { activityId: string; reason: string },
    { activity: AdminVolunteerActivity; report: EventCancelReport },
    'admin'
  >;
  listActivitySignUps: ActionSpec<
    ListActivitySignUpsRequest,
    Page<VolunteerSignUpRow> & { counts: SignUpCounts },
    'admin'
  >;
  /** The rotating code for check-in or check-out (a code of one purpose never does the other). */
  issueCheckInCode: ActionSpec<{ activityId: string; purpose: CheckInPurpose }, VolunteerCheckInCode, 'admin'>;
  /** Manual check-in (no credit hours: only scans earn credit). */
  manualCheckIn: ActionSpec<{ activityId: string; userId: string }, OrganiserChange, 'admin'>;
  /** Manual check-out: closes the pair as a pending claim (never credit). */
  manualCheckOut: ActionSpec<{ activityId: string; userId: string }, OrganiserChange, 'admin'>;
  listClaims: ActionSpec<ListClaimsRequest, Page<AdminVolunteerClaim>, 'admin'>;
  /** Approve (→ honor hours, capped) or reject a claim or self-report; audited. */
  reviewClaim: ActionSpec<ReviewClaimRequest, AdminVolunteerClaim, 'admin'>;
  /** Backfill honor hours with evidence; audited. */
  addHonorHours: ActionSpec<AddHonorHoursRequest, HoursRecord, 'admin'>;
  memberHours: ActionSpec<MemberHoursRequest, MemberHours, 'admin'>;
  volunteerStats: ActionSpec<VolunteerStatsRequest, VolunteerStats, 'admin'>;
}
