// The admin subpackage's one feature service: the organiser dashboard (数据看板).
// Its report is the main package's `user` service (`userApi('dashboard', …)`, the
// user function owns the cross-feature reads); its spreadsheet is the organiser-only
// `office` function's, with the same request.
import type { OfficeApi } from '../../../../typings/office';
import { createApi } from '../../../services/api';

export { userApi as dashboardApi } from '../../../services/user';

/** `office.exportDashboard`: the same report as an .xlsx with a temporary link. */
export const dashboardOfficeApi = createApi<Pick<OfficeApi, 'exportDashboard'>>('office');
