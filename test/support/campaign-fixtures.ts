// A campaign in a chosen phase, with approved candidates, made through the real
// functions by whatever carries the calls (a function-test harness, a journey's world).
import type { Campaign, Candidate, NominationRequest, SaveCampaignRequest } from '../../typings/campaign';
import type { Call } from './arrange';
import { type Caller, callOf, type OrgFixture } from './fixtures';

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

export interface CampaignSetup {
  phase: 'nomination' | 'voting' | 'ended';
  perCategory?: number;
  now?: number;
  overrides?: Partial<SaveCampaignRequest>;
}

/** A campaign of `orgId` saved by `admin`, with `perCategory` (default 2) candidates in each category. */
export async function campaignWithCandidatesWith(
  call: Call,
  admin: string,
  orgId: string,
  opts: CampaignSetup,
): Promise<{ campaign: Campaign; candidates: Candidate[] }> {
  const now = opts.now ?? Date.now();
  const campaign = await call<Campaign>(
    admin,
    'campaign',
    'saveCampaign',
    campaignInput(orgId, now, opts.phase, opts.overrides),
  );
  const candidates: Candidate[] = [];
  for (const cat of campaign.categories) {
    for (let i = 0; i < (opts.perCategory ?? 2); i++) {
      candidates.push(
        await call<Candidate>(admin, 'campaign', 'addCandidate', {
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

/** The same, through a function-test harness, for the district of `orgs`. */
export const campaignWithCandidates = (
  h: Caller,
  admin: string,
  orgs: OrgFixture,
  opts: CampaignSetup,
): Promise<{ campaign: Campaign; candidates: Candidate[] }> =>
  campaignWithCandidatesWith(callOf(h), admin, orgs.district.id, opts);

/** A valid nomination (someone else, a courier) for `campaignId`. */
export function nominationRequest(campaignId: string, overrides: Partial<NominationRequest> = {}): NominationRequest {
  return {
    campaignId,
    category: 'courier',
    relation: 'other',
    nomineeName: '王师傅',
    platform: '示例快递',
    phone: '13800001234',
    deeds: '十年如一日风雨无阻，主动为独居老人送件上楼，疫情期间坚守一线。',
    photos: [],
    ...overrides,
  };
}
