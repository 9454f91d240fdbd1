// The shop_goods collection: the points shop's goods. Stock and the piece counters
// by order state live on the goods document and move only inside the redemption's
// transactions (store/redemption.ts) or a restock's, so they stay exact under
// concurrency; everything else is the organisers' form.
import type { GoodsLimit } from '../../../typings/volunteer-shop';
import { COLLECTIONS } from '../../_shared/collections';
import {
  cmd,
  collection,
  containsText,
  docsByIds,
  getDoc,
  getDocIn,
  inTransaction,
  type Transaction,
} from '../../_shared/db';
import { invalid, notFound } from '../../_shared/errors';
import { fetchPage, type PageArgs } from '../../_shared/paging';

/** Pieces in orders of the goods, by the orders' state. */
export interface PieceCounts {
  pending: number;
  fulfilled: number;
  cancelled: number;
}

export interface GoodsFields {
  name: string;
  description: string;
  pickupNote: string;
  imageFileId: string;
  price: number;
  limit: GoodsLimit | null;
  onShelf: boolean;
}

export interface GoodsDoc extends GoodsFields, PieceCounts {
  _id: string;
  orgId: string;
  orgName: string;
  /** The org's ancestors and itself: organisers' lists match their org here. */
  orgPath: string[];
  stock: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

const goods = () => collection(COLLECTIONS.shopGoods);

export async function createGoods(doc: Omit<GoodsDoc, '_id'>): Promise<string> {
  const { id } = (await goods().add(doc)) as { id: string };
  return id;
}

export function findGoods(goodsId: string): Promise<GoodsDoc | null> {
  return getDoc<GoodsDoc>(COLLECTIONS.shopGoods, goodsId);
}

export async function requireGoods(goodsId: string): Promise<GoodsDoc> {
  const g = await findGoods(goodsId);
  if (!g) throw notFound('商品');
  return g;
}

export function getGoodsIn(t: Transaction, goodsId: string): Promise<GoodsDoc | null> {
  return getDocIn<GoodsDoc>(t, COLLECTIONS.shopGoods, goodsId);
}

/** Stock and piece counters as the transaction computed them from its own read. */
export async function setStockIn(
  t: Transaction,
  goodsId: string,
  moved: Partial<PieceCounts> & { stock?: number },
  now: Date,
): Promise<void> {
  await t
    .collection(COLLECTIONS.shopGoods)
    .doc(goodsId)
    .update({ ...moved, updatedAt: now });
}

/**
 * The organisers' edit: the form's fields, and the stock moved by `addStock`
 * relative to what is left now (read in the transaction, so a redemption meanwhile
 * is never overwritten). Refuses a stock below zero.
 */
export async function updateGoods(goodsId: string, fields: GoodsFields, addStock: number, now: Date): Promise<void> {
  await inTransaction(async (t) => {
    const g = await getGoodsIn(t, goodsId);
    if (!g) throw notFound('商品');
    const stock = g.stock + addStock;
    if (stock < 0) throw invalid(`库存只剩 ${g.stock} 件，减少的数量不能超过它`);
    await t
      .collection(COLLECTIONS.shopGoods)
      .doc(goodsId)
      .update({ ...fields, limit: cmd().set(fields.limit), stock, updatedAt: now });
  });
}

export async function goodsByIds(ids: string[]): Promise<Map<string, GoodsDoc>> {
  const list = await docsByIds<GoodsDoc>(COLLECTIONS.shopGoods, ids);
  return new Map(list.map((g) => [g._id, g]));
}

/** On-shelf goods of these orgs (a worker's org path), newest first; optionally only those at most `maxPrice`. */
export function listShelf(orgIds: string[], maxPrice: number | null, orgId: string | undefined, page: PageArgs) {
  const _ = cmd();
  const where: Record<string, unknown> = { orgId: orgId ?? _.in(orgIds), onShelf: true };
  if (maxPrice !== null) where.price = _.lte(maxPrice);
  return fetchPage(goods().where(where), [['createdAt', 'desc']], page, (d: GoodsDoc) => d);
}

export interface AdminGoodsFilter {
  /** Goods whose org lies in this sub-tree; null: everywhere (a superadmin). */
  orgId: string | null;
  /** Limits the result to these sub-trees (the caller's scope); null: no limit. */
  scope: string[] | null;
  onShelf?: boolean;
  keyword?: string;
}

export function listAdminGoods(f: AdminGoodsFilter, page: PageArgs) {
  const _ = cmd();
  const where: Record<string, unknown> = {};
  if (f.orgId) where.orgPath = f.orgId;
  else if (f.scope) where.orgPath = _.in(f.scope);
  if (f.onShelf !== undefined) where.onShelf = f.onShelf;
  if (f.keyword) where.name = containsText(f.keyword);
  return fetchPage(goods().where(where), [['createdAt', 'desc']], page, (d: GoodsDoc) => d);
}
