// 志愿活动: upcoming and ongoing activities, soonest first (the server's order),
// by service type — each with its time, place, planned hours, the seats left and
// the rider's own state (已报名 / 候补第 n 位 / 已签到 / 已签退).
import type { VolunteerActivitySummary, VolunteerServiceType } from '../../../../../typings/volunteer-team';
import { initialList, listRegistry } from '../../../../components/list-state/paged-list';
import { ROUTES } from '../../../../config/routes';
import { volunteerApi } from '../../services/volunteer';
import type { TagTheme } from '../../../../config/labels';
import {
  activityUrl,
  durationText,
  SERVICE_LABELS,
  SERVICE_TYPES,
  seatsLeftText,
  SIGNUP_THEMES,
  signUpText,
  spanText,
} from '../../utils/labels';

export interface ActivityRow {
  id: string;
  title: string;
  typeLabel: string;
  timeText: string;
  venue: string;
  /** "计划 2 小时". */
  plannedText: string;
  seatsText: string;
  full: boolean;
  ongoing: boolean;
  /** The rider's own state ('' when not signed up or cancelled). */
  mineText: string;
  mineTheme: TagTheme;
}

function mineOf(a: VolunteerActivitySummary): Pick<ActivityRow, 'mineText' | 'mineTheme'> {
  const s = a.mine;
  if (!s || s.state === 'cancelled') return { mineText: '', mineTheme: 'default' };
  return { mineText: signUpText(s), mineTheme: s.checkedOutAt ? 'success' : SIGNUP_THEMES[s.state] };
}

export const toRow = (a: VolunteerActivitySummary): ActivityRow => ({
  id: a.id,
  title: a.title,
  typeLabel: SERVICE_LABELS[a.serviceType],
  timeText: spanText(a.startAt, a.endAt),
  venue: a.venue.name,
  plannedText: `计划 ${durationText(a.plannedMinutes)}`,
  seatsText: seatsLeftText(a.counts.seatsLeft, a.counts.waitlisted),
  full: a.counts.seatsLeft === 0,
  ongoing: a.phase === 'ongoing',
  ...mineOf(a),
});

const lists = listRegistry<VolunteerActivitySummary, ActivityRow>();

Component({
  data: {
    types: SERVICE_TYPES.map((value) => ({ value, label: SERVICE_LABELS[value] })),
    type: '' as VolunteerServiceType | '',
    list: initialList<ActivityRow>(),
  },
  lifetimes: {
    attached() {
      lists.create(this, {
        key: 'list',
        fetch: (page, pageSize) => {
          const { type } = this.data;
          return volunteerApi('listActivities', { page, pageSize, ...(type ? { serviceType: type } : {}) });
        },
        toView: toRow,
      });
      lists.of(this).reload();
    },
  },
  // Back from an activity: its seats may have changed.
  pageLifetimes: lists.revisitLifetimes(),
  methods: {
    ...lists.pageHandlers(),
    onType(e: TapEvent<{ value: VolunteerServiceType | '' }>) {
      const type = e.currentTarget.dataset.value;
      if (type === this.data.type) return;
      this.setData({ type });
      lists.of(this).reload();
    },
    onOpen(e: TapEvent<{ id: string }>) {
      wx.navigateTo({ url: activityUrl(e.currentTarget.dataset.id) });
    },
    onShareAppMessage() {
      return { title: '先锋骑士志愿活动，报名参加', path: ROUTES.volActivities };
    },
  },
});
