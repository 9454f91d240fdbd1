// The database, for stores only (lint: only-stores-touch-the-database). One handle
// per function instance, transactions retried on conflict, and typed reads so that
// no store casts `.data[0]` by hand.
import type { Transaction } from '@cloudbase/database/dist/commonjs/transaction/index';
import type { CollectionName } from './collections';
import { escapeRegExp } from './regexp';
import { cloud } from './sdk';

export type Database = ReturnType<ReturnType<typeof cloud>['database']>;
export type { Transaction };
export type { CollectionName };

let database: Database | null = null;

export function db(): Database {
  return (database ??= cloud().database());
}

/** The query command builder (`_.in`, `_.inc`, …). */
export const cmd = () => db().command;

export const collection = (name: CollectionName) => db().collection(name);

/**
 * The `$limit` of an aggregate that must see every group: CloudBase answers one
 * without a `$limit` with 20 rows, so a month of days or a district's orgs would be cut.
 */
export const AGGREGATE_ROWS = 1000;

/** Runs `fn` in a transaction, retried on conflict (the SDK's typing of this is `any`). */
export function inTransaction<T>(fn: (t: Transaction) => Promise<T>, retries = 10): Promise<T> {
  return db().runTransaction(fn, retries) as Promise<T>;
}

/**
 * `inTransaction` for writes many callers make at once on one document (a reporter's
 * balance, a goods' stock): when even the retries conflict, it waits a random moment
 * and starts again, a few rounds, before giving up with the conflict.
 */
export async function inContendedTransaction<T>(fn: (t: Transaction) => Promise<T>, retries: number): Promise<T> {
  for (let round = 0; ; round++) {
    try {
      return await inTransaction(fn, retries);
    } catch (err) {
      if (!isTransactionConflict(err) || round >= 4) throw err;
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 80 * (round + 1)));
    }
  }
}

/**
 * A transaction on a document that very many write at once (the last pieces of
 * goods in a redemption storm): a conflicting attempt waits a random, growing
 * moment (full jitter) before the next, instead of retrying at once, so contenders
 * take turns rather than spin against the one holding the document; after
 * `budgetMs` it gives up with the conflict (the caller's reply must still be sent).
 */
export async function inTurnsTransaction<T>(fn: (t: Transaction) => Promise<T>, budgetMs: number): Promise<T> {
  const giveUpAt = Date.now() + budgetMs;
  for (let attempt = 0; ; attempt++) {
    try {
      return await inTransaction(fn, 0);
    } catch (err) {
      if (!isTransactionConflict(err) || Date.now() >= giveUpAt) throw err;
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(1_000, 10 * 2 ** attempt)));
    }
  }
}

export const isTransactionConflict = (err: unknown) =>
  (err as { code?: unknown })?.code === 'DATABASE_TRANSACTION_CONFLICT';

/** One document by id, or null. */
export async function getDoc<T>(name: CollectionName, id: string): Promise<T | null> {
  const { data } = await collection(name).doc(id).get();
  return ((data as unknown[])[0] as T | undefined) ?? null;
}

/** One document by id inside a transaction (the SDK answers an object there, not a list). */
export async function getDocIn<T>(t: Transaction, name: CollectionName, id: string): Promise<T | null> {
  const { data } = await t.collection(name).doc(id).get();
  return (data as unknown as T | null) ?? null;
}

/** Every document matching `where`, up to `limit` (the SDK's maximum is 1000). */
export async function findDocs<T>(name: CollectionName, where: object, limit = 1000): Promise<T[]> {
  const { data } = await collection(name).where(where).limit(limit).get();
  return data as T[];
}

/** The most documents one read returns (the SDK's maximum). */
export const PAGE_ROWS = 1000;

/**
 * Every document matching `where`, a page at a time in _id order. Keyset paging
 * (after the last _id seen, never `skip`), so a late page costs what the first did.
 */
export async function forEachPage<T extends { _id: string }>(
  name: CollectionName,
  where: object,
  visit: (docs: T[]) => void | Promise<void>,
  pageSize = PAGE_ROWS,
): Promise<void> {
  const _ = cmd();
  for (let last: string | null = null; ;) {
    const query = last === null ? where : _.and([where, { _id: _.gt(last) }]);
    const { data } = await collection(name).where(query).orderBy('_id', 'asc').limit(pageSize).get();
    const docs = data as T[];
    if (docs.length) await visit(docs);
    if (docs.length < pageSize) return;
    last = docs[docs.length - 1]!._id;
  }
}

/** The first document matching `where`, or null. */
export async function findDoc<T>(name: CollectionName, where: object): Promise<T | null> {
  return (await findDocs<T>(name, where, 1))[0] ?? null;
}

/** Documents by id (missing ones are simply absent). */
export async function docsByIds<T extends { _id: string }>(
  name: CollectionName,
  ids: string[],
  extra: object = {},
): Promise<T[]> {
  if (!ids.length) return [];
  return findDocs<T>(name, { _id: cmd().in([...new Set(ids)]), ...extra }, Math.min(1000, ids.length));
}

/** A case-insensitive "contains" match for user-typed text. */
export function containsText(text: string) {
  return db().RegExp({ regexp: escapeRegExp(text), options: 'i' });
}

/** The rows of an aggregate's `.end()` (the SDK types them loosely). */
export function rowsOf<T>(res: unknown): T[] {
  return ((res as { data?: T[] }).data ?? []) as T[];
}
