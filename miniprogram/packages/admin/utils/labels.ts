// Labels the organiser home's dashboard shows: the headline numbers and the sign-up
// domains. Case categories are in the main package's config/labels.ts (the cases
// subpackage shows them too); a subpackage never imports another's labels.
import type { HeadlineKey } from '../../../../typings/dashboard';
import type { SignUpDomain } from '../../../../typings/signup';

export const HEADLINE_LABELS: Record<HeadlineKey, string> = {
  checkins: '打卡人次',
  learnersPerDay: '日均学习人数',
  completions: '完成课程',
  signups: '报名人次',
  attended: '出席人次',
  casesOpened: '新增诉求',
  casesClosed: '办结',
  casesOverdue: '逾期',
  satisfaction: '满意率',
  volunteerHours: '志愿时数',
  votes: '有效投票',
  revealed: '新亮身份党员',
};

/** Headlines where a rise is bad news (shown in the warning colour). */
export const RISE_IS_BAD: ReadonlySet<HeadlineKey> = new Set<HeadlineKey>(['casesOverdue']);

export const DOMAIN_LABELS: Record<SignUpDomain, string> = {
  roundtable: '圆桌会',
  training: '技能培训',
  station: '驿站活动',
  volunteer: '志愿活动',
};

export const PERIOD_LABELS = { week: '本周', month: '本月', custom: '自定义' } as const;

/** A lecture without a series. */
export const NO_SERIES = '未分系列';
