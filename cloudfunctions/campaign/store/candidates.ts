// The candidates collection: numbered candidates per campaign and category, with
// their vote count (changed only by guarded increments and exact corrections) and
// jury score.
import { randomBytes } from 'node:crypto';
import { COLLECTIONS } from '../../_shared/collections';
import { cmd, collection, containsText, findDocs, getDoc, inTransaction } from '../../_shared/db';
import { invalid, notFound } from '../../_shared/errors';
import { fetchPage, type PageArgs } from '../../_shared/paging';
import { candidateNumber } from '../rules/numbering';
import { type CampaignDoc, nextSeqIn } from './campaigns';

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
export type CandidateRef = Pick<CandidateDoc, '_id' | 'campaignId' | 'category' | 'status'>;

export interface NewCandidate {
  category: string;
  name: string;
  platform: string;
  deeds: string;
  photos: string[];
  nominationId: string | null;
}

export type CandidateProfile = Pick<CandidateDoc, 'name' | 'platform' | 'deeds' | 'photos'>;

const candidates = () => collection(COLLECTIONS.candidates);

/** Short ids: a share code's scene has room for 32 characters. */
const newCandidateId = () => `c${randomBytes(8).toString('hex')}`;

export function findCandidate(candidateId: string): Promise<CandidateDoc | null> {
  return getDoc<CandidateDoc>(COLLECTIONS.candidates, candidateId);
}

/** An active (not withdrawn) candidate. */
export async function requireCandidate(candidateId: string): Promise<CandidateDoc> {
  const c = await findCandidate(candidateId);
  if (!c || c.status !== 'active') throw notFound('候选人');
  return c;
}

/** Every candidate of a campaign (withdrawn ones too unless `activeOnly`), by number. */
export async function candidatesOf(campaignId: string, opts: { activeOnly?: boolean } = {}): Promise<CandidateDoc[]> {
  const where = opts.activeOnly ? { campaignId, status: 'active' } : { campaignId };
  const { data } = await candidates().where(where).orderBy('number', 'asc').limit(1000).get();
  return data as CandidateDoc[];
}

/** The active candidates' ids and categories (what the vote path needs). */
export async function activeRefs(campaignId: string): Promise<CandidateRef[]> {
  const { data } = await candidates()
    .where({ campaignId, status: 'active' })
    .field({ _id: true, campaignId: true, category: true, status: true })
    .limit(1000)
    .get();
  return data as CandidateRef[];
}

export interface CandidateQuery {
  campaignId: string;
  category?: string;
  /** Matches the name, or the public number exactly. */
  keyword?: string;
  byVotes: boolean;
}

export function listActive(q: CandidateQuery, page: PageArgs) {
  const _ = cmd();
  const where: object[] = [{ campaignId: q.campaignId, status: 'active' }];
  if (q.category) where.push({ category: q.category });
  if (q.keyword) where.push(_.or([{ name: containsText(q.keyword) }, { number: q.keyword.toUpperCase() }]));
  const order: [string, 'asc' | 'desc'][] = q.byVotes
    ? [
        ['votes', 'desc'],
        ['number', 'asc'],
      ]
    : [['number', 'asc']];
  return fetchPage(candidates().where(_.and(where)), order, page, (d: CandidateDoc) => d);
}

/** A category's active candidates, most votes first (ties by number). */
export async function rankingRows(campaignId: string, category: string): Promise<CandidateDoc[]> {
  const { data } = await candidates()
    .where({ campaignId, category, status: 'active' })
    .orderBy('votes', 'desc')
    .orderBy('number', 'asc')
    .limit(1000)
    .get();
  return data as CandidateDoc[];
}

export async function countInCategories(campaignId: string, categories: string[]): Promise<number> {
  return (
    await candidates()
      .where({ campaignId, category: cmd().in(categories) })
      .count()
  ).total;
}

/** Creates a candidate with its public number: the sequence and the candidate are written in one transaction. */
export async function createCandidate(campaign: CampaignDoc, input: NewCandidate, now: Date): Promise<CandidateDoc> {
  const index = campaign.categories.findIndex((k) => k.key === input.category);
  if (index < 0) throw invalid('请选择有效的评选类别');
  return inTransaction(async (t) => {
    const seq = await nextSeqIn(t, campaign._id, input.category, now);
    const doc: CandidateDoc = {
      _id: newCandidateId(),
      campaignId: campaign._id,
      category: input.category,
      number: candidateNumber(index, seq),
      name: input.name,
      platform: input.platform,
      deeds: input.deeds,
      photos: input.photos,
      votes: 0,
      juryScore: null,
      nominationId: input.nominationId,
      status: 'active',
      createdAt: now,
      updatedAt: now,
    };
    await t.collection(COLLECTIONS.candidates).add(doc);
    return doc;
  });
}

export async function updateProfile(candidateId: string, profile: CandidateProfile, now: Date): Promise<void> {
  await candidates()
    .doc(candidateId)
    .update({ ...profile, photos: cmd().set(profile.photos), updatedAt: now });
}

export async function withdraw(candidateId: string, now: Date): Promise<void> {
  await candidates().doc(candidateId).update({ status: 'withdrawn', updatedAt: now });
}

/** Which of these ids are candidates of the campaign. */
export async function knownIds(campaignId: string, ids: string[]): Promise<Set<string>> {
  const found = await findDocs<CandidateDoc>(COLLECTIONS.candidates, { _id: cmd().in(ids), campaignId }, ids.length);
  return new Set(found.map((d) => d._id));
}

export async function setJuryScore(candidateId: string, score: number, now: Date): Promise<void> {
  await candidates().doc(candidateId).update({ juryScore: score, updatedAt: now });
}

/** Active candidates made from a nomination, created in [from, to) (the orphan repair's window). */
export async function fromNominationsCreated(from: Date, to: Date): Promise<CandidateDoc[]> {
  const _ = cmd();
  const { data } = await candidates()
    .where({ status: 'active', nominationId: _.neq(null), createdAt: _.gte(from).and(_.lt(to)) })
    .limit(1000)
    .get();
  return data as CandidateDoc[];
}

/** Counts one vote if the candidate is still active; its new total, or null when it is not. */
export async function countVote(candidateId: string): Promise<number | null> {
  const res = await candidates()
    .where({ _id: candidateId, status: 'active' })
    .updateAndReturn({ votes: cmd().inc(1) });
  return res.updated ? (res.doc as { votes: number }).votes : null;
}

/** An exact correction of a count (voids, recount repairs). */
export async function adjustVotes(candidateId: string, delta: number, now?: Date): Promise<void> {
  await candidates()
    .doc(candidateId)
    .update({ votes: cmd().inc(delta), ...(now ? { updatedAt: now } : {}) });
}
