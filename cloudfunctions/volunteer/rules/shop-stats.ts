// The shop's statistics from the orders' groups (by goods and state): totals and
// per goods, pieces and points counted for orders not cancelled.
import type { ShopStatsGoods, ShopStatsRow } from '../../../typings/volunteer-shop';
import type { OrderGroup } from '../store/orders';

/** Goods rows in a reply. */
export const MAX_GOODS_ROWS = 200;

const emptyRow = (): ShopStatsRow => ({
  orders: 0,
  pending: 0,
  fulfilled: 0,
  cancelled: 0,
  pieces: 0,
  points: 0,
  workers: 0,
});

function add(row: ShopStatsRow, g: OrderGroup): void {
  row.orders += g.orders;
  row[g.state] += g.orders;
  if (g.state === 'cancelled') return;
  row.pieces += g.pieces;
  row.points += g.points;
}

export function shopStatsOf(
  groups: OrderGroup[],
  workers: number,
  goods: Map<string, { name: string; stock: number }>,
): { totals: ShopStatsRow; goods: ShopStatsGoods[] } {
  const totals = { ...emptyRow(), workers };
  const byGoods = new Map<string, ShopStatsGoods>();
  for (const g of groups) {
    add(totals, g);
    const info = goods.get(g.goodsId);
    let row = byGoods.get(g.goodsId);
    if (!row) {
      row = { ...emptyRow(), goodsId: g.goodsId, name: info?.name ?? '（已删除的商品）', stock: info?.stock ?? 0 };
      byGoods.set(g.goodsId, row);
    }
    add(row, g);
  }
  const rows = [...byGoods.values()].sort((a, b) => b.pieces - a.pieces || a.goodsId.localeCompare(b.goodsId));
  return { totals, goods: rows.slice(0, MAX_GOODS_ROWS) };
}
