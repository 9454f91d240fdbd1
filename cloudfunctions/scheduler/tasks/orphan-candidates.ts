// Approving a nomination creates its candidate, then records the decision on the
// nomination: two writes, since the decision is a guarded update (only while the
// nomination is still pending), which a CloudBase transaction — doc() reads and
// writes only — cannot make. A crash between them leaves an active
// candidate whose nomination does not name it — still pending, so a second review
// would make a second candidate for the same person. Such orphans, once older than
// any review still in flight, are withdrawn: the unacknowledged approval is undone
// and the organiser reviews the nomination again.
import type { OrphanReport } from '../../../typings/scheduler';
import { fromNominationsCreated, withdraw } from '../../campaign/store/candidates';
import { nominationsByIds } from '../../campaign/store/nominations';

/** A review finishes well within this; younger candidates may still be waiting for their decision. */
export const SETTLE_MS = 10 * 60_000;
/** How far back each run looks (the timer runs every 10 minutes; this survives a long outage). */
export const WINDOW_MS = 2 * 86_400_000;

export async function withdrawOrphanCandidates(now: Date): Promise<OrphanReport> {
  const to = new Date(now.getTime() - SETTLE_MS);
  const candidates = await fromNominationsCreated(new Date(to.getTime() - WINDOW_MS), to);
  const nominations = await nominationsByIds(candidates.map((c) => c.nominationId!));
  const withdrawn: OrphanReport['withdrawn'] = [];
  for (const c of candidates) {
    if (nominations.get(c.nominationId!)?.candidateId === c._id) continue;
    await withdraw(c._id, now);
    withdrawn.push({ candidateId: c._id, nominationId: c.nominationId! });
  }
  if (withdrawn.length) console.warn(JSON.stringify({ message: 'orphan candidates withdrawn', withdrawn }));
  return { checked: candidates.length, withdrawn };
}
