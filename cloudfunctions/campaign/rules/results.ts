// The weighted result with its tie-break, and the live ranking's shared ranks (pure).
import type { ResultEntry, ResultRule } from '../../../typings/campaign';
import type { CampaignDoc } from '../store/campaigns';
import type { CandidateDoc } from '../store/candidates';

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

/** Each category's ranking from the active candidates, by the campaign's result rule. */
export function computeResults(
  c: Pick<CampaignDoc, 'categories' | 'result'>,
  candidates: CandidateDoc[],
): { category: string; entries: ResultEntry[] }[] {
  return c.categories.map((k) => ({
    category: k.key,
    entries: rankCategory(
      candidates
        .filter((x) => x.category === k.key && x.status === 'active')
        .map((x) => ({
          candidateId: x._id,
          number: x.number,
          name: x.name,
          category: x.category,
          votes: x.votes,
          juryScore: x.juryScore,
        })),
      c.result,
      k.quota,
    ),
  }));
}
