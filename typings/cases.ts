/**
 * The `cases` function: demands (诉求) tracked to an answer and 随手拍 reports that
 * earn 蜂力值 — one case engine (cloudfunctions/_shared/engines/cases) with
 * working-day deadlines in Beijing time.
 */
import type { ActionSpec, IsoDate, Page, PageRequest } from './common';
import type { GeoPoint } from './org';
import type { SubscribeGrant, SubscribeOffer } from './signup';
import type { DayKey } from './study';

/** demand: 诉求 of a worker (or raised at a round table); report: 随手拍 of a problem seen in public space. */
export type CaseKind = 'demand' | 'report';

/** 权益保障, 工作条件, 交通与安全, 生活服务, 技能与发展, 其他. */
export type DemandCategory = 'rights' | 'conditions' | 'traffic' | 'living' | 'skills' | 'other';
/** 道路设施, 环境卫生, 安全隐患, 民生服务, 其他. */
export type ReportCategory = 'road' | 'sanitation' | 'hazard' | 'livelihood' | 'other';
export type CaseCategory = DemandCategory | ReportCategory;

/**
 * submitted → accepted (owner org assigned, due date) → in_progress (updates the
 * raiser sees) → answered → closed (the raiser confirms, or 7 days after the
 * answer). returned: sent back by its owner for wrong routing (within 2 working
 * days), waiting for the parent org to re-assign it. extended: the due date moved
 * once. rejected: invalid or a duplicate. reopened: an unsatisfied raiser asked
 * again (once, within 7 days of the answer). Only the engine moves a case.
 */
export type CaseState =
  'submitted' | 'accepted' | 'in_progress' | 'extended' | 'answered' | 'closed' | 'returned' | 'rejected' | 'reopened';

/** 满意 / 基本满意 / 不满意. */
export type CaseRating = 'satisfied' | 'basically_satisfied' | 'unsatisfied';

/** red: no first response within 24 h; yellow: no update for 3 days; overdue: past its due date. */
export type CaseFlag = 'red' | 'yellow' | 'overdue';

/** Where a case came from: a worker's own submission, or an item of a round-table's minutes. */
export type CaseSource = { kind: 'worker' } | { kind: 'meeting'; meetingId: string; item: string };

/** A photo's content check (mediaCheckAsync): only passed photos are shown to anyone but organisers. */
export type PhotoCheck = 'pending' | 'pass' | 'rejected';

export type TimelineKind =
  | 'submitted'
  | 'created'
  | 'accepted'
  | 'reassigned'
  | 'transferred'
  | 'returned'
  | 'updated'
  | 'extended'
  | 'answered'
  | 'confirmed'
  | 'rated'
  | 'auto_closed'
  | 'reopened'
  | 'rejected'
  | 'duplicate'
  | 'verified'
  | 'flagged'
  | 'reminded'
  | 'overdue_notice'
  | 'escalated';

/** One step of a case's history, as the raiser sees it (organisers see internal steps too). */
export interface TimelineEntry {
  at: IsoDate;
  kind: TimelineKind;
  /** What happened, in Chinese (a reply, an update, a reason). */
  text: string;
  /** The org that acted ('' for the raiser and the system). */
  orgName: string;
  by: 'raiser' | 'organiser' | 'system';
}

export interface CasePhoto {
  fileId: string;
  /** A temporary download link. */
  url: string;
  check: PhotoCheck;
}

export interface CaseAnswer {
  text: string;
  at: IsoDate;
  orgName: string;
}

/** A row of a list: the raiser's own cases, or an organiser's queue. */
export interface CaseSummary {
  id: string;
  kind: CaseKind;
  category: CaseCategory;
  /** Chinese name of the category, e.g. 权益保障. */
  categoryLabel: string;
  title: string;
  state: CaseState;
  orgId: string;
  orgName: string;
  urgent: boolean;
  submittedAt: IsoDate;
  /** When a first response is due (1 working day by default). */
  respondBy: IsoDate;
  /** When the answer is due (5 working days by default; the same working day when urgent). */
  dueAt: IsoDate;
  answeredAt: IsoDate | null;
  /** Live: what holds at the time of the call. */
  flags: CaseFlag[];
  rating: CaseRating | null;
  photoCount: number;
}

