import type { CampaignApi } from '../../typings/campaign';
import type { Handlers } from '../_shared/function';
import { adminHandlers } from './admin';
import { fraudHandlers } from './fraud';
import { nominationHandlers } from './nominations';
import { publicHandlers } from './public';

export const handlers = {
  ...publicHandlers,
  ...nominationHandlers,
  ...adminHandlers,
  ...fraudHandlers,
} satisfies Handlers<CampaignApi>;
