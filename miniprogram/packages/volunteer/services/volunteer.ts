// The volunteer feature's one service module (先锋骑士 and 积分超市), for its worker
// and organiser pages: membership, activities with check-in and check-out, hours,
// self-reports, leaderboards, statements, certificates, the points shop.
//
// It lives in the subpackage, not in miniprogram/services/: nothing in the main
// package uses it, and main-package JS imported only from subpackages fails
// miniprogram-ci's CONTAINS_OTHER_PKG_JS (docs/client.md).
import type { VolunteerApi } from '../../../../typings/volunteer';
import { createApi } from '../../../services/api';

/** The `volunteer` cloud function. */
export const volunteerApi = createApi<VolunteerApi>('volunteer');
