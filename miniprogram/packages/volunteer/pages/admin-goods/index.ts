// 商品管理 for organisers: the goods of their org sub-tree by org, 上架中 / 已下架 and
// a name search, each with its price, stock left and the pieces waiting to be
// picked up; this month's redemptions in numbers on top (shopStats). A row opens
// the editor; 新建商品 a blank one. The server scopes every list; a non-organiser
// is told the page is for organisers.
import type { AdminGoods, ShopStatsRow } from '../../../../../typings/volunteer-shop';
import { initialList, listRegistry } from '../../../../components/list-state/paged-list';
import { ROUTES } from '../../../../config/routes';
import { volunteerApi } from '../../services/volunteer';
import { organiserOrgs } from '../../utils/organiser';
import { goodsImage, limitText, monthToDate } from '../../utils/shop-labels';

type Shelf = 'all' | 'on' | 'off';

const SHELVES: { value: Shelf; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'on', label: '上架中' },
  { value: 'off', label: '已下架' },
];

interface GoodsRow {
  id: string;
  name: string;
  image: string;
  onShelf: boolean;
  priceText: string;
  stockText: string;
  piecesText: string;
  limitText: string;
  orgName: string;
}

const toRow = (g: AdminGoods): GoodsRow => ({
  id: g.id,
  name: g.name,
  image: goodsImage(g.imageFileId),
  onShelf: g.onShelf,
  priceText: `${g.price} 积分`,
  stockText: g.stock > 0 ? `库存 ${g.stock}` : '库存 0（已兑完）',
  piecesText: `待领取 ${g.pending} 件 · 已领取 ${g.fulfilled} 件`,
  limitText: limitText(g.limit),
  orgName: g.orgName,
});

const ALL_ORGS = { id: '', name: '全部组织' };

const lists = listRegistry<AdminGoods, GoodsRow>();

Component({
  data: {
    access: 'loading' as 'loading' | 'ready' | 'denied',
    orgs: [ALL_ORGS],
    orgNames: [ALL_ORGS.name],
    orgIndex: 0,
    shelves: SHELVES,
    shelf: 'all' as Shelf,
    keyword: '',
    /** This month's redemptions in the chosen org's sub-tree (null until loaded or when it failed). */
    month: null as ShopStatsRow | null,
    list: initialList<GoodsRow>(),
  },
  lifetimes: {
    attached() {
      lists.create(this, {
        key: 'list',
        fetch: (page, pageSize) => {
          const { shelf, keyword } = this.data;
          const orgId = this.orgId();
          return volunteerApi('listAdminGoods', {
            page,
            pageSize,
            ...(orgId ? { orgId } : {}),
            ...(shelf === 'all' ? {} : { onShelf: shelf === 'on' }),
            ...(keyword ? { keyword } : {}),
          });
        },
        toView: toRow,
      });
      this.start();
    },
  },
  // Back from the editor: a goods may be new or changed.
  pageLifetimes: lists.revisitLifetimes(),
  methods: {
    ...lists.pageHandlers(),
    ...lists.searchHandlers(),
    async start() {
      const mine = await organiserOrgs().catch(() => null);
      if (!mine) return void this.setData({ access: 'denied' });
      const orgs = [ALL_ORGS, ...mine.orgs];
      this.setData({ access: 'ready', orgs, orgNames: orgs.map((o) => o.name) });
      this.reload();
    },
    orgId(): string {
      return this.data.orgs[this.data.orgIndex]?.id ?? '';
    },
    reload() {
      lists.of(this).reload();
      this.loadMonth();
    },
    async loadMonth() {
      const orgId = this.orgId();
      try {
        const stats = await volunteerApi('shopStats', { ...monthToDate(new Date()), ...(orgId ? { orgId } : {}) });
        this.setData({ month: stats.totals });
      } catch {
        // The numbers are a summary: the list still works without them.
        this.setData({ month: null });
      }
    },
    onOrg(e: DetailEvent<{ value: string | number }>) {
      const orgIndex = Number(e.detail.value);
      if (orgIndex === this.data.orgIndex) return;
      this.setData({ orgIndex });
      this.reload();
    },
    onShelf(e: TapEvent<{ shelf: Shelf }>) {
      const shelf = e.currentTarget.dataset.shelf;
      if (shelf === this.data.shelf) return;
      this.setData({ shelf });
      lists.of(this).reload();
    },
    onOpen(e: TapEvent<{ index: number }>) {
      const row = this.data.list.items[e.currentTarget.dataset.index];
      if (row) wx.navigateTo({ url: `${ROUTES.adminGoodsEdit}?id=${row.id}` });
    },
    onNew() {
      const orgId = this.orgId();
      wx.navigateTo({ url: orgId ? `${ROUTES.adminGoodsEdit}?orgId=${orgId}` : ROUTES.adminGoodsEdit });
    },
    onOrders() {
      wx.navigateTo({ url: ROUTES.adminShopOrders });
    },
  },
});
