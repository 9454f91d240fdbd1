// Who studies, for the admin's scope: check-ins per day over a date range, and
// learning by organisation and by lecture.
import type { StudyStats } from '../../../../../typings/study';
import { studyApi } from '../../../../services/study';
import { errorMessage } from '../../../../utils/errors';
import { ensureLogin } from '../../../../utils/session';
import { addDays, beijingDay } from '../../utils/labels';
import { loadAdminOrgs, type OrgChoice } from '../../utils/owner-orgs';
import { endPullDown, periodHandlers } from '../../../../components/list-state/reload';

type Status = 'loading' | 'ready' | 'error';

interface StatsView {
  totalCheckins: number;
  days: { day: string; checkins: number; percent: number }[];
  byOrg: StudyStats['byOrg'];
  lectures: StudyStats['lectures'];
}

function toView(s: StudyStats): StatsView {
  const max = Math.max(1, ...s.checkinsByDay.map((d) => d.checkins));
  return {
    totalCheckins: s.checkinsByDay.reduce((n, d) => n + d.checkins, 0),
    days: s.checkinsByDay.map((d) => ({ ...d, percent: Math.round((d.checkins / max) * 100) })),
    byOrg: [...s.byOrg].sort((a, b) => b.checkins - a.checkins || b.learners - a.learners),
    lectures: s.lectures,
  };
}

/** "All" is the whole tree: only for superadmins (admins see their first org by default). */
const ALL: OrgChoice = { id: '', name: '全部组织', label: '全部组织' };

Component({
  data: {
    today: beijingDay(),
    from: addDays(beijingDay(), -6),
    to: beijingDay(),
    orgChoices: [] as OrgChoice[],
    orgLabels: [] as string[],
    orgIndex: 0,
    status: 'loading' as Status,
    error: '',
    stats: null as StatsView | null,
  },
  lifetimes: {
    attached() {
      this.start();
    },
  },
  methods: {
    async start() {
      this.setData({ status: 'loading', error: '' });
      try {
        const profile = await ensureLogin();
        const { choices } = await loadAdminOrgs(profile);
        const all = profile.roles.includes('superadmin') ? [ALL, ...choices] : choices;
        this.setData({ orgChoices: all, orgLabels: all.map((c) => c.label), orgIndex: 0 });
      } catch {
        // Without org names the stats still load for the default scope.
      }
      await this.load();
    },
    async load(quiet = false): Promise<string | null> {
      if (!quiet) this.setData({ status: 'loading', error: '' });
      const { from, to, orgChoices, orgIndex } = this.data;
      const orgId = orgChoices[orgIndex]?.id;
      try {
        const res = await studyApi('studyStats', { from, to, ...(orgId ? { orgId } : {}) });
        this.setData({ status: 'ready', error: '', stats: toView(res) });
        return null;
      } catch (err) {
        const error = errorMessage(err, '统计加载失败，请稍后再试');
        if (!quiet) this.setData({ status: 'error', error });
        return error;
      }
    },
    onRetry() {
      if (this.data.orgChoices.length) this.load();
      else this.start();
    },
    async onPullDownRefresh() {
      endPullDown(await this.load(true));
    },
    ...periodHandlers(),
    onOrg(e: DetailEvent<{ value: string | number }>) {
      this.setData({ orgIndex: Number(e.detail.value) });
      this.load();
    },
  },
});
