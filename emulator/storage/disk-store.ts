// Durable file store under <dataDir>/storage/. An object is two files named by
// the SHA-256 of its cloud path: `<hash>` holds the bytes, `<hash>.json` holds
// the cloud path (and the creator's openid). Hashed names mean no cloud path can ever reach outside the
// folder, and "a" and "a/b" can coexist as they do in COS.
//
// Crash safety: bytes are written to tmp/, fsynced, and renamed into place, and
// the folder is fsynced before put() resolves, so an acknowledged upload
// survives a kill. The object exists iff its bytes file exists; the .json is
// written before and removed after it, so a crash leaves at most an ignored
// orphan.
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { FileStore, StoredFile } from './state';

const META_SUFFIX = '.json';

export class DiskStore implements FileStore {
  private constructor(
    private readonly objects: string,
    private readonly tmp: string,
    readonly location: string,
  ) {}

  static async open(root: string): Promise<DiskStore> {
    const store = new DiskStore(path.join(root, 'objects'), path.join(root, 'tmp'), `under ${root}`);
    // Leftovers in tmp/ are writes that never completed: never acknowledged.
    await fs.rm(store.tmp, { recursive: true, force: true });
    await fs.mkdir(store.objects, { recursive: true });
    await fs.mkdir(store.tmp, { recursive: true });
    return store;
  }

  async put(cloudPath: string, bytes: Buffer, owner?: string): Promise<StoredFile> {
    const base = this.basePath(cloudPath);
    const existing = (await exists(base)) ? await this.meta(base) : null;
    const meta = existing ?? { cloudPath, ...(owner !== undefined ? { owner } : {}) };
    if (!existing) await this.writeAtomically(base + META_SUFFIX, Buffer.from(JSON.stringify(meta)));
    await this.writeAtomically(base, bytes);
    await syncDir(this.objects);
    const stat = await fs.stat(base);
    return { ...meta, size: stat.size, updatedAt: stat.mtime };
  }

  private async meta(base: string): Promise<{ cloudPath: string; owner?: string } | null> {
    try {
      return JSON.parse(await fs.readFile(base + META_SUFFIX, 'utf8')) as { cloudPath: string; owner?: string };
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async read(cloudPath: string) {
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(this.basePath(cloudPath), 'r');
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
    try {
      const stat = await handle.stat();
      const bytes = await handle.readFile();
      const owner = (await this.meta(this.basePath(cloudPath)))?.owner;
      return {
        file: { cloudPath, size: bytes.length, updatedAt: stat.mtime, ...(owner !== undefined ? { owner } : {}) },
        bytes,
      };
    } finally {
      await handle.close();
    }
  }

  async stat(cloudPath: string) {
    try {
      const stat = await fs.stat(this.basePath(cloudPath));
      const owner = (await this.meta(this.basePath(cloudPath)))?.owner;
      return { cloudPath, size: stat.size, updatedAt: stat.mtime, ...(owner !== undefined ? { owner } : {}) };
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async remove(cloudPath: string) {
    const base = this.basePath(cloudPath);
    let existed = true;
    try {
      await fs.unlink(base);
    } catch (err) {
      if (!isMissing(err)) throw err;
      existed = false;
    }
    await fs.rm(base + META_SUFFIX, { force: true });
    await syncDir(this.objects);
    return existed;
  }

  async list() {
    const files: StoredFile[] = [];
    for (const name of await fs.readdir(this.objects)) {
      if (!name.endsWith(META_SUFFIX)) continue;
      const base = path.join(this.objects, name.slice(0, -META_SUFFIX.length));
      try {
        const meta = JSON.parse(await fs.readFile(base + META_SUFFIX, 'utf8')) as { cloudPath: string; owner?: string };
        const stat = await fs.stat(base);
        files.push({ ...meta, size: stat.size, updatedAt: stat.mtime });
      } catch (err) {
        if (!isMissing(err)) throw err; // an orphaned .json: the upload never completed
      }
    }
    return files;
  }

  async clear() {
    await fs.rm(this.objects, { recursive: true, force: true });
    await fs.mkdir(this.objects, { recursive: true });
  }

  private basePath(cloudPath: string) {
    return path.join(this.objects, createHash('sha256').update(cloudPath).digest('hex'));
  }

  private async writeAtomically(target: string, bytes: Buffer) {
    const tmp = path.join(this.tmp, randomBytes(8).toString('hex'));
    const handle = await fs.open(tmp, 'w');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, target);
  }
}

const isMissing = (err: unknown) => (err as NodeJS.ErrnoException)?.code === 'ENOENT';

async function exists(file: string) {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}

/** Makes renames and unlinks durable. Some platforms cannot open a folder; they get best effort. */
async function syncDir(dir: string) {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // best effort
  } finally {
    await handle?.close();
  }
}
