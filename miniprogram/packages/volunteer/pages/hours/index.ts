// 我的时数: credit hours (scanned check-in and check-out) and honor hours (granted
// by organisers) apart, with the star level; the records, newest first; and in a
// second tab the rider's claims and self-reports with their review state.
import type { HoursRecord, HoursSummary, VolunteerClaim } from '../../../../../typings/volunteer-team';
import { initialList, listRegistry } from '../../../../components/list-state/paged-list';
import { ROUTES } from '../../../../config/routes';
import { ensureLogin } from '../../../../utils/session';
import { volunteerApi } from '../../services/volunteer';
import { hoursOf, starText } from '../../utils/labels';
import { type ClaimRow, type RecordRow, toClaimRow, toRecordRow } from './rows';

type Tab = 'records' | 'claims';

interface SummaryView {
  credit: string;
  honor: string;
  star: string;
  next: string;
}

const summaryView = (s: HoursSummary): SummaryView => ({
  credit: hoursOf(s.creditMinutes),
  honor: hoursOf(s.honorMinutes),
  star: starText(s.star),
  next: s.nextStar ? `再服务 ${s.nextStar.hoursLeft} 小时升为 ${starText(s.nextStar.star)}` : '已达最高星级',
});

const records = listRegistry<HoursRecord, RecordRow>();
const claims = listRegistry<VolunteerClaim, ClaimRow>();

Component({
  data: {
    tab: 'records' as Tab,
    summary: null as SummaryView | null,
    records: initialList<RecordRow>(),
    claims: initialList<ClaimRow>(),
  },
  lifetimes: {
    attached() {
      records.create(this, {
        key: 'records',
        fetch: async (page, pageSize) => {
          await ensureLogin();
          const res = await volunteerApi('myHours', { page, pageSize });
          if (page === 1) this.setData({ summary: summaryView(res.summary) });
          return res.records;
        },
        toView: toRecordRow,
      });
      claims.create(this, {
        key: 'claims',
        fetch: async (page, pageSize) => {
          await ensureLogin();
          return volunteerApi('myClaims', { page, pageSize });
        },
        toView: toClaimRow,
      });
      records.of(this).reload();
    },
  },
  pageLifetimes: {
    // Back from 上报服务: the new report is among the claims.
    show() {
      records.of(this).revisit();
      claims.of(this).revisit();
    },
  },
  methods: {
    current() {
      return this.data.tab === 'records' ? records.of(this) : claims.of(this);
    },
    onTab(e: TapEvent<{ tab: Tab }>) {
      const tab = e.currentTarget.dataset.tab;
      if (tab === this.data.tab) return;
      this.setData({ tab });
      if (tab === 'claims' && this.data.claims.status === 'loading') claims.of(this).reload();
    },
    onRetry() {
      this.current().reload();
    },
    onMore() {
      this.current().loadMore();
    },
    onPullDownRefresh() {
      return this.current().refresh();
    },
    onReachBottom() {
      return this.current().loadMore();
    },
    onReport() {
      wx.navigateTo({ url: ROUTES.volReport });
    },
  },
});
