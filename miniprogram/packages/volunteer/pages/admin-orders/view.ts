// What the redemption queue says about an order, and the export's period.
import type { AdminShopOrder } from '../../../../../typings/volunteer-shop';
import { formatDate, formatDateTime } from '../../../../utils/format';

/** The order as the organiser confirms it: what, how many, for whom, when. */
export const orderSummary = (o: AdminShopOrder): string =>
  `${o.goods.name} × ${o.quantity}（${o.points} 积分）\n${o.worker.realName} ${o.worker.phone}\n兑换于 ${formatDateTime(o.createdAt)}`;

/** This Beijing month so far, as the export's days. */
export function monthToDate(now: Date): { from: string; to: string } {
  const today = formatDate(now.toISOString());
  return { from: `${today.slice(0, 7)}-01`, to: today };
}
