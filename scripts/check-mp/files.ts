import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every file under `dir` (relative paths, `/`-separated), skipping node_modules. */
export function listFiles(dir: string, skip: (rel: string) => boolean = () => false): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      const rel = relative(dir, full).split('\\').join('/');
      if (name === 'node_modules' || skip(rel)) continue;
      if (statSync(full).isDirectory()) walk(full);
      else out.push(rel);
    }
  };
  walk(dir);
  return out.sort();
}

/** Not a built npm package: the main package's miniprogram_npm/ or a subpackage's (packages/<name>/miniprogram_npm/). */
export const isOwnFile = (rel: string) => !/(^|\/)miniprogram_npm\//.test(rel);

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(2)} MB` : `${(n / 1024).toFixed(1)} KB`;
}
