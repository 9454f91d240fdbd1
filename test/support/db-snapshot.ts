// Every stored document (and every stored file), for asserting that a refused
// call wrote nothing.
import { createHash } from 'node:crypto';
import type { RunningEmulator } from '../../emulator/registry';

export async function snapshotDb(emu: RunningEmulator): Promise<string> {
  const collections = (await (await fetch(`${emu.url}/_emulator/collections`)).json()) as { name: string }[];
  const out: Record<string, unknown> = {};
  for (const { name } of collections) {
    out[name] = await (await fetch(`${emu.url}/_emulator/collections/${name}/documents?limit=1000`)).json();
  }
  return JSON.stringify(out);
}

/** Every document of every collection (all pages) and every file's path, size and time, hashed. */
export async function digestOf(emu: RunningEmulator): Promise<string> {
  const hash = createHash('sha256');
  const collections = (await (await fetch(`${emu.url}/_emulator/collections`)).json()) as { name: string }[];
  for (const { name } of collections) {
    for (let skip = 0; ; skip += 1000) {
      const page = (await (
        await fetch(`${emu.url}/_emulator/collections/${name}/documents?limit=1000&skip=${skip}`)
      ).json()) as { total: number; documents: unknown[] };
      hash.update(`${name}:${JSON.stringify(page.documents)}\n`);
      if (skip + 1000 >= page.total) break;
    }
  }
  const storage = await fetch(`${emu.url}/_emulator/storage`);
  hash.update(storage.ok ? await storage.text() : 'no storage');
  return hash.digest('hex');
}
