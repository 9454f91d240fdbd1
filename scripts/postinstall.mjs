// Runs after `npm ci` / `npm install` of the root package (npm always runs the
// project's own postinstall). Makes the official compilers executable and builds
// the mini-program's npm packages (TDesign) into miniprogram/miniprogram_npm.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MINIPROGRAM_SUBPACKAGE_NPM } from './deps-stamp.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** miniprogram-compiler ships wcc/wcsc without the execute bit. */
function fixCompilerBits(dir) {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (!statSync(full).isDirectory()) continue;
    if (name === 'miniprogram-compiler') {
      for (const bin of ['wcc', 'wcsc']) {
        const p = join(full, 'bin', 'linux', bin);
        if (existsSync(p)) chmodSync(p, 0o755);
      }
    } else if (name === 'node_modules' || name.startsWith('@') || existsSync(join(full, 'node_modules'))) {
      fixCompilerBits(name === 'node_modules' || name.startsWith('@') ? full : join(full, 'node_modules'));
    }
  }
}

fixCompilerBits(join(root, 'node_modules'));

// The mini-program's own runtime packages live in miniprogram/package.json so that
// packNpm only packs what the client needs; a subpackage that alone needs a library
// has its own package.json (built into its own miniprogram_npm, so the main package
// does not carry it).
const mp = join(root, 'miniprogram');
const npmRoots = [mp, ...MINIPROGRAM_SUBPACKAGE_NPM.map((p) => join(mp, p))].filter((d) =>
  existsSync(join(d, 'package.json')),
);
for (const dir of npmRoots) {
  execFileSync('npm', ['ci', '--prefix', dir, '--no-audit', '--no-fund', '--ignore-scripts'], {
    stdio: 'inherit',
    cwd: root,
  });
}
if (npmRoots.length)
  execFileSync(process.execPath, [join(root, 'scripts', 'pack-npm.mjs')], { stdio: 'inherit', cwd: root });
