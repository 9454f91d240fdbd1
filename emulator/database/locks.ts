// Write locks of open transactions, as MongoDB takes them: a transaction that
// writes a document (or a unique-index entry) holds it until it commits, aborts
// or expires. Another transaction's write to it conflicts at once; a write
// outside any transaction waits until the holder ends.

/** `d:<collection>/<doc key>` or `u:<collection>/<index>\u0000<key>`. */
export type LockKey = string;

export const docLock = (collection: string, key: string): LockKey => `d:${collection}/${key}`;
export const uniqueLock = (collection: string, entry: string): LockKey => `u:${collection}/${entry}`;

export class WriteLocks {
  /** lock → id of the transaction holding it. */
  private readonly holders = new Map<LockKey, string>();
  /** transaction id → what it holds. */
  private readonly held = new Map<string, Set<LockKey>>();
  /** transaction id → callers waiting for it to end. */
  private readonly waiters = new Map<string, (() => void)[]>();

  holder(lock: LockKey): string | undefined {
    return this.holders.get(lock);
  }

  take(txn: string, lock: LockKey): void {
    this.holders.set(lock, txn);
    let set = this.held.get(txn);
    if (!set) this.held.set(txn, (set = new Set()));
    set.add(lock);
  }

  /** Resolves when no transaction holds any of `locks`; undefined when none does now. */
  busy(locks: Iterable<LockKey>): Promise<void> | undefined {
    for (const lock of locks) {
      const txn = this.holders.get(lock);
      if (txn === undefined) continue;
      return new Promise<void>((resolve) => {
        let list = this.waiters.get(txn);
        if (!list) this.waiters.set(txn, (list = []));
        list.push(resolve);
      });
    }
    return undefined;
  }

  /** Frees everything `txn` holds and wakes whoever waited for it. */
  release(txn: string): void {
    for (const lock of this.held.get(txn) ?? []) if (this.holders.get(lock) === txn) this.holders.delete(lock);
    this.held.delete(txn);
    const list = this.waiters.get(txn) ?? [];
    this.waiters.delete(txn);
    for (const wake of list) wake();
  }

  clear(): void {
    const all = [...this.waiters.values()].flat();
    this.holders.clear();
    this.held.clear();
    this.waiters.clear();
    for (const wake of all) wake();
  }
}
