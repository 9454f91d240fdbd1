// 办理统计: an org's (and its sub-tree's) cases submitted in a period — how many by
// category, state and owner org, time to the first response and to the answer
// (median and p90), the overdue rate, satisfaction and the reopen rate; and the
// export (office.exportCases: an .xlsx link to copy into a computer's browser).
// Opened with ?from=&to= (Beijing days) it shows that period.
import type { CaseKind } from '../../../../../typings/cases';
import { endPullDown } from '../../../../components/list-state/reload';
import type { OrgChoice } from '../../../../services/user';
import { errorMessage, toastError } from '../../../../utils/errors';
import { casesApi, casesOfficeApi } from '../../services/cases';
import { KIND_LABELS } from '../../utils/labels';
import { type Access, organiserAccess, orgsInScope } from '../../utils/organiser';
import { daysAgo, type StatsView, toStatsView } from './view';

type Status = 'loading' | 'ready' | 'error';

const DAY_KEY = /^\d{4}-\d{2}-\d{2}$/;

const PERIODS = [
  { days: 7, label: '近7天' },
  { days: 30, label: '近30天' },
  { days: 90, label: '近90天' },
];

Component({
  data: {
    access: 'loading' as Access,
    orgs: [] as OrgChoice[],
    orgIndex: 0,
    today: daysAgo(0),
    from: daysAgo(29),
    to: daysAgo(0),
    periods: PERIODS,
    kinds: [
      { value: '', label: '全部' },
      { value: 'demand', label: KIND_LABELS.demand },
      { value: 'report', label: KIND_LABELS.report },
    ],
    kind: '' as CaseKind | '',
    status: 'loading' as Status,
    error: '',
    stats: null as StatsView | null,
    exporting: false,
    exportUrl: '',
  },
  methods: {
    onLoad(query: { from?: string; to?: string }) {
      if (query.from && query.to && DAY_KEY.test(query.from) && DAY_KEY.test(query.to) && query.from <= query.to)
        this.setData({ from: query.from, to: query.to });
      this.start();
    },
    async start() {
      this.setData({ status: 'loading', error: '' });
      const { access, profile } = await organiserAccess();
      this.setData({ access });
      if (access === 'denied') return;
      try {
        if (!profile) throw new Error('not signed in');
        this.setData({ orgs: await orgsInScope(profile) });
      } catch (err) {
        this.setData({ status: 'error', error: errorMessage(err, '加载失败，请检查网络后重试') });
        return;
      }
      await this.load();
    },
    request() {
      const { orgs, orgIndex, from, to, kind } = this.data;
      return { orgId: orgs[orgIndex]?.id ?? '', from, to, ...(kind ? { kind } : {}) };
    },
    async load(quiet = false): Promise<string | null> {
      if (!this.data.orgs.length) return this.start().then(() => null);
      if (!quiet) this.setData({ status: 'loading', error: '' });
      this.setData({ exportUrl: '' });
      try {
        const stats = await casesApi('caseStats', this.request());
        this.setData({ status: 'ready', stats: toStatsView(stats) });
        return null;
      } catch (err) {
        const error = errorMessage(err, '统计加载失败，请稍后再试');
        if (!quiet) this.setData({ status: 'error', error });
        return error;
      }
    },
    onRetry() {
      this.load();
    },
    async onPullDownRefresh() {
      endPullDown(await this.load(true));
    },
    onOrg(e: DetailEvent<{ value: string | number }>) {
      this.setData({ orgIndex: Number(e.detail.value) });
      this.load();
    },
    onDate(e: DetailEvent<{ value: string }, { field: 'from' | 'to' }>) {
      const field = e.currentTarget.dataset.field;
      const day = e.detail.value;
      const { from, to } = this.data;
      // The period runs forward: moving one end past the other moves both.
      if (field === 'from') this.setData({ from: day, to: day > to ? day : to });
      else this.setData({ to: day, from: day < from ? day : from });
      this.load();
    },
    onPeriod(e: TapEvent<{ days: number }>) {
      this.setData({ from: daysAgo(e.currentTarget.dataset.days - 1), to: daysAgo(0) });
      this.load();
    },
    onKind(e: TapEvent<{ value: CaseKind | '' }>) {
      this.setData({ kind: e.currentTarget.dataset.value });
      this.load();
    },
    /** An .xlsx of the period, as a link to open in a computer's browser. */
    async onExport() {
      if (this.data.exporting) return;
      this.setData({ exporting: true, exportUrl: '' });
      const exportUrl = await casesOfficeApi('exportCases', this.request()).then(
        (r) => r.url,
        (err: unknown) => {
          toastError(err, '导出失败，请稍后再试');
          return '';
        },
      );
      this.setData({ exporting: false, exportUrl });
    },
    onCopy() {
      wx.setClipboardData({ data: this.data.exportUrl });
    },
  },
});
