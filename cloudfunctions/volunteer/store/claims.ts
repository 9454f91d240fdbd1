// The volunteer_claims collection: hours waiting for an organiser — a forgotten
// check-out (_id mc-<activityId>-<userId>, made once whoever closes it) or a
// self-reported service. A claim leaves pending once, inside the transaction that
// credits its honor hours (or alone, when rejected), guarded by its state.
import type { ClaimKind, ClaimState, ServiceReportType } from '../../../typings/volunteer-team';
import { COLLECTIONS } from '../../_shared/collections';
import { cmd, collection, getDoc, getDocIn, type Transaction } from '../../_shared/db';
import { isDuplicateKey } from '../../_shared/errors';
import { fetchPage, type PageArgs } from '../../_shared/paging';

export interface ClaimDoc {
  _id: string;
  kind: ClaimKind;
  state: ClaimState;
  userId: string;
  activityId: string | null;
  title: string;
  serviceType: ServiceReportType | null;
  text: string;
  startAt: Date;
  endAt: Date;
  maxMinutes: number;
  photos: string[];
  orgId: string;
  orgName: string;
  orgPath: string[];
  grantedMinutes: number;
  reviewReason: string;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const claims = () => collection(COLLECTIONS.volunteerClaims);

export const missedCheckoutId = (activityId: string, userId: string) => `mc-${activityId}-${userId}`;

const asDate = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));

function read(raw: unknown): ClaimDoc {
  const d = raw as ClaimDoc;
  return {
    ...d,
    startAt: new Date(d.startAt),
    endAt: new Date(d.endAt),
    reviewedAt: asDate(d.reviewedAt),
    createdAt: new Date(d.createdAt),
    updatedAt: new Date(d.updatedAt),
  };
}

/** Inserts a claim; false when one with its id exists (a forgotten check-out closed twice). */
export async function insertClaim(doc: ClaimDoc): Promise<boolean> {
  try {
    await claims().add(doc);
    return true;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}

export async function getClaim(id: string): Promise<ClaimDoc | null> {
  const raw = await getDoc<ClaimDoc>(COLLECTIONS.volunteerClaims, id);
  return raw ? read(raw) : null;
}

export async function getClaimIn(t: Transaction, id: string): Promise<ClaimDoc | null> {
  const raw = await getDocIn<ClaimDoc>(t, COLLECTIONS.volunteerClaims, id);
  return raw ? read(raw) : null;
}

export interface ClaimDecision {
  state: Exclude<ClaimState, 'pending'>;
  grantedMinutes: number;
  reviewReason: string;
  reviewedBy: string;
}

/** Decides a claim read pending in the same transaction. */
export async function decideClaimIn(t: Transaction, id: string, d: ClaimDecision, now: Date): Promise<void> {
  await t
    .collection(COLLECTIONS.volunteerClaims)
    .doc(id)
    .update({ ...d, reviewedAt: now, updatedAt: now });
}

/** A member's claims, newest first. */
export function pageOfUser(userId: string, page: PageArgs) {
  return fetchPage(claims().where({ userId }), [['createdAt', 'desc']], page, read);
}

export interface ClaimFilter {
  orgIds: string[] | null;
  kind?: ClaimKind;
  state: ClaimState;
}

function whereOf(f: ClaimFilter): Record<string, unknown> {
  const where: Record<string, unknown> = { state: f.state };
  if (f.orgIds) where.orgPath = cmd().in(f.orgIds);
  if (f.kind) where.kind = f.kind;
  return where;
}

/** An organiser's queue, oldest first (pending) or newest first (decided). */
export function pageForOrgs(f: ClaimFilter, page: PageArgs) {
  return fetchPage(claims().where(whereOf(f)), [['createdAt', f.state === 'pending' ? 'asc' : 'desc']], page, read);
}

export async function countClaims(f: ClaimFilter): Promise<number> {
  return (await claims().where(whereOf(f)).count()).total;
}

/** The caller's pending forgotten check-out of an activity, if any. */
export async function pendingOfActivity(userId: string, activityId: string): Promise<ClaimDoc | null> {
  return getClaim(missedCheckoutId(activityId, userId));
}
