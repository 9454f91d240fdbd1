// The `office` function: organiser-only spreadsheet work (imports and exports) for
// every domain. Kept apart so that the hot-path functions never load a spreadsheet
// library on a cold start.
import type { ActionSpec } from './common';
import type { DashboardRequest } from './dashboard';
import type { MeetingStatsRequest } from './roundtable';
import type { DayKey, ImportRowError } from './study';
import type { ShopOrderState } from './volunteer-shop';

export interface OfficeApi {
  /** Imports quotes from an .xlsx or .csv in storage; all rows or none. */
  importQuotes: ActionSpec<
    { fileId: string; orgId: string },
    { imported: number; scheduled: number } | { imported: 0; errors: ImportRowError[] },
    'admin'
  >;
  /** Candidates, every vote and the results as an .xlsx in storage, with a temporary link. */
  exportCampaign: ActionSpec<{ campaignId: string }, { fileId: string; url: string }, 'admin'>;
  /** A meeting's sign-up list (names, phones, states, topics, answers, check-ins) as an .xlsx; organisers of its org. */
  exportSignUps: ActionSpec<{ meetingId: string }, { fileId: string; url: string }, 'admin'>;
  /** The meeting statistics of a period (roundtable.meetingStats) as an .xlsx: totals, per kind, per course, per meeting. */
  exportMeetingStats: ActionSpec<MeetingStatsRequest, { fileId: string; url: string }, 'admin'>;
  /** An org's demands and 随手拍 reports submitted in a period (its sub-tree), as an .xlsx with a temporary link. */
  exportCases: ActionSpec<
    { orgId: string; from: DayKey; to: DayKey; kind?: 'demand' | 'report' },
    { fileId: string; url: string },
    'admin'
  >;
  /**
   * The volunteer team of an org's sub-tree as an .xlsx: each member's status, hours (credit and
   * honor apart, all time and in the period), points from hours and attendances; organisers of the org.
   */
  exportVolunteerHours: ActionSpec<
    { orgId: string; from: DayKey; to: DayKey },
    { fileId: string; url: string },
    'admin'
  >;
  /** Points-shop orders (积分超市) of goods in an org's sub-tree placed in a period (at most 1000, oldest first), as an .xlsx; organisers of the org. */
  exportShopOrders: ActionSpec<
    { orgId: string; from: DayKey; to: DayKey; state?: ShopOrderState },
    { fileId: string; url: string },
    'admin'
  >;
  /** The dashboard's report (user.dashboard) of a period as an .xlsx, with the same numbers as the screen. */
  exportDashboard: ActionSpec<DashboardRequest, { fileId: string; url: string }, 'admin'>;
}
