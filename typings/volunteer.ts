/**
 * The `volunteer` function (先锋骑士): the volunteer team, its activities on the
 * shared sign-up engine with check-in and check-out, credit and honor hours,
 * self-reported service, points, leaderboards, certificates (typings/volunteer-team.ts)
 * and the points shop (积分超市, typings/volunteer-shop.ts). One function, one contract.
 */
import type { VolunteerShopApi } from './volunteer-shop';
import type { VolunteerTeamApi } from './volunteer-team';

export interface VolunteerApi extends VolunteerTeamApi, VolunteerShopApi {}
