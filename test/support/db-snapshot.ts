// Every stored document, for asserting that a refused call wrote nothing.
import type { RunningEmulator } from '../../emulator/registry';

export async function snapshotDb(emu: RunningEmulator): Promise<string> {
  const collections = (await (await fetch(`${emu.url}/_emulator/collections`)).json()) as { name: string }[];
  const out: Record<string, unknown> = {};
  for (const { name } of collections) {
    out[name] = await (await fetch(`${emu.url}/_emulator/collections/${name}/documents?limit=1000`)).json();
  }
  return JSON.stringify(out);
}
