// What each side sees of goods and orders: workers never see another's order, and
// organisers see the worker of an order (their own org's workers) beside it.
import type { AdminGoods, AdminShopOrder, GoodsSummary, ShopOrder } from '../../../typings/volunteer-shop';
import type { GoodsDoc } from '../store/goods';
import type { OrderDoc } from '../store/orders';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function toGoodsSummary(g: GoodsDoc): GoodsSummary {
  return {
    id: g._id,
    name: g.name,
    imageFileId: g.imageFileId,
    price: g.price,
    stock: g.stock,
    limit: g.limit,
    orgId: g.orgId,
    orgName: g.orgName,
  };
}

export function toAdminGoods(g: GoodsDoc): AdminGoods {
  return {
    ...toGoodsSummary(g),
    description: g.description,
    pickupNote: g.pickupNote,
    onShelf: g.onShelf,
    pending: g.pending,
    fulfilled: g.fulfilled,
    cancelled: g.cancelled,
    createdAt: iso(g.createdAt)!,
    updatedAt: iso(g.updatedAt)!,
  };
}

export function toShopOrder(o: OrderDoc): ShopOrder {
  return {
    id: o._id,
    goods: { id: o.goodsId, name: o.goodsName, imageFileId: o.imageFileId, price: o.price },
    quantity: o.quantity,
    points: o.points,
    state: o.state,
    pickupCode: o.pickupCode,
    orgId: o.orgId,
    orgName: o.orgName,
    pickupNote: o.pickupNote,
    createdAt: iso(o.createdAt)!,
    fulfilledAt: iso(o.fulfilledAt),
    cancelledAt: iso(o.cancelledAt),
    cancelledBy: o.cancelledBy,
    cancelReason: o.cancelReason,
    refunded: o.refunded,
  };
}

export function toAdminOrder(o: OrderDoc): AdminShopOrder {
  return {
    ...toShopOrder(o),
    worker: { userId: o.userId, ...o.worker },
    fulfilledByName: o.fulfilledByName,
    cancelledByName: o.cancelledByName,
  };
}
