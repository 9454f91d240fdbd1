// A stamp of the lockfiles the installed dependencies were built from, so
// `npm start` / `npm test` can tell whether an install is needed.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LOCKS = ['package-lock.json', 'miniprogram/package-lock.json'];

export function depsHash(root) {
  const h = createHash('sha256');
  for (const f of LOCKS) {
    const p = join(root, f);
    h.update(f);
    if (existsSync(p)) h.update(readFileSync(p));
  }
  return h.digest('hex');
}

const stampPath = (root) => join(root, 'node_modules', '.deps-stamp');

export function writeDepsStamp(root) {
  if (existsSync(join(root, 'node_modules'))) writeFileSync(stampPath(root), depsHash(root));
}

export function depsUpToDate(root) {
  const p = stampPath(root);
  return (
    existsSync(p) &&
    readFileSync(p, 'utf8') === depsHash(root) &&
    existsSync(join(root, 'miniprogram', 'miniprogram_npm'))
  );
}
