// The volunteer_members collection: one record per user (_id = userId). The
// status moves only by guarded updates naming the statuses it may leave, so two
// reviews of one application never both apply and no client value ever becomes
// a status. Hours and points totals move only inside an hours record's
// transaction (addHoursIn), so they always equal the records.
import type { VolunteerMemberStatus } from '../../../typings/volunteer-team';
import type { Occupation } from '../../../typings/user';
import { COLLECTIONS } from '../../_shared/collections';
import { cmd, collection, containsText, db, docsByIds, getDoc, rowsOf, type Transaction } from '../../_shared/db';
import { isDuplicateKey } from '../../_shared/errors';
import { fetchPage, type PageArgs } from '../../_shared/paging';

export interface MemberDoc {
  /** The user's id. */
  _id: string;
  realName: string;
  phone: string;
  occupation: Occupation;
  platform: string;
  orgId: string;
  orgName: string;
  /** The org's ancestors and itself. */
  orgPath: string[];
  status: VolunteerMemberStatus;
  statusReason: string;
  appliedAt: Date;
  reviewedAt: Date | null;
  reviewedBy: string | null;
  onLeaderboard: boolean;
  creditMinutes: number;
  honorMinutes: number;
  totalMinutes: number;
  /** Points credited for hours (reason volunteer_hours). */
  hoursPoints: number;
  /** Activities checked in (by code or by hand). */
  attended: number;
  createdAt: Date;
  updatedAt: Date;
}

export type Application = Pick<
  MemberDoc,
  'realName' | 'phone' | 'occupation' | 'platform' | 'orgId' | 'orgName' | 'orgPath'
>;

const members = () => collection(COLLECTIONS.volunteerMembers);

const asDate = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));

function read(raw: unknown): MemberDoc {
  const d = raw as MemberDoc;
  return {
    ...d,
    appliedAt: new Date(d.appliedAt),
    reviewedAt: asDate(d.reviewedAt),
    createdAt: new Date(d.createdAt),
    updatedAt: new Date(d.updatedAt),
  };
}

export async function getMember(userId: string): Promise<MemberDoc | null> {
  const raw = await getDoc<MemberDoc>(COLLECTIONS.volunteerMembers, userId);
  return raw ? read(raw) : null;
}

export async function membersByIds(ids: string[]): Promise<Map<string, MemberDoc>> {
  const out = new Map<string, MemberDoc>();
  for (let i = 0; i < ids.length; i += 1000) {
    for (const raw of await docsByIds<MemberDoc>(COLLECTIONS.volunteerMembers, ids.slice(i, i + 1000)))
      out.set(raw._id, read(raw));
  }
  return out;
}

/**
 * A first application (pending), or a new one after a rejection (back to
 * pending). Null when the user has an application that may not be replaced
 * (pending, approved or suspended).
 */
export async function applyAs(userId: string, app: Application, now: Date): Promise<MemberDoc | null> {
  const doc: MemberDoc = {
    _id: userId,
    ...app,
    status: 'pending',
    statusReason: '',
    appliedAt: now,
    reviewedAt: null,
    reviewedBy: null,
    onLeaderboard: true,
    creditMinutes: 0,
    honorMinutes: 0,
    totalMinutes: 0,
    hoursPoints: 0,
    attended: 0,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await members().add(doc);
    return doc;
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
  }
  const res = await members()
    .where({ _id: userId, status: 'rejected' })
    .updateAndReturn({
      ...app,
      orgPath: cmd().set(app.orgPath),
      status: 'pending',
      statusReason: '',
      appliedAt: now,
      updatedAt: now,
    });
  return res.updated ? read(res.doc) : null;
}

/** Moves a member from one of `from` to `to`; the record after, or null when it had moved meanwhile. */
export async function moveMember(
  userId: string,
  from: VolunteerMemberStatus[],
  to: VolunteerMemberStatus,
  change: { reason: string; by: string },
  now: Date,
): Promise<MemberDoc | null> {
  const res = await members()
    .where({ _id: userId, status: cmd().in(from) })
    .updateAndReturn({
      status: to,
      statusReason: change.reason,
      reviewedAt: now,
      reviewedBy: change.by,
      updatedAt: now,
    });
  return res.updated ? read(res.doc) : null;
}

export async function setOnLeaderboard(userId: string, visible: boolean, now: Date): Promise<void> {
  await members().doc(userId).update({ onLeaderboard: visible, updatedAt: now });
}

export interface HoursDelta {
  creditMinutes?: number;
  honorMinutes?: number;
  hoursPoints?: number;
}

