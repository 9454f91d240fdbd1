// Casting a vote. The limits live in one guarded write on the voter's ballot of
// the day (see store/ballots); the common path is two database round trips — the
// ballot, then the candidate's count and the dashboard's daily counter together — since settings and candidates come from a
// short per-instance cache.
import type { CampaignApi, VoteReceipt } from '../../../typings/campaign';
import { beijingDay } from '../../_shared/clock';
import { AppError, notFound } from '../../_shared/errors';
import type { Handlers } from '../../_shared/function';
import { recordStats } from '../../_shared/stores/daily-stats';
import { enforceRateLimit } from '../../_shared/stores/rate-limits';
import { findUserByOpenid } from '../../_shared/stores/users';
import { form, id } from '../../_shared/validation';
import { ballotId, recordVote, reloadBallot, takeBackVote, type VoteAttempt } from '../store/ballots';
import { cachedCampaign, cachedCandidate } from '../store/cache';
import type { CampaignDoc } from '../store/campaigns';
import { countVote } from '../store/candidates';
import { countsVisible, votingClosedReason } from '../rules/phases';
import { votesContributions } from '../rules/stats';

/** Refused attempts a voter may make per minute before being told to slow down. */
const REFUSALS_PER_MINUTE = 30;

/** Why a vote the ballot refused was refused, thrown as the reply. */
async function refuse(campaign: CampaignDoc, v: VoteAttempt, now: Date): Promise<never> {
  // Refused attempts are what scripts hammer: they are rate limited (accepted votes are bounded by the rules).
  await enforceRateLimit({ name: 'vote-refused', max: REFUSALS_PER_MINUTE, windowSeconds: 60 }, v.voterKey, now);
  const ballot = await reloadBallot(ballotId(v.campaignId, v.voterKey, v.day));
  const { votesPerDay, maxPerCandidatePerDay } = campaign.voting;
  if (ballot && ballot.total >= votesPerDay)
    throw new AppError('LIMIT_REACHED', `今天的 ${votesPerDay} 票已经投完了，明天再来吧`);
  if (ballot && (ballot.per[v.candidateId] ?? 0) >= maxPerCandidatePerDay) {
    throw new AppError('LIMIT_REACHED', `今天最多为同一位候选人投 ${maxPerCandidatePerDay} 票`);
  }
  throw new AppError('CONFLICT', '投票人数较多，请稍后再试');
}

export const voteHandlers = {
  vote: {
    access: 'public',
    input: form({ candidateId: id() }, { candidateId: '候选人编号' }),
    async run({ caller, now }, input): Promise<VoteReceipt> {
      if (!caller.openid) throw new AppError('UNAUTHENTICATED', '无法识别用户身份，请在微信中打开小程序');
      const candidate = await cachedCandidate(input.candidateId, now.getTime());
      const campaign = await cachedCampaign(candidate.campaignId, now.getTime());
      const closed = votingClosedReason(campaign, now);
      if (closed) throw new AppError('CLOSED', closed);
      let userId = '';
      if (campaign.voting.requireRegistered) {
        const user = await findUserByOpenid(caller.openid);
        if (!user?.worker) throw new AppError('NOT_REGISTERED', '本次评选仅限已登记的新就业群体投票，请先完成登记');
        userId = user._id;
      }
      const attempt: VoteAttempt = {
        campaignId: campaign._id,
        voterKey: caller.openid,
        userId,
        day: beijingDay(now),
        candidateId: input.candidateId,
        ip: caller.clientIp,
        at: now,
        votesPerDay: campaign.voting.votesPerDay,
        maxPerCandidatePerDay: campaign.voting.maxPerCandidatePerDay,
      };
      const ballot = (await recordVote(attempt)) ?? (await refuse(campaign, attempt, now));
      // The vote counts: its candidate's count and the dashboard's counter of the day, at once.
      const counted = votesContributions(campaign, attempt.day, 1);
      const [votes] = await Promise.all([countVote(input.candidateId), recordStats([], counted, now)]);
      if (votes === null) {
        // Withdrawn within the cache window: take the vote back.
        await Promise.all([takeBackVote(attempt), recordStats(counted, [], now)]);
        throw notFound('候选人');
      }
      return {
        candidateId: input.candidateId,
        votes: countsVisible(campaign, now) ? votes : null,
        myVotesToday: ballot.per[input.candidateId] ?? 0,
        votesLeftToday: Math.max(0, campaign.voting.votesPerDay - ballot.total),
      };
    },
  },
} satisfies Handlers<Pick<CampaignApi, 'vote'>>;
