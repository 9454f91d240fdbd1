// The public side: campaigns, candidates, ranking, results, sharing.
import type { CampaignApi, CandidateDetail, RankingEntry } from '../../../typings/campaign';
import type { Caller } from '../../_shared/caller';
import { beijingDay } from '../../_shared/clock';
import type { Handlers } from '../../_shared/function';
import { findUserByOpenid } from '../../_shared/stores/users';
import * as z from 'zod';
import { form, id, PAGE_LABELS, pageFields, text } from '../../_shared/validation';
import { miniProgramCode } from '../../_shared/wxacode';
import { loadBallot } from '../store/ballots';
import { type CampaignDoc, listCampaigns, requireCampaign } from '../store/campaigns';
import { listActive, rankingRows, requireCandidate } from '../store/candidates';
import { countsVisible, votingClosedReason } from '../rules/phases';
import { competitionRanks } from '../rules/results';
import { toCampaign, toCandidate } from '../rules/views';

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
  | 'myVotes'
  | 'ranking'
  | 'results'
  | 'candidatePosterCode'
>;

export const publicHandlers = {
  listCampaigns: {
    access: 'public',
    input: form(pageFields, PAGE_LABELS),
    async run({ now }, input) {
      const page = await listCampaigns(input);
      return { ...page, items: page.items.map((d) => toCampaign(d, now)) };
    },
  },

  getCampaign: {
    access: 'public',
    input: form({ id: id() }, { id: '评选编号' }),
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
    input: form(
      {
        campaignId: id(),
        category: text(20).optional(),
        keyword: text(20).optional(),
        sort: z.enum(['number', 'votes']).optional(),
        ...pageFields,
      },
      { campaignId: '评选编号', category: '评选类别', keyword: '关键词', sort: '排序方式', ...PAGE_LABELS },
    ),
    async run({ now }, input) {
      const c = await requireCampaign(input.campaignId);
      const visible = countsVisible(c, now);
      // Sorting by votes would reveal the ranking while it is hidden.
      const page = await listActive(
        {
          campaignId: c._id,
          category: input.category,
          keyword: input.keyword,
          byVotes: input.sort === 'votes' && visible,
        },
        input,
      );
      return { ...page, items: page.items.map((d) => toCandidate(d, visible)) };
    },
  },

  getCandidate: {
    access: 'public',
    input: form({ id: id() }, { id: '候选人编号' }),
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

  myVotes: {
    access: 'public',
    input: form({ campaignId: id() }, { campaignId: '评选编号' }),
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
    input: form({ campaignId: id(), category: text(20, 1) }, { campaignId: '评选编号', category: '评选类别' }),
    async run({ caller, now }, input) {
      const c = await requireCampaign(input.campaignId);
      if (!countsVisible(c, now) && !(await isOrganiser(caller))) return { hidden: true, entries: [] };
      const rows = await rankingRows(c._id, input.category);
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
    input: form({ campaignId: id() }, { campaignId: '评选编号' }),
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
    input: form({ candidateId: id() }, { candidateId: '候选人编号' }),
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
