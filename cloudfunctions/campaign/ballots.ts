// Reading every ballot of a campaign, page by page in a stable order.
import { COLLECTIONS } from '../_shared/collections';
import { db } from '../_shared/sdk';
import type { BallotDoc } from './docs';

const PAGE = 500;

export async function forEachBallot(
  where: Record<string, unknown>,
  visit: (b: BallotDoc) => void | Promise<void>,
): Promise<void> {
  for (let skip = 0; ; skip += PAGE) {
    const { data } = await db()
      .collection(COLLECTIONS.ballots)
      .where(where)
      .orderBy('_id', 'asc')
      .skip(skip)
      .limit(PAGE)
      .get();
    for (const b of data as BallotDoc[]) await visit(b);
    if (data.length < PAGE) return;
  }
}
