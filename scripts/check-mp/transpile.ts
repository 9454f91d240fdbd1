// miniprogram-ci does not read TypeScript: make a JS copy of the mini-program the
// way DevTools' TypeScript plugin would, so quality checks and sizes mean something.
import { transformSync } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { listFiles } from './files';

const REQUIRE_RE = /require\(["']([^"']+)["']\)/g;

/** Returns problems found while transpiling (e.g. a runtime import from outside the root). */
export function transpileCopy(srcRoot: string, outRoot: string): string[] {
  const problems: string[] = [];
  rmSync(outRoot, { recursive: true, force: true });
  for (const rel of listFiles(
    srcRoot,
    // npm manifests (the main package's and a subpackage's) are what packNpm reads, not what ships.
    (r) =>
      r === 'tsconfig.json' || r.endsWith('package-lock.json') || r === 'package.json' || r.endsWith('/package.json'),
  )) {
    const src = join(srcRoot, rel);
    if (rel.endsWith('.d.ts')) continue;
    if (rel.endsWith('.ts')) {
      const out = join(outRoot, rel.replace(/\.ts$/, '.js'));
      const { code } = transformSync(readFileSync(src, 'utf8'), {
        loader: 'ts',
        format: 'cjs',
        target: 'es2018',
        sourcefile: rel,
      });
      for (const m of code.matchAll(REQUIRE_RE)) {
        const spec = m[1]!;
        if (spec.startsWith('.') && posix.join(posix.dirname(rel), spec).startsWith('..')) {
          problems.push(`${rel}: runtime import "${spec}" reaches outside the mini-program root (use "import type")`);
        }
      }
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, code);
    } else {
      mkdirSync(dirname(join(outRoot, rel)), { recursive: true });
      copyFileSync(src, join(outRoot, rel));
    }
  }
  return problems;
}
