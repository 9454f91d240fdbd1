// The database module: /admin database.* actions, the collections it is started
// with, and inspection routes for development.
import type { ServerResponse } from 'node:http';
import { sendJson } from '../core/http';
import type { AdminHandler, EmulatorService, Route, ServiceContext } from '../core/service';
import { databaseActions, type DatabaseRuntime } from './operations';
import { type CollectionSpec, isValidCollectionName } from './schema';
import { Store } from './store';
import { TransactionManager } from './transactions';

import { toEjson } from './ejson';

export interface DatabaseOptions {
  /** Collections that exist from the start, with their indexes (the dev CLI reads them from database.json). */
  collections?: CollectionSpec[];
  /** How long a transaction may live before it is aborted (default CloudBase's 30 s; tests shorten it). */
  transactionLifetimeMs?: number;
}

export class DatabaseService implements EmulatorService {
  readonly name = 'database';
  readonly adminActions: Record<string, AdminHandler>;
  readonly routes: Route[];
  /** Filled in start(), when the data folder is known; the actions read it per call. */
  private readonly runtime = {} as DatabaseRuntime;
  private started = false;
  private declared: CollectionSpec[] = [];

  constructor(private readonly options: DatabaseOptions = {}) {
    this.adminActions = databaseActions(this.runtime);
    this.routes = [
      { method: 'GET', path: /^\/_emulator\/collections$/, handle: (_q, res) => this.listCollections(res) },
      {
        method: 'GET',
        path: /^\/_emulator\/collections\/([^/]+)\/documents$/,
        handle: (_q, res, [name], url) => this.listDocuments(res, name!, url),
      },
    ];
  }

  start(ctx: ServiceContext): void {
    this.declared = this.options.collections ?? [];
    const badName = this.declared.find((c) => !isValidCollectionName(c.name));
    if (badName) throw new Error(`cannot declare the collection "${badName.name}": not a valid collection name`);
    this.runtime.store = new Store(ctx.dataDir);
    this.runtime.store.ensureDeclared(this.declared);
    this.runtime.txns = new TransactionManager(this.runtime.store, this.options.transactionLifetimeMs);
    this.started = true;
  }

  stop(): void {
    if (this.started) this.runtime.store.close();
    this.started = false;
  }

  reset(): void {
    if (!this.started) return;
    this.runtime.txns.clear();
    this.runtime.store.clear(this.declared);
  }

  describe(): string[] {
    const n = this.started ? this.runtime.store.collections.size : 0;
    return [`database: ${n} collections (${this.declared.length} declared)`];
  }

  /** Read access for tools in the same process (seeding checks, benchmarks). */
  get state(): Store {
    if (!this.started) throw new Error('database not started');
    return this.runtime.store;
  }

  private listCollections(res: ServerResponse) {
    const out = [...this.state.collections.values()].map((c) => ({
      name: c.name,
      count: c.docs.size,
      indexes: c.indexes,
    }));
    sendJson(res, 200, out);
  }

  private listDocuments(res: ServerResponse, name: string, url: URL) {
    const c = this.state.collections.get(name);
    if (!c) return sendJson(res, 404, { code: 'DATABASE_COLLECTION_NOT_EXIST', message: `no collection ${name}` });
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 100) || 100, 1000);
    const skip = Number(url.searchParams.get('skip') ?? 0) || 0;
    const docs = [...c.docs.values()].slice(skip, skip + limit).map((s) => toEjson(s.doc, 'oid'));
    sendJson(res, 200, { total: c.docs.size, documents: docs });
  }
}