/** The raiser's own case. */
export interface MyCase extends CaseSummary {
  description: string;
  address: string;
  location: GeoPoint | null;
  /** Photos that passed the content check. */
  photos: CasePhoto[];
  /** Photos still being checked, or that failed it (not shown). */
  photosHidden: number;
  anonymous: boolean;
  publicOptIn: boolean;
  source: CaseSource;
  answer: CaseAnswer | null;
  extension: { workingDays: number; reason: string; at: IsoDate } | null;
  rejectReason: string;
  /** The case this one duplicates, to follow instead. */
  duplicateOf: { id: string; title: string; state: CaseState } | null;
  /** 蜂力值 credited for this report once verified (null: not verified, or nothing to credit). */
  points: number | null;
  timeline: TimelineEntry[];
  canConfirm: boolean;
  canRate: boolean;
  canReopen: boolean;
  /** Until when the raiser may reopen (7 days after the answer), or null. */
  reopenUntil: IsoDate | null;
}

/** A case as an organiser of its org sees it: the raiser's identity, every photo with its check, internal steps. */
export interface CaseAdminView extends Omit<MyCase, 'photos' | 'photosHidden'> {
  /** Optimistic-concurrency token: pass it back to act only on what you saw. */
  version: number;
  raiser: { userId: string | null; name: string; phone: string } | null;
  photos: CasePhoto[];
  returned: { fromOrgId: string; fromOrgName: string; reason: string; at: IsoDate } | null;
  verification: { valid: boolean; at: IsoDate; note: string; points: number } | null;
  /** When the current owner org got the case (returns are allowed within 2 working days of it). */
  assignedAt: IsoDate | null;
  firstResponseAt: IsoDate | null;
  lastActivityAt: IsoDate;
  /** When each flag was first raised by the scheduler. */
  flagsRaised: Partial<Record<CaseFlag, IsoDate>>;
  /** When the scheduler sent the reminder, the overdue notice and the escalation. */
  noticesSent: { reminder: IsoDate | null; overdue: IsoDate | null; escalation: IsoDate | null };
}

/** An organiser's queue row. */
export interface CaseRow extends CaseSummary {
  /** Empty for an anonymous report. */
  raiserName: string;
}

/** What the public board (实事共办) shows of an answered case: no name, phone, openid or photo. */
export interface BoardCase {
  id: string;
  kind: CaseKind;
  category: CaseCategory;
  categoryLabel: string;
  title: string;
  /** The description (reports) with phone numbers and the raiser's name masked; '' for demands. */
  summary: string;
  /** Reports: where the problem is. */
  address: string;
  orgName: string;
  submittedAt: IsoDate;
  answer: CaseAnswer;
  state: 'answered' | 'closed';
  rating: CaseRating | null;
}

export interface ReplyTemplate {
  id: string;
  orgId: string;
  title: string;
  text: string;
  /** Offered for this category only; null: for every category. */
  category: CaseCategory | null;
  updatedAt: IsoDate;
}

export interface CaseCategoryInfo {
  kind: CaseKind;
  key: CaseCategory;
  label: string;
  /** First response due after this many working days. */
  respondDays: number;
  /** Answer due after this many working days (0: the same working day). */
  answerDays: number;
}

export interface CaseOptions {
  categories: CaseCategoryInfo[];
  /** A report takes 1 to this many photos. */
  maxPhotos: number;
  /** What the raiser's submit tap requests (the answered notice). */
  raiserTemplates: SubscribeOffer;
  /** What an organiser's tap requests (reminders, overdue notices, escalations). */
  organiserTemplates: SubscribeOffer;
  /** 蜂力值 for a verified report: the first reporter, a duplicate, and the caps. */
  reportPoints: { first: number; duplicate: number; dailyCap: number; monthlyCap: number };
}

