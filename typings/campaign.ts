import type { ActionSpec, IsoDate, Page, PageRequest } from './common';

/** Where a campaign is in its life, derived from its phase times and status. */
export type CampaignPhase = 'upcoming' | 'nomination' | 'review' | 'voting' | 'counting' | 'announcement' | 'finished';

export interface CampaignCategory {
  key: string;
  name: string;
  /** Winners in this category. */
  quota: number;
}

export interface CampaignPhases {
  nominationStart: IsoDate;
  nominationEnd: IsoDate;
  votingStart: IsoDate;
  votingEnd: IsoDate;
  /** End of the public notice period (公示) after results are announced. */
  announcementEnd: IsoDate;
}

export interface VotingRules {
  /** Votes one voter may cast per Beijing day, across the whole campaign. */
  votesPerDay: number;
  /** Votes one voter may give one candidate per Beijing day. */
  maxPerCandidatePerDay: number;
  /** Only registered new-employment workers may vote. */
  requireRegistered: boolean;
  /** Whether vote counts and the ranking are public while voting is open. */
  showRankingDuringVoting: boolean;
}

export interface ResultRule {
  /** Weights in percent; they add up to 100. */
  voteWeight: number;
  juryWeight: number;
}

export interface Campaign {
  id: string;
  title: string;
  coverFileId: string;
  rules: string;
  categories: CampaignCategory[];
  phases: CampaignPhases;
  voting: VotingRules;
  result: ResultRule;
  /** Nominations one person may submit in this campaign. */
  nominationLimit: number;
  phase: CampaignPhase;
  /** When the current phase ends (for the countdown), or null. */
  phaseEndsAt: IsoDate | null;
  announced: boolean;
  orgId: string;
}

export interface CampaignForVoter extends Campaign {
  /** Votes the caller has left today (null when voting is not open). */
  votesLeftToday: number | null;
  canVote: boolean;
  /** Why the caller cannot vote now, in Chinese; '' when they can. */
  cannotVoteReason: string;
}

export interface Candidate {
  id: string;
  campaignId: string;
  category: string;
  /** Public number (编号), e.g. "A007". */
  number: string;
  name: string;
  platform: string;
  deeds: string;
  photos: string[];
  /** Null while the ranking is hidden. */
  votes: number | null;
}

/** What organisers see of a candidate: counts even while hidden, and the jury score entered. */
export interface CandidateAdminView extends Omit<Candidate, 'votes'> {
  votes: number;
  juryScore: number | null;
}

export interface CandidateDetail extends Candidate {
  /** Votes the caller gave this candidate today. */
  myVotesToday: number;
  votesLeftToday: number | null;
}

export type NominationStatus = 'pending' | 'approved' | 'rejected';
export type NominatorRelation = 'self' | 'other' | 'employer';

export interface NominationRequest {
  campaignId: string;
  category: string;
  relation: NominatorRelation;
  nomineeName: string;
  platform: string;
  /** Kept private: never shown publicly. */
  phone: string;
  deeds: string;
  photos: string[];
}

export interface Nomination {
  id: string;
  campaignId: string;
  category: string;
  relation: NominatorRelation;
  nomineeName: string;
  platform: string;
  deeds: string;
  photos: string[];
  status: NominationStatus;
  rejectReason: string;
  candidateId: string | null;
  createdAt: IsoDate;
}

export interface NominationAdminView extends Nomination {
  phone: string;
  nominatorName: string;
}

export interface RankingEntry {
  candidateId: string;
  number: string;
  name: string;
  votes: number;
  rank: number;
}

export interface ResultEntry {
  candidateId: string;
  number: string;
  name: string;
  category: string;
  votes: number;
  juryScore: number | null;
  /** Weighted total, 0–100, two decimals. */
  finalScore: number;
  rank: number;
  winner: boolean;
}

export interface VoteReceipt {
  candidateId: string;
  votes: number | null;
  myVotesToday: number;
  votesLeftToday: number;
}

