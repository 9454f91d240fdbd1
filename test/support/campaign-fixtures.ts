// A campaign in a chosen phase, with approved candidates, made through the real functions.
import type { Campaign, Candidate, SaveCampaignRequest } from '../../typings/campaign';
import type { OrgFixture } from './fixtures';
import type { FunctionsHarness } from './functions';

export const HOUR = 3_600_000;

/** Phase times around `now`: 'nomination' | 'voting' | 'ended' (voting over, not announced). */
export function phasesAround(now: number, phase: 'nomination' | 'voting' | 'ended'): SaveCampaignRequest['phases'] {
  const shift = { nomination: 0, voting: -3 * 24 * HOUR, ended: -6 * 24 * HOUR }[phase];
  const t = (h: number) => new Date(now + shift + h * HOUR).toISOString();
  return {
    nominationStart: t(-1),
    nominationEnd: t(24),
    votingStart: t(48),
    votingEnd: t(96),
    announcementEnd: t(240),
  };
}

export function campaignInput(
  orgId: string,
  now: number,
  phase: 'nomination' | 'voting' | 'ended',
  overrides: Partial<SaveCampaignRequest> = {},
): SaveCampaignRequest {
  return {
    title: '最美新就业群体评选（测试）',
    rules: '每人每天可投 3 票，同一候选人每天最多 1 票。',
    phases: phasesAround(now, phase),
    voting: { votesPerDay: 3, maxPerCandidatePerDay: 1, requireRegistered: false, showRankingDuringVoting: true },
    result: { voteWeight: 60, juryWeight: 40 },
    orgId,
    ...overrides,
  };
}

export async function campaignWithCandidates(
  h: Pick<FunctionsHarness, 'as'>,
  admin: string,
  orgs: OrgFixture,
  opts: {
    phase: 'nomination' | 'voting' | 'ended';
    perCategory?: number;
    now?: number;
    overrides?: Partial<SaveCampaignRequest>;
  },
): Promise<{ campaign: Campaign; candidates: Candidate[] }> {
  const now = opts.now ?? Date.now();
  const a = h.as(admin);
  const campaign = await a.ok<Campaign>(
    'campaign',
    'saveCampaign',
    campaignInput(orgs.district.id, now, opts.phase, opts.overrides),
  );
  const candidates: Candidate[] = [];
  for (const cat of campaign.categories) {
    for (let i = 0; i < (opts.perCategory ?? 2); i++) {
      candidates.push(
        await a.ok<Candidate>('campaign', 'addCandidate', {
          campaignId: campaign.id,
          category: cat.key,
          name: `候选人${cat.key}${i + 1}`,
          platform: '示例平台',
          deeds: '风雨无阻送件上门，热心帮助社区老人，多次参与志愿服务。',
          photos: [],
        }),
      );
    }
  }
  return { campaign, candidates };
}
