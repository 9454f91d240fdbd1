// The points-shop orders workbook for the goods' organisers: one row per order of
// the period, with the worker's name and phone (the export is organiser-only).
// Pure apart from the spreadsheet library.
import ExcelJS from 'exceljs';
import type { ShopOrderState } from '../../../typings/volunteer-shop';
import { BEIJING, dayjs } from '../../_shared/clock';
import type { OrderDoc } from '../../volunteer/store/orders';

const STATES: Record<ShopOrderState, string> = { pending: '待领取', fulfilled: '已领取', cancelled: '已取消' };

const time = (d: Date | null) => (d ? dayjs(d).tz(BEIJING).format('YYYY-MM-DD HH:mm') : '');

export async function shopOrdersWorkbook(list: OrderDoc[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('积分兑换订单');
  sheet.columns = [
    { header: '订单编号', key: 'id', width: 34 },
    { header: '商品', key: 'goods', width: 20 },
    { header: '数量', key: 'quantity', width: 6 },
    { header: '积分', key: 'points', width: 8 },
    { header: '状态', key: 'state', width: 8 },
    { header: '兑换人', key: 'name', width: 10 },
    { header: '联系电话', key: 'phone', width: 14 },
    { header: '所在组织', key: 'workerOrg', width: 20 },
    { header: '发放组织', key: 'org', width: 20 },
    { header: '兑换时间', key: 'created', width: 18 },
    { header: '领取时间', key: 'fulfilled', width: 18 },
    { header: '核销人', key: 'fulfilledBy', width: 10 },
    { header: '取消时间', key: 'cancelled', width: 18 },
    { header: '取消原因', key: 'reason', width: 24 },
    { header: '退回积分', key: 'refunded', width: 8 },
  ];
  for (const o of list) {
    sheet.addRow({
      id: o._id,
      goods: o.goodsName,
      quantity: o.quantity,
      points: o.points,
      state: STATES[o.state],
      name: o.worker.realName,
      phone: o.worker.phone,
      workerOrg: o.worker.orgName,
      org: o.orgName,
      created: time(o.createdAt),
      fulfilled: time(o.fulfilledAt),
      fulfilledBy: o.fulfilledByName,
      cancelled: time(o.cancelledAt),
      reason: o.cancelledBy === 'worker' ? '本人取消' : o.cancelReason,
      refunded: o.refunded || '',
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
