// Durable state: every collection and document in SQLite (WAL), mirrored in memory
// for queries. All writes — single operations and transaction commits — go through
// commit(), which checks unique indexes for the whole batch, writes SQLite in one
// transaction and only then updates memory: all or nothing. While a transaction
// holds a snapshot, commits also record what they replace (history.ts).
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type ChangeSet, Collection } from './collection';
import { collectionExists, collectionNotExist } from './errors';
import { decodeEjson, encodeEjson } from './ejson';
import { History } from './history';
import type { CollectionSpec, IndexSpec } from './schema';
import type { Doc } from './values';

export class Store {
  private db: Database.Database;
  readonly collections = new Map<string, Collection>();
  readonly history = new History();
  /** Global write counter; each commit stamps its documents with a new version. */
  private version = 0;
  private stmts!: {
    upsertDoc: Database.Statement;
    deleteDoc: Database.Statement;
    upsertCollection: Database.Statement;
    deleteAll: Database.Statement;
    deleteCollections: Database.Statement;
  };

  constructor(dataDir: string | null) {
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    this.db = new Database(dataDir ? join(dataDir, 'database.sqlite') : ':memory:');
    this.db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode: a committed write survives a killed process (not a power cut).
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS collections (name TEXT PRIMARY KEY, indexes TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS documents (
        collection TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, version INTEGER NOT NULL,
        PRIMARY KEY (collection, id)
      ) WITHOUT ROWID;`);
    this.prepare();
    this.loadAll();
  }

  private prepare() {
    this.stmts = {
      upsertDoc: this.db.prepare(
        'INSERT OR REPLACE INTO documents (collection, id, body, version) VALUES (?, ?, ?, ?)',
      ),
      deleteDoc: this.db.prepare('DELETE FROM documents WHERE collection = ? AND id = ?'),
      upsertCollection: this.db.prepare('INSERT OR REPLACE INTO collections (name, indexes) VALUES (?, ?)'),
      deleteAll: this.db.prepare('DELETE FROM documents'),
      deleteCollections: this.db.prepare('DELETE FROM collections'),
    };
  }

  private loadAll() {
    for (const row of this.db.prepare('SELECT name, indexes FROM collections').all() as {
      name: string;
      indexes: string;
    }[]) {
      this.collections.set(row.name, new Collection(row.name, JSON.parse(row.indexes) as IndexSpec[]));
    }
    const rows = this.db.prepare('SELECT collection, body, version FROM documents').iterate() as Iterable<{
      collection: string;
      body: string;
      version: number;
    }>;
    for (const row of rows) {
      const c = this.collections.get(row.collection);
      if (!c) continue;
      c.load(decodeEjson(row.body) as Doc, row.version);
      this.version = Math.max(this.version, row.version);
    }
  }

  /** Creates declared collections and brings their indexes up to date (fails loudly on duplicates). */
  ensureDeclared(specs: CollectionSpec[]): void {
    for (const spec of specs) {
      const existing = this.collections.get(spec.name);
      if (existing && JSON.stringify(existing.indexes) === JSON.stringify(spec.indexes)) continue;
      const rebuilt = new Collection(spec.name, spec.indexes);
      for (const { doc, version } of existing?.docs.values() ?? []) {
        try {
          rebuilt.load(doc, version);
        } catch (err) {
          throw new Error(`cannot apply the indexes of "${spec.name}" to its stored data: ${(err as Error).message}`);
        }
      }
      this.stmts.upsertCollection.run(spec.name, JSON.stringify(spec.indexes));
      this.collections.set(spec.name, rebuilt);
    }
  }

  createCollection(name: string): void {
    if (this.collections.has(name)) throw collectionExists(name);
    this.stmts.upsertCollection.run(name, '[]');
    this.collections.set(name, new Collection(name, []));
  }

  collection(name: unknown): Collection {
    const c = typeof name === 'string' ? this.collections.get(name) : undefined;
    if (!c) throw collectionNotExist(String(name));
    return c;
  }

  currentVersion(): number {
    return this.version;
  }

  /** Applies changes to one or more collections atomically. */
  commit(changes: Map<string, ChangeSet>): void {
    for (const [name, set] of changes) this.collection(name).checkUnique(set);
    const version = ++this.version;
    this.db.transaction(() => {
      for (const [name, set] of changes) {
        for (const [id, doc] of set) {
          if (doc) this.stmts.upsertDoc.run(name, id, encodeEjson(doc, 'oid'), version);
          else this.stmts.deleteDoc.run(name, id);
        }
      }
    })();
    if (this.history.active) {
      for (const [name, set] of changes) {
        const c = this.collection(name);
        for (const id of set.keys()) this.history.record(name, id, c.docs.get(id), version);
      }
    }
    for (const [name, set] of changes) this.collection(name).apply(set, version);
  }

  /** Drops every document and every collection not declared (used by reset). */
  clear(declared: CollectionSpec[]): void {
    this.db.transaction(() => {
      this.stmts.deleteAll.run();
      this.stmts.deleteCollections.run();
    })();
    this.collections.clear();
    this.history.clear();
    this.ensureDeclared(declared);
  }

  close(): void {
    this.db.close();
  }
}
