// Counts must equal the ballots. Every candidate of campaigns with votes in play is
// recounted; a drift seen twice in a row (not a vote in flight) is repaired with an
// exact increment and logged.
import type { RecountReport } from '../../../typings/scheduler';
import { forEachBallot } from '../../campaign/store/ballots';
import { campaignsVotingSince } from '../../campaign/store/campaigns';
import { adjustVotes, candidatesOf } from '../../campaign/store/candidates';
import { logRepairs } from '../../campaign/store/recounts';
import { addValidVotes, driftsOf } from '../../campaign/rules/counting';

/** Campaigns whose voting ended within this window are still recounted. */
const GRACE_MS = 2 * 86_400_000;

async function drifts(campaignId: string): Promise<Map<string, number>> {
  const stored = await candidatesOf(campaignId);
  const expected = new Map<string, number>();
  await forEachBallot({ campaignId }, (b) => addValidVotes(expected, b));
  return driftsOf(stored, expected);
}

/** `settle` waits between the two passes (votes in flight finish their count update). */
export async function recountVotes(now: Date, settle: () => Promise<void>): Promise<RecountReport> {
  const campaigns = await campaignsVotingSince(new Date(now.getTime() - GRACE_MS), now);
  const result: RecountReport = { campaigns: 0, repaired: [], unsettled: 0 };
  for (const c of campaigns) {
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
      await adjustVotes(candidateId, drift);
      result.repaired.push({ campaignId: c._id, candidateId, drift });
    }
  }
  if (result.repaired.length) {
    await logRepairs(now, result.repaired);
    console.warn(JSON.stringify({ message: 'vote count drift repaired', repaired: result.repaired }));
  }
  return result;
}
