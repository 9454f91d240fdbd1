// The dashboard's workbook: the report the organiser home shows (one DashboardReport,
// so the same numbers), one sheet per chart. Pure apart from the spreadsheet library.
import ExcelJS from 'exceljs';
import type { CaseCategory } from '../../../typings/cases';
import type { DashboardReport, HeadlineKey } from '../../../typings/dashboard';
import type { SignUpDomain } from '../../../typings/signup';
import { categoryLabelOf } from '../../_shared/engines/cases';

export const HEADLINE_NAMES: Record<HeadlineKey, string> = {
  checkins: '金句打卡（人次）',
  learnersPerDay: '日均学习人数',
  completions: '学完微党课（次）',
  signups: '活动报名（人次）',
  attended: '活动签到（人次）',
  casesOpened: '新增诉求与随手拍',
  casesClosed: '办结',
  casesOverdue: '逾期',
  satisfaction: '满意率（%）',
  volunteerHours: '志愿服务时数（小时）',
  votes: '有效投票',
  revealed: '党员亮身份（人）',
};

export const DOMAIN_NAMES: Record<SignUpDomain, string> = {
  roundtable: '小哥圆桌会',
  training: '技能培训',
  station: '驿站活动',
  volunteer: '志愿服务',
};

/** A category's name whichever kind of case uses it. */
const categoryName = (key: CaseCategory) =>
  key === 'other' || categoryLabelOf('demand', key) !== '其他'
    ? categoryLabelOf('demand', key)
    : categoryLabelOf('report', key);

function sheet(wb: ExcelJS.Workbook, name: string, columns: [string, string, number][], rows: object[]) {
  const ws = wb.addWorksheet(name);
  ws.columns = columns.map(([header, key, width]) => ({ header, key, width }));
  for (const row of rows) ws.addRow(row);
  ws.getRow(1).font = { bold: true };
}

export async function dashboardWorkbook(r: DashboardReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const p = r.period;
  sheet(
    wb,
    '概览',
    [
      ['指标', 'name', 22],
      [`本期（${p.from} 至 ${p.to}）`, 'value', 24],
      [`上期（${p.previousFrom} 至 ${p.previousTo}）`, 'previous', 24],
      ['变化', 'delta', 10],
      ['变化率（%）', 'changePct', 12],
    ],
    r.headlines.map((h) => ({ ...h, name: HEADLINE_NAMES[h.key], changePct: h.changePct ?? '—' })),
  );
  sheet(
    wb,
    '每日',
    [
      ['日期', 'day', 12],
      ['金句打卡', 'checkins', 10],
      ['学习人数', 'learners', 10],
      ['圆桌会报名', 'signups', 12],
      ['圆桌会签到', 'attended', 12],
      ['亮身份党员累计', 'revealedTotal', 16],
    ],
    r.days.map((day, i) => ({
      day,
      checkins: r.daily.checkins[i],
      learners: r.daily.learners[i],
      signups: r.daily.signups[i],
      attended: r.daily.attended[i],
      revealedTotal: r.daily.revealedTotal[i],
    })),
  );
  sheet(
    wb,
    '课程系列',
    [
      ['系列', 'series', 20],
      ['学完次数', 'count', 10],
    ],
    r.completionsBySeries.map((s) => ({ series: s.series || '未分系列', count: s.count })),
  );
  sheet(
    wb,
    '活动报名',
    [
      ['类型', 'domain', 14],
      ['报名', 'signups', 10],
      ['签到', 'attended', 10],
    ],
    r.signupsByDomain.map((d) => ({ ...d, domain: DOMAIN_NAMES[d.domain] })),
  );
  sheet(
    wb,
    '诉求分类',
    [
      ['类别', 'category', 14],
      ['新增', 'opened', 8],
      ['办结', 'closed', 8],
      ['逾期', 'overdue', 8],
      ['已评价', 'rated', 8],
      ['满意', 'satisfied', 8],
    ],
    r.casesByCategory.map((c) => ({ ...c, category: categoryName(c.category) })),
  );
  sheet(
    wb,
    '志愿时数',
    [
      ['月份', 'month', 10],
      ['信用时数（小时）', 'creditHours', 16],
      ['荣誉时数（小时）', 'honorHours', 16],
    ],
    r.volunteerMonths,
  );
  sheet(
    wb,
    '投票',
    [
      ['评选活动', 'title', 28],
      ['日期', 'day', 12],
      ['有效投票', 'votes', 10],
    ],
    r.campaigns.flatMap((c) => r.days.map((day, i) => ({ title: c.title, day, votes: c.votes[i] }))),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
