// Cold start of each built function bundle beside a bare require('@cloudbase/node-sdk'):
// the bytes each loads and how long its `require` takes, in a fresh `node` per run
// (median of RUNS, rounds interleaved so drift hits every target alike). Every
// hot-path bundle should be no bigger and no slower to load than the bare SDK.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildFunctions } from '../build-functions';
import { loadCloudbaseConfig } from '../manifests/cloudbaserc';
import { FUNCTION_SOURCES, PROJECT_ROOT } from '../manifests/paths';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);

/** Organiser-only spreadsheet import/export: allowed to load more than the SDK. */
const OFF_HOT_PATH = new Set(['office']);

interface Load {
  ms: number;
  bytes: number;
  files: number;
}

interface Target {
  label: string;
  path: string;
  hotPath: boolean;
  runs: Load[];
}

// Run in the child: time the require, then sum the files it loaded.
const PROBE = `
const t0 = process.hrtime.bigint();
require(process.env.BENCH_TARGET);
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
const files = Object.keys(require.cache);
const bytes = files.reduce((n, f) => n + require('node:fs').statSync(f).size, 0);
process.stdout.write(JSON.stringify({ ms, bytes, files: files.length }));
process.exit(0);
`;

export async function benchBundles(log: (line: string) => void): Promise<void> {
  const config = loadCloudbaseConfig();
  // Measure the code as it is now, not whatever was built last.
  await buildFunctions({ srcDir: FUNCTION_SOURCES, outDir: config.functionRoot, log: () => {} });
  const sdk: Target = {
    label: "require('@cloudbase/node-sdk')",
    path: require.resolve('@cloudbase/node-sdk', { paths: [PROJECT_ROOT] }),
    hotPath: false,
    runs: [],
  };
  const bundles: Target[] = config.functions
    .map((f) => ({ name: f.name, path: join(config.functionRoot, f.name, 'index.js') }))
    .filter((b) => existsSync(b.path))
    .map((b) => ({ label: b.name, path: b.path, hotPath: !OFF_HOT_PATH.has(b.name), runs: [] }));
  const targets = [sdk, ...bundles];
  for (let round = 0; round < RUNS; round++) for (const t of targets) t.runs.push(coldRequire(t.path));

  log(`Cold require (node start-up excluded), a fresh node per run: median of ${RUNS} (min–max)`);
  const base = summary(sdk);
  log(row(sdk.label, base, ''));
  for (const b of bundles) {
    const s = summary(b);
    const within = s.bytes <= base.bytes && s.ms <= base.ms;
    const verdict = b.hotPath ? (within ? 'ok: ≤ SDK' : 'OVER the SDK') : '(off the hot path)';
    log(row(`bundle ${b.label}`, s, `${ratio(s.bytes, base.bytes)} size, ${ratio(s.ms, base.ms)} time  ${verdict}`));
  }
}

function coldRequire(path: string): Load {
  // TENCENTCLOUD stops the SDK probing metadata.tencentyun.com; no loader hooks ride along.
  const env: NodeJS.ProcessEnv = { ...process.env, BENCH_TARGET: path, TENCENTCLOUD: 'true' };
  delete env.NODE_OPTIONS;
  const res = spawnSync(process.execPath, ['-e', PROBE], { cwd: PROJECT_ROOT, env, encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`cold require of ${path} failed (${res.status}): ${res.stderr}`);
  return JSON.parse(res.stdout) as Load;
}

function summary(t: Target): Load & { minMs: number; maxMs: number } {
  const ms = t.runs.map((r) => r.ms).sort((a, b) => a - b);
  const last = t.runs.at(-1)!;
  return { ms: ms[Math.floor(ms.length / 2)]!, minMs: ms[0]!, maxMs: ms.at(-1)!, bytes: last.bytes, files: last.files };
}

function row(label: string, s: ReturnType<typeof summary>, note: string): string {
  const size = `${(s.bytes / 1024 / 1024).toFixed(2)} MB in ${s.files} file${s.files === 1 ? '' : 's'}`;
  const time = `${s.ms.toFixed(1)} ms (${s.minMs.toFixed(1)}–${s.maxMs.toFixed(1)})`;
  return `${label.padEnd(32)} ${size.padStart(20)}   ${time.padStart(24)}   ${note}`;
}

function ratio(value: number, base: number): string {
  return `×${(value / base).toFixed(2)}`;
}
