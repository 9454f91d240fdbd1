// 志愿统计 for organisers: their org sub-tree over a period — members by state,
// activities held, 人次, credit and honor hours apart, points for hours — what
// waits for review now (with links), and the same per direct child org.
import type { VolunteerStats } from '../../../../../typings/volunteer-team';
import { periodHandlers, reloadHandlers } from '../../../../components/list-state/reload';
import { ROUTES } from '../../../../config/routes';
import { errorMessage, toastError } from '../../../../utils/errors';
import { formatDate } from '../../../../utils/format';
import { volunteerApi } from '../../services/volunteer';
import { volunteerOfficeApi } from '../../services/volunteer-office';
import { hoursOf, MEMBER_LABELS, MEMBER_STATUSES } from '../../utils/labels';
import { organiserOrgs } from '../../utils/organiser';

type Status = 'loading' | 'ready' | 'error' | 'denied';

interface StatsView {
  figures: { key: string; n: string; label: string }[];
  members: { key: string; n: number; label: string }[];
  pending: { members: number; claims: number; services: number };
  byOrg: { orgId: string; name: string; line: string }[];
}

const toView = (s: VolunteerStats): StatsView => ({
  figures: [
    { key: 'held', n: String(s.activitiesHeld), label: '活动（场）' },
    { key: 'person-times', n: String(s.personTimes), label: '服务人次' },
    { key: 'credit', n: hoursOf(s.creditMinutes), label: '信用时数' },
    { key: 'honor', n: hoursOf(s.honorMinutes), label: '荣誉时数' },
    { key: 'points', n: String(s.points), label: '时数积分' },
  ],
  members: MEMBER_STATUSES.map((status) => ({ key: status, n: s.members[status], label: MEMBER_LABELS[status] })),
  pending: s.pending,
  byOrg: s.byOrg.map((r) => ({
    orgId: r.orgId,
    name: r.orgName,
    line: `队员 ${r.members} · 信用 ${hoursOf(r.creditMinutes)} · 荣誉 ${hoursOf(r.honorMinutes)} 小时 · ${r.points} 积分`,
  })),
});

/** Beijing days, on the phone's clock. */
const dayOf = (t: number) => formatDate(new Date(t).toISOString());

Component({
  data: {
    status: 'loading' as Status,
    error: '',
    today: '',
    from: '',
    to: '',
    orgs: [] as { id: string; name: string }[],
    orgIndex: 0,
    stats: null as StatsView | null,
    exporting: false,
    exportUrl: '',
  },
  lifetimes: {
    attached() {
      const today = dayOf(Date.now());
      // This month so far.
      this.setData({ today, from: `${today.slice(0, 8)}01`, to: today });
      this.load();
    },
  },
  methods: {
    ...periodHandlers(),
    ...reloadHandlers(),
    /** The organiser's orgs on the first load (or a retry after it failed), then the period's figures. */
    async load(quiet = false): Promise<string | null> {
      // A link exported for the figures on screen goes with them.
      this.setData({ exportUrl: '', ...(quiet ? {} : { status: 'loading', error: '' }) });
      try {
        if (!this.data.orgs.length) {
          const mine = await organiserOrgs();
          if (!mine) {
            this.setData({ status: 'denied' });
            return null;
          }
          // The server's default first: the admin's first org (everything for a superadmin).
          const first = mine.orgs.filter((o) => o.id === mine.first);
          this.setData({ orgs: [...first, ...mine.orgs.filter((o) => o.id !== mine.first)], orgIndex: 0 });
        }
        const { from, to, orgs, orgIndex } = this.data;
        const orgId = orgs[orgIndex]?.id;
        const s = await volunteerApi('volunteerStats', { from, to, ...(orgId ? { orgId } : {}) });
        this.setData({ status: 'ready', stats: toView(s) });
        return null;
      } catch (err) {
        const error = errorMessage(err, '统计加载失败，请稍后再试');
        if (!quiet) this.setData({ status: 'error', error });
        return error;
      }
    },
    onOrg(e: DetailEvent<{ value: string | number }>) {
      this.setData({ orgIndex: Number(e.detail.value) });
      this.load();
    },
    /** Each member's hours (credit and honor apart) and points for the period, as Excel. */
    async onExport() {
      const { from, to, orgs, orgIndex } = this.data;
      const orgId = orgs[orgIndex]?.id;
      if (!orgId || this.data.exporting) return;
      this.setData({ exporting: true, exportUrl: '' });
      const exportUrl = await volunteerOfficeApi('exportVolunteerHours', { orgId, from, to })
        .then((r) => r.url)
        .catch((err: unknown) => {
          toastError(err, '导出失败，请稍后再试');
          return '';
        });
      this.setData({ exporting: false, exportUrl });
    },
    onPending(e: TapEvent<{ route: 'adminVolMembers' | 'adminVolClaims' }>) {
      wx.navigateTo({ url: ROUTES[e.currentTarget.dataset.route] });
    },
  },
});
