// The organiser home's dashboard (数据看板): the caller's org sub-trees over a period,
// read from the daily counters (cloudfunctions/_shared/stats/dashboard.ts).
import type { UserApi } from '../../../typings/user';
import type { Handlers } from '../../_shared/function';
import { buildDashboard } from '../../_shared/stats/dashboard';
import { dashboardRequest } from '../../_shared/stats/request';

export const dashboardHandlers = {
  dashboard: {
    access: 'admin',
    input: dashboardRequest(),
    run: ({ caller, now }, input) => buildDashboard(caller, input, now),
  },
} satisfies Handlers<Pick<UserApi, 'dashboard'>>;
