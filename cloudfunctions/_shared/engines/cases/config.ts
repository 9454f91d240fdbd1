// The case engine's rules and configuration. Defaults are the field practice the
// issue cites (12345 hotlines, 随手拍 schemes); each configurable value comes from
// the function's environment:
//
// CASES_DEADLINES — working days per kind or category, JSON, e.g.
//   '{"report:hazard":{"answerDays":0},"demand":{"answerDays":5,"respondDays":1}}'
//   ("<kind>" sets a kind's default, "<kind>:<category>" one category; answerDays 0
//   = the same working day, i.e. urgent). Default: first response within 1 working
//   day, answer within 5.
// CASES_REPORT_POINTS — 蜂力值 for a verified 随手拍 report, JSON,
//   '{"first":10,"duplicate":1,"dailyCap":30,"monthlyCap":300}' (the defaults).
// CASES_TEMPLATE_ANSWERED, CASES_TEMPLATE_DUE_SOON, CASES_TEMPLATE_OVERDUE,
// CASES_TEMPLATE_ESCALATED (+ _KEYS) — subscribe-message templates (see
//   _shared/subscribe/templates.ts): the raiser's "answered" notice; the owner
//   org's admins' reminder the working day before the due date and overdue notice
//   the working day after it; the parent org's admins' escalation. Default layout
//   "title:thing1,time:time2,status:phrase3,tip:thing4".
import type { CaseCategory, CaseCategoryInfo, CaseKind } from '../../../../typings/cases';
import { type SubscribeTemplate, templateFromEnv } from '../../subscribe/templates';

type Env = Record<string, string | undefined>;

export const CATEGORIES: readonly Omit<CaseCategoryInfo, 'respondDays' | 'answerDays'>[] = [
  { kind: 'demand', key: 'rights', label: '权益保障' },
  { kind: 'demand', key: 'conditions', label: '工作条件' },
  { kind: 'demand', key: 'traffic', label: '交通与安全' },
  { kind: 'demand', key: 'living', label: '生活服务' },
  { kind: 'demand', key: 'skills', label: '技能与发展' },
  { kind: 'demand', key: 'other', label: '其他' },
  { kind: 'report', key: 'road', label: '道路设施' },
  { kind: 'report', key: 'sanitation', label: '环境卫生' },
  { kind: 'report', key: 'hazard', label: '安全隐患' },
  { kind: 'report', key: 'livelihood', label: '民生服务' },
  { kind: 'report', key: 'other', label: '其他' },
];

export const DEMAND_CATEGORIES = ['rights', 'conditions', 'traffic', 'living', 'skills', 'other'] as const;
export const REPORT_CATEGORIES = ['road', 'sanitation', 'hazard', 'livelihood', 'other'] as const;
export const ALL_CATEGORIES = [...new Set<CaseCategory>([...DEMAND_CATEGORIES, ...REPORT_CATEGORIES])];

export const KIND_NAMES: Record<CaseKind, string> = { demand: '诉求', report: '随手拍' };

export function categoryLabel(kind: CaseKind, key: CaseCategory): string {
  return CATEGORIES.find((c) => c.kind === kind && c.key === key)?.label ?? '其他';
}

export function categoryFits(kind: CaseKind, key: CaseCategory): boolean {
  return CATEGORIES.some((c) => c.kind === kind && c.key === key);
}

// ---- windows (field practice; fixed) -------------------------------------------------

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** A report takes 1 to 9 photos. */
export const MAX_PHOTOS = 9;
/** Red flag: no first response within 24 h of submission. */
export const RED_AFTER_MS = 24 * HOUR_MS;
/** Yellow flag: no organiser update for 3 days. */
export const YELLOW_AFTER_MS = 3 * DAY_MS;
/** Wrong routing is returned within 2 working days of the assignment. */
export const RETURN_WITHIN_WORKING_DAYS = 2;
/** One extension of at most 10 working days. */
export const MAX_EXTENSION_DAYS = 10;
/** The raiser may reopen within 7 days of the answer; unconfirmed answers close after 7 days. */
export const REOPEN_WITHIN_MS = 7 * DAY_MS;
export const AUTO_CLOSE_AFTER_MS = 7 * DAY_MS;
/** Escalation to the parent org 5 working days after the due date. */
export const ESCALATE_AFTER_WORKING_DAYS = 5;
/** Reminders, overdue notices and escalations go out from 09:00 Beijing on their working day. */
export const NOTICE_HOUR = 9;
/** Submissions per user per hour. */
export const SUBMITS_PER_HOUR = 10;

