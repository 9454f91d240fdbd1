// Case labels for the cases subpackage's worker and organiser pages: kinds,
// categories, states (with the raiser's stage view), flags and ratings. Records
// over the contract's unions: a new member breaks the build until it has a label.
import type {
  CaseCategory,
  CaseFlag,
  CaseKind,
  CaseRating,
  CaseState,
  DemandCategory,
  PhotoCheck,
  ReportCategory,
} from '../../../../typings/cases';
import { DEMAND_CATEGORY_LABELS, REPORT_CATEGORY_LABELS, type TagTheme } from '../../../config/labels';

// The category labels live in the main package: the organiser home's dashboard shows them too.
export { DEMAND_CATEGORY_LABELS, REPORT_CATEGORY_LABELS };

export const KIND_LABELS: Record<CaseKind, string> = {
  demand: '诉求',
  report: '随手拍',
};

export const CASE_KINDS = Object.keys(KIND_LABELS) as CaseKind[];

/** What each demand category covers, for the form (the wording). */
export const DEMAND_CATEGORY_HINTS: Record<DemandCategory, string> = {
  rights: '劳动报酬、职业伤害保障、平台规则与处罚',
  conditions: '休息、充电、如厕、停车、进小区',
  traffic: '道路通行、交通安全、人身安全',
  living: '住房、子女、看病',
  skills: '技能培训、职业发展',
  other: '以上都不是',
};

export const DEMAND_CATEGORIES = Object.keys(DEMAND_CATEGORY_LABELS) as DemandCategory[];
export const REPORT_CATEGORIES = Object.keys(REPORT_CATEGORY_LABELS) as ReportCategory[];

/** The categories of a kind, as choice-chips options. */
export function categoryOptions(kind: CaseKind): { value: CaseCategory; label: string }[] {
  return kind === 'demand'
    ? DEMAND_CATEGORIES.map((value) => ({ value, label: DEMAND_CATEGORY_LABELS[value] }))
    : REPORT_CATEGORIES.map((value) => ({ value, label: REPORT_CATEGORY_LABELS[value] }));
}

export const STATE_LABELS: Record<CaseState, string> = {
  submitted: '待受理',
  accepted: '已受理',
  in_progress: '办理中',
  extended: '已延期',
  answered: '已答复',
  closed: '已办结',
  returned: '重新分派中',
  rejected: '不予受理',
  reopened: '重新办理中',
};

export const STATE_THEMES: Record<CaseState, TagTheme> = {
  submitted: 'warning',
  accepted: 'primary',
  in_progress: 'primary',
  extended: 'warning',
  answered: 'success',
  closed: 'default',
  returned: 'warning',
  rejected: 'default',
  reopened: 'danger',
};

/** The states an organiser filters the queue by, in the order a case moves. */
export const CASE_STATES = Object.keys(STATE_LABELS) as CaseState[];

/** What the stage means for the raiser, in one line. */
export const STATE_HINTS: Record<CaseState, string> = {
  submitted: '等待组织受理',
  accepted: '组织已受理，正在安排办理',
  in_progress: '正在办理，新的进展会显示在下方',
  extended: '办理需要更多时间，已延期答复',
  answered: '组织已答复，请确认问题是否解决',
  closed: '已办结',
  returned: '分派有误，正在由上级组织重新分派',
  rejected: '不予受理',
  reopened: '你要求重新办理，组织会再次答复',
};

/** The raiser's progress view: five stages. */
export const STAGES = ['提交', '受理', '办理', '答复', '办结'] as const;

/** The last stage a case in this state has reached (rejected stops after 提交). */
export const STAGE_OF: Record<CaseState, number> = {
  submitted: 0,
  returned: 0,
  rejected: 0,
  accepted: 1,
  in_progress: 2,
  extended: 2,
  reopened: 2,
  answered: 3,
  closed: 4,
};

/** Flags as an organiser's queue shows them. */
export const FLAG_LABELS: Record<CaseFlag, string> = {
  red: '红·超24小时未响应',
  yellow: '黄·3天未更新',
  overdue: '逾期',
};

export const FLAG_THEMES: Record<CaseFlag, TagTheme> = {
  red: 'danger',
  yellow: 'warning',
  overdue: 'danger',
};

export const CASE_FLAGS = Object.keys(FLAG_LABELS) as CaseFlag[];

/** Short names for the queue's filter chips. */
export const FLAG_FILTER_LABELS: Record<CaseFlag, string> = {
  red: '红色预警',
  yellow: '黄色预警',
  overdue: '已逾期',
};

/** Flags in words, for the raiser. */
export const FLAG_WORDS: Record<CaseFlag, string> = {
  red: '超过 24 小时还未受理',
  yellow: '超过 3 天没有新进展',
  overdue: '已超过答复期限',
};

export const RATING_LABELS: Record<CaseRating, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  unsatisfied: '不满意',
};

export const RATINGS = Object.keys(RATING_LABELS) as CaseRating[];

export const PHOTO_CHECK_LABELS: Record<PhotoCheck, string> = {
  pending: '审核中',
  pass: '已通过',
  rejected: '未通过',
};

export const PHOTO_CHECK_THEMES: Record<PhotoCheck, TagTheme> = {
  pending: 'warning',
  pass: 'success',
  rejected: 'danger',
};

/** "诉求 · 工作条件" */
export const kindLine = (c: { kind: CaseKind; categoryLabel: string }) => `${KIND_LABELS[c.kind]} · ${c.categoryLabel}`;
