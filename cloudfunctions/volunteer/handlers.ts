import type { VolunteerApi } from '../../typings/volunteer';
import type { VolunteerTeamApi } from '../../typings/volunteer-team';
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

/** The team's actions (the points shop's are spread beside them on merge). */
export const teamHandlers = {
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
} satisfies Handlers<VolunteerTeamApi>;

export const handlers = {
  ...teamHandlers,
  // The points shop (积分超市).
  ...shopWorkerHandlers,
  ...shopGoodsHandlers,
  ...shopOrderHandlers,
  ...shopStatsHandlers,
} satisfies Handlers<VolunteerApi>;
