// The ballots collection: each voter's votes in one campaign on one Beijing day
// are one document, changed only by guarded atomic updates — the daily total and
// the per-candidate count are checked and incremented in the same write, so the
// limits hold under any concurrency.
import { COLLECTIONS } from '../../_shared/collections';
import { cmd, collection, getDoc } from '../../_shared/db';
import { isDuplicateKey } from '../../_shared/errors';

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
const ballots = () => collection(COLLECTIONS.ballots);
const PAGE = 500;

export const ballotId = (campaignId: string, voterKey: string, day: string) => `${campaignId}:${voterKey}:${day}`;

export function loadBallot(campaignId: string, voterKey: string, day: string): Promise<BallotDoc | null> {
  return getDoc<BallotDoc>(COLLECTIONS.ballots, ballotId(campaignId, voterKey, day));
}

export interface VoteAttempt {
  campaignId: string;
  voterKey: string;
  userId: string;
  day: string;
  candidateId: string;
  ip: string;
  at: Date;
  votesPerDay: number;
  maxPerCandidatePerDay: number;
}

/**
 * Adds the vote to the voter's ballot of the day if both limits allow it: one
 * guarded update (plus one insert for the day's first vote). The ballot after the
 * vote, or null when a limit refused it.
 */
export async function recordVote(v: VoteAttempt): Promise<BallotDoc | null> {
  const _ = cmd();
  const id = ballotId(v.campaignId, v.voterKey, v.day);
  const entry = { candidateId: v.candidateId, at: v.at, ip: v.ip };
  const perField = `per.${v.candidateId}`;
  const guardedIncrement = async (): Promise<BallotDoc | null> => {
    const res = await ballots()
      .where(
        _.and([
          { _id: id, total: _.lt(v.votesPerDay) },
          _.or([{ [perField]: _.lt(v.maxPerCandidatePerDay) }, { [perField]: _.exists(false) }]),
        ]),
      )
      .updateAndReturn({ total: _.inc(1), [perField]: _.inc(1), log: _.push(entry), lastAt: v.at, rev: _.inc(1) });
    return res.updated ? (res.doc as BallotDoc) : null;
  };
  const ballot = await guardedIncrement();
  if (ballot) return ballot;
  const first: BallotDoc = {
    _id: id,
    campaignId: v.campaignId,
    voterKey: v.voterKey,
    userId: v.userId,
    day: v.day,
    total: 1,
    per: { [v.candidateId]: 1 },
    log: [entry],
    rev: 0,
    firstAt: v.at,
    lastAt: v.at,
  };
  try {
    await ballots().add(first);
    return first;
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    // Today's ballot exists (maybe created by a parallel first vote): try the guarded increment again.
    return guardedIncrement();
  }
}

/** Takes back a vote just recorded (its candidate was withdrawn meanwhile). */
export async function takeBackVote(v: Pick<VoteAttempt, 'campaignId' | 'voterKey' | 'day' | 'candidateId' | 'at'>) {
  const _ = cmd();
  await ballots()
    .where({ _id: ballotId(v.campaignId, v.voterKey, v.day) })
    .update({
      total: _.inc(-1),
      [`per.${v.candidateId}`]: _.inc(-1),
      log: _.pull({ candidateId: v.candidateId, at: v.at }),
      rev: _.inc(1),
    });
}

export type BallotFilter =
  | { campaignId: string; voterKeys?: string[] }
  /** Every campaign's ballots of the days from–to (inclusive). */
  | { days: { from: string; to: string } };

/** Every ballot of a campaign (optionally of some voters) or of some days, page by page in a stable order. */
export async function forEachBallot(
  filter: BallotFilter,
  visit: (b: BallotDoc) => void | Promise<void>,
): Promise<void> {
  const _ = cmd();
  const where: Record<string, unknown> =
    'days' in filter
      ? { day: _.and(_.gte(filter.days.from), _.lte(filter.days.to)) }
      : { campaignId: filter.campaignId, ...(filter.voterKeys ? { voterKey: _.in(filter.voterKeys) } : {}) };
  for (let skip = 0; ; skip += PAGE) {
    const { data } = await ballots().where(where).orderBy('_id', 'asc').skip(skip).limit(PAGE).get();
    for (const b of data as BallotDoc[]) await visit(b);
    if (data.length < PAGE) return;
  }
}

export function reloadBallot(id: string): Promise<BallotDoc | null> {
  return getDoc<BallotDoc>(COLLECTIONS.ballots, id);
}

/** Replaces a ballot's log if nobody changed it since it was read (rev); false = re-read and retry. */
export async function replaceLogIfUnchanged(b: BallotDoc, log: BallotEntry[]): Promise<boolean> {
  const _ = cmd();
  const { updated } = await ballots()
    .where({ _id: b._id, rev: b.rev })
    .update({ log: _.set(log), rev: _.inc(1) });
  return updated === 1;
}
