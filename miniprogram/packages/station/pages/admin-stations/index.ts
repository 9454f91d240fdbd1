// Stations for organisers: those of their org sub-tree (the server scopes the list
// and every action), keyword search, 核实 (checked on site today), 编辑, 删除 (the
// server refuses while people are registered there, and says so), and 新建驿站.
import type { StationAdminView } from '../../../../../typings/station';
import type { TagTheme } from '../../../../config/labels';
import { ROUTES } from '../../../../config/routes';
import { initialList, listRegistry } from '../../../../components/list-state/paged-list';
import { stationApi } from '../../../../services/station';
import { errorMessage, toastError } from '../../../../utils/errors';
import { formatDate } from '../../../../utils/format';
import { ensureLogin, organiserAccess } from '../../../../utils/session';
import { hoursText, OPEN_STATE_LABELS, OPEN_STATE_THEMES } from '../../../../utils/station';
import { KIND_LABELS, serviceLine } from '../../utils/labels';

interface AdminRow {
  id: string;
  name: string;
  number: string;
  kindLabel: string;
  parentName: string;
  address: string;
  openLabel: string;
  openTheme: TagTheme;
  /** "08:00–22:00 · 暖心、健康" */
  detailLine: string;
  /** "核实于 2026-11-05" or "未核实" */
  verifiedText: string;
  verified: boolean;
}

const toRow = (s: StationAdminView): AdminRow => ({
  id: s.id,
  name: s.name,
  number: s.number,
  kindLabel: KIND_LABELS[s.kind],
  parentName: s.parentName,
  address: s.address,
  openLabel: OPEN_STATE_LABELS[s.openState],
  openTheme: OPEN_STATE_THEMES[s.openState],
  detailLine: [hoursText(s.hours), serviceLine(s.services)].filter(Boolean).join(' · '),
  verifiedText: s.verifiedAt ? `核实于 ${formatDate(s.verifiedAt)}` : '未核实',
  verified: !!s.verifiedAt,
});

const lists = listRegistry<StationAdminView, AdminRow>();

type Access = 'loading' | 'ready' | 'denied';

Component({
  data: {
    access: 'loading' as Access,
    keyword: '',
    list: initialList<AdminRow>(),
    /** The station an action is running for. */
    acting: '',
  },
  lifetimes: {
    attached() {
      lists.create(this, {
        key: 'list',
        fetch: async (page, pageSize) => {
          await ensureLogin();
          const { keyword } = this.data;
          return stationApi('adminListStations', { page, pageSize, ...(keyword ? { keyword } : {}) });
        },
        toView: toRow,
      });
      this.start();
    },
  },
  // Back from the editor: show what was saved.
  pageLifetimes: lists.revisitLifetimes(),
  methods: {
    ...lists.pageHandlers(),
    ...lists.searchHandlers(),
    /** Someone who is no organiser is told so, not shown the server's refusal with 重试. */
    async start() {
      const access = await organiserAccess();
      this.setData({ access });
      if (access === 'ready') lists.of(this).reload();
    },
    rowAt(index: number): AdminRow | undefined {
      return this.data.list.items[index];
    },
    onAdd() {
      wx.navigateTo({ url: ROUTES.adminStationEdit });
    },
    onEdit(e: TapEvent<{ index: number }>) {
      const row = this.rowAt(e.currentTarget.dataset.index);
      if (row) wx.navigateTo({ url: `${ROUTES.adminStationEdit}?id=${encodeURIComponent(row.id)}` });
    },
    async onVerify(e: TapEvent<{ index: number }>) {
      const index = e.currentTarget.dataset.index;
      const row = this.rowAt(index);
      if (!row || this.data.acting) return;
      this.setData({ acting: row.id });
      try {
        const view = await stationApi('verifyStation', { id: row.id });
        lists.of(this).replace(index, toRow(view));
        wx.showToast({ title: '已记录现场核实', icon: 'success' });
      } catch (err) {
        toastError(err);
      } finally {
        this.setData({ acting: '' });
      }
    },
    async onDelete(e: TapEvent<{ index: number }>) {
      const row = this.rowAt(e.currentTarget.dataset.index);
      if (!row || this.data.acting) return;
      const { confirm } = await wx.showModal({
        title: '删除驿站',
        content: `确定删除「${row.name}」吗？骑手将在地图上看不到它，删除后不可恢复。`,
        confirmText: '删除',
        confirmColor: '#C8161D',
      });
      if (!confirm) return;
      this.setData({ acting: row.id });
      try {
        await stationApi('deleteStation', { id: row.id });
        wx.showToast({ title: '已删除', icon: 'success' });
        await lists.of(this).reload({ keepRows: true });
      } catch (err) {
        // CONFLICT says who is still registered there: worth more than a toast.
        wx.showModal({ title: '无法删除', content: errorMessage(err), showCancel: false });
      } finally {
        this.setData({ acting: '' });
      }
    },
  },
});
