// The `volunteer` cloud function (先锋骑士): the volunteer team, its activities,
// hours and certificates, and the points shop (积分超市 / 蜂力值).
import type { VolunteerApi } from '../../typings/volunteer';
import { createFunction } from '../_shared/function';
import { handlers } from './handlers';

export const main = createFunction<VolunteerApi>('volunteer', handlers);
