// The public side: campaigns, candidates, voting, ranking, results, sharing.
import type { CampaignApi, CandidateDetail, RankingEntry } from '../../typings/campaign';
import type { Caller } from '../_shared/caller';
import { beijingDay } from '../_shared/clock';
import { COLLECTIONS } from '../_shared/collections';
import { notFound } from '../_shared/errors';
import type { Handlers } from '../_shared/function';
import { fetchPage } from '../_shared/paging';
import { escapeRegExp } from '../_shared/regexp';
import { db } from '../_shared/sdk';
import { miniProgramCode } from '../_shared/wxacode';
import { findUserByOpenid } from '../_shared/users';
import { id, pageFields, text, z } from '../_shared/validation';
import { type CampaignDoc, type CandidateDoc, countsVisible, toCampaign, toCandidate } from './docs';
import { competitionRanks } from './rules';
import { castVote, loadBallot, votingClosedReason } from './vote';

async function requireCampaign(campaignId: string): Promise<CampaignDoc> {
  const c = (await db().collection(COLLECTIONS.campaigns).doc(campaignId).get()).data[0] as CampaignDoc | undefined;
  if (!c) throw notFound('评选活动');
  return c;
}

async function requireCandidate(candidateId: string): Promise<CandidateDoc> {
  const c = (await db().collection(COLLECTIONS.candidates).doc(candidateId).get()).data[0] as CandidateDoc | undefined;
  if (!c || c.status !== 'active') throw notFound('候选人');
  return c;
}

/** Organisers see the ranking even while it is hidden from the public. */
async function isOrganiser(caller: Caller): Promise<boolean> {
  if (caller.isSuperadmin) return true;
  if (!caller.openid) return false;
  const user = await findUserByOpenid(caller.openid);
  return !!user && user.adminOrgIds.length > 0;
}

/** Whether the caller may vote now, and if not why (for the vote button). */
async function voterState(
  c: CampaignDoc,
  openid: string,
  now: Date,
): Promise<{ canVote: boolean; reason: string; left: number | null }> {
  const closed = votingClosedReason(c, now);
  if (closed) return { canVote: false, reason: closed, left: null };
  if (!openid) return { canVote: false, reason: '请在微信中打开小程序投票', left: null };
  if (c.voting.requireRegistered) {
    const user = await findUserByOpenid(openid);
    if (!user?.worker) return { canVote: false, reason: '本次评选仅限已登记的新就业群体投票', left: null };
  }
  const ballot = await loadBallot(c._id, openid, beijingDay(now));
  const left = Math.max(0, c.voting.votesPerDay - (ballot?.total ?? 0));
  return { canVote: left > 0, reason: left > 0 ? '' : '今天的票已经投完了，明天再来吧', left };
}

type PublicActions = Pick<
  CampaignApi,
  | 'listCampaigns'
  | 'getCampaign'
  | 'listCandidates'
  | 'getCandidate'
  | 'vote'
  | 'myVotes'
  | 'ranking'
  | 'results'
  | 'candidatePosterCode'
>;

