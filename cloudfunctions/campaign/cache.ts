// Campaign settings and its candidate list change rarely and are read on every
// vote: each function instance keeps them for a few seconds, so the vote path
// costs no extra round trips for them. A candidate created or withdrawn during
// that window is caught by the guarded count update.
import { COLLECTIONS } from '../_shared/collections';
import { notFound } from '../_shared/errors';
import { db } from '../_shared/sdk';
import type { CampaignDoc, CandidateDoc } from './docs';

const TTL_MS = 5_000;

interface Entry<T> {
  at: number;
  value: T;
}

const campaigns = new Map<string, Entry<CampaignDoc>>();
const candidates = new Map<
  string,
  Entry<Map<string, Pick<CandidateDoc, '_id' | 'campaignId' | 'category' | 'status'>>>
>();

export async function cachedCampaign(id: string, now = Date.now()): Promise<CampaignDoc> {
  const hit = campaigns.get(id);
  if (hit && now - hit.at < TTL_MS) return hit.value;
  const doc = (await db().collection(COLLECTIONS.campaigns).doc(id).get()).data[0] as CampaignDoc | undefined;
  if (!doc) throw notFound('评选活动');
  campaigns.set(id, { at: now, value: doc });
  return doc;
}

/** The campaign's active candidates by id; refetched once when an id is not known. */
export async function cachedCandidate(candidateId: string, now = Date.now()) {
  for (const entry of candidates.values()) {
    const c = entry.value.get(candidateId);
    if (c && now - entry.at < TTL_MS) return c;
  }
  const doc = (await db().collection(COLLECTIONS.candidates).doc(candidateId).get()).data[0] as
    CandidateDoc | undefined;
  if (!doc || doc.status !== 'active') throw notFound('候选人');
  const { data } = await db()
    .collection(COLLECTIONS.candidates)
    .where({ campaignId: doc.campaignId, status: 'active' })
    .field({ _id: true, campaignId: true, category: true, status: true })
    .limit(1000)
    .get();
  candidates.set(doc.campaignId, { at: now, value: new Map((data as CandidateDoc[]).map((c) => [c._id, c])) });
  return doc;
}

/** After an admin changes a campaign, this instance stops using its copy. */
export function forgetCampaign(id: string): void {
  campaigns.delete(id);
  candidates.delete(id);
}
