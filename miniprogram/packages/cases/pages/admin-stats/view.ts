// What 办理统计 shows of CaseStats: durations in hours or days, rates in percent,
// the categories as bars.
import type { CaseStats } from '../../../../../typings/cases';
import { formatDate } from '../../../../utils/format';
import { STATE_LABELS } from '../../utils/labels';

const DAY_MS = 86_400_000;

/** A Beijing day key `n` days before today ("2026-11-02"). */
export const daysAgo = (n: number, now = Date.now()) => formatDate(new Date(now - n * DAY_MS).toISOString());

const oneDecimal = (x: number) => String(Math.round(x * 10) / 10);

/** 3.25 → "3.3 小时", 60 → "2.5 天", null → "—". */
export function duration(hours: number | null): string {
  if (hours === null) return '—';
  return hours < 48 ? `${oneDecimal(hours)} 小时` : `${oneDecimal(hours / 24)} 天`;
}

/** 0.125 → "12.5%", null → "—". */
export const percent = (rate: number | null) => (rate === null ? '—' : `${oneDecimal(rate * 100)}%`);

export interface StatsView {
  total: number;
  figures: { key: string; label: string; value: string; note: string }[];
  categories: { key: string; label: string; count: number; width: number }[];
  states: { key: string; label: string; count: number }[];
  orgs: { id: string; name: string; count: number; overdue: number }[];
}

export function toStatsView(s: CaseStats): StatsView {
  const top = Math.max(1, ...s.byCategory.map((c) => c.count));
  const sat = s.satisfaction;
  return {
    total: s.total,
    figures: [
      {
        key: 'first-response',
        label: '首次响应',
        value: duration(s.firstResponseHours.median),
        note: `中位数 · P90 ${duration(s.firstResponseHours.p90)} · ${s.firstResponseHours.count} 件`,
      },
      {
        key: 'answer',
        label: '答复用时',
        value: duration(s.answerHours.median),
        note: `中位数 · P90 ${duration(s.answerHours.p90)} · ${s.answerHours.count} 件`,
      },
      { key: 'overdue', label: '逾期率', value: percent(s.overdueRate), note: '逾期未答复或超期答复' },
      {
        key: 'satisfaction',
        label: '满意率',
        value: percent(sat.rate),
        note: `${sat.rated} 件评价：满意 ${sat.satisfied} · 基本满意 ${sat.basicallySatisfied} · 不满意 ${sat.unsatisfied}`,
      },
      { key: 'reopen', label: '重新办理率', value: percent(s.reopenRate), note: '重新办理 ÷ 已答复' },
    ],
    categories: s.byCategory.map((c) => ({
      key: c.category,
      label: c.label,
      count: c.count,
      width: Math.round((c.count / top) * 100),
    })),
    states: s.byState
      .filter((x) => x.count > 0)
      .map((x) => ({ key: x.state, label: STATE_LABELS[x.state], count: x.count })),
    orgs: s.byOrg.map((o) => ({ id: o.orgId, name: o.orgName, count: o.count, overdue: o.overdue })),
  };
}
