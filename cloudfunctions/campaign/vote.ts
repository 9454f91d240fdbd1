// Casting a vote. Limits hold under any concurrency because each voter's day is
// one ballot document changed only by guarded atomic updates: the daily total and
// the per-candidate count are checked and incremented in the same write. The
// common path is two database round trips: the ballot update and the candidate's
// count (settings and candidates come from a short per-instance cache).
import type { VoteReceipt } from '../../typings/campaign';
import type { Caller } from '../_shared/caller';
import { beijingDay } from '../_shared/clock';
import { COLLECTIONS } from '../_shared/collections';
import { AppError, isDuplicateKey, notFound } from '../_shared/errors';
import { enforceRateLimit } from '../_shared/rate-limit';
import { db } from '../_shared/sdk';
import { findUserByOpenid } from '../_shared/users';
import { cachedCampaign, cachedCandidate } from './cache';
import { type BallotDoc, type CampaignDoc, countsVisible } from './docs';
import { phaseOf } from './rules';

/** Refused attempts a voter may make per minute before being told to slow down. */
const REFUSALS_PER_MINUTE = 30;

export const ballotId = (campaignId: string, voterKey: string, day: string) => `${campaignId}:${voterKey}:${day}`;

export function votingClosedReason(c: CampaignDoc, now: Date): string {
  const { phase } = phaseOf(c.phases, c.announced, now);
  if (phase === 'voting') return '';
  return phase === 'upcoming' || phase === 'nomination' || phase === 'review' ? '投票尚未开始' : '投票已经结束';
}

export async function loadBallot(campaignId: string, voterKey: string, day: string): Promise<BallotDoc | null> {
  const { data } = await db()
    .collection(COLLECTIONS.ballots)
    .doc(ballotId(campaignId, voterKey, day))
    .get();
  return (data[0] as BallotDoc | undefined) ?? null;
}

export async function castVote(caller: Caller, candidateId: string, now: Date): Promise<VoteReceipt> {
  if (!caller.openid) throw new AppError('UNAUTHENTICATED', '无法识别用户身份，请在微信中打开小程序');
  const candidate = await cachedCandidate(candidateId, now.getTime());
  const campaign = await cachedCampaign(candidate.campaignId, now.getTime());
  const closed = votingClosedReason(campaign, now);
  if (closed) throw new AppError('CLOSED', closed);
  let userId = '';
  if (campaign.voting.requireRegistered) {
    const user = await findUserByOpenid(caller.openid);
    if (!user?.worker) throw new AppError('NOT_REGISTERED', '本次评选仅限已登记的新就业群体投票，请先完成登记');
    userId = user._id;
  }
  const { votesPerDay, maxPerCandidatePerDay } = campaign.voting;
  const day = beijingDay(now);
  const id = ballotId(campaign._id, caller.openid, day);
  const entry = { candidateId, at: now, ip: caller.clientIp };
  const _ = db().command;
  const coll = db().collection(COLLECTIONS.ballots);
  const perField = `per.${candidateId}`;

  const guardedIncrement = async (): Promise<BallotDoc | null> => {
    const res = await coll
      .where(
        _.and([
          { _id: id, total: _.lt(votesPerDay) },
          _.or([{ [perField]: _.lt(maxPerCandidatePerDay) }, { [perField]: _.exists(false) }]),
        ]),
      )
      .updateAndReturn({ total: _.inc(1), [perField]: _.inc(1), log: _.push(entry), lastAt: now, rev: _.inc(1) });
    return res.updated ? (res.doc as BallotDoc) : null;
  };

  let ballot = await guardedIncrement();
  if (!ballot) {
    const first: BallotDoc = {
      _id: id,
      campaignId: campaign._id,
      voterKey: caller.openid,
      userId,
      day,
      total: 1,
      per: { [candidateId]: 1 },
      log: [entry],
      rev: 0,
      firstAt: now,
      lastAt: now,
    };
    try {
      await coll.add(first);
      ballot = first;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      // Today's ballot exists (maybe created by a parallel first vote): try the guarded increment again.
      ballot = await guardedIncrement();
    }
  }
  if (!ballot) await refuse(campaign, caller.openid, id, candidateId, now);

  const counted = await db()
    .collection(COLLECTIONS.candidates)
    .where({ _id: candidateId, status: 'active' })
    .updateAndReturn({ votes: _.inc(1) });
  if (!counted.updated) {
    // Withdrawn within the cache window: take the vote back.
    await coll
      .where({ _id: id })
      .update({ total: _.inc(-1), [perField]: _.inc(-1), log: _.pull({ candidateId, at: now }), rev: _.inc(1) });
    throw notFound('候选人');
  }
  const b = ballot as BallotDoc;
  return {
    candidateId,
    votes: countsVisible(campaign, now) ? (counted.doc as { votes: number }).votes : null,
    myVotesToday: b.per[candidateId] ?? 0,
    votesLeftToday: Math.max(0, votesPerDay - b.total),
  };
}

async function refuse(
  campaign: CampaignDoc,
  voterKey: string,
  id: string,
  candidateId: string,
  now: Date,
): Promise<never> {
  // Refused attempts are what scripts hammer: they are rate limited (accepted votes are bounded by the rules).
  await enforceRateLimit({ name: 'vote-refused', max: REFUSALS_PER_MINUTE, windowSeconds: 60 }, voterKey, now);
  const ballot = (await db().collection(COLLECTIONS.ballots).doc(id).get()).data[0] as BallotDoc | undefined;
  const { votesPerDay, maxPerCandidatePerDay } = campaign.voting;
  if (ballot && ballot.total >= votesPerDay)
    throw new AppError('LIMIT_REACHED', `今天的 ${votesPerDay} 票已经投完了，明天再来吧`);
  if (ballot && (ballot.per[candidateId] ?? 0) >= maxPerCandidatePerDay) {
    throw new AppError('LIMIT_REACHED', `今天最多为同一位候选人投 ${maxPerCandidatePerDay} 票`);
  }
  throw new AppError('CONFLICT', '投票人数较多，请稍后再试');
}
