// What votes add to the dashboard's daily counters (pure): the valid (not voided)
// votes of a ballot, on the ballot's Beijing day, keyed by the campaign and
// counted under the CAMPAIGN's org, with its title as the label.
import type { Contribution } from '../../_shared/stats/contributions';
import type { BallotDoc } from '../store/ballots';
import type { CampaignDoc } from '../store/campaigns';

export type CampaignCounted = Pick<CampaignDoc, '_id' | 'orgId' | 'title'>;

/** `n` valid votes of one campaign cast on `day` (a ballot's, or the one vote just cast). */
export function votesContributions(campaign: CampaignCounted, day: string, n: number): Contribution[] {
  if (!n) return [];
  return [{ metric: 'votes', key: campaign._id, orgId: campaign.orgId, day, n, label: campaign.title }];
}

/** A ballot's valid votes. */
export const ballotContributions = (b: Pick<BallotDoc, 'day' | 'log'>, campaign: CampaignCounted) =>
  votesContributions(campaign, b.day, b.log.filter((e) => !e.voided).length);
