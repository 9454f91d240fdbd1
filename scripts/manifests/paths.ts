// Where the project keeps its declarations and function sources. The deploy, the
// build and the dev CLI all start from here.
import { join, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(__dirname, '..', '..');
/** Cloud functions: runtime, timeout, environment, timer triggers. */
export const CLOUDBASERC = join(PROJECT_ROOT, 'cloudbaserc.json');
/** Collections, indexes, security rules. */
export const DATABASE_JSON = join(PROJECT_ROOT, 'database.json');
/** Cloud storage's security rule. */
export const STORAGE_RULES = join(PROJECT_ROOT, 'storage.rules.json');
/** The folder holding <name>/index.ts for each function. */
export const FUNCTION_SOURCES = join(PROJECT_ROOT, 'cloudfunctions');

/** The entry a function's bundle is built from. */
export function functionEntry(name: string, srcDir = FUNCTION_SOURCES): string {
  return join(srcDir, name, 'index.ts');
}
