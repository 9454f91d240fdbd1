// The cases workbook for an org's organisers: one row per case of the period, with
// its deadlines, outcome and — the export being organiser-only — the raiser's
// name and phone (never for anonymous reports). Pure apart from the spreadsheet library.
import ExcelJS from 'exceljs';
import type { CaseRating, CaseState } from '../../../typings/cases';
import { BEIJING, dayjs } from '../../_shared/clock';
import type { CaseDoc } from '../../_shared/stores/cases';

const STATES: Record<CaseState, string> = {
  submitted: '待受理',
  accepted: '已受理',
  in_progress: '办理中',
  extended: '已延期',
  answered: '已答复',
  closed: '已办结',
  returned: '已退回',
  rejected: '不予受理',
  reopened: '重新办理',
};
const RATINGS: Record<CaseRating, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  unsatisfied: '不满意',
};

const time = (d: Date | null) => (d ? dayjs(d).tz(BEIJING).format('YYYY-MM-DD HH:mm') : '');

export async function casesWorkbook(list: CaseDoc[], labelOf: (c: CaseDoc) => string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('诉求与随手拍');
  sheet.columns = [
    { header: '编号', key: 'id', width: 24 },
    { header: '类型', key: 'kind', width: 8 },
    { header: '类别', key: 'category', width: 12 },
    { header: '标题', key: 'title', width: 30 },
    { header: '状态', key: 'state', width: 10 },
    { header: '承办组织', key: 'org', width: 20 },
    { header: '提交时间', key: 'submitted', width: 18 },
    { header: '首次响应', key: 'response', width: 18 },
    { header: '答复期限', key: 'due', width: 18 },
    { header: '答复时间', key: 'answered', width: 18 },
    { header: '超期', key: 'overdue', width: 6 },
    { header: '延期', key: 'extended', width: 6 },
    { header: '重新办理', key: 'reopened', width: 8 },
    { header: '评价', key: 'rating', width: 10 },
    { header: '提出人', key: 'name', width: 10 },
    { header: '联系电话', key: 'phone', width: 14 },
    { header: '来源', key: 'source', width: 16 },
    { header: '重复于', key: 'duplicateOf', width: 24 },
    { header: '核实', key: 'verified', width: 8 },
    { header: '蜂力值', key: 'points', width: 8 },
  ];
  for (const c of list) {
    const answered = c.firstAnsweredAt ?? c.answeredAt;
    sheet.addRow({
      id: c._id,
      kind: c.kind === 'demand' ? '诉求' : '随手拍',
      category: labelOf(c),
      title: c.title,
      state: STATES[c.state],
      org: c.orgName,
      submitted: time(c.submittedAt),
      response: time(c.firstResponseAt),
      due: time(c.dueAt),
      answered: time(answered),
      overdue: (answered ? answered > c.dueAt : c.dueAt < new Date()) && c.state !== 'rejected' ? '是' : '',
      extended: c.extension ? '是' : '',
      reopened: c.reopenCount ? '是' : '',
      rating: c.rating ? RATINGS[c.rating] : '',
      name: c.anonymous ? '匿名' : (c.raiser?.name ?? ''),
      phone: c.anonymous ? '' : (c.raiser?.phone ?? ''),
      source: c.source.kind === 'meeting' ? `圆桌会 ${c.source.meetingId}` : '本人提交',
      duplicateOf: c.duplicateOf ?? '',
      verified: c.verification ? (c.verification.valid ? '有效' : '无效') : '',
      points: c.verification?.points || '',
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