export const publicHandlers = {
  listCampaigns: {
    access: 'public',
    input: z.strictObject(pageFields),
    async run({ now }, input) {
      return fetchPage(
        db().collection(COLLECTIONS.campaigns).where({}),
        [['phases.votingStart', 'desc']],
        input,
        (d: CampaignDoc) => toCampaign(d, now),
      );
    },
  },

  getCampaign: {
    access: 'public',
    input: z.strictObject({ id: id() }),
    async run({ caller, now }, input) {
      const c = await requireCampaign(input.id);
      const state = await voterState(c, caller.openid, now);
      return {
        ...toCampaign(c, now),
        votesLeftToday: state.left,
        canVote: state.canVote,
        cannotVoteReason: state.reason,
      };
    },
  },

  listCandidates: {
    access: 'public',
    input: z.strictObject({
      campaignId: id(),
      category: text(20).optional(),
      keyword: text(20).optional(),
      sort: z.enum(['number', 'votes']).optional(),
      ...pageFields,
    }),
    async run({ now }, input) {
      const c = await requireCampaign(input.campaignId);
      const visible = countsVisible(c, now);
      const _ = db().command;
      const where: object[] = [{ campaignId: c._id, status: 'active' }];
      if (input.category) where.push({ category: input.category });
      if (input.keyword) {
        const re = db().RegExp({ regexp: escapeRegExp(input.keyword), options: 'i' });
        where.push(_.or([{ name: re }, { number: input.keyword.toUpperCase() }]));
      }
      // Sorting by votes would reveal the ranking while it is hidden.
      const order: [string, 'asc' | 'desc'][] =
        input.sort === 'votes' && visible
          ? [
              ['votes', 'desc'],
              ['number', 'asc'],
            ]
          : [['number', 'asc']];
      return fetchPage(db().collection(COLLECTIONS.candidates).where(_.and(where)), order, input, (d: CandidateDoc) =>
        toCandidate(d, visible),
      );
    },
  },

  getCandidate: {
    access: 'public',
    input: z.strictObject({ id: id() }),
    async run({ caller, now }, input): Promise<CandidateDetail> {
      const cand = await requireCandidate(input.id);
      const c = await requireCampaign(cand.campaignId);
      const ballot = caller.openid ? await loadBallot(c._id, caller.openid, beijingDay(now)) : null;
      const open = !votingClosedReason(c, now);
      return {
        ...toCandidate(cand, countsVisible(c, now)),
        myVotesToday: ballot?.per[cand._id] ?? 0,
        votesLeftToday: open ? Math.max(0, c.voting.votesPerDay - (ballot?.total ?? 0)) : null,
      };
    },
  },

  vote: {
    access: 'public',
    input: z.strictObject({ candidateId: id() }),
    run: ({ caller, now }, input) => castVote(caller, input.candidateId, now),
  },

  myVotes: {
    access: 'public',
    input: z.strictObject({ campaignId: id() }),
    async run({ caller, now }, input) {
      const c = await requireCampaign(input.campaignId);
      const day = beijingDay(now);
      const ballot = caller.openid ? await loadBallot(c._id, caller.openid, day) : null;
      return {
        day,
        votesLeftToday: Math.max(0, c.voting.votesPerDay - (ballot?.total ?? 0)),
        votes: Object.entries(ballot?.per ?? {}).map(([candidateId, count]) => ({ candidateId, count })),
      };
    },
  },

  ranking: {
    access: 'public',
    input: z.strictObject({ campaignId: id(), category: text(20, 1) }),
    async run({ caller, now }, input) {
      const c = await requireCampaign(input.campaignId);
      if (!countsVisible(c, now) && !(await isOrganiser(caller))) return { hidden: true, entries: [] };
      const { data } = await db()
        .collection(COLLECTIONS.candidates)
        .where({ campaignId: c._id, category: input.category, status: 'active' })
        .orderBy('votes', 'desc')
        .orderBy('number', 'asc')
        .limit(1000)
        .get();
      const rows = data as CandidateDoc[];
      const ranks = competitionRanks(rows.map((d) => d.votes));
      const entries: RankingEntry[] = rows.map((d, i) => ({
        candidateId: d._id,
        number: d.number,
        name: d.name,
        votes: d.votes,
        rank: ranks[i]!,
      }));
      return { hidden: false, entries };
    },
  },

  results: {
    access: 'public',
    input: z.strictObject({ campaignId: id() }),
    async run(_ctx, input) {
      const c = await requireCampaign(input.campaignId);
      if (!c.announced || !c.results) return { announced: false, byCategory: [] };
      return {
        announced: true,
        byCategory: c.results.map((r) => ({
          category: r.category,
          name: c.categories.find((k) => k.key === r.category)?.name ?? r.category,
          entries: r.entries,
        })),
      };
    },
  },

  candidatePosterCode: {
    access: 'public',
    input: z.strictObject({ candidateId: id() }),
    async run(_ctx, input) {
      const cand = await requireCandidate(input.candidateId);
      // Candidate ids are short so that the scene fits WeChat's 32 characters.
      const fileId = await miniProgramCode(
        'packages/campaign/pages/candidate/index',
        `c=${cand._id}`,
        `posters/candidate-${cand._id}.png`,
      );
      return { fileId };
    },
  },
} satisfies Handlers<PublicActions>;

export { requireCampaign, requireCandidate };
