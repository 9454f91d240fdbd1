// Meeting statistics from the records (pure): each meeting's sign-up records
// counted by state, summed per kind and in total; training 人次 per course.
// A meeting is held once it ended without being cancelled; only held meetings
// count sign-ups, attendance and no-shows.
import type { SignUpState } from '../../../typings/signup';
import type {
  CourseStats,
  MeetingKind,
  MeetingStats,
  MeetingStatsEntry,
  MeetingStatsRow,
} from '../../../typings/roundtable';
import { BEIJING, beijingDayStart, daysBetween, dayjs } from '../../_shared/clock';
import type { FormProblem } from '../../_shared/validation';
import type { MeetingDoc } from '../store/meetings';
import { MEETING_KINDS } from './kinds';
import { phaseOf } from './views';

export type StateCounts = Record<SignUpState, number>;

/** A statistics period is at most this many days. */
export const MAX_PERIOD_DAYS = 366;

/** The period's own rule (from ≤ to, at most a year), for the schemas that take one. */
export function periodProblem(v: { from: string; to: string }): FormProblem | null {
  if (v.to < v.from) return { field: 'to', message: '应不早于「开始日期」' };
  return daysBetween(v.from, v.to) > MAX_PERIOD_DAYS
    ? { field: 'to', message: `一次最多统计 ${MAX_PERIOD_DAYS} 天` }
    : null;
}

/** The instants of a period of Beijing days: [from 00:00, the day after `to` 00:00). */
export function periodBounds(from: string, to: string): { start: Date; end: Date } {
  return { start: beijingDayStart(from), end: dayjs.tz(to, BEIJING).add(1, 'day').toDate() };
}

const rate = (n: number, of: number) => (of ? Math.round((n / of) * 1000) / 1000 : 0);

function emptyRow(): MeetingStatsRow {
  return {
    held: 0,
    cancelled: 0,
    signUps: 0,
    attended: 0,
    noShow: 0,
    attendanceRate: 0,
    noShowRate: 0,
    personTimes: 0,
  };
}

function add(row: MeetingStatsRow, m: MeetingDoc, n: StateCounts | undefined, now: Date): void {
  const phase = phaseOf(m, now);
  if (phase === 'cancelled') row.cancelled++;
  if (phase !== 'ended') return;
  row.held++;
  const c = n ?? { confirmed: 0, waitlisted: 0, cancelled: 0, attended: 0, no_show: 0 };
  row.signUps += c.confirmed + c.attended + c.no_show;
  row.attended += c.attended;
  row.noShow += c.no_show;
  row.personTimes += c.attended;
}

function finish<T extends MeetingStatsRow>(row: T): T {
  row.attendanceRate = rate(row.attended, row.signUps);
  row.noShowRate = rate(row.noShow, row.signUps);
  return row;
}

export function meetingStats(
  meetings: MeetingDoc[],
  countsOf: (m: MeetingDoc) => StateCounts | undefined,
  now: Date,
  period: { from: string; to: string; orgId: string | null },
): MeetingStats {
  const totals = emptyRow();
  const byKind = new Map<MeetingKind, MeetingStatsRow>(MEETING_KINDS.map((k) => [k, emptyRow()]));
  const courses = new Map<string, CourseStats>();
  const entries: MeetingStatsEntry[] = [];
  for (const m of meetings) {
    const n = countsOf(m);
    add(totals, m, n, now);
    add(byKind.get(m.kind)!, m, n, now);
    const row = emptyRow();
    add(row, m, n, now);
    entries.push(
      finish({
        id: m._id,
        kind: m.kind,
        title: m.title,
        startAt: m.startAt.toISOString(),
        orgName: m.orgName,
        status: m.status,
        ...row,
      }),
    );
    if (m.training && row.held) {
      const c = courses.get(m.training.course) ?? {
        course: m.training.course,
        classes: 0,
        personTimes: 0,
        classHours: 0,
      };
      c.classes++;
      c.personTimes += row.personTimes;
      c.classHours += row.personTimes * m.training.classHours;
      courses.set(c.course, c);
    }
  }
  return {
    ...period,
    totals: finish(totals),
    byKind: MEETING_KINDS.map((kind) => ({ kind, ...finish(byKind.get(kind)!) })),
    courses: [...courses.values()].sort(
      (a, b) => b.personTimes - a.personTimes || a.course.localeCompare(b.course, 'zh-CN'),
    ),
    meetings: entries,
  };
}
