// Votes for the dashboard counters: the recount's source (every ballot of the
// window's days, under its campaign's org and title) and a campaign's whole count
// (moved when the campaign changes org or title).
import type { Contribution, StatsSource } from '../../_shared/stats/contributions';
import { recordStats } from '../../_shared/stores/daily-stats';
import { ballotContributions, type CampaignCounted } from '../rules/stats';
import { type BallotDoc, forEachBallot } from './ballots';
import { campaignsByIds } from './campaigns';

export const voteStatsSource: StatsSource = {
  name: 'votes',
  metrics: ['votes'],
  async contributions(from, to) {
    const ballots: BallotDoc[] = [];
    await forEachBallot({ days: { from, to } }, (b) => void ballots.push(b));
    const campaigns = await campaignsByIds(ballots.map((b) => b.campaignId));
    return ballots.flatMap((b) => {
      const campaign = campaigns.get(b.campaignId);
      return campaign ? ballotContributions(b, campaign) : [];
    });
  },
};

/**
 * A campaign that changed org or title: its counters move to the new org (the
 * labels to the new title) by the difference over all of its ballots.
 */
export async function moveCampaignVotes(was: CampaignCounted, is: CampaignCounted, now: Date): Promise<void> {
  const before: Contribution[] = [];
  const after: Contribution[] = [];
  await forEachBallot({ campaignId: was._id }, (b) => {
    before.push(...ballotContributions(b, was));
    after.push(...ballotContributions(b, is));
  });
  await recordStats(before, after, now);
}
