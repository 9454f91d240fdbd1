// The `campaign` cloud function for the organiser pages (campaigns, campaign-edit,
// campaign-manage). The twin of packages/campaign/services/campaign.ts, kept in
// this subpackage for the same reason (no main-package JS used only by subpackages).
import type { CampaignApi } from '../../../../../typings/campaign';
import { createApi } from '../../../../services/api';

export const campaignApi = createApi<CampaignApi>('campaign');
