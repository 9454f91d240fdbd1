// The shop_quotas collection: how many pieces of one goods a worker holds (pending
// and fulfilled orders; a cancellation gives its pieces back), counted all-time and
// per Beijing month whatever the goods' limit is now — so a limit set or changed
// later counts what was redeemed before it. Moved only inside the redemption's
// transactions, so a per-person limit holds under concurrent taps.
import type { GoodsLimitPeriod } from '../../../typings/volunteer-shop';
import { COLLECTIONS } from '../../_shared/collections';
import { docsByIds, getDocIn, type Transaction } from '../../_shared/db';

interface QuotaDoc {
  _id: string;
  goodsId: string;
  userId: string;
  /** 'all', or the Beijing month as YYYYMM. */
  period: string;
  held: number;
  updatedAt: Date;
}

export interface QuotaKey {
  id: string;
  goodsId: string;
  userId: string;
  period: string;
}

/** The counter a limit of this period reads: `month` is YYYY-MM (Beijing). */
export function quotaKey(goodsId: string, userId: string, period: GoodsLimitPeriod, month: string): QuotaKey {
  const p = period === 'all' ? 'all' : month.replace('-', '');
  return { id: `${goodsId}_${userId}_${p}`, goodsId, userId, period: p };
}

/** Both counters an order moves. */
export const quotaKeysOf = (goodsId: string, userId: string, month: string): [QuotaKey, QuotaKey] => [
  quotaKey(goodsId, userId, 'all', month),
  quotaKey(goodsId, userId, 'month', month),
];

export async function heldIn(t: Transaction, key: QuotaKey): Promise<number> {
  return (await getDocIn<QuotaDoc>(t, COLLECTIONS.shopQuotas, key.id))?.held ?? 0;
}

/** Sets a counter to what the transaction computed from its own read. */
export async function setHeldIn(t: Transaction, key: QuotaKey, held: number, now: Date): Promise<void> {
  const { id, ...fields } = key;
  await t
    .collection(COLLECTIONS.shopQuotas)
    .doc(id)
    .set({ ...fields, held, updatedAt: now });
}

/** Pieces held by counter id (outside a transaction: for showing the quota). */
export async function heldByIds(ids: string[]): Promise<Map<string, number>> {
  const found = await docsByIds<QuotaDoc>(COLLECTIONS.shopQuotas, ids);
  return new Map(found.map((q) => [q._id, q.held]));
}
