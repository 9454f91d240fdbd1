// The points_ledger and points_daily collections (points_daily also holds the
// monthly totals of reasons with a monthly cap, _id userId:reason:YYYY-MM). The ledger: append-only entries, each under an idempotency key (its _id),
// so a retried award is never counted twice; the balance on the user changes in
// the same transaction as the entry, so it always equals the ledger's sum.
// Features award and spend points only through here. Voting never earns or costs
// points (WeChat forbids paid or rewarded voting), so there is no reason for it.
import type { PointsEntry, PointsReason } from '../../../typings/user';
import { beijingDay } from '../clock';
import { COLLECTIONS } from '../collections';
import { cmd, collection, getDocIn, inTransaction, type Transaction } from '../db';
import { AppError, notFound } from '../errors';
import { fetchPage, type PageArgs } from '../paging';
import { addPointsIn, getUserIn } from './users';

/** Most points one reason may earn a user per Beijing day; absent = no cap. */
export const DAILY_CAPS: Partial<Record<PointsReason, number>> = {
  quote_checkin: 5,
  lecture_complete: 30,
  quiz_pass: 10,
};

/** Most points one reason may earn a user per Beijing month; absent = no cap. */
export const MONTHLY_CAPS: Partial<Record<PointsReason, number>> = {};

export interface PointsCaps {
  /** Per Beijing day; replaces DAILY_CAPS for this move. */
  daily?: number;
  /** Per Beijing calendar month; replaces MONTHLY_CAPS for this move. */
  monthly?: number;
}

export interface PointsMove {
  userId: string;
  amount: number;
  reason: PointsReason;
  title: string;
  sourceId: string;
  /** Same key → same entry; e.g. `checkin:<userId>:<day>`. */
  key: string;
  now: Date;
  /** Caps set by the feature's configuration (e.g. 随手拍: 30 a day, 300 a month). */
  caps?: PointsCaps;
}

export interface AwardResult {
  /** Points actually credited (0 when capped or already credited). */
  awarded: number;
  duplicate: boolean;
  capped: boolean;
}

interface LedgerDoc {
  _id: string;
  userId: string;
  amount: number;
  reason: PointsReason;
  title: string;
  sourceId: string;
  day: string;
  createdAt: Date;
  capped?: boolean;
}

const RETRIES = 10;

function validate(m: PointsMove) {
  if (!Number.isInteger(m.amount) || m.amount <= 0)
    throw new Error(`points amount must be a positive integer, got ${m.amount}`);
  if (!m.key) throw new Error('points move needs an idempotency key');
}

export async function awardPoints(m: PointsMove): Promise<AwardResult> {
  validate(m);
  return inTransaction((t) => awardPointsIn(t, m), RETRIES);
}

/**
 * The award as part of a caller's own transaction, so that what earned the points
 * and the points themselves are written together or not at all.
 */
export async function awardPointsIn(t: Transaction, m: PointsMove): Promise<AwardResult> {
  validate(m);
  const day = beijingDay(m.now);
  const existing = await getDocIn<LedgerDoc>(t, COLLECTIONS.pointsLedger, m.key);
  if (existing) return { awarded: 0, duplicate: true, capped: false };
  const cap = m.caps?.daily ?? DAILY_CAPS[m.reason];
  const monthCap = m.caps?.monthly ?? MONTHLY_CAPS[m.reason];
  let grant = m.amount;
  const dailyId = `${m.userId}:${m.reason}:${day}`;
  const month = day.slice(0, 7);
  const monthlyId = `${m.userId}:${m.reason}:${month}`;
  let dailyTotal = 0;
  let monthlyTotal = 0;
  if (cap !== undefined) {
    const daily = await getDocIn<{ total: number }>(t, COLLECTIONS.pointsDaily, dailyId);
    dailyTotal = daily?.total ?? 0;
    grant = Math.max(0, Math.min(grant, cap - dailyTotal));
  }
  let monthCapped = false;
  if (monthCap !== undefined) {
    const monthly = await getDocIn<{ total: number }>(t, COLLECTIONS.pointsDaily, monthlyId);
    monthlyTotal = monthly?.total ?? 0;
    const left = Math.max(0, monthCap - monthlyTotal);
    if (left < grant) [grant, monthCapped] = [left, true];
  }
  const why = monthCapped ? '本月该项积分已达上限' : '今日该项积分已达上限';
  const entry: LedgerDoc = {
    _id: m.key,
    userId: m.userId,
    amount: grant,
    reason: m.reason,
    title: grant < m.amount ? `${m.title}（${why}）` : m.title,
    sourceId: m.sourceId,
    day,
    createdAt: m.now,
    ...(grant < m.amount ? { capped: true } : {}),
  };
  await t.collection(COLLECTIONS.pointsLedger).add(entry);
  if (grant > 0) {
    if (cap !== undefined) {
      await t
        .collection(COLLECTIONS.pointsDaily)
        .doc(dailyId)
        .set({ userId: m.userId, reason: m.reason, day, total: dailyTotal + grant });
    }
    if (monthCap !== undefined) {
      await t
        .collection(COLLECTIONS.pointsDaily)
        .doc(monthlyId)
        .set({ userId: m.userId, reason: m.reason, month, total: monthlyTotal + grant });
    }
    await addPointsIn(t, m.userId, { balance: grant, earned: grant }, m.now);
  }
  return { awarded: grant, duplicate: false, capped: grant < m.amount };
}

