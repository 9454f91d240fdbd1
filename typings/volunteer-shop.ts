/**
 * The points shop (积分超市 / 蜂力值) side of the `volunteer` function (typings/volunteer.ts):
 * goods, redemption, pickup codes, fulfilment and refunds.
 */
import type { ActionSpec } from './common';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the shop's actions
export interface VolunteerShopApi extends Record<never, ActionSpec<unknown, unknown>> {}
