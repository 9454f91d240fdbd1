// Carries out a plan against CloudBase through an injected manager client, one
// unit at a time: the database first (the functions rely on its unique indexes),
// then storage's security rule, then the functions. Stops at the first failure and says what was and was not done.
import { deployCollection } from './collections';
import type { ManagerClient } from './client';
import { deployFunction } from './functions';
import { deployableFunctions, type Plan } from './plan';
import { deployStorageRule } from './storage';
import { errorMessage, StepError, Steps } from './steps';

export interface ExecuteOptions {
  /** Where the plan's project-relative paths start. */
  projectRoot: string;
  log?: (line: string) => void;
}

export interface ExecutionResult {
  ok: boolean;
  /** Every step completed, in order (on failure: including those of the failed unit). */
  done: string[];
  /** The units (functions, collections) finished completely. */
  completed: string[];
  failure?: { unit: string; step: string; message: string; hint?: string };
  /** Units not attempted because of the failure. */
  notAttempted: string[];
  warnings: string[];
}

interface Unit {
  label: string;
  run: (steps: Steps) => Promise<void>;
}

export async function executePlan(plan: Plan, client: ManagerClient, opts: ExecuteOptions): Promise<ExecutionResult> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const units: Unit[] = [
    ...plan.collections.map((c) => ({
      label: `collection ${c.name}`,
      run: (steps: Steps) => deployCollection(c, client, steps),
    })),
    ...(plan.storage
      ? [{ label: 'storage security rule', run: (steps: Steps) => deployStorageRule(plan.storage!, client, steps) }]
      : []),
    ...deployableFunctions(plan).map((f) => ({
      label: `function ${f.name}`,
      run: (steps: Steps) => deployFunction(f, client, steps, opts.projectRoot),
    })),
  ];
  const steps = new Steps(log);
  const completed: string[] = [];
  for (const [i, unit] of units.entries()) {
    log(`[${i + 1}/${units.length}] ${unit.label}`);
    try {
      await unit.run(steps);
      completed.push(unit.label);
    } catch (err) {
      const step = err instanceof StepError ? err.step : unit.label;
      const message = err instanceof StepError ? errorMessage(err.original) : errorMessage(err);
      const hint = err instanceof StepError ? err.hint : undefined;
      return {
        ok: false,
        done: [...steps.done],
        completed,
        failure: { unit: unit.label, step, message, ...(hint ? { hint } : {}) },
        notAttempted: units.slice(i + 1).map((u) => u.label),
        warnings: [...steps.warnings],
      };
    }
  }
  return { ok: true, done: [...steps.done], completed, notAttempted: [], warnings: [...steps.warnings] };
}

/** The closing lines of a real run. */
export function formatResult(result: ExecutionResult): string[] {
  const lines: string[] = [''];
  if (result.ok) {
    lines.push(`Deployment complete: ${result.completed.length} unit(s) deployed.`);
  } else {
    const f = result.failure!;
    lines.push(`Deployment FAILED at ${f.step}`, `  error: ${f.message}`);
    if (f.hint) lines.push(`  ${f.hint}`);
    lines.push(
      `Done: ${result.completed.length ? result.completed.join(', ') : 'no unit completed'}` +
        ` (${result.done.length} step(s), listed above with ✔).`,
      `Not done: ${f.unit} (stopped part-way)${result.notAttempted.length ? `, ${result.notAttempted.join(', ')}` : ''}.`,
      'Fix the cause and run the same command again: existing collections and indexes are kept, functions are updated in place.',
    );
  }
  for (const w of result.warnings) lines.push(`! ${w}`);
  return lines;
}
