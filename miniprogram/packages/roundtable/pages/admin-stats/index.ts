// 活动统计 for organisers: what their org sub-tree held in a period — meetings held
// and cancelled, sign-ups, attendance and no-show rates, 人次 — per kind, training
// 人次 and 学时 per course, each meeting; and the same as Excel.
import type { MeetingKind } from '../../../../../typings/roundtable';
import { endPullDown, periodHandlers } from '../../../../components/list-state/reload';
import { listOrgRows } from '../../../../services/user';
import { errorMessage, toastError } from '../../../../utils/errors';
import { formatDate } from '../../../../utils/format';
import { administers, isSuperadmin, signedInOrganiser } from '../../../../utils/session';
import { roundtableApi, roundtableOfficeApi } from '../../services/roundtable';
import { KIND_SHORT_LABELS, MEETING_KINDS } from '../../utils/labels';
import { type StatsView, toView } from './view';

type Status = 'loading' | 'ready' | 'error' | 'denied';

const DAY_MS = 86_400_000;
/** Today in Beijing, on the phone's clock. */
const today = () => formatDate(new Date(Date.now()).toISOString());
const daysBefore = (day: string, n: number) =>
  formatDate(new Date(Date.parse(`${day}T00:00:00+08:00`) - n * DAY_MS).toISOString());

Component({
  data: {
    status: 'loading' as Status,
    error: '',
    /** The period: the 30 days up to today unless chosen (set when attached). */
    today: '',
    from: '',
    to: '',
    /** '' = the server's default (the admin's first org; everything for a superadmin). */
    orgId: '',
    orgs: [] as { id: string; name: string }[],
    orgNames: [] as string[],
    orgIndex: 0,
    kinds: MEETING_KINDS.map((value) => ({ value, label: KIND_SHORT_LABELS[value] })),
    kind: '' as MeetingKind | '',
    stats: null as StatsView | null,
    exporting: false,
    exportUrl: '',
  },
  lifetimes: {
    attached() {
      const day = today();
      this.setData({ today: day, from: daysBefore(day, 29), to: day });
      this.start();
    },
  },
  methods: {
    async start() {
      this.setData({ status: 'loading', error: '' });
      try {
        const profile = await signedInOrganiser();
        if (!profile) return void this.setData({ status: 'denied' });
        const rows = await listOrgRows();
        const orgs = rows.filter((o) => administers(profile, o)).map((o) => ({ id: o.id, name: o.name }));
        const choices = isSuperadmin(profile) ? [{ id: '', name: '全部组织' }, ...orgs] : orgs;
        // The server's default: the admin's first org, everything for a superadmin.
        const first = isSuperadmin(profile) ? '' : (profile.adminOrgIds[0] ?? '');
        const index = Math.max(
          0,
          choices.findIndex((o) => o.id === first),
        );
        this.setData({
          orgs: choices,
          orgNames: choices.map((o) => o.name),
          orgIndex: index,
          orgId: choices[index]?.id ?? '',
        });
      } catch (err) {
        return void this.setData({ status: 'error', error: errorMessage(err, '加载失败，请稍后再试') });
      }
      await this.load();
    },
    async load(quiet = false): Promise<string | null> {
      if (!quiet) this.setData({ status: 'loading', error: '' });
      const { from, to, orgId, kind } = this.data;
      try {
        const s = await roundtableApi('meetingStats', {
          from,
          to,
          ...(orgId ? { orgId } : {}),
          ...(kind ? { kind } : {}),
        });
        this.setData({ status: 'ready', stats: toView(s), exportUrl: '' });
        return null;
      } catch (err) {
        const error = errorMessage(err, '统计加载失败，请稍后再试');
        if (!quiet) this.setData({ status: 'error', error });
        return error;
      }
    },
    onRetry() {
      if (this.data.orgs.length) this.load();
      else this.start();
    },
    async onPullDownRefresh() {
      endPullDown(await this.load(true));
    },
    ...periodHandlers(),
    onOrg(e: DetailEvent<{ value: string | number }>) {
      const index = Number(e.detail.value);
      this.setData({ orgIndex: index, orgId: this.data.orgs[index]?.id ?? '' });
      this.load();
    },
    onKind(e: TapEvent<{ value: MeetingKind | '' }>) {
      const kind = e.currentTarget.dataset.value;
      this.setData({ kind: kind === this.data.kind ? '' : kind });
      this.load();
    },
    async onExport() {
      const { from, to, orgId, kind } = this.data;
      this.setData({ exporting: true });
      try {
        const { url } = await roundtableOfficeApi('exportMeetingStats', {
          from,
          to,
          ...(orgId ? { orgId } : {}),
          ...(kind ? { kind } : {}),
        });
        this.setData({ exportUrl: url });
      } catch (err) {
        toastError(err, '导出失败，请稍后再试');
      } finally {
        this.setData({ exporting: false });
      }
    },
  },
});