/** Spends points; refuses (LIMIT_REACHED) rather than going below zero. Idempotent by key. */
export async function spendPoints(m: PointsMove): Promise<SpendResult> {
  validate(m);
  return inTransaction((t) => spendPointsIn(t, m), RETRIES);
}

export interface SpendResult {
  spent: number;
  duplicate: boolean;
  /** The balance after the spend (read in the transaction). */
  balance: number;
}

/**
 * The spend as part of a caller's own transaction (a redemption: the stock, the
 * order and the points together). The balance is read in the transaction, so two
 * spends at once can never take it below zero: one of them conflicts and retries.
 */
export async function spendPointsIn(t: Transaction, m: PointsMove): Promise<SpendResult> {
  validate(m);
  const existing = await getDocIn<LedgerDoc>(t, COLLECTIONS.pointsLedger, m.key);
  const user = await getUserIn(t, m.userId);
  if (!user) throw notFound('用户');
  const balance = user.points?.balance ?? 0;
  if (existing) return { spent: -existing.amount, duplicate: true, balance };
  if (balance < m.amount) throw new AppError('LIMIT_REACHED', `积分不足：需要 ${m.amount}，当前 ${balance}`);
  await t.collection(COLLECTIONS.pointsLedger).add(ledgerEntry(m, -m.amount));
  await addPointsIn(t, m.userId, { balance: -m.amount, spent: m.amount }, m.now);
  return { spent: m.amount, duplicate: false, balance: balance - m.amount };
}

/**
 * Gives back points a spend took (a cancelled redemption), inside the caller's
 * transaction: a positive entry under its own key, so it is refunded once however
 * often it is asked; it lowers `spent` rather than raising `earned`, and has no cap.
 */
export async function refundPointsIn(t: Transaction, m: PointsMove): Promise<{ refunded: number; duplicate: boolean }> {
  validate(m);
  const existing = await getDocIn<LedgerDoc>(t, COLLECTIONS.pointsLedger, m.key);
  if (existing) return { refunded: 0, duplicate: true };
  await t.collection(COLLECTIONS.pointsLedger).add(ledgerEntry(m, m.amount));
  await addPointsIn(t, m.userId, { balance: m.amount, spent: -m.amount }, m.now);
  return { refunded: m.amount, duplicate: false };
}

function ledgerEntry(m: PointsMove, amount: number): LedgerDoc {
  return {
    _id: m.key,
    userId: m.userId,
    amount,
    reason: m.reason,
    title: m.title,
    sourceId: m.sourceId,
    day: beijingDay(m.now),
    createdAt: m.now,
  };
}

/** A user's ledger, newest first. */
export function listLedger(userId: string, page: PageArgs) {
  return fetchPage(collection(COLLECTIONS.pointsLedger).where({ userId }), [['createdAt', 'desc']], page, toEntry);
}

function toEntry(d: LedgerDoc): PointsEntry {
  return {
    id: d._id,
    amount: d.amount,
    reason: d.reason,
    title: d.title,
    sourceId: d.sourceId,
    createdAt: new Date(d.createdAt).toISOString(),
  };
}

/** A user's ledger entries created in [from, to), newest first, up to `limit` (a monthly statement). */
export async function ledgerBetween(userId: string, from: Date, to: Date, limit: number): Promise<PointsEntry[]> {
  const _ = cmd();
  const { data } = await collection(COLLECTIONS.pointsLedger)
    .where({ userId, createdAt: _.gte(from).and(_.lt(to)) })
    .orderBy('createdAt', 'desc')
    .orderBy('_id', 'asc')
    .limit(limit)
    .get();
  return (data as LedgerDoc[]).map(toEntry);
}

export type { LedgerDoc };
