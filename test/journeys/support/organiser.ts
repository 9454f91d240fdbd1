// What the organiser journey arranges: a courier of the express branch who
// nominated themself in a campaign's nomination phase and raised a demand (诉求),
// and what that courier later reads of both, as they would in the app.
import type { Campaign, Candidate, Nomination } from '../../../typings/campaign';
import type { MyCase, SubmitCaseRequest } from '../../../typings/cases';
import type { Page } from '../../../typings/common';
import { type Call, registerWorkerWith } from '../../support/arrange';
import { campaignWithCandidatesWith, nominationRequest } from '../../support/campaign-fixtures';

export const COURIER = { openid: 'journey-courier', realName: '刘小递', phone: '13900002222' };

export const DEMAND = {
  kind: 'demand',
  category: 'rights',
  title: '午间休息没有地方热饭',
  description: '我们站点附近没有能热饭的地方，中午只能吃凉的，希望驿站能添一台微波炉。',
} satisfies SubmitCaseRequest;

/** The courier, registered under `branchId`. */
export const registerCourier = (call: Call, branchId: string) =>
  registerWorkerWith(call, COURIER.openid, branchId, { realName: COURIER.realName, phone: COURIER.phone });

/** A campaign of `orgId` taking nominations, with no candidates yet. */
export async function campaignTakingNominations(call: Call, admin: string, orgId: string): Promise<Campaign> {
  const { campaign } = await campaignWithCandidatesWith(call, admin, orgId, { phase: 'nomination', perCategory: 0 });
  return campaign;
}

/** The courier nominates themself as a courier. */
export const nominateSelf = (call: Call, campaignId: string) =>
  call<Nomination>(
    COURIER.openid,
    'campaign',
    'nominate',
    nominationRequest(campaignId, { relation: 'self', nomineeName: COURIER.realName, phone: COURIER.phone }),
  );

export const raiseDemand = (call: Call) => call<MyCase>(COURIER.openid, 'cases', 'submitCase', DEMAND);

/** The courier's nominations in `campaignId`, as 我的推荐 lists them. */
export const myNominations = (call: Call, campaignId: string) =>
  call<Page<Nomination>>(COURIER.openid, 'campaign', 'myNominations', { campaignId });

/** The campaign's public candidates (what anyone sees). */
export const publicCandidates = (call: Call, campaignId: string) =>
  call<Page<Candidate>>(COURIER.openid, 'campaign', 'listCandidates', { campaignId });

/** The courier's demand, as 我的诉求 opens it. */
export const myCase = (call: Call, caseId: string) => call<MyCase>(COURIER.openid, 'cases', 'getCase', { caseId });
