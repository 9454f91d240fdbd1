// The nominations collection: recommendations waiting for review. A nominator's
// k-th nomination in a campaign has a fixed id, so the per-nominator limit is
// exact under concurrency (a second write of the same slot is a duplicate key).
import { createHash } from 'node:crypto';
import type { NominationStatus, NominatorRelation } from '../../../typings/campaign';
import { COLLECTIONS } from '../../_shared/collections';
import { cmd, collection, getDoc } from '../../_shared/db';
import { AppError, isDuplicateKey, notFound } from '../../_shared/errors';
import { fetchPage, type PageArgs } from '../../_shared/paging';

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
export type NominationInput = Pick<
  NominationDoc,
  'campaignId' | 'category' | 'relation' | 'nominatorUserId' | 'nomineeName' | 'platform' | 'phone' | 'deeds' | 'photos'
>;

const nominations = () => collection(COLLECTIONS.nominations);

/** Slot k of a nominator in a campaign: a short stable id (ids are at most 64 characters). */
function slotId(campaignId: string, userId: string, k: number): string {
  return `n${createHash('sha1').update(`${campaignId}:${userId}`).digest('hex').slice(0, 24)}-${k}`;
}

export async function requireNomination(nominationId: string): Promise<NominationDoc> {
  const n = await getDoc<NominationDoc>(COLLECTIONS.nominations, nominationId);
  if (!n) throw notFound('推荐');
  return n;
}

/** Adds a nomination in the nominator's next free slot, or refuses past the limit. */
export async function addNomination(input: NominationInput, limit: number, now: Date): Promise<NominationDoc> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const { total } = await nominations()
      .where({ campaignId: input.campaignId, nominatorUserId: input.nominatorUserId })
      .count();
    if (total >= limit) throw new AppError('LIMIT_REACHED', `每人最多推荐 ${limit} 人`);
    const doc: NominationDoc = {
      _id: slotId(input.campaignId, input.nominatorUserId, total + 1),
      ...input,
      status: 'pending',
      rejectReason: '',
      candidateId: null,
      createdAt: now,
      reviewedAt: null,
    };
    try {
      await nominations().add(doc);
      return doc;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }
  throw new AppError('CONFLICT', '提交的人太多了，请稍后再试');
}

export function listByNominator(nominatorUserId: string, campaignId: string | undefined, page: PageArgs) {
  const where: Record<string, unknown> = { nominatorUserId };
  if (campaignId) where.campaignId = campaignId;
  return fetchPage(nominations().where(where), [['createdAt', 'desc']], page, (d: NominationDoc) => d);
}

export function listForReview(campaignId: string, status: NominationStatus | undefined, page: PageArgs) {
  const where: Record<string, unknown> = { campaignId };
  if (status) where.status = status;
  return fetchPage(nominations().where(where), [['createdAt', 'asc']], page, (n: NominationDoc) => n);
}

export type Decision = Pick<NominationDoc, 'status' | 'rejectReason' | 'candidateId' | 'reviewedAt'>;

/** Nominations by id (missing ones are absent). */
export async function nominationsByIds(ids: string[]): Promise<Map<string, NominationDoc>> {
  if (!ids.length) return new Map();
  const { data } = await nominations()
    .where({ _id: cmd().in([...new Set(ids)]) })
    .limit(1000)
    .get();
  return new Map((data as NominationDoc[]).map((n) => [n._id, n]));
}

/** Photos of a nominator's nominations that were never approved (approved ones became a candidate's). */
export async function unpublishedPhotos(nominatorUserId: string): Promise<string[]> {
  const { data } = await nominations()
    .where({ nominatorUserId, status: cmd().neq('approved') })
    .field({ photos: true })
    .limit(1000)
    .get();
  return (data as Pick<NominationDoc, 'photos'>[]).flatMap((n) => n.photos ?? []);
}

/** Forgets the photos of a nominator's unapproved nominations (their files are deleted with the account). */
export async function clearUnpublishedPhotos(nominatorUserId: string): Promise<void> {
  await nominations()
    .where({ nominatorUserId, status: cmd().neq('approved') })
    .update({ photos: cmd().set([]) });
}

/** Records the review of a pending nomination; false when someone reviewed it first. */
export async function decideNomination(nominationId: string, decision: Decision): Promise<boolean> {
  const { updated } = await nominations().where({ _id: nominationId, status: 'pending' }).update(decision);
  return updated === 1;
}
