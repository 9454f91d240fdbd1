// The `campaign` cloud function for the campaign pages: 最美新就业群体 selections —
// campaigns, nominations, candidates, voting, ranking, results, posters.
//
// It lives in the subpackage, not in miniprogram/services/: nothing in the main
// package uses it, and main-package JS used only by subpackages is flagged by
// miniprogram-ci's code quality check (CONTAINS_OTHER_PKG_JS). The organiser
// pages in the admin subpackage have their twin (packages/admin/pages/campaigns/api.ts);
// both are typed by the one contract, typings/campaign.ts.
import type { CampaignApi } from '../../../../typings/campaign';
import { createApi } from '../../../services/api';

export const campaignApi = createApi<CampaignApi>('campaign');