// ---- deadlines ----------------------------------------------------------------------------

export interface Deadlines {
  respondDays: number;
  /** 0: the same working day (urgent). */
  answerDays: number;
}

const DEFAULT_DEADLINES: Deadlines = { respondDays: 1, answerDays: 5 };

function parseDeadlines(text: string | undefined): Record<string, Partial<Deadlines>> {
  if (!text?.trim()) return {};
  const raw = JSON.parse(text) as Record<string, Partial<Deadlines>>;
  for (const [key, d] of Object.entries(raw)) {
    for (const [field, v] of Object.entries(d ?? {})) {
      if (
        !['respondDays', 'answerDays'].includes(field) ||
        !Number.isInteger(v) ||
        (v as number) < 0 ||
        (v as number) > 30
      )
        throw new Error(`CASES_DEADLINES.${key}.${field} must be respondDays/answerDays, a whole number 0–30`);
    }
  }
  return raw;
}

export function deadlinesFor(kind: CaseKind, category: CaseCategory, env: Env = process.env): Deadlines {
  const set = parseDeadlines(env.CASES_DEADLINES);
  return { ...DEFAULT_DEADLINES, ...set[kind], ...set[`${kind}:${category}`] };
}

export function categoryInfos(env: Env = process.env): CaseCategoryInfo[] {
  return CATEGORIES.map((c) => ({ ...c, ...deadlinesFor(c.kind, c.key, env) }));
}

// ---- 随手拍 points --------------------------------------------------------------------------

export interface ReportPoints {
  first: number;
  duplicate: number;
  dailyCap: number;
  monthlyCap: number;
}

const DEFAULT_POINTS: ReportPoints = { first: 10, duplicate: 1, dailyCap: 30, monthlyCap: 300 };

export function reportPoints(env: Env = process.env): ReportPoints {
  const text = env.CASES_REPORT_POINTS;
  if (!text?.trim()) return DEFAULT_POINTS;
  const set = { ...DEFAULT_POINTS, ...(JSON.parse(text) as Partial<ReportPoints>) };
  for (const [k, v] of Object.entries(set))
    if (!Number.isInteger(v) || v < 0 || v > 10_000)
      throw new Error(`CASES_REPORT_POINTS.${k} must be a whole number 0–10000`);
  return set;
}

// ---- subscribe templates --------------------------------------------------------------------

export type CaseNoticeKind = 'answered' | 'dueSoon' | 'overdue' | 'escalated';
export type CaseNoticeField = 'title' | 'time' | 'status' | 'tip';

export const RAISER_NOTICES: readonly CaseNoticeKind[] = ['answered'];
export const ORGANISER_NOTICES: readonly CaseNoticeKind[] = ['dueSoon', 'overdue', 'escalated'];

const ENV_NAMES: Record<CaseNoticeKind, string> = {
  answered: 'CASES_TEMPLATE_ANSWERED',
  dueSoon: 'CASES_TEMPLATE_DUE_SOON',
  overdue: 'CASES_TEMPLATE_OVERDUE',
  escalated: 'CASES_TEMPLATE_ESCALATED',
};

const DEV_IDS: Record<CaseNoticeKind, string> = {
  answered: 'dev-tpl-case-answered',
  dueSoon: 'dev-tpl-case-due-soon',
  overdue: 'dev-tpl-case-overdue',
  escalated: 'dev-tpl-case-escalated',
};

const FIELDS: readonly CaseNoticeField[] = ['title', 'time', 'status', 'tip'];

export function caseTemplate(kind: CaseNoticeKind, env: Env = process.env): SubscribeTemplate<CaseNoticeField> | null {
  return templateFromEnv(
    {
      env: ENV_NAMES[kind],
      devId: DEV_IDS[kind],
      keys: { title: 'thing1', time: 'time2', status: 'phrase3', tip: 'thing4' },
      fields: FIELDS,
    },
    env,
  );
}

/** The configured template ids of these notices (what a tap requests; at most 3). */
export function templateIds(kinds: readonly CaseNoticeKind[], env: Env = process.env): string[] {
  return [...new Set(kinds.map((k) => caseTemplate(k, env)?.id).filter((id): id is string => !!id))].slice(0, 3);
}

/** The pages notices open (the raiser's case, the organiser's case). */
export const PAGES = {
  raiser: (id: string) => `packages/cases/pages/detail/index?id=${id}`,
  organiser: (id: string) => `packages/cases/pages/admin-case/index?id=${id}`,
};
