// The `campaign` cloud function: "Most Beautiful New Workers" selections.
import type { CampaignApi } from '../../typings/campaign';
import { createFunction } from '../_shared/function';
import { handlers } from './handlers';

export const main = createFunction<CampaignApi>('campaign', handlers);
