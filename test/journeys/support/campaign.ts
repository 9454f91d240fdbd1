// What the voting journey arranges: a campaign in voting with one category of
// candidates, 3 votes a day and at most 1 per candidate; and what its organiser
// reads of the counts.
import type { Campaign, CandidateAdminView } from '../../../typings/campaign';
import type { Call } from '../../support/arrange';
import { campaignWithCandidatesWith } from '../../support/campaign-fixtures';

export const VOTES_PER_DAY = 3;

export async function votingCampaign(call: Call, admin: string, orgId: string, candidates: number) {
  return campaignWithCandidatesWith(call, admin, orgId, {
    phase: 'voting',
    perCategory: candidates,
    overrides: {
      categories: [{ key: 'courier', name: '最美快递小哥', quota: 5 }],
      voting: {
        votesPerDay: VOTES_PER_DAY,
        maxPerCandidatePerDay: 1,
        requireRegistered: false,
        showRankingDuringVoting: true,
      },
    },
  });
}

/** The votes of each candidate as the organiser's candidate list shows them, by candidate id. */
export async function countsSeenBy(call: Call, organiser: string, campaign: Campaign): Promise<Map<string, number>> {
  const page = await call<{ items: CandidateAdminView[] }>(organiser, 'campaign', 'adminListCandidates', {
    campaignId: campaign.id,
    pageSize: 50,
  });
  return new Map(page.items.map((c) => [c.id, c.votes]));
}
