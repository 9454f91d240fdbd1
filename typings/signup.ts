/**
 * The sign-up engine's shared shapes (cloudfunctions/_shared/engines/signup): the
 * booking side of any domain's events — seats, the waitlist, sign-up questions,
 * check-in codes and reminders. A domain (round tables, training classes, station
 * activities, volunteer activities) keeps its own event record and puts these
 * shapes into its own contract.
 */
import type { IsoDate } from './common';

/** Whose event it is; an event is known to the engine as `<domain>:<eventId>`. */
export type SignUpDomain = 'roundtable' | 'training' | 'station' | 'volunteer';

/**
 * confirmed: holds a seat. waitlisted: queued for one (FIFO). cancelled: by the
 * worker before the deadline, or removed by an organiser. attended: checked in
 * (by the rotating code or by an organiser). no_show: marked by an organiser.
 * Only the engine moves a sign-up between states; no input ever names a state.
 */
export type SignUpState = 'confirmed' | 'waitlisted' | 'cancelled' | 'attended' | 'no_show';

// ---- sign-up questions ------------------------------------------------------

/** text: free text (one value); single: one of the options; multi: any of the options. */
export type QuestionKind = 'text' | 'single' | 'multi';

/** Profile fields an answer can be prefilled from. */
export type ProfileField = 'realName' | 'phone' | 'platform' | 'orgName' | 'occupation';

/** One question of an event's sign-up form, set by the organiser. */
export interface SignUpQuestion {
  /** Unique within the event, e.g. "q1". */
  key: string;
  kind: QuestionKind;
  /** What the worker sees, e.g. "希望讨论的话题". */
  label: string;
  required: boolean;
  /** single and multi: 2–10 distinct choices. */
  options?: string[];
  /** Prefilled from the worker's registration when it has this field (and, for a choice, it is an option). */
  profileField?: ProfileField;
}

/** An answer: text questions have one value, single choice one option, multi choice any options. */
export interface SignUpAnswer {
  key: string;
  values: string[];
}

/** An answer as stored and shown: with the question's label at the time it was answered. */
export interface AnsweredQuestion extends SignUpAnswer {
  label: string;
}

// ---- what clients see --------------------------------------------------------

export interface SignUpCounts {
  capacity: number;
  /** Seats held: confirmed, attended and no-show. */
  seatsTaken: number;
  seatsLeft: number;
  waitlisted: number;
  attended: number;
}

/** What anyone may see of an event's booking: its counters, form and windows. */
export interface BookingView {
  counts: SignUpCounts;
  questions: SignUpQuestion[];
  /** Taking sign-ups (the organiser has not closed them); the deadline still applies. */
  open: boolean;
  /** The whole event was cancelled (final). */
  cancelled: boolean;
  /** Whether a full event queues further sign-ups. */
  waitlist: boolean;
  deadline: IsoDate;
  startAt: IsoDate;
  endAt: IsoDate;
}

/** The caller's own sign-up for one event. */
export interface MySignUp {
  domain: SignUpDomain;
  eventId: string;
  state: SignUpState;
  /** 1-based place on the waitlist (contiguous: 1, 2, 3 …); null unless waitlisted. */
  position: number | null;
  answers: AnsweredQuestion[];
  /** When the current sign-up (or re-sign-up after a cancellation) was made. */
  signedUpAt: IsoDate;
  checkedInAt: IsoDate | null;
  /** When the check-out was recorded (events that check out, e.g. volunteer activities); null: not yet. */
  checkedOutAt: IsoDate | null;
  /** Cancelled: by the worker, removed by an organiser, or the whole event was cancelled. */
  cancelledBy: 'self' | 'organiser' | 'event' | null;
  /** What the worker wrote on signing up (e.g. the topic they want to raise); '' when nothing. */
  note: string;
}

/** The reply to a sign-up tap. */
export interface SignUpReceipt {
  signUp: MySignUp;
  /** The caller had already signed up (a repeated tap); nothing changed. */
  already: boolean;
}

