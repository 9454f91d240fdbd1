// The points shop's side of a journey, through the volunteer function: goods an
// organiser puts on the shelf, and the orders as the organiser hands them out.
import type { AdminGoods, AdminShopOrder, SaveGoodsRequest } from '../../../typings/volunteer-shop';
import type { Page } from '../../../typings/common';
import type { Call } from '../../support/arrange';
import { goodsInput } from '../../support/goods';

export const addGoods = (call: Call, organiser: string, orgId: string, over: Partial<SaveGoodsRequest> = {}) =>
  call<AdminGoods>(organiser, 'volunteer', 'saveGoods', goodsInput(orgId, over));

/** The orders waiting to be picked up, as the organiser's 兑换核销 lists them. */
export const pendingOrders = (call: Call, organiser: string) =>
  call<Page<AdminShopOrder> & { total: number }>(organiser, 'volunteer', 'listOrders', { state: 'pending' });
