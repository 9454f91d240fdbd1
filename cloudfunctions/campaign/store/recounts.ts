// The vote_recounts collection: a record of every repair the recount made.
import { COLLECTIONS } from '../../_shared/collections';
import { collection } from '../../_shared/db';

export interface Repair {
  campaignId: string;
  candidateId: string;
  drift: number;
}

export async function logRepairs(at: Date, repaired: Repair[]): Promise<void> {
  await collection(COLLECTIONS.voteRecounts).add({ at, repaired });
}
