// Counts must equal the ballots. A timer recounts every candidate of campaigns
// with votes in play; a drift seen twice in a row (not a vote in flight) is
// repaired with an exact increment and logged.
import { COLLECTIONS } from '../_shared/collections';
import { db } from '../_shared/sdk';
import { forEachBallot } from './ballots';
import type { CampaignDoc, CandidateDoc } from './docs';

async function expectedCounts(campaignId: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  await forEachBallot({ campaignId }, (b) => {
    for (const e of b.log) if (!e.voided) counts.set(e.candidateId, (counts.get(e.candidateId) ?? 0) + 1);
  });
  return counts;
}

async function drifts(campaignId: string): Promise<Map<string, number>> {
  const { data } = await db().collection(COLLECTIONS.candidates).where({ campaignId }).limit(1000).get();
  const expected = await expectedCounts(campaignId);
  const out = new Map<string, number>();
  for (const c of data as CandidateDoc[]) {
    const d = (expected.get(c._id) ?? 0) - c.votes;
    if (d !== 0) out.set(c._id, d);
  }
  return out;
}

export interface RecountResult {
  campaigns: number;
  repaired: { campaignId: string; candidateId: string; drift: number }[];
  unsettled: number;
}

/** `settle` waits between the two passes (votes in flight finish their count update). */
export async function recountVotes(now: Date, settle: () => Promise<void>): Promise<RecountResult> {
  // Campaigns still taking votes, or ended in the last two days.
  const since = new Date(now.getTime() - 2 * 86_400_000).toISOString();
  const { data } = await db()
    .collection(COLLECTIONS.campaigns)
    .where({ 'phases.votingEnd': db().command.gte(since), 'phases.votingStart': db().command.lte(now.toISOString()) })
    .limit(100)
    .get();
  const result: RecountResult = { campaigns: 0, repaired: [], unsettled: 0 };
  for (const c of data as CampaignDoc[]) {
    result.campaigns++;
    const first = await drifts(c._id);
    if (!first.size) continue;
    await settle();
    const second = await drifts(c._id);
    for (const [candidateId, drift] of second) {
      if (first.get(candidateId) !== drift) {
        result.unsettled++;
        continue;
      }
      await db()
        .collection(COLLECTIONS.candidates)
        .doc(candidateId)
        .update({ votes: db().command.inc(drift) });
      result.repaired.push({ campaignId: c._id, candidateId, drift });
    }
  }
  if (result.repaired.length) {
    await db().collection(COLLECTIONS.voteRecounts).add({ at: now, repaired: result.repaired });
    console.warn(JSON.stringify({ message: 'vote count drift repaired', repaired: result.repaired }));
  }
  return result;
}
