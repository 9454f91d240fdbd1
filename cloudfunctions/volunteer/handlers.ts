import type { VolunteerApi } from '../../typings/volunteer';
import type { Handlers } from '../_shared/function';
import { shopGoodsHandlers } from './handlers/shop-goods';
import { shopOrderHandlers } from './handlers/shop-orders';
import { shopStatsHandlers } from './handlers/shop-stats';
import { shopWorkerHandlers } from './handlers/shop-worker';

export const handlers = {
  // The points shop (积分超市).
  ...shopWorkerHandlers,
  ...shopGoodsHandlers,
  ...shopOrderHandlers,
  ...shopStatsHandlers,
} satisfies Handlers<VolunteerApi>;
