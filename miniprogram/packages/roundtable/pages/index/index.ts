// 小哥圆桌会与活动: the round-tables, training classes and station activities coming
// up, filtered by kind — nearest first with distances when the rider allowed
// location before (opening the page never asks: utils/location.ts), else soonest
// first — each with its time, place and the seats left or the waitlist.
import type { MeetingKind, MeetingSummary } from '../../../../../typings/roundtable';
import type { TagTheme } from '../../../../config/labels';
import { ROUTES } from '../../../../config/routes';
import { initialList, listRegistry } from '../../../../components/list-state/paged-list';
import { quietPosition, type Position } from '../../../../utils/location';
import { formatDistance } from '../../../../utils/station';
import { roundtableApi } from '../../services/roundtable';
import {
  ACTIVITY_LABELS,
  hoursText,
  KIND_LABELS,
  KIND_SHORT_LABELS,
  KIND_THEMES,
  MEETING_KINDS,
  meetingTime,
  meetingUrl,
  seatsText,
} from '../../utils/labels';

export interface MeetingRow {
  id: string;
  title: string;
  kindLabel: string;
  kindTheme: TagTheme;
  /** "4 学时", "爱心义诊", or '' for a round-table. */
  detail: string;
  timeText: string;
  venue: string;
  /** "320 米", or '' without a position. */
  distanceText: string;
  seatsText: string;
  full: boolean;
  ongoing: boolean;
}

export function toRow(m: MeetingSummary): MeetingRow {
  return {
    id: m.id,
    title: m.title,
    kindLabel: KIND_LABELS[m.kind],
    kindTheme: KIND_THEMES[m.kind],
    detail: m.training ? hoursText(m.training.classHours) : m.activityType ? ACTIVITY_LABELS[m.activityType] : '',
    timeText: meetingTime(m.startAt, m.endAt),
    venue: m.venue.name,
    distanceText: formatDistance(m.distanceM),
    seatsText: seatsText(m.counts),
    full: m.counts.seatsLeft === 0,
    ongoing: m.phase === 'ongoing',
  };
}

const lists = listRegistry<MeetingSummary, MeetingRow>();
/** The position of each page instance: only in memory, sent with each query, never stored. */
const positions = new WeakMap<object, Position>();

Component({
  data: {
    kinds: MEETING_KINDS.map((value) => ({ value, label: KIND_SHORT_LABELS[value] })),
    kind: '' as MeetingKind | '',
    located: false,
    list: initialList<MeetingRow>(),
  },
  lifetimes: {
    attached() {
      lists.create(this, {
        key: 'list',
        fetch: async (page, pageSize) => {
          const at = positions.get(this);
          const { kind } = this.data;
          const res = await roundtableApi('listMeetings', {
            page,
            pageSize,
            ...(kind ? { kind } : {}),
            ...(at ? { lat: at.lat, lng: at.lng } : {}),
          });
          if (res.located !== this.data.located) this.setData({ located: res.located });
          return res;
        },
        toView: toRow,
      });
      this.start();
    },
  },
  // Back from a meeting: its seats may have changed (the rider signed up or cancelled).
  pageLifetimes: lists.revisitLifetimes(),
  methods: {
    ...lists.pageHandlers(),
    /** Nearest first only if location (and WeChat's privacy guide) was agreed before: never prompts. */
    async start() {
      const quiet = await quietPosition();
      if (quiet.allowed && quiet.position) positions.set(this, quiet.position);
      await lists.of(this).reload();
    },
    onKind(e: TapEvent<{ value: MeetingKind | '' }>) {
      const kind = e.currentTarget.dataset.value;
      if (kind === this.data.kind) return;
      this.setData({ kind });
      lists.of(this).reload();
    },
    onOpen(e: TapEvent<{ id: string }>) {
      wx.navigateTo({ url: meetingUrl(e.currentTarget.dataset.id) });
    },
    onMine() {
      wx.navigateTo({ url: ROUTES.myMeetings });
    },
    onShareAppMessage() {
      return { title: '小哥圆桌会、技能培训和驿站活动，报名参加', path: ROUTES.meetings };
    },
  },
});
