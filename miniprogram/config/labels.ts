// Chinese labels for the typed unions of the contracts. Pages never show a raw
// status or type value: they look it up here, and a new union member breaks the
// build until it has a label.
import type { CaseCategory, DemandCategory, ReportCategory } from '../../typings/cases';
import type { OrgType } from '../../typings/org';
import type { MemberStatus, Occupation, Role } from '../../typings/user';

export const OCCUPATION_LABELS: Record<Occupation, string> = {
  courier: '快递员',
  food_delivery: '外卖骑手',
  ride_hailing: '网约车司机',
  truck_driver: '货车司机',
  streamer: '网络主播',
  other: '其他',
};

/** In display order. */
export const OCCUPATIONS = Object.keys(OCCUPATION_LABELS) as Occupation[];

export const MEMBER_STATUS_LABELS: Record<MemberStatus, string> = {
  none: '未申报',
  pending: '待审核',
  verified: '已认证',
  rejected: '未通过',
};

/** The statuses an admin filters by, in display order. */
export const MEMBER_STATUSES: MemberStatus[] = ['pending', 'verified', 'rejected', 'none'];

/** TDesign tag themes. */
export type TagTheme = 'default' | 'primary' | 'success' | 'warning' | 'danger';

export const MEMBER_STATUS_THEMES: Record<MemberStatus, TagTheme> = {
  none: 'default',
  pending: 'warning',
  verified: 'success',
  rejected: 'danger',
};

export const ROLE_LABELS: Record<Role, string> = {
  worker: '已登记',
  member: '党员',
  admin: '管理员',
  superadmin: '超级管理员',
};

export const ORG_TYPE_LABELS: Record<OrgType, string> = {
  district: '区级党委',
  industry: '行业党委',
  street: '街道党工委',
  branch: '党支部',
  station: '党群服务驿站',
};

/**
 * Which child types each org type may have — the same rule the server enforces
 * (cloudfunctions/user/org-tree.ts); here only to offer the right choices.
 */
export const CHILD_ORG_TYPES: Record<OrgType, OrgType[]> = {
  district: ['industry', 'street', 'branch', 'station'],
  industry: ['branch', 'station'],
  street: ['branch', 'station'],
  branch: [],
  station: [],
};

/** Case categories (the cases subpackage's forms and lists, and the organiser home's dashboard). */
export const DEMAND_CATEGORY_LABELS: Record<DemandCategory, string> = {
  rights: '权益保障',
  conditions: '工作条件',
  traffic: '交通与安全',
  living: '生活服务',
  skills: '技能与发展',
  other: '其他',
};

export const REPORT_CATEGORY_LABELS: Record<ReportCategory, string> = {
  road: '道路设施',
  sanitation: '环境卫生',
  hazard: '安全隐患',
  livelihood: '民生服务',
  other: '其他',
};

export const CASE_CATEGORY_LABELS: Record<CaseCategory, string> = {
  ...DEMAND_CATEGORY_LABELS,
  ...REPORT_CATEGORY_LABELS,
};
