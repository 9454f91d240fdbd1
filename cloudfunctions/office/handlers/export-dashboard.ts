// The dashboard's report of a period as a spreadsheet, for the organiser who sees it:
// the same buildDashboard as user.dashboard, so the sheet and the screen agree.
import type { OfficeApi } from '../../../typings/office';
import type { Handlers } from '../../_shared/function';
import { buildDashboard } from '../../_shared/stats/dashboard';
import { dashboardRequest } from '../../_shared/stats/request';
import { audit } from '../../_shared/stores/audit';
import { dashboardWorkbook } from '../sheets/dashboard';
import { uploadExport } from '../sheets/upload';

export const exportDashboardHandlers = {
  exportDashboard: {
    access: 'admin',
    input: dashboardRequest(),
    async run(ctx, input) {
      const report = await buildDashboard(ctx.caller, input, ctx.now);
      const { from, to } = report.period;
      const file = await uploadExport(ctx, `dashboard-${from}-${to}`, await dashboardWorkbook(report));
      await audit(ctx, {
        action: 'exportDashboard',
        targetType: 'dashboard',
        targetId: `${from}_${to}`,
        summary: `导出数据看板（${report.scopeName}，${from} 至 ${to}）`,
      });
      return file;
    },
  },
} satisfies Handlers<Pick<OfficeApi, 'exportDashboard'>>;
