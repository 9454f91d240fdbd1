// Multi-document transactions with MongoDB's semantics, as CloudBase runs them:
//   - a transaction reads from its snapshot — the committed state when it first
//     reads or writes — plus its own writes; later commits stay invisible to it;
//   - reads never conflict;
//   - a write conflicts at once (DATABASE_TRANSACTION_CONFLICT, and the
//     transaction is over) when another open transaction holds the document, or a
//     commit after the snapshot wrote it; unique-index entries likewise;
//   - a write outside any transaction to something a transaction holds waits until
//     that transaction ends (operations.ts asks `busy`);
//   - a transaction lives 30 s from its start, then it is aborted.
// Commit applies every write in one SQLite transaction (Store.commit).
import { randomBytes } from 'node:crypto';
import type { ChangeSet, Collection } from './collection';
import { duplicateKey, transactionConflict, transactionNotFound } from './errors';
import { docLock, type LockKey, uniqueLock, WriteLocks } from './locks';
import { compile, type Filter, matches, matching } from './query';
import type { Store } from './store';
import { cloneDoc, type Doc, type DocId, idKey } from './values';

/** CloudBase: "transaction must be commit or abort in 30 seconds". */
export const TRANSACTION_LIFETIME_MS = 30_000;

export class Transaction {
  readonly id = randomBytes(16).toString('hex');
  /** Store version this transaction reads at; taken at its first operation, as MongoDB does. */
  snapshot: number | null = null;
  /** collection → idKey → new doc | null. */
  readonly writes = new Map<string, ChangeSet>();
  timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: Store,
    private readonly locks: WriteLocks,
  ) {}

  private begin(): number {
    if (this.snapshot === null) {
      this.snapshot = this.store.currentVersion();
      this.store.history.openSnapshot(this.snapshot);
    }
    return this.snapshot;
  }

  private own(collection: string): ChangeSet {
    let set = this.writes.get(collection);
    if (!set) this.writes.set(collection, (set = new Map()));
    return set;
  }

  /** The document as this transaction sees it (a copy), or null. */
  get(collection: string, id: DocId): Doc | null {
    const s = this.begin();
    const coll = this.store.collection(collection);
    const key = idKey(id);
    const own = this.writes.get(collection);
    if (own?.has(key)) return cloneDoc(own.get(key) ?? null);
    return cloneDoc(this.store.history.stateAt(collection, key, coll.docs.get(key), s));
  }

  /** Documents matching `filter` as this transaction sees them (copies, natural order). */
  query(collection: string, filter: Filter): Doc[] {
    const s = this.begin();
    const coll = this.store.collection(collection);
    const query = compile(filter);
    const seen = new Map<string, Doc>();
    for (const stored of matching(coll, filter)) if (stored.version <= s) seen.set(idKey(stored.doc._id), stored.doc);
    for (const key of this.store.history.changedKeys(collection)) {
      const current = coll.docs.get(key);
      if (current && current.version <= s) continue;
      const then = this.store.history.stateAt(collection, key, current, s);
      if (then && matches(query, then)) seen.set(key, then);
    }
    for (const [key, doc] of this.writes.get(collection) ?? []) {
      if (doc && matches(query, doc)) seen.set(key, doc);
      else seen.delete(key);
    }
    return cloneDoc([...seen.values()]);
  }

  /** Writes (or with null deletes) a document; conflicts and duplicate keys fail here, not at commit. */
  write(collection: string, id: DocId, doc: Doc | null): void {
    const s = this.begin();
    const coll = this.store.collection(collection);
    const key = idKey(id);
    const own = this.own(collection);
    const before = own.has(key) ? own.get(key)! : this.store.history.stateAt(collection, key, coll.docs.get(key), s);
    const locks: LockKey[] = [docLock(collection, key)];
    if (!own.has(key) && this.store.history.writtenAfter(collection, key, s)) throw transactionConflict();
    if (before) locks.push(...coll.uniqueEntries(before).map((e) => uniqueLock(collection, e)));
    if (doc) {
      for (const entry of coll.uniqueEntries(doc)) {
        this.checkUniqueEntry(coll, key, entry, doc, s);
        locks.push(uniqueLock(collection, entry));
      }
    }
    for (const lock of locks) {
      const holder = this.locks.holder(lock);
      if (holder !== undefined && holder !== this.id) throw transactionConflict();
    }
    for (const lock of locks) this.locks.take(this.id, lock);
    own.set(key, doc);
  }

  /** A unique entry another document holds: visible in the snapshot → duplicate; written since → conflict. */
  private checkUniqueEntry(coll: Collection, key: string, entry: string, doc: Doc, s: number): void {
    const own = this.own(coll.name);
    const duplicate = () => {
      const { index, key: described } = coll.describeEntry(entry, doc);
      return duplicateKey(coll.name, index, described);
    };
    for (const [otherKey, other] of own) {
      if (otherKey !== key && other && coll.uniqueEntries(other).includes(entry)) throw duplicate();
    }
    const owner = coll.uniqueOwner(entry);
    if (owner !== undefined && owner !== key && !own.has(owner)) {
      if (this.store.history.writtenAfter(coll.name, owner, s)) throw transactionConflict();
      throw duplicate();
    }
    for (const otherKey of this.store.history.changedKeys(coll.name)) {
      if (otherKey === key || own.has(otherKey)) continue;
      const then = this.store.history.stateAt(coll.name, otherKey, coll.docs.get(otherKey), s);
      if (then && coll.uniqueEntries(then).includes(entry)) throw transactionConflict();
    }
  }

  /** Applies every write in one commit. */
  commit(): void {
    const changes = new Map([...this.writes].filter(([, set]) => set.size > 0));
    if (changes.size) this.store.commit(changes);
  }
}

