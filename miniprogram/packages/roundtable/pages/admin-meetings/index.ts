// Meetings for organisers: those of their org sub-tree (the server scopes the list
// and every action), by kind and state, search by title, 新建; each row leads to
// its editor, its sign-up list, the check-in code, the minutes (once held).
import type { AdminMeeting, MeetingKind, MeetingPhase } from '../../../../../typings/roundtable';
import type { TagTheme } from '../../../../config/labels';
import { ROUTES } from '../../../../config/routes';
import { initialList, listRegistry } from '../../../../components/list-state/paged-list';
import { ensureLogin, organiserAccess } from '../../../../utils/session';
import { roundtableApi } from '../../services/roundtable';
import {
  adminUrl,
  KIND_LABELS,
  KIND_SHORT_LABELS,
  KIND_THEMES,
  MEETING_KINDS,
  meetingTime,
  PHASE_LABELS,
  PHASE_THEMES,
  PHASES,
} from '../../utils/labels';

interface AdminRow {
  id: string;
  title: string;
  kindLabel: string;
  kindTheme: TagTheme;
  phaseLabel: string;
  phaseTheme: TagTheme;
  timeText: string;
  venue: string;
  orgName: string;
  /** "报名 9/10 · 候补 2 · 签到 0" */
  countsText: string;
  editable: boolean;
  held: boolean;
  hasMinutes: boolean;
}

const toRow = (m: AdminMeeting): AdminRow => ({
  id: m.id,
  title: m.title,
  kindLabel: KIND_LABELS[m.kind],
  kindTheme: KIND_THEMES[m.kind],
  phaseLabel: PHASE_LABELS[m.phase],
  phaseTheme: PHASE_THEMES[m.phase],
  timeText: meetingTime(m.startAt, m.endAt),
  venue: m.venue.name,
  orgName: m.orgName,
  countsText: `报名 ${m.counts.seatsTaken}/${m.counts.capacity} · 候补 ${m.counts.waitlisted} · 签到 ${m.counts.attended}`,
  editable: m.phase === 'upcoming' || m.phase === 'ongoing',
  held: m.phase === 'ended',
  hasMinutes: !!m.minutes,
});

const lists = listRegistry<AdminMeeting, AdminRow>();

type Access = 'loading' | 'ready' | 'denied';

Component({
  data: {
    access: 'loading' as Access,
    keyword: '',
    kinds: MEETING_KINDS.map((value) => ({ value, label: KIND_SHORT_LABELS[value] })),
    phases: PHASES.map((value) => ({ value, label: PHASE_LABELS[value] })),
    kind: '' as MeetingKind | '',
    phase: '' as MeetingPhase | '',
    list: initialList<AdminRow>(),
  },
  lifetimes: {
    attached() {
      lists.create(this, {
        key: 'list',
        fetch: async (page, pageSize) => {
          await ensureLogin();
          const { keyword, kind, phase } = this.data;
          return roundtableApi('adminListMeetings', {
            page,
            pageSize,
            ...(keyword ? { keyword } : {}),
            ...(kind ? { kind } : {}),
            ...(phase ? { phase } : {}),
          });
        },
        toView: toRow,
      });
      // Someone who is no organiser is told so, not shown the server's refusal with 重试.
      organiserAccess().then((access) => {
        this.setData({ access });
        if (access === 'ready') lists.of(this).reload();
      });
    },
  },
  // Back from the editor, the sign-ups or the minutes: show what changed.
  pageLifetimes: lists.revisitLifetimes(),
  methods: {
    ...lists.pageHandlers(),
    ...lists.searchHandlers(),
    onKind(e: TapEvent<{ value: MeetingKind | '' }>) {
      const kind = e.currentTarget.dataset.value;
      this.setData({ kind: kind === this.data.kind ? '' : kind });
      lists.of(this).reload();
    },
    onPhase(e: TapEvent<{ value: MeetingPhase | '' }>) {
      const phase = e.currentTarget.dataset.value;
      this.setData({ phase: phase === this.data.phase ? '' : phase });
      lists.of(this).reload();
    },
    onAdd() {
      wx.navigateTo({ url: ROUTES.adminMeetingEdit });
    },
    onStats() {
      wx.navigateTo({ url: ROUTES.adminMeetingStats });
    },
    /** 编辑, 报名名单, 签到码, 纪要: the row's page for the tapped action. */
    onGo(e: TapEvent<{ id: string; route: 'adminMeetingEdit' | 'adminSignUps' | 'adminCheckIn' | 'adminMinutes' }>) {
      const { id, route } = e.currentTarget.dataset;
      wx.navigateTo({ url: adminUrl(ROUTES[route], id) });
    },
  },
});
