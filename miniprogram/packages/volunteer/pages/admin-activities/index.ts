// 志愿活动管理 for organisers: the activities of their org sub-tree (the server
// scopes the list and every action), by phase, search by title, 新建; each row
// leads to its editor (future activities only), the check-in / check-out code
// while it runs; links to 队员审核, 时数审核 and 志愿统计.
import type { AdminVolunteerActivity, VolunteerActivityPhase } from '../../../../../typings/volunteer-team';
import type { TagTheme } from '../../../../config/labels';
import { ROUTES } from '../../../../config/routes';
import { initialList, listRegistry } from '../../../../components/list-state/paged-list';
import { ensureLogin, organiserAccess } from '../../../../utils/session';
import { volunteerApi } from '../../services/volunteer';
import {
  durationText,
  pageUrl,
  PHASE_LABELS,
  PHASE_THEMES,
  PHASES,
  SERVICE_LABELS,
  spanText,
} from '../../utils/labels';

interface AdminRow {
  id: string;
  title: string;
  typeLabel: string;
  phaseLabel: string;
  phaseTheme: TagTheme;
  timeText: string;
  venue: string;
  orgName: string;
  countsText: string;
  editable: boolean;
  codes: boolean;
}

const toRow = (a: AdminVolunteerActivity): AdminRow => ({
  id: a.id,
  title: a.title,
  typeLabel: SERVICE_LABELS[a.serviceType],
  phaseLabel: PHASE_LABELS[a.phase],
  phaseTheme: PHASE_THEMES[a.phase],
  timeText: spanText(a.startAt, a.endAt),
  venue: a.venue.name,
  orgName: a.orgName,
  countsText: `计划 ${durationText(a.plannedMinutes)} · 报名 ${a.counts.seatsTaken}/${a.counts.capacity} · 候补 ${a.counts.waitlisted} · 签到 ${a.counts.attended} · 签退 ${a.checkedOut}`,
  editable: a.phase === 'upcoming',
  codes: a.phase === 'upcoming' || a.phase === 'ongoing',
});

const lists = listRegistry<AdminVolunteerActivity, AdminRow>();

type Route = 'adminVolActivityEdit' | 'adminVolCheckIn';

Component({
  data: {
    access: 'loading' as 'loading' | 'ready' | 'denied',
    keyword: '',
    phases: PHASES.map((value) => ({ value, label: PHASE_LABELS[value] })),
    phase: '' as VolunteerActivityPhase | '',
    list: initialList<AdminRow>(),
  },
  lifetimes: {
    attached() {
      lists.create(this, {
        key: 'list',
        fetch: async (page, pageSize) => {
          await ensureLogin();
          const { keyword, phase } = this.data;
          return volunteerApi('adminListActivities', {
            page,
            pageSize,
            ...(keyword ? { keyword } : {}),
            ...(phase ? { phase } : {}),
          });
        },
        toView: toRow,
      });
      organiserAccess().then((access) => {
        this.setData({ access });
        if (access === 'ready') lists.of(this).reload();
      });
    },
  },
  // Back from the editor or the code: show what changed.
  pageLifetimes: lists.revisitLifetimes(),
  methods: {
    ...lists.pageHandlers(),
    ...lists.searchHandlers(),
    onPhase(e: TapEvent<{ value: VolunteerActivityPhase | '' }>) {
      const phase = e.currentTarget.dataset.value;
      if (phase === this.data.phase) return;
      this.setData({ phase });
      lists.of(this).reload();
    },
    /** 新建, 队员审核, 时数审核, 志愿统计. */
    onLink(e: TapEvent<{ route: 'adminVolActivityEdit' | 'adminVolMembers' | 'adminVolClaims' | 'adminVolStats' }>) {
      wx.navigateTo({ url: ROUTES[e.currentTarget.dataset.route] });
    },
    onGo(e: TapEvent<{ id: string; route: Route; purpose?: 'in' | 'out' }>) {
      const { id, route, purpose } = e.currentTarget.dataset;
      wx.navigateTo({ url: `${pageUrl(ROUTES[route], id)}${purpose ? `&purpose=${purpose}` : ''}` });
    },
  },
});
