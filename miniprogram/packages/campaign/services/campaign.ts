// The campaign feature's one service module, for its worker and organiser pages:
// 最美新就业群体 selections — campaigns, nominations, candidates, voting, ranking,
// results, posters, and the organisers' export.
//
// It lives in the subpackage, not in miniprogram/services/: nothing in the main
// package uses it, and main-package JS imported only from subpackages fails
// miniprogram-ci's CONTAINS_OTHER_PKG_JS (docs/client.md).
import type { CampaignApi } from '../../../../typings/campaign';
import type { OfficeApi } from '../../../../typings/office';
import { createApi } from '../../../services/api';

/** The `campaign` cloud function. */
export const campaignApi = createApi<CampaignApi>('campaign');

/** The campaign's part of the organiser-only `office` function: the spreadsheet export. */
export const campaignOfficeApi = createApi<Pick<OfficeApi, 'exportCampaign'>>('office');
