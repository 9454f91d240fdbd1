// What documents looked like before recent writes, kept only while an open
// transaction may still need it: snapshot reads (MongoDB's transactions read the
// state as of their snapshot, whatever commits meanwhile) and write conflicts
// ("committed after my snapshot") are both answered from here.
//
// Every commit while a snapshot is open records, per changed document, the state
// it replaced and the version that replaced it. States are kept oldest first; the
// state at snapshot s is the first one replaced after s, or the current one.
import type { StoredDoc } from './collection';
import type { Doc } from './values';

interface PastState {
  doc: Doc | null;
  /** The commit version that replaced this state. */
  until: number;
}

export class History {
  /** Open snapshot versions → how many transactions read at each. */
  private readonly open = new Map<number, number>();
  /** collection → document key → replaced states, oldest first. */
  private readonly past = new Map<string, Map<string, PastState[]>>();

  /** Whether commits must record what they replace. */
  get active(): boolean {
    return this.open.size > 0;
  }

  openSnapshot(version: number): void {
    this.open.set(version, (this.open.get(version) ?? 0) + 1);
  }

  closeSnapshot(version: number): void {
    const n = (this.open.get(version) ?? 0) - 1;
    if (n > 0) this.open.set(version, n);
    else this.open.delete(version);
    this.prune();
  }

  /** Called by the store before a commit replaces `old` (undefined: the document did not exist). */
  record(collection: string, key: string, old: StoredDoc | undefined, version: number): void {
    let byKey = this.past.get(collection);
    if (!byKey) this.past.set(collection, (byKey = new Map()));
    let states = byKey.get(key);
    if (!states) byKey.set(key, (states = []));
    states.push({ doc: old?.doc ?? null, until: version });
  }

  /** The document as of `snapshot`, given what is stored now. */
  stateAt(collection: string, key: string, current: StoredDoc | undefined, snapshot: number): Doc | null {
    for (const s of this.past.get(collection)?.get(key) ?? []) if (s.until > snapshot) return s.doc;
    return current?.doc ?? null;
  }

  /** True when a commit after `snapshot` wrote the document. */
  writtenAfter(collection: string, key: string, snapshot: number): boolean {
    return (this.past.get(collection)?.get(key) ?? []).some((s) => s.until > snapshot);
  }

  /** Keys of the collection's documents that have past states (written since the oldest open snapshot). */
  changedKeys(collection: string): Iterable<string> {
    return this.past.get(collection)?.keys() ?? [];
  }

  clear(): void {
    this.open.clear();
    this.past.clear();
  }

  /** Drops states no open snapshot can see. */
  private prune(): void {
    if (!this.open.size) return void this.past.clear();
    const oldest = Math.min(...this.open.keys());
    for (const [collection, byKey] of this.past) {
      for (const [key, states] of byKey) {
        const kept = states.filter((s) => s.until > oldest);
        if (kept.length) byKey.set(key, kept);
        else byKey.delete(key);
      }
      if (!byKey.size) this.past.delete(collection);
    }
  }
}
