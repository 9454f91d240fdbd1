// Cloud storage: uploadFile / getTempFileURL / downloadFile / getFileInfo /
// deleteFile / copyFile / getFileAuthority through the unmodified SDK, with bytes
// kept in memory or under <dataDir>/storage/, and the bucket's security rules
// applied to client requests.
import type { EmulatorService, ServiceContext } from '../core/service';
import { type StorageDeps, storageActions } from './actions';
import { storageRoutes } from './routes';
import { type CompiledRules, compileStorageRules, DEFAULT_STORAGE_RULES, type StorageRules } from './rules';
import { type FileStore, openStore } from './state';
import { UploadGrants } from './upload-grants';
import { FILES_PREFIX } from './urls';

export interface StorageOptions {
  /** The bucket's security rules (CloudBase's format); default DEFAULT_STORAGE_RULES, a new bucket's. */
  rules?: StorageRules;
}

export class StorageService implements EmulatorService {
  readonly name = 'storage';
  private deps: StorageDeps | null = null;
  /** Compiled when the service is made: rules that do not parse stop the emulator from starting. */
  private readonly rules: CompiledRules;
  private readonly current = (): StorageDeps => {
    if (!this.deps) throw new Error('storage service used before start()');
    return this.deps;
  };
  readonly adminActions = storageActions(this.current);
  readonly routes = storageRoutes(this.current);

  constructor(options: StorageOptions = {}) {
    this.rules = compileStorageRules(options.rules ?? DEFAULT_STORAGE_RULES);
  }

  async start(ctx: ServiceContext): Promise<void> {
    const store: FileStore = await openStore(ctx.dataDir);
    this.deps = { store, grants: new UploadGrants(), rules: this.rules, envId: ctx.envId, baseUrl: ctx.baseUrl };
  }

  stop(): void {
    this.deps = null;
  }

  async reset(): Promise<void> {
    const deps = this.current();
    deps.grants.clear();
    await deps.store.clear();
  }

  describe(): string[] {
    if (!this.deps) return ['storage: not started'];
    return [`storage: files ${this.deps.store.location}, served at ${this.deps.baseUrl}${FILES_PREFIX}<cloudPath>`];
  }
}
