// The organiser dashboard (数据看板): each feature's numbers for an org sub-tree and a
// period, read from pre-aggregated daily counters (the `daily_stats` collection) that
// the actions keep and the scheduler's recount verifies and repairs.
import type { CaseCategory } from './cases';
import type { ActionSpec, IsoDate } from './common';
import type { SignUpDomain } from './signup';
import type { DayKey } from './study';

/**
 * What a daily counter counts, on one Beijing day, for one org (the record's org).
 * A counter's `key` refines it: the lecture series, the sign-up domain, the case
 * category, the volunteer hours' kind or the campaign — '' where nothing does.
 */
export type StatMetric =
  /** Daily-quote check-ins (study), on the check-in's day. */
  | 'checkins'
  /** People who studied (a check-in or a lecture's progress) that day; each person once a day. */
  | 'learners'
  /** Lectures completed, on the completion day; key: the lecture's series ('' when it has none). */
  | 'completions'
  /** Seats held (confirmed, attended or no-show) for events starting that day; key: SignUpDomain. */
  | 'signups'
  /** Checked in at events starting that day; key: SignUpDomain. */
  | 'attended'
  /** Demands and 随手拍 reports submitted that day, rejected ones (invalid, duplicates) not counted; key: CaseCategory. */
  | 'cases_opened'
  /** Cases closed that day; key: CaseCategory. */
  | 'cases_closed'
  /**
   * Cases whose answer deadline fell on that day and passed without an answer in time: answered after it,
   * or still open with the scheduler's overdue flag raised (rejected cases never; a reopened case by its
   * new deadline); key: CaseCategory.
   */
  | 'cases_overdue'
  /** Cases rated that day; key: CaseCategory. */
  | 'cases_rated'
  /** Of those, rated 满意 or 基本满意; key: CaseCategory. */
  | 'cases_satisfied'
  /** Volunteer service minutes, on the service's start day, under the member's org; key: 'credit' | 'honor'. */
  | 'volunteer_minutes'
  /** Valid votes (not voided) cast that day, under the campaign's org; key: the campaign id. */
  | 'votes'
  /** Party members verified (亮身份) that day and still verified, under the member's org. */
  | 'revealed';

export type DashboardPeriodKind = 'week' | 'month' | 'custom';

export interface DashboardRequest {
  /** week: Monday to today; month: the 1st to today; custom: from–to (both required, at most 92 days, not after today). */
  period: DashboardPeriodKind;
  from?: DayKey;
  to?: DayKey;
}

export interface DashboardPeriod {
  kind: DashboardPeriodKind;
  from: DayKey;
  to: DayKey;
  /** The period compared with: the same weekdays of last week, the same days of last month, or as many days just before a custom range. */
  previousFrom: DayKey;
  previousTo: DayKey;
}

export type HeadlineKey =
  | 'checkins'
  /** Average people studying per day of the period (one decimal). */
  | 'learnersPerDay'
  | 'completions'
  | 'signups'
  | 'attended'
  | 'casesOpened'
  | 'casesClosed'
  | 'casesOverdue'
  /** Percent of rated cases rated 满意 or 基本满意; 0 when none was rated. */
  | 'satisfaction'
  /** Credit and honor hours together (one decimal). */
  | 'volunteerHours'
  | 'votes'
  | 'revealed';

export interface Headline {
  key: HeadlineKey;
  value: number;
  previous: number;
  /** value − previous (rounded as the value is). */
  delta: number;
  /** Percent change from previous, rounded to a whole percent; null when previous is 0. */
  changePct: number | null;
}

export interface DashboardReport {
  /** The org sub-trees counted: the caller's admin orgs, or null for every org (a superadmin). */
  orgIds: string[] | null;
  /** 全部组织, or the admin orgs' names joined with 、. */
  scopeName: string;
  period: DashboardPeriod;
  headlines: Headline[];
  /** One entry per day of the period, from → to. */
  days: DayKey[];
  /** Aligned with `days`. */
  daily: {
    checkins: number[];
    learners: number[];
    /** Round-table domain events only ('roundtable'); other domains are in `signupsByDomain`. */
    signups: number[];
    attended: number[];
    /** Verified members in total at the end of each day (亮身份 over time). */
    revealedTotal: number[];
  };
  /** The period's completions by lecture series, most first. */
  completionsBySeries: { series: string; count: number }[];
  /** The period's sign-ups and attendance per sign-up domain. */
  signupsByDomain: { domain: SignUpDomain; signups: number; attended: number }[];
  /** The period's cases per category, most opened first. */
  casesByCategory: {
    category: CaseCategory;
    opened: number;
    closed: number;
    overdue: number;
    rated: number;
    satisfied: number;
  }[];
  /** Volunteer hours for the 12 Beijing months ending with the period's last month (one decimal). */
  volunteerMonths: { month: string; creditHours: number; honorHours: number }[];
  /** Campaigns with votes in the period, most votes first; `votes` aligned with `days`. */
  campaigns: { campaignId: string; title: string; total: number; votes: number[] }[];
  /** True when every number of the period and of the previous one is 0. */
  empty: boolean;
  generatedAt: IsoDate;
}

/** Lives in the `user` function (the organiser home's cross-feature reads). */
export interface DashboardApi {
  dashboard: ActionSpec<DashboardRequest, DashboardReport, 'admin'>;
}
