// Where file bytes live: in memory for throwaway runs, on disk when the emulator
// has a data folder. Both stores answer the same questions.
import path from 'node:path';
import { DiskStore } from './disk-store';
import { MemoryStore } from './memory-store';

export interface StoredFile {
  cloudPath: string;
  size: number;
  updatedAt: Date;
  /** The openid of the client that created the file (security rules' resource.openid); none for the server SDK. */
  owner?: string;
}

export interface FileStore {
  /** Resolves only once the bytes are durable (for the disk store). An overwrite keeps the creator. */
  put(cloudPath: string, bytes: Buffer, owner?: string): Promise<StoredFile>;
  read(cloudPath: string): Promise<{ file: StoredFile; bytes: Buffer } | null>;
  stat(cloudPath: string): Promise<StoredFile | null>;
  /** True when the file existed. */
  remove(cloudPath: string): Promise<boolean>;
  list(): Promise<StoredFile[]>;
  clear(): Promise<void>;
  /** For the startup banner. */
  readonly location: string;
}

export async function openStore(dataDir: string | null): Promise<FileStore> {
  if (dataDir === null) return new MemoryStore();
  return DiskStore.open(path.join(dataDir, 'storage'));
}
