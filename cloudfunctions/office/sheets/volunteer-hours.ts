// The volunteer hours workbook for an org's organisers: one row per member of the
// sub-tree with their status, hours (credit and honor apart, all time and in the
// period), points from hours and attendances — the export being organiser-only,
// with names and phones. Pure apart from the spreadsheet library.
import ExcelJS from 'exceljs';
import type { UserMonthTotals } from '../../volunteer/store/hours';
import type { MemberDoc } from '../../volunteer/store/members';
import { STATUS_LABELS } from '../../volunteer/rules/labels';

const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

export async function volunteerHoursWorkbook(
  members: MemberDoc[],
  period: Map<string, UserMonthTotals>,
  label: string,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('志愿服务时数');
  sheet.columns = [
    { header: '姓名', key: 'name', width: 10 },
    { header: '手机号', key: 'phone', width: 14 },
    { header: '所在组织', key: 'org', width: 20 },
    { header: '平台/公司', key: 'platform', width: 16 },
    { header: '状态', key: 'status', width: 8 },
    { header: `${label}信用时数（小时）`, key: 'periodCredit', width: 16 },
    { header: `${label}荣誉时数（小时）`, key: 'periodHonor', width: 16 },
    { header: '累计信用时数（小时）', key: 'credit', width: 16 },
    { header: '累计荣誉时数（小时）', key: 'honor', width: 16 },
    { header: '时数积分', key: 'points', width: 10 },
    { header: '签到次数', key: 'attended', width: 10 },
  ];
  for (const m of members) {
    const p = period.get(m._id);
    sheet.addRow({
      name: m.realName,
      phone: m.phone,
      org: m.orgName,
      platform: m.platform,
      status: STATUS_LABELS[m.status],
      periodCredit: hours(p?.creditMinutes ?? 0),
      periodHonor: hours(p?.honorMinutes ?? 0),
      credit: hours(m.creditMinutes),
      honor: hours(m.honorMinutes),
      points: m.hoursPoints,
      attended: m.attended,
    });
  }
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
