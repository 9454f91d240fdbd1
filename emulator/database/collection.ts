// One collection in memory: documents with versions (for transaction conflict
// detection), unique indexes enforced over batches, and equality lookup maps on
// indexed fields so indexed queries do not scan.
import type { IndexSpec } from './schema';
import { duplicateKey } from './errors';
import { type Doc, getPath, idKey, isDocId, THROUGH_ARRAY, valueKey } from './values';

export interface StoredDoc {
  doc: Doc;
  version: number;
}

/** idKey(_id) → new document, or null to delete. */
export type ChangeSet = Map<string, Doc | null>;

class UniqueIndex {
  readonly owners = new Map<string, string>();
  constructor(readonly spec: IndexSpec) {}

  key(doc: Doc): string {
    // CloudBase: a missing field counts as null for uniqueness.
    return Object.keys(this.spec.keys)
      .map((f) => {
        const v = getPath(doc, f);
        return v === THROUGH_ARRAY ? `a:${JSON.stringify(doc)}` : valueKey(v);
      })
      .join('\u0000');
  }

  describeKey(doc: Doc): string {
    return `{ ${Object.keys(this.spec.keys)
      .map((f) => `${f}: ${JSON.stringify(getPath(doc, f) ?? null)}`)
      .join(', ')} }`;
  }
}

/** Maps a field's value(s) to the ids having it; docs it cannot index are always candidates. */
class LookupIndex {
  readonly byKey = new Map<string, Set<string>>();
  readonly unindexed = new Set<string>();
  constructor(readonly field: string) {}

  keysOf(doc: Doc): string[] | null {
    const v = getPath(doc, this.field);
    if (v === THROUGH_ARRAY) return null;
    if (Array.isArray(v)) return [valueKey(v), ...v.map(valueKey)];
    return [valueKey(v)];
  }

  add(doc: Doc) {
    const keys = this.keysOf(doc);
    const id = idKey(doc._id);
    if (!keys) return void this.unindexed.add(id);
    for (const k of keys) {
      let set = this.byKey.get(k);
      if (!set) this.byKey.set(k, (set = new Set()));
      set.add(id);
    }
  }

  remove(doc: Doc) {
    const id = idKey(doc._id);
    this.unindexed.delete(id);
    for (const k of this.keysOf(doc) ?? []) this.byKey.get(k)?.delete(id);
  }
}

export class Collection {
  readonly docs = new Map<string, StoredDoc>();
  private readonly uniques: UniqueIndex[];
  private readonly lookups = new Map<string, LookupIndex>();

  constructor(
    readonly name: string,
    readonly indexes: IndexSpec[],
  ) {
    this.uniques = indexes.filter((i) => i.unique).map((i) => new UniqueIndex(i));
    for (const ix of indexes) {
      const [first, dir] = Object.entries(ix.keys)[0]!;
      if (dir === '2dsphere') continue;
      if (first !== '_id' && !this.lookups.has(first)) this.lookups.set(first, new LookupIndex(first));
    }
  }

  /** Fields under a 2dsphere index ($near, $nearSphere and $geoNear need one, as in MongoDB). */
  geoFields(): string[] {
    return this.indexes.flatMap((ix) =>
      Object.entries(ix.keys)
        .filter(([, dir]) => dir === '2dsphere')
        .map(([field]) => field),
    );
  }

  /** Throws DATABASE_DUPLICATE_WRITE if applying `changes` would break a unique index. */
  checkUnique(changes: ChangeSet): void {
    for (const ix of this.uniques) {
      const seen = new Map<string, string>();
      for (const [id, doc] of changes) {
        if (!doc) continue;
        const k = ix.key(doc);
        if (seen.has(k)) throw duplicateKey(this.name, ix.spec.name, ix.describeKey(doc));
        seen.set(k, id);
      }
      for (const [k, id] of seen) {
        const owner = ix.owners.get(k);
        if (owner !== undefined && owner !== id && !changes.has(owner)) {
          throw duplicateKey(this.name, ix.spec.name, ix.describeKey(changes.get(id)!));
        }
      }
    }
  }

  /** Applies checked changes; every changed document gets a new version. */
  apply(changes: ChangeSet, version: number): void {
    for (const [id, doc] of changes) {
      const old = this.docs.get(id);
      if (old) this.unindex(old.doc);
      if (doc) {
        this.docs.set(id, { doc, version });
        this.index(doc);
      } else {
        this.docs.delete(id);
      }
    }
  }

  /** Loads a stored document at start (no checks beyond uniqueness). */
  load(doc: Doc, version: number): void {
    const key = idKey(doc._id);
    this.checkUnique(new Map([[key, doc]]));
    this.docs.set(key, { doc, version });
    this.index(doc);
  }

  /** The unique-index entries a document occupies (for write locks): `<index>\u0000<key>`. */
  uniqueEntries(doc: Doc): string[] {
    return this.uniques.map((ix) => `${ix.spec.name}\u0000${ix.key(doc)}`);
  }

  /** The key of the committed document holding a unique entry, if any. */
  uniqueOwner(entry: string): string | undefined {
    const sep = entry.indexOf('\u0000');
    const ix = this.uniques.find((u) => u.spec.name === entry.slice(0, sep));
    return ix?.owners.get(entry.slice(sep + 1));
  }

  /** Describes a unique entry for a duplicate-key message. */
  describeEntry(entry: string, doc: Doc): { index: string; key: string } {
    const name = entry.slice(0, entry.indexOf('\u0000'));
    const ix = this.uniques.find((u) => u.spec.name === name)!;
    return { index: name, key: ix.describeKey(doc) };
  }

  /**
   * Documents that may match an equality on an indexed field (a superset), or
   * null when no index applies and the caller must scan.
   */
  candidatesFor(field: string, values: unknown[]): StoredDoc[] | null {
    if (field === '_id') {
      return values.flatMap((v) => {
        const stored = isDocId(v) ? this.docs.get(idKey(v)) : undefined;
        return stored ? [stored] : [];
      });
    }
    const lookup = this.lookups.get(field);
    if (!lookup) return null;
    const ids = new Set<string>(lookup.unindexed);
    for (const v of values) for (const id of lookup.byKey.get(valueKey(v)) ?? []) ids.add(id);
    return [...ids].flatMap((id) => (this.docs.has(id) ? [this.docs.get(id)!] : []));
  }

  hasLookup(field: string): boolean {
    return field === '_id' || this.lookups.has(field);
  }

  private index(doc: Doc) {
    for (const ix of this.uniques) ix.owners.set(ix.key(doc), idKey(doc._id));
    for (const l of this.lookups.values()) l.add(doc);
  }

  private unindex(doc: Doc) {
    for (const ix of this.uniques) {
      const k = ix.key(doc);
      if (ix.owners.get(k) === idKey(doc._id)) ix.owners.delete(k);
    }
    for (const l of this.lookups.values()) l.remove(doc);
  }
}
