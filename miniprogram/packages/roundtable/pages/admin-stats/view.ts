// What the statistics page shows (pure): the totals, per kind, training 人次 per
// course, and each meeting of the period, with rates as percentages.
import type { MeetingStats, MeetingStatsRow } from '../../../../../typings/roundtable';
import { formatDate } from '../../../../utils/format';
import { KIND_LABELS, PHASE_LABELS } from '../../utils/labels';

const percent = (rate: number) => `${Math.round(rate * 1000) / 10}%`;

export interface RowView {
  held: number;
  cancelled: number;
  signUps: number;
  attended: number;
  noShow: number;
  attendance: string;
  noShowRate: string;
  personTimes: number;
}

const row = (r: MeetingStatsRow): RowView => ({
  held: r.held,
  cancelled: r.cancelled,
  signUps: r.signUps,
  attended: r.attended,
  noShow: r.noShow,
  attendance: percent(r.attendanceRate),
  noShowRate: percent(r.noShowRate),
  personTimes: r.personTimes,
});

export interface StatsView {
  totals: RowView;
  byKind: (RowView & { kind: string; label: string })[];
  courses: { course: string; classes: number; personTimes: number; classHours: number }[];
  meetings: { id: string; title: string; line: string; counts: string }[];
}

export function toView(s: MeetingStats): StatsView {
  return {
    totals: row(s.totals),
    byKind: s.byKind.map((k) => ({ ...row(k), kind: k.kind, label: KIND_LABELS[k.kind] })),
    courses: s.courses,
    meetings: s.meetings.map((m) => ({
      id: m.id,
      title: m.title,
      line: `${formatDate(m.startAt)} · ${KIND_LABELS[m.kind]} · ${m.orgName}${m.status === 'cancelled' ? ` · ${PHASE_LABELS.cancelled}` : ''}`,
      counts: m.held
        ? `报名 ${m.signUps} · 签到 ${m.attended} · 缺席 ${m.noShow}`
        : m.status === 'cancelled'
          ? ''
          : '尚未举行',
    })),
  };
}
