// One in-memory emulator with a database for a test file; collections come from `names`.
import { DatabaseService, type DatabaseOptions } from '../../../emulator/database';
import type { IndexSpec } from '../../../emulator/database/schema';
import type { RunningEmulator } from '../../../emulator/registry';
import { startTestEmulator } from '../../support/emulator';
import { type CloudbaseApp, sdkFor } from '../../support/sdk';

export interface DbHarness {
  emu: RunningEmulator;
  app: CloudbaseApp;
  db: ReturnType<CloudbaseApp['database']>;
}

export async function startDb(
  collections: Record<string, IndexSpec[]>,
  dataDir: string | null = null,
  options: Omit<DatabaseOptions, 'collections'> = {},
): Promise<DbHarness> {
  const specs = Object.entries(collections).map(([name, indexes]) => ({
    name,
    indexes,
    rule: { read: false, write: false },
  }));
  const emu = await startTestEmulator([new DatabaseService({ ...options, collections: specs })], dataDir);
  const app = sdkFor(emu);
  return { emu, app, db: app.database() };
}
