// 服务排行: the member org's monthly and all-time rankings by hours (credit and
// honor apart), names masked; the rider's own rank, and a switch to leave every
// leaderboard (or come back) — nobody is ranked in public against their will.
import type { Leaderboard, LeaderboardEntry, LeaderboardPeriod } from '../../../../../typings/volunteer-team';
import { reloadHandlers } from '../../../../components/list-state/reload';
import { errorMessage, toastError } from '../../../../utils/errors';
import { ensureLogin } from '../../../../utils/session';
import { volunteerApi } from '../../services/volunteer';
import { hoursOf, starText, thisMonth } from '../../utils/labels';

type Status = 'loading' | 'ready' | 'empty' | 'error';

interface EntryRow {
  key: string;
  rank: number;
  name: string;
  avatarUrl: string;
  orgName: string;
  total: string;
  detail: string;
  me: boolean;
}

const toRow = (e: LeaderboardEntry): EntryRow => ({
  key: `${e.rank}-${e.name}`,
  rank: e.rank,
  name: e.name,
  avatarUrl: e.avatarUrl,
  orgName: e.orgName,
  total: hoursOf(e.totalMinutes),
  detail: `信用 ${hoursOf(e.creditMinutes)} · 荣誉 ${hoursOf(e.honorMinutes)} · ${starText(e.star)}`,
  me: e.me,
});

function mineText(b: Leaderboard): string {
  if (!b.myVisible) return '你已选择不参与排行，其他人看不到你的名字和时数';
  if (b.myRank === null) return b.period === 'month' ? '本月还没有时数，参加活动后上榜' : '还没有时数，参加活动后上榜';
  return `你排在第 ${b.myRank} 名`;
}

Component({
  data: {
    status: 'loading' as Status,
    error: '',
    period: 'month' as LeaderboardPeriod,
    month: '',
    maxMonth: '',
    orgName: '',
    rows: [] as EntryRow[],
    mineText: '',
    visible: true,
    switching: false,
  },
  lifetimes: {
    attached() {
      const month = thisMonth();
      this.setData({ month, maxMonth: month });
      this.load();
    },
  },
  methods: {
    ...reloadHandlers(),
    async load(quiet = false): Promise<string | null> {
      if (!quiet) this.setData({ status: 'loading', error: '' });
      const { period, month } = this.data;
      try {
        await ensureLogin();
        const b = await volunteerApi('leaderboard', { period, ...(period === 'month' ? { month } : {}) });
        this.setData({
          status: b.entries.length ? 'ready' : 'empty',
          orgName: b.orgName,
          rows: b.entries.map(toRow),
          mineText: mineText(b),
          visible: b.myVisible,
        });
        return null;
      } catch (err) {
        const error = errorMessage(err, '排行加载失败，请稍后再试');
        if (!quiet) this.setData({ status: 'error', error });
        return error;
      }
    },
    onPeriod(e: TapEvent<{ period: LeaderboardPeriod }>) {
      const period = e.currentTarget.dataset.period;
      if (period === this.data.period) return;
      this.setData({ period });
      this.load();
    },
    onMonth(e: DetailEvent<{ value: string }>) {
      this.setData({ month: e.detail.value });
      this.load();
    },
    onVisible(e: DetailEvent<{ value: boolean }>) {
      this.setVisible(e.detail.value);
    },
    onVisibleRow() {
      if (!this.data.switching) this.setVisible(!this.data.visible);
    },
    /** The switch's own tap: handled by its change event, not the row's. */
    onSwitchTap() {},
    async setVisible(visible: boolean) {
      this.setData({ switching: true, visible });
      try {
        await volunteerApi('setLeaderboardVisibility', { visible });
        wx.showToast({ title: visible ? '已参与排行' : '已退出排行', icon: 'none' });
        await this.load(true);
      } catch (err) {
        this.setData({ visible: !visible });
        toastError(err, '设置失败，请稍后再试');
      } finally {
        this.setData({ switching: false });
      }
    },
  },
});
