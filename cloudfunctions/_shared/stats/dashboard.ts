// The dashboard's report for a caller and a period: the one place that reads it, so
// the organiser home (user.dashboard) and its spreadsheet (office.exportDashboard)
// show the same numbers. Its reads are a fixed number of round trips.
import type { DashboardReport, DashboardRequest } from '../../../typings/dashboard';
import type { Caller } from '../caller';
import { beijingDay } from '../clock';
import { orgIdsInScope } from '../scope';
import { dashboardCounters } from '../stores/daily-stats';
import { orgNames } from '../stores/orgs';
import { periodOf, twelveMonthsTo } from './period';
import { dashboardReport } from './report';

export const ALL_ORGS = '全部组织';

async function scopeNameOf(caller: Caller): Promise<string> {
  if (caller.isSuperadmin) return ALL_ORGS;
  const ids = caller.user?.adminOrgIds ?? [];
  const names = await orgNames(ids);
  return ids.flatMap((id) => (names.has(id) ? [names.get(id)!] : [])).join('、');
}

export async function buildDashboard(caller: Caller, request: DashboardRequest, now: Date): Promise<DashboardReport> {
  // The period first: a range that cannot be shown is refused before anything is read.
  const period = periodOf(request, beijingDay(now));
  const months = twelveMonthsTo(period.to.slice(0, 7));
  const [orgIds, scopeName] = await Promise.all([orgIdsInScope(caller), scopeNameOf(caller)]);
  const counters = await dashboardCounters(orgIds, period, months);
  return dashboardReport({ orgIds, scopeName, period, months, counters, now });
}
