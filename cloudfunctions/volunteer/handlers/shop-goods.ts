// Organisers' goods: create and edit (stock on creation, then relative restocks so a
// redemption meanwhile is never overwritten), one goods for its edit form, and their list. Scoped to the org
// sub-tree; the texts riders read are content-checked and the picture accepted as
// a published image; every save audited.
import * as z from 'zod';
import type { VolunteerShopApi } from '../../../typings/volunteer-shop';
import { checkTexts, PUBLISHED } from '../../_shared/content-check';
import { invalid } from '../../_shared/errors';
import { acceptFile, FILE_RULES } from '../../_shared/files';
import type { Handlers } from '../../_shared/function';
import { orgIdsInScope, requireOrgInScope } from '../../_shared/scope';
import { audit } from '../../_shared/stores/audit';
import { fileId, form, id, PAGE_LABELS, pageFields, text } from '../../_shared/validation';
import { createGoods, type GoodsFields, listAdminGoods, requireGoods, updateGoods } from '../store/goods';
import { MAX_PRICE, MAX_STOCK } from '../rules/shop';
import { requireOrganiser } from '../rules/shop-access';
import { toAdminGoods } from '../rules/shop-views';

const limitInput = form(
  { perPerson: z.number().int().min(1).max(99), period: z.enum(['all', 'month']) },
  { perPerson: '每人限兑件数', period: '限兑周期' },
);

const saveInput = form(
  {
    goodsId: id().optional(),
    orgId: id(),
    name: text(30, 2),
    description: text(500).optional(),
    pickupNote: text(60).optional(),
    imageFileId: z.union([fileId(), z.literal('')]).optional(),
    price: z.number().int().min(1).max(MAX_PRICE),
    stock: z.number().int().min(0).max(MAX_STOCK).optional(),
    addStock: z.number().int().min(-MAX_STOCK).max(MAX_STOCK).optional(),
    limit: limitInput.nullable().optional(),
    onShelf: z.boolean(),
  },
  {
    goodsId: '商品编号',
    orgId: '所属组织',
    name: '商品名称',
    description: '商品介绍',
    pickupNote: '领取地点和时间',
    imageFileId: '商品图片',
    price: '兑换积分',
    stock: '库存',
    addStock: '补充库存',
    limit: '每人限兑',
    onShelf: '上架',
  },
);

type GoodsActions = Pick<VolunteerShopApi, 'saveGoods' | 'getAdminGoods' | 'listAdminGoods'>;

export const shopGoodsHandlers = {
  saveGoods: {
    access: 'admin',
    input: saveInput,
    async run(ctx, input) {
      const existing = input.goodsId ? await requireGoods(input.goodsId) : null;
      if (existing) {
        requireOrganiser(ctx.caller, existing);
        if (input.orgId !== existing.orgId) throw invalid('商品的所属组织创建后不能更改');
        if (input.stock !== undefined) throw invalid('已有商品请用「补充库存」调整库存');
      } else if (input.addStock !== undefined) throw invalid('新商品请填写「库存」');
      const org = await requireOrgInScope(ctx.caller, input.orgId);
      await checkTexts(
        ctx.caller.openid,
        [
          ['商品名称', input.name],
          ['商品介绍', input.description],
          ['领取地点和时间', input.pickupNote],
        ],
        PUBLISHED,
      );
      const image = input.imageFileId ?? '';
      if (image && image !== existing?.imageFileId) await acceptFile(ctx.caller, image, FILE_RULES.goodsImage);
      const fields: GoodsFields = {
        name: input.name,
        description: input.description ?? '',
        pickupNote: input.pickupNote ?? '',
        imageFileId: image,
        price: input.price,
        limit: input.limit ?? null,
        onShelf: input.onShelf,
      };
      let goodsId: string;
      if (existing) {
        goodsId = existing._id;
        await updateGoods(goodsId, fields, input.addStock ?? 0, ctx.now);
      } else {
        goodsId = await createGoods({
          ...fields,
          orgId: org._id,
          orgName: org.name,
          orgPath: [...org.ancestors, org._id],
          stock: input.stock ?? 0,
          pending: 0,
          fulfilled: 0,
          cancelled: 0,
          createdBy: ctx.caller.user?._id ?? '',
          createdAt: ctx.now,
          updatedAt: ctx.now,
        });
      }
      const saved = await requireGoods(goodsId);
      const restock = input.addStock ? `，库存${input.addStock > 0 ? '+' : ''}${input.addStock}` : '';
      await audit(ctx, {
        action: existing ? 'updateGoods' : 'createGoods',
        targetType: 'shop_goods',
        targetId: goodsId,
        summary: `${existing ? '修改' : '新建'}商品：${saved.name}（${saved.price} 积分，库存 ${saved.stock}${restock}，${saved.onShelf ? '上架' : '下架'}）`,
      });
      return toAdminGoods(saved);
    },
  },

  getAdminGoods: {
    access: 'admin',
    input: form({ goodsId: id() }, { goodsId: '商品编号' }),
    async run(ctx, input) {
      const goods = await requireGoods(input.goodsId);
      requireOrganiser(ctx.caller, goods);
      return toAdminGoods(goods);
    },
  },

  listAdminGoods: {
    access: 'admin',
    input: form(
      { orgId: id().optional(), onShelf: z.boolean().optional(), keyword: text(20).optional(), ...pageFields },
      { orgId: '所属组织', onShelf: '上架', keyword: '商品名称', ...PAGE_LABELS },
    ),
    async run(ctx, input) {
      if (input.orgId) await requireOrgInScope(ctx.caller, input.orgId);
      const scope = input.orgId ? null : await orgIdsInScope(ctx.caller);
      const page = await listAdminGoods(
        { orgId: input.orgId ?? null, scope, onShelf: input.onShelf, keyword: input.keyword || undefined },
        input,
      );
      return { ...page, items: page.items.map(toAdminGoods) };
    },
  },
} satisfies Handlers<GoodsActions>;
