// The `volunteer` cloud function (先锋骑士): the volunteer team — membership with
// review, activities on the shared sign-up engine with check-in and check-out,
// credit and honor hours, self-reported service, points, leaderboards,
// statements and certificates — and the points shop (积分超市).
import type { VolunteerApi } from '../../typings/volunteer';
import { createFunction } from '../_shared/function';
import { handlers } from './handlers';

export const main = createFunction<VolunteerApi>('volunteer', handlers);
