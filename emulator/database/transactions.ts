// Multi-document transactions with optimistic concurrency. A transaction reads
// committed state (plus its own writes) and records the version of everything it
// read or wrote, and the result of every query it ran. Commit re-checks them all:
// if anything changed since, the transaction conflicts and is discarded — the SDK
// then retries (runTransaction) — otherwise its writes are applied atomically.
import { randomBytes } from 'node:crypto';
import type { ChangeSet } from './collection';
import { transactionConflict, transactionNotFound } from './errors';
import { compile, type Filter, matching } from './query';
import type { Store } from './store';
import { type Doc, cloneDoc } from './values';

/** Transactions idle this long are dropped (CloudBase/MongoDB limit their lifetime too). */
const IDLE_LIMIT_MS = 60_000;

interface QueryRecord {
  collection: string;
  filter: Filter;
  /** id:version of what it saw. */
  seen: string;
}

export class Transaction {
  readonly id = randomBytes(16).toString('hex');
  lastUsed = Date.now();
  /** "coll/id" → version when first touched (0 = did not exist). */
  readonly versions = new Map<string, number>();
  /** collection → id → new doc | null. */
  readonly writes = new Map<string, ChangeSet>();
  readonly queries: QueryRecord[] = [];

  constructor(private readonly store: Store) {}

  private committedVersion(collection: string, id: string): number {
    return this.store.collection(collection).docs.get(id)?.version ?? 0;
  }

  /** Records the version first seen; a later different version means someone else wrote it. */
  private touch(collection: string, id: string): void {
    const key = `${collection}/${id}`;
    const now = this.committedVersion(collection, id);
    const first = this.versions.get(key);
    if (first === undefined) this.versions.set(key, now);
    else if (first !== now) throw transactionConflict();
  }

  get(collection: string, id: string): Doc | null {
    const own = this.writes.get(collection);
    if (own?.has(id)) return cloneDoc(own.get(id) ?? null);
    this.store.collection(collection);
    this.touch(collection, id);
    const doc = this.store.collection(collection).docs.get(id)?.doc;
    return doc ? cloneDoc(doc) : null;
  }

  /** A query inside the transaction: committed matches overlaid with own writes. */
  query(collection: string, filter: Filter, run: (docs: Doc[]) => Doc[]): Doc[] {
    const coll = this.store.collection(collection);
    const query = compile(filter);
    const committed = matching(coll, filter);
    this.queries.push({ collection, filter, seen: committed.map((s) => `${s.doc._id}:${s.version}`).join(',') });
    const own = this.writes.get(collection) ?? new Map<string, Doc | null>();
    const byId = new Map(committed.map((s) => [s.doc._id, s.doc] as const));
    for (const [id, doc] of own) {
      if (doc && query.test(doc)) byId.set(id, doc);
      else byId.delete(id);
    }
    return run(cloneDoc([...byId.values()]));
  }

  write(collection: string, id: string, doc: Doc | null): void {
    this.store.collection(collection);
    if (!this.writes.get(collection)?.has(id)) this.touch(collection, id);
    let set = this.writes.get(collection);
    if (!set) this.writes.set(collection, (set = new Map()));
    set.set(id, doc);
  }

  /** Validates everything read and written, then applies the writes in one commit. */
  commit(): void {
    for (const [key, version] of this.versions) {
      const slash = key.indexOf('/');
      if (this.committedVersion(key.slice(0, slash), key.slice(slash + 1)) !== version) throw transactionConflict();
    }
    for (const q of this.queries) {
      const now = matching(this.store.collection(q.collection), q.filter)
        .map((s) => `${s.doc._id}:${s.version}`)
        .join(',');
      if (now !== q.seen) throw transactionConflict();
    }
    if (this.writes.size) this.store.commit(this.writes);
  }
}

export class TransactionManager {
  private readonly open = new Map<string, Transaction>();

  constructor(private readonly store: Store) {}

  start(): Transaction {
    this.sweep();
    const t = new Transaction(this.store);
    this.open.set(t.id, t);
    return t;
  }

  get(id: unknown): Transaction {
    const t = typeof id === 'string' ? this.open.get(id) : undefined;
    if (!t) throw transactionNotFound(String(id));
    t.lastUsed = Date.now();
    return t;
  }

  /** Runs an operation of a transaction; a conflict ends it (the SDK never aborts a conflicted attempt). */
  run<T>(id: unknown, op: (t: Transaction) => T): T {
    const t = this.get(id);
    try {
      return op(t);
    } catch (err) {
      if ((err as { code?: string }).code === 'DATABASE_TRANSACTION_CONFLICT') this.open.delete(t.id);
      throw err;
    }
  }

  commit(id: unknown): void {
    const t = this.get(id);
    try {
      t.commit();
    } finally {
      // Committed, conflicted or failed on a unique index: either way it is over.
      this.open.delete(t.id);
    }
  }

  abort(id: unknown): void {
    const t = this.get(id);
    this.open.delete(t.id);
  }

  clear(): void {
    this.open.clear();
  }

  get size(): number {
    return this.open.size;
  }

  private sweep() {
    const cutoff = Date.now() - IDLE_LIMIT_MS;
    for (const [id, t] of this.open) if (t.lastUsed < cutoff) this.open.delete(id);
  }
}
