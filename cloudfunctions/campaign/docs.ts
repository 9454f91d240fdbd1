// Stored shapes of the campaign collections, and how they are shown.
import type {
  Campaign,
  CampaignCategory,
  CampaignPhases,
  Candidate,
  NominatorRelation,
  Nomination,
  NominationStatus,
  ResultEntry,
  ResultRule,
  VotingRules,
} from '../../typings/campaign';
import { phaseOf, rankCategory } from './rules';

export interface CampaignDoc {
  _id: string;
  title: string;
  coverFileId: string;
  rules: string;
  categories: CampaignCategory[];
  phases: CampaignPhases;
  voting: VotingRules;
  result: ResultRule;
  nominationLimit: number;
  orgId: string;
  /** Next public number per category key. */
  seq: Record<string, number>;
  announced: boolean;
  announcedAt: Date | null;
  results: { category: string; entries: ResultEntry[] }[] | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface NominationDoc {
  _id: string;
  campaignId: string;
  category: string;
  relation: NominatorRelation;
  nominatorUserId: string;
  nomineeName: string;
  platform: string;
  phone: string;
  deeds: string;
  photos: string[];
  status: NominationStatus;
  rejectReason: string;
  candidateId: string | null;
  createdAt: Date;
  reviewedAt: Date | null;
}

export interface CandidateDoc {
  _id: string;
  campaignId: string;
  category: string;
  number: string;
  name: string;
  platform: string;
  deeds: string;
  photos: string[];
  votes: number;
  juryScore: number | null;
  nominationId: string | null;
  status: 'active' | 'withdrawn';
  createdAt: Date;
  updatedAt: Date;
}

/** One voter's votes in one campaign on one Beijing day. _id = campaignId:voterKey:day. */
export interface BallotDoc {
  _id: string;
  campaignId: string;
  voterKey: string;
  userId: string;
  day: string;
  /** Votes cast today (voided ones included: voiding never gives votes back). */
  total: number;
  /** Votes per candidate today. */
  per: Record<string, number>;
  log: BallotEntry[];
  /** Bumped by voids; guards concurrent edits of `log`. */
  rev: number;
  firstAt: Date;
  lastAt: Date;
}

export interface BallotEntry {
  candidateId: string;
  at: Date;
  ip: string;
  voided?: boolean;
  voidReason?: string;
}

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

/** Whether vote counts may be shown to the public now. */
export function countsVisible(d: CampaignDoc, now: Date): boolean {
  const { phase } = phaseOf(d.phases, d.announced, now);
  return phase !== 'voting' || d.voting.showRankingDuringVoting;
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

/** Each category's ranking from the active candidates, by the campaign's result rule. */
export function computeResults(
  c: CampaignDoc,
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
