// Whether the installed dependencies match the lockfiles, so `npm start` /
// `npm test` install only when needed. npm keeps node_modules/.package-lock.json
// (the "hidden lockfile") describing what is installed; compare it with ours.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function lockedVersions(file) {
  if (!existsSync(file)) return null;
  const packages = JSON.parse(readFileSync(file, 'utf8')).packages ?? {};
  const out = new Map();
  for (const [path, meta] of Object.entries(packages)) if (path) out.set(path, meta.version);
  return out;
}

function inSync(dir) {
  const wanted = lockedVersions(join(dir, 'package-lock.json'));
  const installed = lockedVersions(join(dir, 'node_modules', '.package-lock.json'));
  if (!wanted || !installed) return false;
  for (const [path, version] of wanted) {
    // Optional platform packages for other systems are never installed.
    if (!installed.has(path) && !existsSync(join(dir, path))) {
      const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8')).packages[path];
      if (lock?.optional) continue;
      return false;
    }
    if (installed.has(path) && installed.get(path) !== version) return false;
  }
  return true;
}

/**
 * Subpackages of the mini-program with their own runtime packages (package.json
 * beside the subpackage's pages, built into its own miniprogram_npm): the admin
 * subpackage's chart library, which only the organiser home draws with
 * (docs/client.md).
 */
export const MINIPROGRAM_SUBPACKAGE_NPM = ['packages/admin'];

export function depsUpToDate(root) {
  const wcc = join(root, 'node_modules', 'miniprogram-compiler', 'bin', 'linux', 'wcc');
  return (
    inSync(root) &&
    inSync(join(root, 'miniprogram')) &&
    existsSync(join(root, 'miniprogram', 'miniprogram_npm')) &&
    MINIPROGRAM_SUBPACKAGE_NPM.every(
      (p) => inSync(join(root, 'miniprogram', p)) && existsSync(join(root, 'miniprogram', p, 'miniprogram_npm')),
    ) &&
    existsSync(wcc) &&
    (statSync(wcc).mode & 0o111) !== 0
  );
}
