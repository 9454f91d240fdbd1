// What the redemption queue says about an order.
import type { AdminShopOrder } from '../../../../../typings/volunteer-shop';
import { formatDateTime } from '../../../../utils/format';

/** The order as the organiser confirms it: what, how many, for whom, when. */
export const orderSummary = (o: AdminShopOrder): string =>
  `${o.goods.name} × ${o.quantity}（${o.points} 积分）\n${o.worker.realName} ${o.worker.phone}\n兑换于 ${formatDateTime(o.createdAt)}`;
