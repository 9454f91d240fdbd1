// The database module: /admin database.* actions, declared collections from
// database.json, and inspection routes for development.
import type { ServerResponse } from 'node:http';
import { sendJson } from '../core/http';
import type { AdminHandler, EmulatorService, Route, ServiceContext } from '../core/service';
import { databaseActions, type DatabaseRuntime } from './operations';
import { type CollectionSpec, loadSchema } from './schema';
import { Store } from './store';
import { TransactionManager } from './transactions';

import { toEjson } from './ejson';

export interface DatabaseOptions {
  /** database.json path, or the collections themselves (tests). */
  schema?: string | CollectionSpec[];
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
    const schema = this.options.schema;
    this.declared = typeof schema === 'string' ? loadSchema(schema) : (schema ?? []);
    this.runtime.store = new Store(ctx.dataDir);
    this.runtime.store.ensureDeclared(this.declared);
    this.runtime.txns = new TransactionManager(this.runtime.store);
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
    return [`database: ${n} collections (${this.declared.length} declared in database.json)`];
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
    const docs = [...c.docs.values()].slice(skip, skip + limit).map((s) => toEjson(s.doc));
    sendJson(res, 200, { total: c.docs.size, documents: docs });
  }
}
