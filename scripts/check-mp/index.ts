// `npm run check:mp`: the official compile check of the mini-program, then
// miniprogram-ci's offline code-quality check on a transpiled JS copy.
// Exits non-zero on the first kind of failure, naming file and line.
import { copyFileSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compileWxml, compileWxss } from './compile';
import { formatBytes, isOwnFile, listFiles } from './files';
import { checkJson } from './json';
import { checkQuality } from './quality';
import { transpileCopy } from './transpile';

// `--project <dir>` checks another copy of the project (used by the check's own tests).
const projectArg = process.argv.indexOf('--project');
const projectRoot = projectArg > 0 ? resolve(process.argv[projectArg + 1]!) : resolve(__dirname, '..', '..');
const mpRoot = join(projectRoot, 'miniprogram');
const outProject = join(projectRoot, '.tmp', 'check-mp');

/**
 * Size goals of subpackages, below WeChat's own 2 MB limit: the admin subpackage
 * carries the chart library (uCharts, unminified as packNpm builds it) for the
 * organiser home's dashboard (docs/client.md).
 */
export const PACKAGE_SIZE_GOALS: Record<string, number> = { 'packages/admin/': 400 * 1024 };

function fail(title: string, lines: string[]): never {
  console.error(`✖ ${title}`);
  for (const l of lines) console.error(`  ${l}`);
  process.exit(1);
}

async function main() {
  const files = listFiles(mpRoot);
  const byExt = (ext: string) => files.filter((f) => f.endsWith(ext));
  const wxml = byExt('.wxml');
  const wxss = byExt('.wxss');
  const own = (list: string[]) => list.filter(isOwnFile).length;
  console.log(
    `check:mp — ${wxml.length} WXML (${own(wxml)} ours), ${wxss.length} WXSS (${own(wxss)} ours), ` +
      `${byExt('.json').length} JSON, ${byExt('.ts').filter(isOwnFile).length} TS in miniprogram/`,
  );

  const jsonErrors = checkJson(mpRoot, byExt('.json').filter(isOwnFile));
  if (jsonErrors.length) fail('JSON / page references', jsonErrors);
  console.log('✔ JSON valid; pages and components resolve');

  try {
    compileWxml(mpRoot, wxml, byExt('.wxs'));
  } catch (err) {
    fail('WXML (official wcc)', [(err as Error).message.trim()]);
  }
  console.log(`✔ WXML compiled by wcc (${wxml.length} files)`);

  const wxssError = compileWxss(mpRoot, wxss);
  if (wxssError) fail('WXSS (official wcsc)', [wxssError]);
  console.log(`✔ WXSS compiled by wcsc (${wxss.length} files)`);

  const transpileProblems = transpileCopy(mpRoot, join(outProject, 'miniprogram'));
  if (transpileProblems.length) fail('Transpile', transpileProblems);
  copyFileSync(join(projectRoot, 'project.config.json'), join(outProject, 'project.config.json'));

  // First pass finds what nothing reaches. Files of ours that nothing uses are a
  // defect; unused library files are dropped as DevTools' ignoreUploadUnusedFiles
  // does on upload, and the second pass measures what would really ship.
  const first = await checkQuality(outProject);
  const unused = (first.find((i) => i.name === 'CONTAINS_UNUSED_CODES')?.detail as string[] | undefined) ?? [];
  const ownUnused = unused.filter(isOwnFile);
  if (ownUnused.length) fail('Files no page or component uses', ownUnused);
  for (const f of unused) rmSync(join(outProject, 'miniprogram', f), { force: true });
  pruneUnreachedLibraryFiles(join(outProject, 'miniprogram'), unused);

  const results = await checkQuality(outProject);
  const failed = results.filter((r) => !r.success);
  for (const r of results) console.log(`${r.success ? '✔' : '✖'} ${r.name}${r.success ? '' : ` — ${r.text}`}`);
  const sizes = (results.find((r) => r.name === 'PACKAGE_SIZE_LIMIT')?.detail ?? {}) as Record<string, number>;
  for (const [pkg, bytes] of Object.entries(sizes)) {
    console.log(`  package ${pkg === '__APP__' ? 'main' : pkg}: ${formatBytes(bytes)}`);
  }
  const overGoal = Object.entries(PACKAGE_SIZE_GOALS)
    .filter(([pkg, goal]) => (sizes[pkg] ?? 0) > goal)
    .map(([pkg, goal]) => `${pkg}: ${formatBytes(sizes[pkg]!)}, goal ${formatBytes(goal)}`);
  if (overGoal.length) fail('Package size goals', overGoal);
  if (failed.length)
    fail(
      'miniprogram-ci checkCodeQuality',
      failed.map((r) => `${r.name}: ${r.text}${namedFiles(r)}`),
    );
  console.log('check:mp passed');
}

/** The files a failed check names in its detail (its text alone does not, e.g. CONTAINS_OTHER_PKG_JS). */
function namedFiles(r: { detail?: unknown }): string {
  const files = (r.detail as { files?: unknown } | undefined)?.files;
  return Array.isArray(files) && files.length ? ` ${files.join(', ')}` : '';
}

/** JS/JSON/WXSS of a library component whose WXML nothing reaches are not shipped either. */
function pruneUnreachedLibraryFiles(root: string, unusedWxml: string[]) {
  for (const f of unusedWxml) {
    if (isOwnFile(f) || !f.endsWith('.wxml')) continue;
    const base = f.slice(0, -'.wxml'.length);
    for (const ext of ['.js', '.json', '.wxss']) rmSync(join(root, base + ext), { force: true });
  }
  // Drop what is now empty so the size is what ships.
  for (const dir of listDirsDeepestFirst(root)) {
    try {
      rmSync(dir, { recursive: false });
    } catch {
      /* not empty */
    }
  }
}

function listDirsDeepestFirst(root: string): string[] {
  const dirs = new Set<string>();
  for (const f of listFiles(root)) {
    const parts = f.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(join(root, ...parts.slice(0, i)));
  }
  return [...dirs].filter((d) => statSync(d).isDirectory()).sort((a, b) => b.length - a.length);
}

mkdirSync(outProject, { recursive: true });
main()
  .catch((err) => fail('check:mp crashed', [String(err?.stack ?? err)]))
  // miniprogram-ci leaves a file watcher running.
  .finally(() => process.exit(process.exitCode ?? 0));
