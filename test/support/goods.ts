// A points-shop goods as an organiser saves it (pure): the page tests and the
// journeys arrange goods with it, each through their own `call`.
import type { SaveGoodsRequest } from '../../typings/volunteer-shop';

/** A 骑行头盔 under `orgId`: 100 points, 10 in stock, on the shelf, picked up at the city east station. */
export function goodsInput(orgId: string, over: Partial<SaveGoodsRequest> = {}): SaveGoodsRequest {
  return {
    orgId,
    name: '骑行头盔',
    description: '3C 认证半盔，夏季透气款',
    pickupNote: '城东驿站，工作日 9:00–17:00',
    price: 100,
    stock: 10,
    onShelf: true,
    ...over,
  };
}
