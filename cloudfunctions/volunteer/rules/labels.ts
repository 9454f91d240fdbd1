// Chinese names of the team's kinds (pure).
import type { ServiceReportType, VolunteerServiceType } from '../../../typings/volunteer-team';

export const SERVICE_TYPES = [
  'traffic',
  'community',
  'emergency',
  'care',
  'publicity',
  'grid_patrol',
  'other',
] as const satisfies readonly VolunteerServiceType[];

export const SERVICE_TYPE_LABELS: Record<VolunteerServiceType, string> = {
  traffic: '交通劝导',
  community: '社区服务',
  emergency: '应急救援',
  care: '关爱帮扶',
  publicity: '宣传宣讲',
  grid_patrol: '网格巡查',
  other: '其他',
};

export const REPORT_TYPES = [
  'grid_duty',
  'road_help',
  'snapshot_followup',
  'other',
] as const satisfies readonly ServiceReportType[];

export const REPORT_TYPE_LABELS: Record<ServiceReportType, string> = {
  grid_duty: '网格员值守',
  road_help: '路遇帮扶',
  snapshot_followup: '随手拍跟进',
  other: '其他志愿服务',
};

export const STATUS_LABELS = {
  pending: '待审核',
  approved: '已通过',
  rejected: '未通过',
  suspended: '已暂停',
} as const;
