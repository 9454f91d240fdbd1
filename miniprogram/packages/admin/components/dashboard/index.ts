// 数据看板 at the top of the organiser home: a period (本周, 本月, 自定义 with two
// dates), the org sub-tree's headline numbers against the previous period, the
// charts (each through the one chart component) and the report as Excel. The
// server scopes everything to the caller's admin orgs.
import type { DashboardPeriodKind, DashboardReport } from '../../../../../typings/dashboard';
import { errorMessage, toastError } from '../../../../utils/errors';
import { dashboardApi, dashboardOfficeApi } from '../../services/dashboard';
import { PERIOD_LABELS } from '../../utils/labels';
import type { ChartSpec } from '../chart/spec';
import { addDays, dashboardRequest, pickEnd, pickerBounds, todayKey } from './period';
import { campaignChart, type DashboardView, dashboardView } from './view';

type Status = 'loading' | 'ready' | 'error';

/** The report shown (the campaign chip redraws from it), and the latest request's number. */
const reports = new WeakMap<object, DashboardReport>();
const requests = new WeakMap<object, number>();

Component({
  options: { styleIsolation: 'apply-shared' },
  data: {
    status: 'loading' as Status,
    error: '',
    periods: (['week', 'month', 'custom'] as DashboardPeriodKind[]).map((value) => ({
      value,
      label: PERIOD_LABELS[value],
    })),
    period: 'week' as DashboardPeriodKind,
    today: '',
    from: '',
    to: '',
    bounds: { fromStart: '', fromEnd: '', toStart: '', toEnd: '' },
    view: null as DashboardView | null,
    campaignId: '',
    votes: null as ChartSpec | null,
    exporting: false,
    exportUrl: '',
  },
  lifetimes: {
    attached() {
      const today = todayKey();
      const range = { from: addDays(today, -29), to: today };
      this.setData({ today, ...range, bounds: pickerBounds(range, today) });
      this.load();
    },
  },
  methods: {
    request() {
      const { period, from, to } = this.data;
      return dashboardRequest(period, from, to);
    },
    async load(): Promise<void> {
      const n = (requests.get(this) ?? 0) + 1;
      requests.set(this, n);
      this.setData({ status: 'loading', error: '', exportUrl: '' });
      try {
        const report = await dashboardApi('dashboard', this.request());
        if (requests.get(this) !== n) return; // a newer period was asked for meanwhile
        reports.set(this, report);
        const campaignId = report.campaigns.some((c) => c.campaignId === this.data.campaignId)
          ? this.data.campaignId
          : (report.campaigns[0]?.campaignId ?? '');
        this.setData({
          status: 'ready',
          view: dashboardView(report),
          campaignId,
          votes: campaignChart(report, campaignId),
        });
      } catch (err) {
        if (requests.get(this) === n)
          this.setData({ status: 'error', error: errorMessage(err, '看板加载失败，请稍后再试') });
      }
    },
    onRetry() {
      this.load();
    },
    onPeriod(e: TapEvent<{ value: DashboardPeriodKind }>) {
      const period = e.currentTarget.dataset.value;
      if (period === this.data.period) return;
      this.setData({ period });
      this.load();
    },
    pick(end: 'from' | 'to', day: string) {
      const { from, to, today } = this.data;
      const range = pickEnd({ from, to }, end, day, today);
      this.setData({ ...range, bounds: pickerBounds(range, today) });
      this.load();
    },
    onFrom(e: DetailEvent<{ value: string }>) {
      this.pick('from', e.detail.value);
    },
    onTo(e: DetailEvent<{ value: string }>) {
      this.pick('to', e.detail.value);
    },
    onCampaign(e: TapEvent<{ id: string }>) {
      const report = reports.get(this);
      const campaignId = e.currentTarget.dataset.id;
      if (report) this.setData({ campaignId, votes: campaignChart(report, campaignId) });
    },
    async onExport() {
      this.setData({ exporting: true });
      try {
        const { url } = await dashboardOfficeApi('exportDashboard', this.request());
        this.setData({ exportUrl: url });
      } catch (err) {
        toastError(err, '导出失败，请稍后再试');
      } finally {
        this.setData({ exporting: false });
      }
    },
  },
});
