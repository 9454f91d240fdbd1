import type { CampaignApi } from '../../typings/campaign';
import type { Handlers } from '../_shared/function';
import { adminCampaignHandlers } from './handlers/admin-campaigns';
import { adminCandidateHandlers } from './handlers/admin-candidates';
import { fraudHandlers } from './handlers/fraud';
import { nominationHandlers } from './handlers/nominations';
import { publicHandlers } from './handlers/public';
import { voteHandlers } from './handlers/vote';

export const handlers = {
  ...publicHandlers,
  ...voteHandlers,
  ...nominationHandlers,
  ...adminCampaignHandlers,
  ...adminCandidateHandlers,
  ...fraudHandlers,
} satisfies Handlers<CampaignApi>;
