// Bundles each cloud function into a self-contained deploy folder:
//   build/cloudfunctions/<name>/index.js (+ index.js.map) and a small package.json
// so `tcb fn deploy`, WeChat DevTools' upload and the emulator all run the same
// file. Dependencies (the SDK included) are bundled in: the config says
// installDependency: false, and one file cold-starts faster than node_modules.
//
//   npx tsx scripts/build-functions.ts [--out <dir>] [--src <dir>] [--only name,name]
import { build, stop } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCloudbaseConfig } from './manifests/cloudbaserc';
import { functionEntry, FUNCTION_SOURCES, PROJECT_ROOT as ROOT } from './manifests/paths';

export interface BuildOptions {
  /** Folder holding <name>/index.ts (default: cloudfunctions/). */
  srcDir: string;
  /** Folder receiving <name>/index.js (default: cloudbaserc.json's functionRoot). */
  outDir: string;
  /** Which functions; default: every function declared in cloudbaserc.json. */
  names?: string[];
  /** Progress lines; default console.log. */
  log?: (line: string) => void;
}

export type BuildResult =
  | { name: string; status: 'built'; outFile: string; bytes: number }
  | { name: string; status: 'skipped'; reason: string };

/** Builds in progress in this process: esbuild's service is stopped when the last one ends. */
let running = 0;

export async function buildFunctions(opts: BuildOptions): Promise<BuildResult[]> {
  running++;
  try {
    return await buildEach(opts);
  } finally {
    // esbuild keeps its service process (hundreds of MB after bundling every
    // function) alive until stop(); the next build simply starts a new one.
    if (--running === 0) await stop();
  }
}

async function buildEach(opts: BuildOptions): Promise<BuildResult[]> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const srcDir = resolve(opts.srcDir);
  const outDir = resolve(opts.outDir);
  const names = opts.names ?? loadCloudbaseConfig().functions.map((f) => f.name);
  const results: BuildResult[] = [];
  for (const name of names) {
    const entry = functionEntry(name, srcDir);
    if (!existsSync(entry)) {
      const reason = `no ${display(entry)} yet`;
      log(`  ${name.padEnd(14)} skipped: ${reason}`);
      results.push({ name, status: 'skipped', reason });
      continue;
    }
    const result = await bundle(name, entry, join(outDir, name));
    log(`  ${name.padEnd(14)} ${formatSize(result.bytes).padStart(9)}  ${display(result.outFile)}`);
    results.push(result);
  }
  return results;
}

type Built = Extract<BuildResult, { status: 'built' }>;

async function bundle(name: string, entry: string, folder: string): Promise<Built> {
  // Built in a fresh side folder, then swapped in: no stale files ride along into a
  // deploy, and an emulator running meanwhile never sees a half-written function.
  const staging = `${folder}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const stagedFile = join(staging, 'index.js');
  await build({
    entryPoints: [entry],
    outfile: stagedFile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    minify: true,
    // Linked and without sources: small, yet the emulator's stack traces point at the .ts lines.
    sourcemap: 'linked',
    sourcesContent: false,
    logLevel: 'warning',
  });
  const pkg = { name, version: projectVersion(), main: 'index.js', private: true };
  writeFileSync(join(staging, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  const retired = `${folder}.old-${process.pid}`;
  if (existsSync(folder)) renameSync(folder, retired);
  renameSync(staging, folder);
  rmSync(retired, { recursive: true, force: true });
  const outFile = join(folder, 'index.js');
  return { name, status: 'built', outFile, bytes: statSync(outFile).size };
}

function projectVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** Project-relative when inside the project, else absolute. */
function display(path: string): string {
  const rel = relative(ROOT, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

function formatSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

async function cli(): Promise<void> {
  const { values } = parseArgs({
    options: { out: { type: 'string' }, src: { type: 'string' }, only: { type: 'string' } },
  });
  const config = loadCloudbaseConfig();
  const declared = config.functions.map((f) => f.name);
  const names = values.only
    ? values.only
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : declared;
  const unknown = names.filter((n) => !declared.includes(n));
  if (unknown.length > 0) throw new Error(`not declared in cloudbaserc.json: ${unknown.join(', ')}`);
  const srcDir = resolve(values.src ?? FUNCTION_SOURCES);
  const outDir = resolve(values.out ?? config.functionRoot);
  console.log(`Building cloud functions ${display(srcDir)} → ${display(outDir)}`);
  const results = await buildFunctions({ srcDir, outDir, names });
  const built = results.filter((r) => r.status === 'built').length;
  console.log(`${built} built, ${results.length - built} skipped`);
}

if (require.main === module) {
  cli().catch((err: unknown) => {
    console.error(`build failed: ${(err as Error)?.message ?? String(err)}`);
    process.exitCode = 1;
  });
}
