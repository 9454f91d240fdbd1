// The goods editor for organisers: name, description, where and when to pick up,
// a picture (uploaded under goods/ by the shared photo-picker), the price in
// points, the stock of new goods or 补货 for existing ones (relative, so
// redemptions made meanwhile stay), a per-person limit with its period, the org
// (fixed once created) and 上架. `?id=` edits, `?orgId=` starts a new one there.
import type { AdminGoods } from '../../../../../typings/volunteer-shop';
import type { ChipsChange } from '../../../../components/choice-chips/index';
import type { PhotosChange } from '../../../../components/photo-picker/index';
import { formTextHandlers, saveThenBack } from '../../utils/editor';
import { loadError } from '../../../../utils/errors';
import { volunteerApi } from '../../services/volunteer';
import { organiserOrgs } from '../../utils/organiser';
import { checkGoodsForm, emptyGoodsForm, type GoodsForm, goodsForm, toSaveGoods } from './form';

type Status = 'loading' | 'ready' | 'error' | 'denied';

const PERIODS = [
  { value: 'all', label: '累计' },
  { value: 'month', label: '每月' },
];

Component({
  data: {
    status: 'loading' as Status,
    error: '',
    query: {} as { id?: string; orgId?: string },
    form: emptyGoodsForm(''),
    /** The goods as stored (editing): its stock and pieces. */
    goods: null as AdminGoods | null,
    orgs: [] as { id: string; name: string }[],
    orgNames: [] as string[],
    orgName: '',
    periods: PERIODS,
    uploading: false,
    saving: false,
    formError: '',
  },
  methods: {
    onLoad(query: { id?: string; orgId?: string }) {
      this.setData({ query });
      this.load();
    },
    async load() {
      this.setData({ status: 'loading', error: '' });
      try {
        const mine = await organiserOrgs();
        if (!mine) return void this.setData({ status: 'denied' });
        const { id, orgId } = this.data.query;
        const orgs = mine.orgs;
        let form: GoodsForm;
        let goods: AdminGoods | null = null;
        if (id) {
          goods = await volunteerApi('getAdminGoods', { goodsId: id });
          form = goodsForm(goods);
          wx.setNavigationBarTitle({ title: '编辑商品' });
        } else {
          const start = orgs.find((o) => o.id === orgId)?.id ?? (mine.first || orgs[0]?.id || '');
          form = emptyGoodsForm(start);
        }
        this.setData({
          status: 'ready',
          form,
          goods,
          orgs,
          orgNames: orgs.map((o) => o.name),
          orgName: goods?.orgName ?? orgs.find((o) => o.id === form.orgId)?.name ?? '',
        });
      } catch (err) {
        this.setData({ status: 'error', error: loadError(err, '找不到这件商品，可能已被删除') });
      }
    },
    // --- fields
    ...formTextHandlers(),
    onOrg(e: DetailEvent<{ value: string | number }>) {
      const org = this.data.orgs[Number(e.detail.value)];
      if (org) this.setData({ 'form.orgId': org.id, orgName: org.name, formError: '' });
    },
    onLimited(e: DetailEvent<{ value: boolean }>) {
      this.setData({ 'form.limited': e.detail.value, formError: '' });
    },
    onPeriod(e: DetailEvent<ChipsChange>) {
      if ('value' in e.detail) this.setData({ 'form.period': e.detail.value, formError: '' });
    },
    onShelf(e: DetailEvent<{ value: boolean }>) {
      this.setData({ 'form.onShelf': e.detail.value, formError: '' });
    },
    onPhotos(e: DetailEvent<PhotosChange>) {
      const { photos, uploading, error } = e.detail;
      this.setData({ 'form.photos': photos, uploading, formError: error });
    },
    // --- save
    onSave() {
      const form = this.data.form;
      return saveThenBack(this, checkGoodsForm(form), async () => {
        const saved = await volunteerApi('saveGoods', toSaveGoods(form));
        return form.id ? `已保存，库存 ${saved.stock}` : '已新建';
      });
    },
  },
});
