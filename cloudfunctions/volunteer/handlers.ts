import type { VolunteerApi } from '../../typings/volunteer';
import type { Handlers } from '../_shared/function';
import { activityHandlers } from './handlers/activities';
import { adminActivityHandlers } from './handlers/admin-activities';
import { adminHoursHandlers } from './handlers/admin-hours';
import { adminMemberHandlers } from './handlers/admin-members';
import { certificateHandlers } from './handlers/certificates';
import { hoursHandlers } from './handlers/hours';
import { leaderboardHandlers } from './handlers/leaderboard';
import { memberHandlers } from './handlers/members';
import { scanHandlers } from './handlers/scans';
import { shopGoodsHandlers } from './handlers/shop-goods';
import { shopOrderHandlers } from './handlers/shop-orders';
import { shopStatsHandlers } from './handlers/shop-stats';
import { shopWorkerHandlers } from './handlers/shop-worker';
import { statsHandlers } from './handlers/stats';

export const handlers = {
  // The volunteer team (先锋骑士).
  ...memberHandlers,
  ...activityHandlers,
  ...scanHandlers,
  ...hoursHandlers,
  ...leaderboardHandlers,
  ...certificateHandlers,
  ...adminMemberHandlers,
  ...adminActivityHandlers,
  ...adminHoursHandlers,
  ...statsHandlers,
  // The points shop (积分超市).
  ...shopWorkerHandlers,
  ...shopGoodsHandlers,
  ...shopOrderHandlers,
  ...shopStatsHandlers,
} satisfies Handlers<VolunteerApi>;
