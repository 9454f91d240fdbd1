import type { PointsEntry, PointsSummary } from '../../../../../typings/user';
import { userApi } from '../../../../services/user';
import { formatDateTime, formatPoints } from '../../../../utils/format';
import { initialList, listRegistry } from '../../../../components/list-state/paged-list';
import { currentProfile, ensureLogin } from '../../../../utils/session';

interface EntryRow {
  id: string;
  title: string;
  amountText: string;
  earned: boolean;
  time: string;
}

const toRow = (e: PointsEntry): EntryRow => ({
  id: e.id,
  title: e.title,
  amountText: formatPoints(e.amount),
  earned: e.amount > 0,
  time: formatDateTime(e.createdAt),
});

const lists = listRegistry<PointsEntry, EntryRow>();

Component({
  data: {
    /** From the cached profile at first, then from each answer. */
    summary: null as PointsSummary | null,
    list: initialList<EntryRow>(),
  },
  lifetimes: {
    attached() {
      this.setData({ summary: currentProfile()?.points ?? null });
      lists.create(this, {
        key: 'list',
        fetch: async (page, pageSize) => {
          await ensureLogin();
          const res = await userApi('myPoints', { page, pageSize });
          this.setData({ summary: res.summary });
          return res.entries;
        },
        toView: toRow,
      });
      lists.of(this).reload();
    },
  },
  methods: {
    ...lists.pageHandlers(),
  },
});
