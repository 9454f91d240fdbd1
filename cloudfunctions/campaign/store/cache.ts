// Campaign settings and its candidate list change rarely and are read on every
// vote: each function instance keeps them for a few seconds, so the vote path
// costs no extra round trips for them. A candidate created or withdrawn during
// that window is caught by the guarded count update.
import { notFound } from '../../_shared/errors';
import { type CampaignDoc, requireCampaign } from './campaigns';
import { activeRefs, type CandidateRef, findCandidate } from './candidates';

const TTL_MS = 5_000;

interface Entry<T> {
  at: number;
  value: T;
}

const campaigns = new Map<string, Entry<CampaignDoc>>();
const candidates = new Map<string, Entry<Map<string, CandidateRef>>>();

export async function cachedCampaign(id: string, now = Date.now()): Promise<CampaignDoc> {
  const hit = campaigns.get(id);
  if (hit && now - hit.at < TTL_MS) return hit.value;
  const doc = await requireCampaign(id);
  campaigns.set(id, { at: now, value: doc });
  return doc;
}

/** An active candidate from the campaign's cached list; the list is refetched when an id is not known. */
export async function cachedCandidate(candidateId: string, now = Date.now()): Promise<CandidateRef> {
  for (const entry of candidates.values()) {
    const c = entry.value.get(candidateId);
    if (c && now - entry.at < TTL_MS) return c;
  }
  const doc = await findCandidate(candidateId);
  if (!doc || doc.status !== 'active') throw notFound('候选人');
  const refs = await activeRefs(doc.campaignId);
  candidates.set(doc.campaignId, { at: now, value: new Map(refs.map((c) => [c._id, c])) });
  return doc;
}

/** After an admin changes a campaign, this instance stops using its copy. */
export function forgetCampaign(id: string): void {
  campaigns.delete(id);
  candidates.delete(id);
}
