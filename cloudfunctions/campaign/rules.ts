// Pure campaign rules: phases, the weighted result with its tie-break, numbering.
import type { CampaignPhase, CampaignPhases, ResultEntry, ResultRule } from '../../typings/campaign';

export interface PhaseInfo {
  phase: CampaignPhase;
  endsAt: Date | null;
}

export function phaseOf(p: CampaignPhases, announced: boolean, now: Date): PhaseInfo {
  const t = now.getTime();
  const at = (iso: string) => Date.parse(iso);
  if (t < at(p.nominationStart)) return { phase: 'upcoming', endsAt: new Date(p.nominationStart) };
  if (t < at(p.nominationEnd)) return { phase: 'nomination', endsAt: new Date(p.nominationEnd) };
  if (t < at(p.votingStart)) return { phase: 'review', endsAt: new Date(p.votingStart) };
  if (t < at(p.votingEnd)) return { phase: 'voting', endsAt: new Date(p.votingEnd) };
  if (!announced) return { phase: 'counting', endsAt: null };
  if (t < at(p.announcementEnd)) return { phase: 'announcement', endsAt: new Date(p.announcementEnd) };
  return { phase: 'finished', endsAt: null };
}

/** Phase times must run forward. Returns a Chinese problem, or null. */
export function phaseProblem(p: CampaignPhases): string | null {
  const order: [keyof CampaignPhases, string][] = [
    ['nominationStart', '推荐开始'],
    ['nominationEnd', '推荐截止'],
    ['votingStart', '投票开始'],
    ['votingEnd', '投票截止'],
    ['announcementEnd', '公示结束'],
  ];
  for (let i = 1; i < order.length; i++) {
    if (Date.parse(p[order[i]![0]]) <= Date.parse(p[order[i - 1]![0]]))
      return `${order[i]![1]}时间必须晚于${order[i - 1]![1]}时间`;
  }
  return null;
}

export interface Scored {
  candidateId: string;
  number: string;
  name: string;
  category: string;
  votes: number;
  juryScore: number | null;
}

/**
 * Final score = voteWeight% × (votes ÷ the category's top votes × 100)
 *             + juryWeight% × jury score (0–100; missing counts as 0).
 * Ties: higher jury score, then more votes, then the lower public number.
 */
export function rankCategory(list: Scored[], rule: ResultRule, quota: number): ResultEntry[] {
  const top = Math.max(0, ...list.map((c) => c.votes));
  const scored = list.map((c) => {
    const votePart = top > 0 ? (c.votes / top) * 100 : 0;
    const finalScore =
      Math.round(((rule.voteWeight * votePart + rule.juryWeight * (c.juryScore ?? 0)) / 100) * 100) / 100;
    return { ...c, finalScore };
  });
  scored.sort(
    (a, b) =>
      b.finalScore - a.finalScore ||
      (b.juryScore ?? 0) - (a.juryScore ?? 0) ||
      b.votes - a.votes ||
      a.number.localeCompare(b.number),
  );
  return scored.map((c, i) => ({ ...c, rank: i + 1, winner: i < quota }));
}

/**
 * Standard competition ranks ("1224") for a list already sorted best first:
 * equal scores share a rank, and the next rank skips as many places as were shared.
 */
export function competitionRanks(scoresBestFirst: number[]): number[] {
  return scoresBestFirst.map((score, i) => {
    let first = i;
    while (first > 0 && scoresBestFirst[first - 1] === score) first--;
    return first + 1;
  });
}

/** Category letter + three digits: A001, B012… */
export function candidateNumber(categoryIndex: number, seq: number): string {
  return `${String.fromCharCode(65 + categoryIndex)}${String(seq).padStart(3, '0')}`;
}

export const DEFAULT_CATEGORIES = [
  { key: 'courier', name: '最美快递小哥', quota: 5 },
  { key: 'delivery', name: '最美外卖小哥', quota: 5 },
  { key: 'ride', name: '最美网约车司机', quota: 5 },
  { key: 'streamer', name: '最美网络主播', quota: 5 },
];
