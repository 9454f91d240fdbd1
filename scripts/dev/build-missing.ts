// `npm run emulator` runs the functions as last built; only those with a source
// but no bundle yet (a fresh clone) are built first.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildFunctions } from '../build-functions';
import { loadCloudbaseConfig } from '../manifests/cloudbaserc';
import { functionEntry, FUNCTION_SOURCES } from '../manifests/paths';

export async function buildMissingFunctions(log: (line: string) => void = console.error): Promise<void> {
  const config = loadCloudbaseConfig();
  const missing = config.functions
    .map((f) => f.name)
    .filter((name) => existsSync(functionEntry(name)) && !existsSync(join(config.functionRoot, name, 'index.js')));
  if (!missing.length) return;
  log(`building functions never built before: ${missing.join(', ')}`);
  await buildFunctions({ srcDir: FUNCTION_SOURCES, outDir: config.functionRoot, names: missing, log: () => {} });
}
