// First step of `npm start` and `npm test`: install dependencies when they are
// missing or older than the lockfiles. Uses only Node built-ins, so it runs on a
// fresh clone before anything is installed.
import { execFileSync } from 'node:child_process';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { depsUpToDate } from './deps-stamp.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

if (!depsUpToDate(root)) {
  console.log('› Installing dependencies (npm ci) — first run or lockfile changed…');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit', cwd: root });
}
