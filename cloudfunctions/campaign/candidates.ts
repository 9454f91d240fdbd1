// Creating candidates with their public number: the campaign's per-category
// sequence and the new candidate are written in one transaction.
import { randomBytes } from 'node:crypto';
import { COLLECTIONS } from '../_shared/collections';
import { invalid } from '../_shared/errors';
import { inTransaction } from '../_shared/sdk';
import type { CampaignDoc, CandidateDoc } from './docs';
import { candidateNumber } from './rules';

/** Short ids: a share code's scene has room for 32 characters. */
const newCandidateId = () => `c${randomBytes(8).toString('hex')}`;

export interface NewCandidate {
  category: string;
  name: string;
  platform: string;
  deeds: string;
  photos: string[];
  nominationId: string | null;
}

export async function createCandidate(campaign: CampaignDoc, input: NewCandidate, now: Date): Promise<CandidateDoc> {
  const index = campaign.categories.findIndex((k) => k.key === input.category);
  if (index < 0) throw invalid('请选择有效的评选类别');
  return inTransaction(async (t) => {
    const fresh = (await t.collection(COLLECTIONS.campaigns).doc(campaign._id).get()).data as unknown as CampaignDoc;
    const seq = (fresh.seq?.[input.category] ?? 0) + 1;
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
    await t
      .collection(COLLECTIONS.campaigns)
      .doc(campaign._id)
      .update({ seq: { [input.category]: seq }, updatedAt: now });
    await t.collection(COLLECTIONS.candidates).add(doc);
    return doc;
  });
}
