// The goods editor's form, the checks made before sending, and the request it
// becomes. New goods get their stock; existing goods are restocked relatively
// (补货, addStock) so redemptions made meanwhile are never overwritten. The
// server validates everything again and its message shows in the form.
import type { AdminGoods, GoodsLimit, SaveGoodsRequest } from '../../../../../typings/volunteer-shop';
import { displayUrl } from '../../../../services/files';

export interface GoodsForm {
  /** Empty when creating. */
  id: string;
  orgId: string;
  name: string;
  description: string;
  pickupNote: string;
  photos: { fileId: string; url: string }[];
  price: string;
  /** New goods: the stock to start with. */
  stock: string;
  /** Existing goods: pieces to add (negative takes some away). */
  addStock: string;
  limited: boolean;
  perPerson: string;
  period: GoodsLimit['period'];
  onShelf: boolean;
}

export const emptyGoodsForm = (orgId: string): GoodsForm => ({
  id: '',
  orgId,
  name: '',
  description: '',
  pickupNote: '',
  photos: [],
  price: '',
  stock: '',
  addStock: '',
  limited: false,
  perPerson: '1',
  period: 'all',
  onShelf: true,
});

export const goodsForm = (g: AdminGoods): GoodsForm => ({
  id: g.id,
  orgId: g.orgId,
  name: g.name,
  description: g.description,
  pickupNote: g.pickupNote,
  photos: g.imageFileId ? [{ fileId: g.imageFileId, url: displayUrl(g.imageFileId) }] : [],
  price: String(g.price),
  stock: '',
  addStock: '',
  limited: !!g.limit,
  perPerson: String(g.limit?.perPerson ?? 1),
  period: g.limit?.period ?? 'all',
  onShelf: g.onShelf,
});

const whole = (s: string) => (/^-?\d+$/.test(s.trim()) ? Number(s.trim()) : NaN);

/** Why the form cannot be sent yet (in Chinese), or '' when it can. */
export function checkGoodsForm(f: GoodsForm): string {
  if (!f.orgId) return '请选择所属组织';
  if (f.name.trim().length < 2) return '请填写商品名称（至少 2 个字）';
  const price = whole(f.price);
  if (!(price >= 1)) return '请填写兑换所需积分（正整数）';
  if (!f.id && !(whole(f.stock) >= 0)) return '请填写库存（0 或正整数）';
  if (f.id && f.addStock.trim() && Number.isNaN(whole(f.addStock))) return '补货数量请填写整数（负数为减少）';
  if (f.limited && !(whole(f.perPerson) >= 1)) return '请填写每人限兑件数（正整数）';
  return '';
}

export function toSaveGoods(f: GoodsForm): SaveGoodsRequest {
  const add = f.addStock.trim() ? whole(f.addStock) : 0;
  return {
    ...(f.id ? { goodsId: f.id } : {}),
    orgId: f.orgId,
    name: f.name.trim(),
    description: f.description.trim(),
    pickupNote: f.pickupNote.trim(),
    imageFileId: f.photos[0]?.fileId ?? '',
    price: whole(f.price),
    ...(f.id ? (add ? { addStock: add } : {}) : { stock: whole(f.stock) }),
    limit: f.limited ? { perPerson: whole(f.perPerson), period: f.period } : null,
    onShelf: f.onShelf,
  };
}
