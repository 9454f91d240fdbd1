// The dashboard request's schema, shared by the action and its spreadsheet export.
// A custom range's limits that depend on today are checked by periodOf.
import * as z from 'zod';
import { dayKey, form } from '../validation';

export const dashboardRequest = () =>
  form(
    { period: z.enum(['week', 'month', 'custom']), from: dayKey().optional(), to: dayKey().optional() },
    { period: '统计时段', from: '开始日期', to: '结束日期' },
  );
