// Statistics of an org's cases over a period (by submission day, Beijing time):
// counts by category, state and owner org; hours to the first response and to the
// answer (median and p90, nearest rank); the overdue rate; satisfaction; the
// reopen rate. And the cases as the dashboard counters' recount reads them.
import type { CaseCategory, CaseKind, CaseState, CaseStats } from '../../../../typings/cases';
import { beijingDayStart } from '../../clock';
import type { StatsSource } from '../../stats/contributions';
import { casesDatedIn, casesSubmitted } from '../../stores/cases';
import { categoryLabel } from './config';
import { caseContributions } from './contributions';
import { percentile, SATISFIED, wasOverdue } from './rules';

const HOUR_MS = 3_600_000;
const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);
const ratio = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 1000 : null);

function hours(values: number[]) {
  const sorted = values.sort((a, b) => a - b);
  return { count: sorted.length, median: round1(percentile(sorted, 50)), p90: round1(percentile(sorted, 90)) };
}

/** The day after a day key. */
function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export async function caseStats(
  orgId: string,
  from: string,
  to: string,
  kind: CaseKind | undefined,
  now: Date,
): Promise<CaseStats> {
  const list = await casesSubmitted(orgId, beijingDayStart(from), beijingDayStart(nextDay(to)), kind);
  const byCategory = new Map<string, { category: CaseCategory; label: string; count: number }>();
  const byState = new Map<CaseState, number>();
  const byOrg = new Map<string, { orgId: string; orgName: string; count: number; overdue: number }>();
  const firstResponse: number[] = [];
  const answer: number[] = [];
  let due = 0;
  let overdue = 0;
  let answered = 0;
  let reopened = 0;
  const sat = { rated: 0, satisfied: 0, basicallySatisfied: 0, unsatisfied: 0 };
  for (const c of list) {
    const key = `${c.kind}:${c.category}`;
    const cat = byCategory.get(key) ?? { category: c.category, label: categoryLabel(c.kind, c.category), count: 0 };
    cat.count++;
    byCategory.set(key, cat);
    byState.set(c.state, (byState.get(c.state) ?? 0) + 1);
    const org = byOrg.get(c.orgId) ?? { orgId: c.orgId, orgName: c.orgName, count: 0, overdue: 0 };
    org.count++;
    const late = wasOverdue(c, now);
    if (late !== null) {
      due++;
      if (late) {
        overdue++;
        org.overdue++;
      }
    }
    byOrg.set(c.orgId, org);
    if (c.firstResponseAt) firstResponse.push((c.firstResponseAt.getTime() - c.submittedAt.getTime()) / HOUR_MS);
    const answeredAt = c.firstAnsweredAt ?? c.answeredAt;
    if (answeredAt) {
      answered++;
      answer.push((answeredAt.getTime() - c.submittedAt.getTime()) / HOUR_MS);
    }
    if (c.reopenCount > 0) reopened++;
    if (c.rating) {
      sat.rated++;
      if (c.rating === 'satisfied') sat.satisfied++;
      else if (c.rating === 'basically_satisfied') sat.basicallySatisfied++;
      else sat.unsatisfied++;
    }
  }
  return {
    orgId,
    from,
    to,
    total: list.length,
    byCategory: [...byCategory.values()].sort((a, b) => b.count - a.count),
    byState: [...byState].map(([state, count]) => ({ state, count })),
    byOrg: [...byOrg.values()].sort((a, b) => b.count - a.count),
    firstResponseHours: hours(firstResponse),
    answerHours: hours(answer),
    overdueRate: ratio(overdue, due),
    satisfaction: {
      ...sat,
      rate: ratio(list.filter((c) => c.rating && SATISFIED.includes(c.rating)).length, sat.rated),
    },
    reopenRate: ratio(reopened, answered),
  };
}

/** The case engine's records for the dashboard counters' recount: every case with a counted day in the window. */
export const caseStatsSource: StatsSource = {
  name: 'cases',
  metrics: ['cases_opened', 'cases_closed', 'cases_overdue', 'cases_rated', 'cases_satisfied'],
  async contributions(from, to) {
    const cases = await casesDatedIn(beijingDayStart(from), beijingDayStart(nextDay(to)));
    return cases.flatMap(caseContributions);
  },
};