export interface SubmitCaseRequest {
  kind: CaseKind;
  category: CaseCategory;
  /** Demands: 4–40 characters. Reports: optional (the category names it). */
  title?: string;
  /** Demands: what happened and what is asked (required). Reports: one optional line. */
  description?: string;
  /** Reports: 1–9 photos uploaded to cases/<userId>/. */
  photos?: string[];
  location?: GeoPoint;
  address?: string;
  /** Reports only: organisers never see who reported it, and it earns nothing. */
  anonymous?: boolean;
  /** Show it, once answered, on the public board (without any personal data). */
  publicOptIn?: boolean;
  /** The org to send it to; default: the raiser's registered org. */
  orgId?: string;
  /** What the raiser accepted of `raiserTemplates` on the same tap. */
  grants?: SubscribeGrant[];
}

/** An organiser records a demand raised at a round table (from its minutes). */
export interface CreateCaseRequest {
  category: DemandCategory;
  title: string;
  description: string;
  orgId: string;
  source: { kind: 'meeting'; meetingId: string; item: string };
  /** The worker who raised it, if they should follow it in their own list. */
  raiserUserId?: string;
}

export interface CaseStats {
  orgId: string;
  from: DayKey;
  to: DayKey;
  total: number;
  byCategory: { category: CaseCategory; label: string; count: number }[];
  byState: { state: CaseState; count: number }[];
  /** Owner orgs (the org itself and those below it). */
  byOrg: { orgId: string; orgName: string; count: number; overdue: number }[];
  /** Hours from submission to the first response. */
  firstResponseHours: { count: number; median: number | null; p90: number | null };
  /** Hours from submission to the (first) answer. */
  answerHours: { count: number; median: number | null; p90: number | null };
  /** Share of cases past their due date unanswered, or answered late, among those due or answered (0–1). */
  overdueRate: number | null;
  satisfaction: {
    rated: number;
    satisfied: number;
    basicallySatisfied: number;
    unsatisfied: number;
    /** (satisfied + basically satisfied) ÷ rated. */
    rate: number | null;
  };
  /** Reopened ÷ answered. */
  reopenRate: number | null;
}

/** The scheduler's run of the case engine. */
export interface CaseUpkeepReport {
  flagged: { red: number; yellow: number; overdue: number };
  reminders: number;
  overdueNotices: number;
  escalations: number;
  autoClosed: number;
  /** Answered notices to raisers left pending by their sender, sent now. */
  answeredNotices: number;
  /** The last day the working-day calendar covers; a warning when it ends within 45 days. */
  calendarLastDay: string;
  calendarWarning: string;
}

/** WeChat's message push of a media check's verdict (event wxa_media_check). */
export interface MediaCheckPush {
  ToUserName?: string;
  FromUserName?: string;
  CreateTime?: number;
  MsgType?: string;
  Event?: string;
  appid?: string;
  trace_id: string;
  version?: number;
  detail?: { strategy?: string; errcode?: number; suggest?: string; label?: number; prob?: number; keyword?: string }[];
  errcode?: number;
  errmsg?: string;
  result: { suggest: string; label?: number };
}

type CaseId = { caseId: string };
/** The case's version as the organiser saw it; the action is refused (CONFLICT) if it moved since. */
type Guard = { version?: number };