/** Moves a member's totals inside an hours record's transaction. */
export async function addHoursIn(t: Transaction, userId: string, delta: HoursDelta, now: Date): Promise<void> {
  const _ = cmd();
  const credit = delta.creditMinutes ?? 0;
  const honor = delta.honorMinutes ?? 0;
  const set: Record<string, unknown> = { totalMinutes: _.inc(credit + honor), updatedAt: now };
  if (credit) set.creditMinutes = _.inc(credit);
  if (honor) set.honorMinutes = _.inc(honor);
  if (delta.hoursPoints) set.hoursPoints = _.inc(delta.hoursPoints);
  await t.collection(COLLECTIONS.volunteerMembers).doc(userId).update(set);
}

/** Counts an attendance (a check-in); outside any transaction (a counter shown to organisers). */
export async function countAttendance(userId: string): Promise<void> {
  await members()
    .doc(userId)
    .update({ attended: cmd().inc(1) });
}

export interface MemberFilter {
  /** Members of these orgs' sub-trees (null: everyone). */
  orgIds: string[] | null;
  status?: VolunteerMemberStatus;
  keyword?: string;
}

function whereOf(f: MemberFilter): Record<string, unknown> {
  const _ = cmd();
  const where: Record<string, unknown> = {};
  if (f.orgIds) where.orgPath = _.in(f.orgIds);
  if (f.status) where.status = f.status;
  const k = f.keyword?.trim();
  if (k) {
    if (/^1\d{10}$/.test(k)) where.phone = k;
    else where.realName = containsText(k);
  }
  return where;
}

/** Members newest application first. */
export function pageMembers(f: MemberFilter, page: PageArgs) {
  return fetchPage(members().where(whereOf(f)), [['appliedAt', 'desc']], page, read);
}

/** Every member of the filter (exports, statistics), 1,000 a read, up to `max`. */
export async function allMembers(f: MemberFilter, max = 10_000): Promise<MemberDoc[]> {
  const out: MemberDoc[] = [];
  for (let page = 1; out.length < max; page++) {
    const p = await pageMembers(f, { page, pageSize: 999 });
    out.push(...p.items);
    if (!p.hasMore) break;
  }
  return out;
}

/** Members by status in an org's sub-tree. */
export async function countByStatus(orgId: string): Promise<Partial<Record<VolunteerMemberStatus, number>>> {
  const $ = db().command.aggregate;
  const res = await members()
    .aggregate()
    .match({ orgPath: orgId })
    .group({ _id: '$status', n: $.sum(1) })
    .end();
  const out: Partial<Record<VolunteerMemberStatus, number>> = {};
  for (const row of rowsOf<{ _id: VolunteerMemberStatus; n: number }>(res)) out[row._id] = row.n;
  return out;
}

/** The all-time leaderboard: approved members shown on it, most hours first, up to `limit`. */
export async function topMembers(orgId: string, limit: number): Promise<MemberDoc[]> {
  const { data } = await members()
    .where({ orgPath: orgId, status: 'approved', onLeaderboard: true, totalMinutes: cmd().gt(0) })
    .orderBy('totalMinutes', 'desc')
    .orderBy('creditMinutes', 'desc')
    .orderBy('_id', 'asc')
    .limit(limit)
    .get();
  return data.map(read);
}

/**
 * Members the sub-tree's boards may show (approved, not hidden, with any hours), by
 * their own org — the monthly board ranks them by the month's hours. 1,000 a read, up to `max`.
 */
export async function shownWithHours(orgId: string, max = 10_000): Promise<MemberDoc[]> {
  const where = { orgPath: orgId, status: 'approved', onLeaderboard: true, totalMinutes: cmd().gt(0) };
  const out: MemberDoc[] = [];
  for (let page = 1; out.length < max; page++) {
    const p = await fetchPage(members().where(where), [['_id', 'asc']], { page, pageSize: 999 }, read);
    out.push(...p.items);
    if (!p.hasMore) break;
  }
  return out;
}

/** How many shown members of the sub-tree rank above these totals (the caller's own rank). */
export async function rankedAbove(orgId: string, m: Pick<MemberDoc, 'totalMinutes' | 'creditMinutes' | '_id'>) {
  const _ = cmd();
  const base = { orgPath: orgId, status: 'approved', onLeaderboard: true };
  const { total } = await members()
    .where(
      _.or([
        { ...base, totalMinutes: _.gt(m.totalMinutes) },
        { ...base, totalMinutes: m.totalMinutes, creditMinutes: _.gt(m.creditMinutes) },
        { ...base, totalMinutes: m.totalMinutes, creditMinutes: m.creditMinutes, _id: _.lt(m._id) },
      ]),
    )
    .count();
  return total;
}

/** Members pending review in the sub-trees (null: everywhere). */
export async function countPending(orgIds: string[] | null): Promise<number> {
  const where: Record<string, unknown> = { status: 'pending' };
  if (orgIds) where.orgPath = cmd().in(orgIds);
  return (await members().where(where).count()).total;
}
