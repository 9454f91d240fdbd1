// The users collection: one document per WeChat user, found by openid. The only
// code that reads or writes it (the ledger moves balances through addPointsIn).
import type { MemberStatus, Occupation, PointsSummary, WorkerInfo } from '../../../typings/user';
import { COLLECTIONS } from '../collections';
import {
  cmd,
  collection,
  docsByIds,
  findDoc,
  findDocs,
  forEachPage,
  getDoc,
  getDocIn,
  type Transaction,
  containsText,
} from '../db';
import { isDuplicateKey, notFound } from '../errors';
import { fetchPage, type PageArgs } from '../paging';

export type StoredWorker = Omit<WorkerInfo, 'consentAt'> & { consentAt: Date; orgPath: string[] };

export interface UserDoc {
  _id: string;
  /** Unique. Rewritten to "deleted:<id>" when the account is deleted. */
  openid: string;
  nickname: string;
  avatarFileId: string;
  status: 'active' | 'deleted';
  worker: StoredWorker | null;
  memberStatus: MemberStatus;
  memberRejectReason: string;
  /** When an admin verified the membership (亮身份); absent on accounts verified before it was kept. */
  memberVerifiedAt?: Date | null;
  /** Orgs this user administers (with their sub-trees); empty = not an admin. */
  adminOrgIds: string[];
  points: PointsSummary;
  createdAt: Date;
  updatedAt: Date;
}

const users = () => collection(COLLECTIONS.users);

export async function findUserByOpenid(openid: string): Promise<UserDoc | null> {
  return findDoc<UserDoc>(COLLECTIONS.users, { openid });
}

/** An active user by id, or null. */
export async function findUserById(userId: string): Promise<UserDoc | null> {
  const u = await getDoc<UserDoc>(COLLECTIONS.users, userId);
  return u && u.status === 'active' ? u : null;
}

export async function requireActiveUser(userId: string): Promise<UserDoc> {
  const u = await findUserById(userId);
  if (!u) throw notFound('用户');
  return u;
}

export async function usersByIds(ids: string[]): Promise<Map<string, UserDoc>> {
  const list = await docsByIds<UserDoc>(COLLECTIONS.users, ids);
  return new Map(list.map((u) => [u._id, u]));
}

function newUser(openid: string, now: Date): Omit<UserDoc, '_id'> {
  return {
    openid,
    nickname: '',
    avatarFileId: '',
    status: 'active',
    worker: null,
    memberStatus: 'none',
    memberRejectReason: '',
    adminOrgIds: [],
    points: { balance: 0, earned: 0, spent: 0 },
    createdAt: now,
    updatedAt: now,
  };
}

/** The caller's user, created on first login; concurrent first logins create one (unique openid). */
export async function findOrCreateUser(openid: string, now: Date): Promise<{ user: UserDoc; isNew: boolean }> {
  const existing = await findUserByOpenid(openid);
  if (existing) return { user: existing, isNew: false };
  const doc = newUser(openid, now);
  try {
    const { id } = (await users().add(doc)) as { id: string };
    return { user: { _id: id, ...doc }, isNew: true };
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    const winner = await findUserByOpenid(openid);
    if (!winner) throw err;
    return { user: winner, isNew: false };
  }
}

export async function updateProfileFields(
  userId: string,
  patch: { nickname?: string; avatarFileId?: string },
  now: Date,
): Promise<void> {
  await users()
    .doc(userId)
    .update({ ...patch, updatedAt: now });
}

export async function saveWorker(
  userId: string,
  worker: StoredWorker,
  member: { memberStatus: MemberStatus; memberRejectReason: string },
  now: Date,
): Promise<void> {
  // _.set replaces the whole sub-object (a plain object would merge field by field).
  await users()
    .doc(userId)
    .update({ worker: cmd().set(worker), ...member, updatedAt: now });
}

/** Personal fields erased; the record stays (anonymous) so ledgers, votes and sign-ups keep their counts. */
export async function eraseUser(userId: string, now: Date): Promise<void> {
  await users()
    .doc(userId)
    .update({
      openid: `deleted:${userId}`,
      nickname: '已注销用户',
      avatarFileId: '',
      worker: null,
      memberStatus: 'none',
      memberRejectReason: '',
      adminOrgIds: [],
      status: 'deleted',
      deletedAt: now,
      updatedAt: now,
    });
}

