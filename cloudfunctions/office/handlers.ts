import type { OfficeApi } from '../../typings/office';
import type { Handlers } from '../_shared/function';
import { exportCampaignHandlers } from './handlers/export-campaign';
import { exportMeetingHandlers } from './handlers/export-meetings';
import { exportCasesHandlers } from './handlers/export-cases';
import { exportDashboardHandlers } from './handlers/export-dashboard';
import { exportVolunteerHandlers } from './handlers/export-volunteer';
import { exportShopOrderHandlers } from './handlers/export-shop-orders';
import { importQuoteHandlers } from './handlers/import-quotes';

export const handlers = {
  ...importQuoteHandlers,
  ...exportCampaignHandlers,
  ...exportMeetingHandlers,
  ...exportCasesHandlers,
  ...exportVolunteerHandlers,
  ...exportShopOrderHandlers,
  ...exportDashboardHandlers,
} satisfies Handlers<OfficeApi>;
