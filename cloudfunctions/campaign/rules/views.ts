// How stored campaign documents are shown (pure).
import type { Campaign, Candidate, Nomination } from '../../../typings/campaign';
import type { CampaignDoc } from '../store/campaigns';
import type { CandidateDoc } from '../store/candidates';
import type { NominationDoc } from '../store/nominations';
import { phaseOf } from './phases';

export function toCampaign(d: CampaignDoc, now: Date): Campaign {
  const { phase, endsAt } = phaseOf(d.phases, d.announced, now);
  return {
    id: d._id,
    title: d.title,
    coverFileId: d.coverFileId,
    rules: d.rules,
    categories: d.categories,
    phases: d.phases,
    voting: d.voting,
    result: d.result,
    nominationLimit: d.nominationLimit,
    phase,
    phaseEndsAt: endsAt ? endsAt.toISOString() : null,
    announced: d.announced,
    orgId: d.orgId,
  };
}

export function toCandidate(d: CandidateDoc, showVotes: boolean): Candidate {
  return {
    id: d._id,
    campaignId: d.campaignId,
    category: d.category,
    number: d.number,
    name: d.name,
    platform: d.platform,
    deeds: d.deeds,
    photos: d.photos,
    votes: showVotes ? d.votes : null,
  };
}

export function toNomination(d: NominationDoc): Nomination {
  return {
    id: d._id,
    campaignId: d.campaignId,
    category: d.category,
    relation: d.relation,
    nomineeName: d.nomineeName,
    platform: d.platform,
    deeds: d.deeds,
    photos: d.photos,
    status: d.status,
    rejectReason: d.rejectReason,
    candidateId: d.candidateId,
    createdAt: new Date(d.createdAt).toISOString(),
  };
}