/** A sign-up as an organiser of the event's org sees it. */
export interface SignUpRow extends MySignUp {
  signUpId: string;
  userId: string;
  name: string;
  phone: string;
  checkInMethod: 'code' | 'manual' | null;
  checkOutMethod: 'code' | 'manual' | null;
}

/** What a rotating code does when scanned: check in, or check out (a code of one purpose never does the other). */
export type CheckInPurpose = 'in' | 'out';

/** What the organiser's screen shows as a QR code; it changes every slot. */
export interface CheckInCode {
  /** Short and URL-safe: `<domain>.<eventId>.<slot>.<signature>` (check-out codes end in `.o`). */
  code: string;
  purpose: CheckInPurpose;
  /** When the screen should fetch the next code (the slot's end). */
  refreshAt: IsoDate;
  /** Scans are accepted until then (the slot's end plus the grace). */
  validUntil: IsoDate;
}

/** What an organiser's change to one sign-up did. */
export interface OrganiserChange {
  signUp: MySignUp;
  /** Nothing changed: it was in that state already. */
  already: boolean;
  /** Waitlisted sign-ups promoted into a seat this freed. */
  promoted: number;
}

/** What cancelling a whole event did: every confirmed and waitlisted sign-up cancelled and notified. */
export interface EventCancelReport {
  /** Sign-ups cancelled by this call (confirmed and waitlisted). */
  cancelled: number;
  confirmed: number;
  waitlisted: number;
  /** The cancellation notices: sent, no grant left, refused by WeChat (43101/20004), failed (left for no retry). */
  notices: { sent: number; noGrant: number; refused: number; failed: number };
}

export interface CheckInResult {
  signUp: MySignUp;
  /** The sign-up was already checked in; nothing changed. */
  already: boolean;
}

export interface CheckOutEngineResult {
  signUp: MySignUp;
  /** The sign-up was already checked out; nothing changed. */
  already: boolean;
}

// ---- subscribe messages -------------------------------------------------------

/**
 * What the engine notifies by subscribe message. promoted and cancelled (the
 * event was cancelled) are status notices sent with the same template; dayBefore
 * and hourBefore are the reminders.
 */
export type NoticeKind = 'promoted' | 'dayBefore' | 'hourBefore' | 'cancelled';

/** What the client passes to wx.requestSubscribeMessage on the sign-up tap (at most 3 ids). */
export interface SubscribeOffer {
  templateIds: string[];
}

/** wx.requestSubscribeMessage's answer for one template id. */
export type SubscribeChoice = 'accept' | 'reject' | 'ban' | 'filter';

export interface SubscribeGrant {
  templateId: string;
  result: SubscribeChoice;
}

/**
 * What happened to one notice of one sign-up. sending: claimed, the send did not
 * report back (never retried: at most once). no_grant: the user had no send left
 * for that template. refused: WeChat answered 43101 (no grant) or 20004 (the user
 * switched messages off) — recorded, never retried.
 */
export type NoticeStatus = 'pending' | 'sending' | 'sent' | 'no_grant' | 'refused' | 'failed';

/** The scheduler's report of one reminders run. */
export interface ReminderReport {
  /** Sign-ups whose reminder (or promotion notice) was due in this run. */
  due: number;
  sent: number;
  noGrant: number;
  refused: { errcode: number; count: number }[];
  failed: number;
  /** Notice kinds without a template id configured (nothing sent for them). */
  unconfigured: NoticeKind[];
}

/** The scheduler's recount: booking counters made equal to the sign-up records. */
export interface SignUpRecountReport {
  events: number;
  repaired: { eventKey: string; seatsTaken: number; waitlisted: number; attended: number }[];
  /** Drifts that changed between the two passes (sign-ups in flight), left for the next run. */
  unsettled: number;
  /** Waitlisted sign-ups promoted into seats the repair freed. */
  promoted: number;
  /** Confirmed and waitlisted sign-ups of cancelled events cancelled (and notified) by the repair. */
  swept: number;
}