export interface CasesApi {
  /** Categories, deadlines, photo limit, subscribe templates and report points, for the forms. */
  caseOptions: ActionSpec<Record<string, never>, CaseOptions, 'public'>;
  /** What the user accepted of the case templates on a tap (one send each). */
  subscribeCaseNotices: ActionSpec<{ grants: SubscribeGrant[] }, { granted: string[] }, 'user'>;
  submitCase: ActionSpec<SubmitCaseRequest, MyCase, 'user'>;
  myCases: ActionSpec<{ kind?: CaseKind; state?: CaseState } & PageRequest, Page<CaseSummary>, 'user'>;
  getCase: ActionSpec<CaseId, MyCase, 'user'>;
  /** The raiser confirms the answer (optionally rating it): closed. */
  confirmCase: ActionSpec<CaseId & { rating?: CaseRating; comment?: string }, MyCase, 'user'>;
  /** The raiser rates an answered (closing it) or closed case, once. */
  rateCase: ActionSpec<CaseId & { rating: CaseRating; comment?: string }, MyCase, 'user'>;
  /** An unsatisfied raiser reopens an answered or closed case, once, within 7 days of the answer. */
  reopenCase: ActionSpec<CaseId & { reason: string }, MyCase, 'user'>;
  /** Answered cases whose raisers opted in, without any personal data. */
  publicBoard: ActionSpec<
    { kind?: CaseKind; category?: CaseCategory; orgId?: string } & PageRequest,
    Page<BoardCase>,
    'public'
  >;
  /** WeChat's message push of a photo's media-check verdict (the 消息推送 of event wxa_media_check). */
  mediaCheckResult: ActionSpec<MediaCheckPush, { applied: boolean }, 'public'>;
  // Admin
  listCases: ActionSpec<
    {
      orgId?: string;
      state?: CaseState;
      /** Only cases still waiting for their answer (submitted, accepted, in progress, extended, reopened, returned). */
      open?: boolean;
      flag?: CaseFlag;
      kind?: CaseKind;
      category?: CaseCategory;
      keyword?: string;
    } & PageRequest,
    Page<CaseRow>,
    'admin'
  >;
  adminGetCase: ActionSpec<CaseId, CaseAdminView, 'admin'>;
  /** A demand raised at a round table, recorded from its minutes (idempotent per meeting item). */
  createCase: ActionSpec<CreateCaseRequest, CaseAdminView, 'admin'>;
  /** Accepts a submitted case, or re-assigns a returned one: owner org (default its current org), due date. */
  acceptCase: ActionSpec<CaseId & Guard & { orgId?: string; urgent?: boolean; note?: string }, CaseAdminView, 'admin'>;
  transferCase: ActionSpec<CaseId & Guard & { toOrgId: string; reason: string }, CaseAdminView, 'admin'>;
  /** Wrong routing: back to the parent org (within 2 working days of the assignment), with the reason. */
  returnCase: ActionSpec<CaseId & Guard & { reason: string }, CaseAdminView, 'admin'>;
  /** A progress update the raiser sees. */
  updateCase: ActionSpec<CaseId & Guard & { text: string }, CaseAdminView, 'admin'>;
  /** The answer (typed, or a saved reply template with optional extra text); the raiser is notified. */
  answerCase: ActionSpec<CaseId & Guard & { text?: string; templateId?: string }, CaseAdminView, 'admin'>;
  /** Once, by at most 10 working days, before the due date; the reason is shown to the raiser. */
  extendCase: ActionSpec<CaseId & Guard & { workingDays: number; reason: string }, CaseAdminView, 'admin'>;
  rejectCase: ActionSpec<CaseId & Guard & { reason: string }, CaseAdminView, 'admin'>;
  /** Rejects as a duplicate, linking to the original (reported earlier); the raiser follows the original. */
  markDuplicate: ActionSpec<CaseId & Guard & { originalId: string }, CaseAdminView, 'admin'>;
  /** 随手拍: valid credits the reporter (first reporter 10, a duplicate 1) through the ledger; invalid rejects it. */
  verifyReport: ActionSpec<CaseId & { valid: boolean; note?: string }, CaseAdminView, 'admin'>;
  caseStats: ActionSpec<{ orgId: string; from: DayKey; to: DayKey; kind?: CaseKind }, CaseStats, 'admin'>;
  saveReplyTemplate: ActionSpec<
    { id?: string; orgId: string; title: string; text: string; category?: CaseCategory },
    ReplyTemplate,
    'admin'
  >;
  listReplyTemplates: ActionSpec<{ orgId: string; category?: CaseCategory }, ReplyTemplate[], 'admin'>;
}