export class TransactionManager {
  private readonly open = new Map<string, Transaction>();
  private readonly locks = new WriteLocks();

  constructor(
    private readonly store: Store,
    private readonly lifetimeMs = TRANSACTION_LIFETIME_MS,
  ) {}

  start(): Transaction {
    const t = new Transaction(this.store, this.locks);
    this.open.set(t.id, t);
    t.timer = setTimeout(() => this.end(t), this.lifetimeMs);
    t.timer.unref();
    return t;
  }

  get(id: unknown): Transaction {
    const t = typeof id === 'string' ? this.open.get(id) : undefined;
    if (!t) throw transactionNotFound();
    return t;
  }

  /** Runs an operation of a transaction; a conflict ends it (MongoDB aborts a transaction on a write conflict). */
  run<T>(id: unknown, op: (t: Transaction) => T): T {
    const t = this.get(id);
    try {
      return op(t);
    } catch (err) {
      if ((err as { code?: string }).code === 'DATABASE_TRANSACTION_CONFLICT') this.end(t);
      throw err;
    }
  }

  commit(id: unknown): void {
    const t = this.get(id);
    try {
      t.commit();
    } finally {
      // Committed, or failed on a unique index: either way it is over.
      this.end(t);
    }
  }

  abort(id: unknown): void {
    this.end(this.get(id));
  }

  /**
   * For a write outside any transaction: a promise that resolves when no open
   * transaction holds any of `locks` (the caller then retries), or undefined.
   */
  busy(locks: LockKey[]): Promise<void> | undefined {
    return this.locks.busy(locks);
  }

  clear(): void {
    for (const t of this.open.values()) clearTimeout(t.timer);
    this.open.clear();
    this.locks.clear();
  }

  get size(): number {
    return this.open.size;
  }

  private end(t: Transaction): void {
    if (!this.open.delete(t.id)) return;
    clearTimeout(t.timer);
    this.locks.release(t.id);
    if (t.snapshot !== null) this.store.history.closeSnapshot(t.snapshot);
  }
}
