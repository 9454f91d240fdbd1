// 积分超市: the goods the rider may redeem (their org's and those above it) with
// picture, price in points, stock left and the per-person limit; their balance
// on top with ways to 积分明细 and 我的兑换; 只看积分够兑的. A goods opens its page.
import type { GoodsSummary } from '../../../../../typings/volunteer-shop';
import { initialList, listRegistry } from '../../../../components/list-state/paged-list';
import { ROUTES } from '../../../../config/routes';
import { ensureLogin } from '../../../../utils/session';
import { volunteerApi } from '../../services/volunteer';
import { type GoodsCard, goodsCard } from '../../utils/shop-labels';

const lists = listRegistry<GoodsSummary, GoodsCard>();

Component({
  data: {
    access: 'loading' as 'loading' | 'ready' | 'unregistered',
    /** null until the first page answers. */
    balance: null as number | null,
    affordable: false,
    list: initialList<GoodsCard>(),
  },
  lifetimes: {
    attached() {
      lists.create(this, {
        key: 'list',
        fetch: async (page, pageSize) => {
          await ensureLogin();
          const res = await volunteerApi('listGoods', {
            page,
            pageSize,
            ...(this.data.affordable ? { affordable: true } : {}),
          });
          this.setData({ balance: res.balance });
          return res;
        },
        toView: goodsCard,
      });
      this.start();
    },
  },
  // Back from a goods page or my orders: stock and balance may have moved.
  pageLifetimes: lists.revisitLifetimes(),
  methods: {
    ...lists.pageHandlers(),
    async start() {
      const profile = await ensureLogin().catch(() => null);
      if (profile && !profile.registered) return void this.setData({ access: 'unregistered' });
      this.setData({ access: 'ready' });
      lists.of(this).reload();
    },
    onFilter(e: TapEvent<{ affordable: boolean }>) {
      const affordable = !!e.currentTarget.dataset.affordable;
      if (affordable === this.data.affordable) return;
      this.setData({ affordable });
      lists.of(this).reload();
    },
    onOpen(e: TapEvent<{ id: string }>) {
      wx.navigateTo({ url: `${ROUTES.shopGoods}?id=${encodeURIComponent(e.currentTarget.dataset.id)}` });
    },
    onOrders() {
      wx.navigateTo({ url: ROUTES.shopOrders });
    },
    onPoints() {
      wx.navigateTo({ url: ROUTES.points });
    },
  },
});
