// In-memory file store for runs without a data folder.
import type { FileStore, StoredFile } from './state';

export class MemoryStore implements FileStore {
  readonly location = 'in memory (lost on exit)';
  private readonly files = new Map<string, { file: StoredFile; bytes: Buffer }>();

  async put(cloudPath: string, bytes: Buffer, owner?: string): Promise<StoredFile> {
    // Copy: the caller's buffer may be a view into a larger, reused one.
    const creator = this.files.has(cloudPath) ? this.files.get(cloudPath)!.file.owner : owner;
    const file = {
      cloudPath,
      size: bytes.length,
      updatedAt: new Date(),
      ...(creator !== undefined ? { owner: creator } : {}),
    };
    this.files.set(cloudPath, { file, bytes: Buffer.from(bytes) });
    return file;
  }

  async read(cloudPath: string) {
    return this.files.get(cloudPath) ?? null;
  }

  async stat(cloudPath: string) {
    return this.files.get(cloudPath)?.file ?? null;
  }

  async remove(cloudPath: string) {
    return this.files.delete(cloudPath);
  }

  async list() {
    return [...this.files.values()].map((f) => f.file);
  }

  async clear() {
    this.files.clear();
  }
}
