// The points shop's rules: who may redeem which goods, how many, and why not —
// in words a rider can act on. Pure: the store's transaction reads, these decide.
import type { GoodsLimit } from '../../../typings/volunteer-shop';
import { beijingDay } from '../../_shared/clock';
import { AppError } from '../../_shared/errors';

/** Pieces in one redemption. */
export const MAX_QUANTITY = 10;
export const MAX_PRICE = 100_000;
export const MAX_STOCK = 100_000;

/** The Beijing month (YYYY-MM) an order placed now counts in. */
export const monthOf = (now: Date) => beijingDay(now).slice(0, 7);

export interface ShelfState {
  orgId: string;
  onShelf: boolean;
  price: number;
  stock: number;
  limit: GoodsLimit | null;
}

export interface Standing {
  /** The worker's org path (their org and those above it). */
  orgPath: string[];
  balance: number;
  /** Pieces the worker holds of these goods: all-time and in this month. */
  heldAll: number;
  heldMonth: number;
}

/** Whether the worker belongs to the org the goods are for (the goods' org or one below it). */
export const mayRedeem = (g: Pick<ShelfState, 'orgId'>, orgPath: string[]) => orgPath.includes(g.orgId);

/** Pieces held in the limit's period. */
export const heldFor = (limit: GoodsLimit | null, s: Pick<Standing, 'heldAll' | 'heldMonth'>) =>
  !limit ? 0 : limit.period === 'all' ? s.heldAll : s.heldMonth;

/** Why `quantity` pieces cannot be redeemed now, or null. Points come last: the ledger checks them in the same transaction. */
export function refusal(g: ShelfState, s: Standing, quantity: number): AppError | null {
  if (!mayRedeem(g, s.orgPath)) return new AppError('FORBIDDEN', '这件商品只面向所属组织的骑手兑换');
  if (!g.onShelf) return new AppError('CLOSED', '这件商品已下架');
  if (g.stock <= 0) return new AppError('FULL', '这件商品已兑完，请留意补货');
  if (g.stock < quantity) return new AppError('FULL', `库存只剩 ${g.stock} 件`);
  if (g.limit) {
    const left = g.limit.perPerson - heldFor(g.limit, s);
    const per = g.limit.period === 'all' ? '每人限兑' : '每人每月限兑';
    if (left <= 0) return new AppError('LIMIT_REACHED', `${per} ${g.limit.perPerson} 件，你已达上限`);
    if (left < quantity) return new AppError('LIMIT_REACHED', `${per} ${g.limit.perPerson} 件，你还可兑 ${left} 件`);
  }
  return null;
}

/** How many the worker could redeem now, and why none (for the goods page). */
export function standingOf(g: ShelfState, s: Standing): { canRedeem: number; whyNot: string } {
  const quota = g.limit ? g.limit.perPerson - heldFor(g.limit, s) : MAX_QUANTITY;
  const afford = Math.floor(s.balance / g.price);
  const can = Math.max(0, Math.min(MAX_QUANTITY, g.stock, quota, afford));
  if (can > 0) return { canRedeem: can, whyNot: '' };
  const why = refusal(g, s, 1)?.message ?? `积分不足：需要 ${g.price}，当前 ${s.balance}`;
  return { canRedeem: 0, whyNot: why };
}