export async function setAdminOrgs(userId: string, adminOrgIds: string[], now: Date): Promise<void> {
  await users().doc(userId).update({ adminOrgIds, updatedAt: now });
}

/** Decides a pending member declaration; false when someone decided it first. */
export async function decideMember(
  userId: string,
  decision: { memberStatus: MemberStatus; memberRejectReason: string; memberVerifiedAt?: Date },
  now: Date,
): Promise<boolean> {
  const { updated } = await users()
    .where({ _id: userId, memberStatus: 'pending' })
    .update({ ...decision, updatedAt: now });
  return updated === 1;
}

export interface UserFilter {
  keyword?: string;
  occupation?: Occupation;
  /** Registered in this org or its sub-tree. */
  orgId?: string;
  hasRole?: 'worker' | 'member' | 'admin' | 'superadmin';
  memberStatus?: MemberStatus;
  superadminOpenids: string[];
}

export async function listUsers(filter: UserFilter, page: PageArgs) {
  const _ = cmd();
  const clauses: object[] = [{ status: 'active' }];
  if (filter.occupation) clauses.push({ 'worker.occupation': filter.occupation });
  if (filter.orgId) clauses.push({ 'worker.orgPath': filter.orgId });
  if (filter.memberStatus) clauses.push({ memberStatus: filter.memberStatus });
  if (filter.hasRole === 'worker') clauses.push({ worker: _.neq(null) });
  if (filter.hasRole === 'member') clauses.push({ memberStatus: 'verified' });
  if (filter.hasRole === 'admin') clauses.push({ 'adminOrgIds.0': _.exists(true) });
  if (filter.hasRole === 'superadmin') clauses.push({ openid: _.in(filter.superadminOpenids) });
  if (filter.keyword) {
    const re = containsText(filter.keyword);
    const or: object[] = [{ nickname: re }, { 'worker.realName': re }];
    if (/^1\d{10}$/.test(filter.keyword)) or.push({ 'worker.phone': filter.keyword });
    clauses.push(_.or(or));
  }
  const query = users().where(_.and(clauses));
  const [rows, count] = await Promise.all([
    fetchPage(query, [['createdAt', 'desc']], page, (u: UserDoc) => u),
    query.count(),
  ]);
  return { ...rows, total: count.total };
}

/** The admins of exactly this org (not of its ancestors): who gets an org's notices. */
export async function adminsOf(orgId: string, limit = 50): Promise<UserDoc[]> {
  return findDocs<UserDoc>(COLLECTIONS.users, { adminOrgIds: orgId, status: 'active' }, limit);
}

/** Active members verified in [start, end), a page at a time (the dashboard's recount). */
export function forEachMemberVerified(start: Date, end: Date, visit: (docs: UserDoc[]) => void): Promise<void> {
  const _ = cmd();
  return forEachPage<UserDoc>(
    COLLECTIONS.users,
    { status: 'active', memberStatus: 'verified', memberVerifiedAt: _.gte(start).and(_.lt(end)) },
    visit,
  );
}

/** Users registered in an org or below it. */
export async function countUsersInOrg(orgId: string): Promise<number> {
  return (await users().where({ 'worker.orgPath': orgId }).count()).total;
}

/** Reads a user inside a transaction (the ledger checks the balance there). */
export function getUserIn(t: Transaction, userId: string): Promise<UserDoc | null> {
  return getDocIn<UserDoc>(t, COLLECTIONS.users, userId);
}

/** Moves the points summary inside the ledger's transaction. */
export async function addPointsIn(
  t: Transaction,
  userId: string,
  delta: { balance: number; earned?: number; spent?: number },
  now: Date,
): Promise<void> {
  const _ = cmd();
  const points: Record<string, unknown> = { balance: _.inc(delta.balance) };
  if (delta.earned) points.earned = _.inc(delta.earned);
  if (delta.spent) points.spent = _.inc(delta.spent);
  await t.collection(COLLECTIONS.users).doc(userId).update({ points, updatedAt: now });
}
