// The admin subpackage's one feature service: the organiser dashboard (数据看板)
// of the `user` function and its spreadsheet in the organiser-only `office`
// function, with the same request.
import type { ActionSpec } from '../../../../typings/common';
import type { DashboardApi, DashboardRequest } from '../../../../typings/dashboard';
import { createApi } from '../../../services/api';

/** `user.dashboard`: the org sub-tree's numbers for a period, from the daily counters. */
export const dashboardApi = createApi<DashboardApi>('user');

/** `office.exportDashboard`: the same report as an .xlsx with a temporary link. */
export const dashboardOfficeApi = createApi<{
  exportDashboard: ActionSpec<DashboardRequest, { fileId: string; url: string }, 'admin'>;
}>('office');
