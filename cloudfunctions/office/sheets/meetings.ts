// The meetings' workbooks: one meeting's sign-up list, and a period's statistics.
// Pure apart from the spreadsheet library.
import ExcelJS from 'exceljs';
import type { MeetingStats } from '../../../typings/roundtable';
import type { SignUpRow, SignUpState } from '../../../typings/signup';
import { BEIJING, dayjs } from '../../_shared/clock';
import type { MeetingDoc } from '../../roundtable/store/meetings';
import { ACTIVITY_LABELS, KIND_LABELS } from '../../roundtable/rules/kinds';

const STATE_LABELS: Record<SignUpState, string> = {
  confirmed: '报名成功',
  waitlisted: '候补中',
  cancelled: '已取消',
  attended: '已签到',
  no_show: '缺席',
};

const CANCELLED_BY = { self: '本人取消', organiser: '组织者移出', event: '活动取消' } as const;

const time = (iso: string | null) => (iso ? dayjs(iso).tz(BEIJING).format('YYYY-MM-DD HH:mm') : '');
const percent = (r: number) => `${(r * 100).toFixed(1)}%`;

export async function signUpsWorkbook(meeting: MeetingDoc, rows: SignUpRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const info = wb.addWorksheet('活动信息');
  info.columns = [
    { header: '项目', key: 'k', width: 14 },
    { header: '内容', key: 'v', width: 60 },
  ];
  const kind =
    meeting.kind === 'activity' && meeting.activityType
      ? `${KIND_LABELS.activity}·${ACTIVITY_LABELS[meeting.activityType]}`
      : KIND_LABELS[meeting.kind];
  for (const [k, v] of [
    ['标题', meeting.title],
    ['类型', kind],
    ['议题', meeting.topic],
    ['时间', `${time(meeting.startAt.toISOString())} 至 ${time(meeting.endAt.toISOString())}`],
    ['地点', `${meeting.venue.name}（${meeting.venue.address}）`],
    ['主办', meeting.orgName],
    ['名额', String(meeting.capacity)],
    ['状态', meeting.status === 'cancelled' ? `已取消：${meeting.cancelReason ?? ''}` : '正常'],
  ])
    info.addRow({ k, v });

  const list = wb.addWorksheet('报名名单');
  const questions = [...new Map(rows.flatMap((r) => r.answers.map((a) => [a.key, a.label] as const))).entries()];
  list.columns = [
    { header: '序号', key: 'n', width: 6 },
    { header: '姓名', key: 'name', width: 12 },
    { header: '手机号', key: 'phone', width: 14 },
    { header: '状态', key: 'state', width: 10 },
    { header: '候补位次', key: 'position', width: 8 },
    { header: '报名时间', key: 'at', width: 17 },
    { header: '签到时间', key: 'checkedIn', width: 17 },
    { header: '签到方式', key: 'method', width: 10 },
    { header: '取消方式', key: 'cancelledBy', width: 10 },
    { header: '想提的问题', key: 'note', width: 40 },
    ...questions.map(([key, label]) => ({ header: label, key: `q:${key}`, width: 20 })),
  ];
  for (const [i, r] of rows.entries()) {
    list.addRow({
      n: i + 1,
      name: r.name,
      phone: r.phone,
      state: STATE_LABELS[r.state],
      position: r.position ?? '',
      at: time(r.signedUpAt),
      checkedIn: time(r.checkedInAt),
      method: r.checkInMethod === 'code' ? '扫码' : r.checkInMethod === 'manual' ? '组织者登记' : '',
      cancelledBy: r.cancelledBy ? CANCELLED_BY[r.cancelledBy] : '',
      note: r.note,
      ...Object.fromEntries(r.answers.map((a) => [`q:${a.key}`, a.values.join('、')])),
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function meetingStatsWorkbook(stats: MeetingStats, orgName: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const rowColumns = [
    { header: '举办场次', key: 'held', width: 10 },
    { header: '取消场次', key: 'cancelled', width: 10 },
    { header: '报名人数', key: 'signUps', width: 10 },
    { header: '签到人数', key: 'attended', width: 10 },
    { header: '缺席人数', key: 'noShow', width: 10 },
    { header: '到场率', key: 'attendanceRate', width: 10 },
    { header: '缺席率', key: 'noShowRate', width: 10 },
    { header: '人次', key: 'personTimes', width: 8 },
  ];
  const fmt = (r: MeetingStats['totals']) => ({
    ...r,
    attendanceRate: percent(r.attendanceRate),
    noShowRate: percent(r.noShowRate),
  });

  const summary = wb.addWorksheet('汇总');
  summary.columns = [{ header: '范围', key: 'scope', width: 24 }, ...rowColumns];
  summary.addRow({ scope: `${orgName} ${stats.from} 至 ${stats.to}`, ...fmt(stats.totals) });
  for (const k of stats.byKind) summary.addRow({ scope: KIND_LABELS[k.kind], ...fmt(k) });

  const courses = wb.addWorksheet('培训课程');
  courses.columns = [
    { header: '课程', key: 'course', width: 30 },
    { header: '班次', key: 'classes', width: 8 },
    { header: '人次', key: 'personTimes', width: 8 },
    { header: '学时合计', key: 'classHours', width: 10 },
  ];
  for (const c of stats.courses) courses.addRow(c);

  const each = wb.addWorksheet('逐场明细');
  each.columns = [
    { header: '开始时间', key: 'startAt', width: 17 },
    { header: '类型', key: 'kind', width: 12 },
    { header: '标题', key: 'title', width: 30 },
    { header: '主办', key: 'orgName', width: 20 },
    { header: '状态', key: 'status', width: 8 },
    ...rowColumns.filter((c) => c.key !== 'held' && c.key !== 'cancelled'),
  ];
  for (const m of stats.meetings) {
    each.addRow({
      ...fmt(m),
      startAt: time(m.startAt),
      kind: KIND_LABELS[m.kind],
      status: m.status === 'cancelled' ? '已取消' : m.held ? '已举办' : '未举办',
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
