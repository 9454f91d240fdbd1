// Hours credited: the record, the member's totals and the points for it written
// together in one transaction (only doc() and add() inside it), so the totals
// always equal the records and the ledger holds one entry per record (its key
// volunteer_hours:<record id>). An approved claim is decided in the same
// transaction that credits it, so it is credited once however often it is approved.
// Once it has committed, the record's minutes are added to the dashboard's counter
// of its day under the member's org (read beside the transaction); a lost increment
// is repaired by the scheduler's recount.
import { inTransaction, type Transaction } from '../../_shared/db';
import { conflict, notFound } from '../../_shared/errors';
import { recordStats } from '../../_shared/stores/daily-stats';
import { awardPointsIn } from '../../_shared/stores/points';
import { hoursContributions } from '../rules/stats';
import { type ClaimDecision, type ClaimDoc, decideClaimIn, getClaimIn } from './claims';
import { type HoursDoc, insertHoursIn } from './hours';
import { addHoursIn, getMember } from './members';

const RETRIES = 10;

export const pointsKeyOf = (hoursId: string) => `volunteer_hours:${hoursId}`;

async function creditIn(t: Transaction, doc: HoursDoc, now: Date): Promise<boolean> {
  if (!(await insertHoursIn(t, doc))) return false;
  const credit = doc.kind === 'credit' ? doc.minutes : 0;
  const honor = doc.kind === 'honor' ? doc.minutes : 0;
  await addHoursIn(t, doc.userId, { creditMinutes: credit, honorMinutes: honor, hoursPoints: doc.points }, now);
  if (doc.points > 0) {
    await awardPointsIn(t, {
      userId: doc.userId,
      amount: doc.points,
      reason: 'volunteer_hours',
      title: `志愿服务：${doc.title}`,
      sourceId: doc._id,
      key: pointsKeyOf(doc._id),
      now,
    });
  }
  return true;
}

/**
 * Runs a transaction that credits `doc` (when `credited` says so of its answer) and
 * then counts it on the dashboard; the member's org is read beside the transaction.
 * A failed read only skips the count (the action has happened; the recount adds it).
 */
async function creditedThenCounted<T>(doc: HoursDoc, credited: (r: T) => boolean, run: () => Promise<T>): Promise<T> {
  const [result, member] = await Promise.all([run(), getMember(doc.userId).catch(() => 'unread' as const)]);
  if (credited(result) && member !== 'unread') await recordStats([], hoursContributions(doc, member?.orgId));
  return result;
}

/** Credits a record; false when its source was credited already (nothing changed). */
export function creditHours(doc: HoursDoc, now: Date): Promise<boolean> {
  return creditedThenCounted(
    doc,
    (credited) => credited,
    () => inTransaction((t) => creditIn(t, doc, now), RETRIES),
  );
}

/**
 * Decides a pending claim; approved, its honor hours (`hours`) are credited in the
 * same transaction. Throws CONFLICT when it was decided already.
 */
export function decideClaim(
  claimId: string,
  decision: ClaimDecision,
  hours: HoursDoc | null,
  now: Date,
): Promise<ClaimDoc> {
  const decide = () =>
    inTransaction(async (t) => {
      const claim = await getClaimIn(t, claimId);
      if (!claim) throw notFound('待审核记录');
      if (claim.state !== 'pending') throw conflict('这条记录已经审核过了');
      await decideClaimIn(t, claimId, decision, now);
      if (hours && !(await creditIn(t, hours, now))) throw conflict('这条记录的时数已经记入过了');
      return { ...claim, ...decision, reviewedAt: now, updatedAt: now };
    }, RETRIES);
  // A rejection credits nothing (and the transaction throws when nothing was credited).
  return hours ? creditedThenCounted(hours, () => true, decide) : decide();
}
