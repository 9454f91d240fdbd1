// The quotes and quote_schedule collections: the pool of daily quotes and the
// calendar (one document per Beijing day, _id = the day). A day without an entry
// gets a deterministic pick from the pool, written down once so the whole day sees
// the same quote even if the pool changes.
import { COLLECTIONS } from '../../_shared/collections';
import { cmd, collection, containsText, docsByIds, findDocs, getDoc } from '../../_shared/db';
import { AppError, isDuplicateKey, notFound } from '../../_shared/errors';
import { fetchPage, type PageArgs } from '../../_shared/paging';
import { pickIndex } from '../rules/daily';

export interface QuoteDoc {
  _id: string;
  text: string;
  source: string;
  bgImageFileId: string;
  sample: boolean;
  orgId: string;
  status: 'active' | 'deleted';
  importId?: string;
  createdAt: Date;
  updatedAt: Date;
}

/** _id = day. `auto` marks a pick made from the pool (fixed once made). */
export interface ScheduleDoc {
  _id: string;
  quoteId: string;
  auto: boolean;
  createdAt: Date;
}

export type QuoteFields = Pick<QuoteDoc, 'text' | 'source' | 'bgImageFileId' | 'sample' | 'orgId'>;

const quotes = () => collection(COLLECTIONS.quotes);
const schedule = () => collection(COLLECTIONS.quoteSchedule);

export async function requireActiveQuote(quoteId: string): Promise<QuoteDoc> {
  const q = await getDoc<QuoteDoc>(COLLECTIONS.quotes, quoteId);
  if (!q || q.status !== 'active') throw notFound('金句');
  return q;
}

export async function quotesByIds(ids: string[]): Promise<Map<string, QuoteDoc>> {
  const list = await docsByIds<QuoteDoc>(COLLECTIONS.quotes, ids);
  return new Map(list.map((q) => [q._id, q]));
}

/** The day's quote: the scheduled one, else the pool's pick for that day (fixed once made). */
export async function quoteForDay(day: string, now: Date): Promise<QuoteDoc> {
  const scheduled = await getDoc<ScheduleDoc>(COLLECTIONS.quoteSchedule, day);
  if (scheduled) {
    const q = await getDoc<QuoteDoc>(COLLECTIONS.quotes, scheduled.quoteId);
    if (q?.status === 'active') return q;
    // Deleted since it was scheduled: free the day (only if still that quote) and pick again.
    await schedule().where({ _id: day, quoteId: scheduled.quoteId }).remove();
  }
  const pool = quotes().where({ status: 'active' });
  const { total } = await pool.count();
  if (total === 0) throw new AppError('NOT_FOUND', '还没有金句，请管理员先添加');
  const { data } = await pool.orderBy('_id', 'asc').skip(pickIndex(day, total)).limit(1).get();
  const picked = data[0] as QuoteDoc;
  try {
    await schedule().add({ _id: day, quoteId: picked._id, auto: true, createdAt: now });
    return picked;
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    // Someone fixed today's pick first: use theirs.
    return quoteForDay(day, now);
  }
}

/** The calendar up to `today`, newest first. */
export function pastDays(today: string, page: PageArgs) {
  return fetchPage(schedule().where({ _id: cmd().lte(today) }), [['_id', 'desc']], page, (d: ScheduleDoc) => d);
}

/** Days each quote is scheduled for by an organiser (pool picks excluded). */
export async function scheduledDays(quoteIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!quoteIds.length) return out;
  const { data } = await schedule()
    .where({ quoteId: cmd().in(quoteIds), auto: false })
    .orderBy('_id', 'asc')
    .limit(1000)
    .get();
  for (const s of data as ScheduleDoc[]) out.set(s.quoteId, [...(out.get(s.quoteId) ?? []), s._id]);
  return out;
}

/** Which of these days an organiser has already given a quote. */
export async function daysTaken(days: string[]): Promise<Set<string>> {
  if (!days.length) return new Set();
  const taken = await findDocs<ScheduleDoc>(COLLECTIONS.quoteSchedule, { _id: cmd().in(days), auto: false });
  return new Set(taken.map((s) => s._id));
}

export interface QuoteFilter {
  keyword?: string;
  /** Owned by one of these orgs; null = any. */
  orgIds: string[] | null;
}

export function listActiveQuotes(filter: QuoteFilter, page: PageArgs) {
  const _ = cmd();
  const where: object[] = [{ status: 'active' }];
  if (filter.orgIds) where.push({ orgId: _.in(filter.orgIds) });
  if (filter.keyword)
    where.push(_.or([{ text: containsText(filter.keyword) }, { source: containsText(filter.keyword) }]));
  return fetchPage(quotes().where(_.and(where)), [['createdAt', 'desc']], page, (q: QuoteDoc) => q);
}

export async function createQuote(fields: QuoteFields, now: Date): Promise<QuoteDoc> {
  const doc = { ...fields, status: 'active' as const, createdAt: now, updatedAt: now };
  const { id } = (await quotes().add(doc)) as { id: string };
  return { _id: id, ...doc };
}

export async function updateQuote(quoteId: string, fields: QuoteFields, now: Date): Promise<void> {
  await quotes()
    .doc(quoteId)
    .update({ ...fields, updatedAt: now });
}

/** Kept (soft-deleted) so past days' history still shows it; `fromDay` and later days are freed. */
export async function retireQuote(quoteId: string, fromDay: string, now: Date): Promise<void> {
  await quotes().doc(quoteId).update({ status: 'deleted', updatedAt: now });
  await schedule()
    .where({ quoteId, _id: cmd().gte(fromDay) })
    .remove();
}

export async function setDayQuote(day: string, quoteId: string | null, now: Date): Promise<void> {
  if (quoteId === null) await schedule().doc(day).remove();
  else await schedule().doc(day).set({ quoteId, auto: false, createdAt: now });
}

export interface ImportedQuote extends Omit<QuoteFields, 'bgImageFileId'> {
  day: string | null;
}

/**
 * Adds a batch of quotes (and their days) as one import: all rows in one insert;
 * if a schedule write fails after it, the whole batch is removed again.
 */
export async function importQuotes(importId: string, rows: ImportedQuote[], now: Date): Promise<void> {
  const docs = rows.map((r, i) => ({
    _id: `${importId}r${i}`,
    text: r.text,
    source: r.source,
    bgImageFileId: '',
    sample: r.sample,
    orgId: r.orgId,
    status: 'active' as const,
    importId,
    createdAt: now,
    updatedAt: now,
  }));
  await quotes().add(docs);
  try {
    for (const [i, r] of rows.entries()) {
      if (r.day) await schedule().doc(r.day).set({ quoteId: docs[i]!._id, auto: false, createdAt: now });
    }
  } catch (err) {
    await quotes().where({ importId }).remove();
    await schedule()
      .where({ quoteId: cmd().in(docs.map((d) => d._id)) })
      .remove();
    throw err;
  }
}