export interface FraudReport {
  generatedAt: IsoDate;
  /** Minutes in which one candidate got unusually many votes. */
  bursts: { candidateId: string; name: string; minute: IsoDate; votes: number }[];
  /** Candidates whose votes come mostly from voters first seen that day who voted for nobody else. */
  newVoterClusters: {
    candidateId: string;
    name: string;
    day: string;
    newVoters: number;
    share: number;
    voterIds: string[];
  }[];
  /** One client IP behind many voters. */
  sharedIps: { ip: string; voters: number; votes: number; voterIds: string[] }[];
}

export interface SaveCampaignRequest {
  id?: string;
  title: string;
  coverFileId?: string;
  rules: string;
  categories?: CampaignCategory[];
  phases: CampaignPhases;
  voting: VotingRules;
  result: ResultRule;
  nominationLimit?: number;
  orgId: string;
}

export interface CampaignApi {
  listCampaigns: ActionSpec<PageRequest, Page<Campaign>, 'public'>;
  getCampaign: ActionSpec<{ id: string }, CampaignForVoter, 'public'>;
  nominate: ActionSpec<NominationRequest, Nomination, 'user'>;
  myNominations: ActionSpec<{ campaignId?: string } & PageRequest, Page<Nomination>, 'user'>;
  listCandidates: ActionSpec<
    { campaignId: string; category?: string; keyword?: string; sort?: 'number' | 'votes' } & PageRequest,
    Page<Candidate>,
    'public'
  >;
  getCandidate: ActionSpec<{ id: string }, CandidateDetail, 'public'>;
  vote: ActionSpec<{ candidateId: string }, VoteReceipt, 'public'>;
  myVotes: ActionSpec<
    { campaignId: string },
    { day: string; votesLeftToday: number; votes: { candidateId: string; count: number }[] },
    'public'
  >;
  ranking: ActionSpec<{ campaignId: string; category: string }, { hidden: boolean; entries: RankingEntry[] }, 'public'>;
  results: ActionSpec<
    { campaignId: string },
    { announced: boolean; byCategory: { category: string; name: string; entries: ResultEntry[] }[] },
    'public'
  >;
  /** A mini-program code that opens a candidate (share poster). */
  candidatePosterCode: ActionSpec<{ candidateId: string }, { fileId: string }, 'public'>;
  // Admin
  saveCampaign: ActionSpec<SaveCampaignRequest, Campaign, 'admin'>;
  listNominations: ActionSpec<
    { campaignId: string; status?: NominationStatus } & PageRequest,
    Page<NominationAdminView>,
    'admin'
  >;
  adminListCandidates: ActionSpec<
    { campaignId: string; category?: string } & PageRequest,
    Page<CandidateAdminView>,
    'admin'
  >;
  reviewNomination: ActionSpec<{ id: string; approve: boolean; reason?: string }, NominationAdminView, 'admin'>;
  addCandidate: ActionSpec<
    { campaignId: string; category: string; name: string; platform: string; deeds: string; photos: string[] },
    Candidate,
    'admin'
  >;
  updateCandidate: ActionSpec<
    { id: string; name: string; platform: string; deeds: string; photos: string[] },
    Candidate,
    'admin'
  >;
  setJuryScores: ActionSpec<
    { campaignId: string; scores: { candidateId: string; score: number }[] },
    { updated: number },
    'admin'
  >;
  voidVotes: ActionSpec<
    { campaignId: string; voterIds?: string[]; from?: IsoDate; to?: IsoDate; reason: string },
    { voidedVotes: number; byCandidate: { candidateId: string; votes: number }[] },
    'admin'
  >;
  fraudReport: ActionSpec<{ campaignId: string }, FraudReport, 'admin'>;
  announce: ActionSpec<{ campaignId: string }, { announced: true; winners: number }, 'admin'>;
}
