// `npm run emulator` runs the functions as last built; only those with a source
// but no bundle yet (a fresh clone) are built first.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadCloudbaseConfig } from '../../emulator/functions/config';
import { buildFunctions } from '../build-functions';
import { PROJECT_ROOT } from './project';

export async function buildMissingFunctions(log: (line: string) => void = console.error): Promise<void> {
  const config = loadCloudbaseConfig();
  const sources = join(PROJECT_ROOT, 'cloudfunctions');
  const missing = config.functions
    .map((f) => f.name)
    .filter(
      (name) => existsSync(join(sources, name, 'index.ts')) && !existsSync(join(config.functionRoot, name, 'index.js')),
    );
  if (!missing.length) return;
  log(`building functions never built before: ${missing.join(', ')}`);
  await buildFunctions({ srcDir: sources, outDir: config.functionRoot, names: missing, log: () => {} });
}
