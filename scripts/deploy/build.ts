// Builds the functions a plan deploys (in-process, the same build as `npm run build`)
// and checks each bundle is there before anything is uploaded.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildFunctions } from '../build-functions';
import { deployableFunctions, type Plan } from './plan';

export interface BuildForPlanOptions {
  projectRoot: string;
  /** Folder holding <name>/index.ts. */
  srcDir: string;
  /** cloudbaserc.json's functionRoot. */
  outDir: string;
  log: (line: string) => void;
}

/** Returns the problems (empty: every planned bundle is built). */
export async function buildForPlan(plan: Plan, opts: BuildForPlanOptions): Promise<string[]> {
  const functions = deployableFunctions(plan);
  if (functions.length === 0) return [];
  opts.log(`Building ${functions.map((f) => f.name).join(', ')}`);
  const results = await buildFunctions({
    srcDir: opts.srcDir,
    outDir: opts.outDir,
    names: functions.map((f) => f.name),
    log: opts.log,
  });
  const problems: string[] = [];
  for (const f of functions) {
    const result = results.find((r) => r.name === f.name);
    if (result?.status !== 'built') {
      problems.push(`function ${f.name} was not built: ${result?.status === 'skipped' ? result.reason : 'no result'}`);
    } else if (!existsSync(join(resolve(opts.projectRoot, f.bundle), 'index.js'))) {
      problems.push(`function ${f.name}: the build left no ${f.bundle}/index.js`);
    }
  }
  return problems;
}
