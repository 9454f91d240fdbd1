// cloudbaserc.json is the one function config (CloudBase CLI 2.x form): the
// deploy, the build and the dev emulator all read it through this module, which
// validates it into typed FunctionConfig values with errors that name the bad entry.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { cronProblem } from './cron';
import { CLOUDBASERC } from './paths';

export interface TimerTrigger {
  name: string;
  /** The 7-field CloudBase cron, as written in the config. */
  cron: string;
}

export interface FunctionConfig {
  name: string;
  timeoutSec: number;
  memoryMb: number;
  runtime: string;
  envVariables: Record<string, string>;
  triggers: TimerTrigger[];
}

export interface CloudbaseConfig {
  /** Where built bundles live, absolute. */
  functionRoot: string;
  functions: FunctionConfig[];
}

// CloudBase's naming rule for functions and triggers: a letter, then letters, digits, - or _.
const NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/;
// CloudBase defaults when a field is left out.
const DEFAULT_TIMEOUT_SEC = 3;
const DEFAULT_MEMORY_MB = 256;

const triggerSchema = z.object({
  name: z.string().regex(NAME, 'must start with a letter and use only letters, digits, - and _ (max 60)'),
  type: z.literal('timer', 'only "timer" triggers exist on CloudBase'),
  config: z.string(),
});

const functionSchema = z.object({
  name: z.string().regex(NAME, 'must start with a letter and use only letters, digits, - and _ (max 60)'),
  timeout: z.number().int().min(1).max(900).optional(),
  memorySize: z.number().int().min(64).max(3072).optional(),
  runtime: z.string().optional(),
  // The worker calls exports.main of the bundle's index.js; anything else would never run.
  handler: z.literal('index.main', 'the bundles export main from index.js, so handler must be "index.main"').optional(),
  envVariables: z.record(z.string(), z.string('environment values must be strings')).optional(),
  triggers: z.array(triggerSchema).optional(),
});

const fileSchema = z.object({
  functionRoot: z.string().optional(),
  functions: z.array(z.unknown()),
});

/** Reads cloudbaserc.json (the project's by default). Throws an Error naming the file and the bad entry. */
export function loadCloudbaseConfig(path = CLOUDBASERC): CloudbaseConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`${path}: cannot read the function config: ${(err as Error).message}`);
  }
  return parseCloudbaseConfig(raw, path);
}

export function parseCloudbaseConfig(raw: unknown, source: string): CloudbaseConfig {
  const file = fileSchema.safeParse(raw);
  if (!file.success) throw new Error(`${source}: ${describeIssues(file.error)}`);
  const functions = file.data.functions.map((entry, i) => parseFunction(entry, i, source));
  const seen = new Set<string>();
  for (const f of functions) {
    if (seen.has(f.name)) throw new Error(`${source}: the function "${f.name}" is declared twice`);
    seen.add(f.name);
  }
  return { functionRoot: resolve(dirname(source), file.data.functionRoot ?? './build/cloudfunctions'), functions };
}

function parseFunction(entry: unknown, index: number, source: string): FunctionConfig {
  const label = describeEntry(entry, index);
  const parsed = functionSchema.safeParse(entry);
  if (!parsed.success) throw new Error(`${source}: ${label}: ${describeIssues(parsed.error)}`);
  const f = parsed.data;
  const triggers: TimerTrigger[] = [];
  for (const t of f.triggers ?? []) {
    if (triggers.some((x) => x.name === t.name)) {
      throw new Error(`${source}: ${label}: the trigger "${t.name}" is declared twice`);
    }
    const problem = cronProblem(t.config);
    if (problem) throw new Error(`${source}: ${label}: trigger "${t.name}": ${problem}`);
    triggers.push({ name: t.name, cron: t.config });
  }
  return {
    name: f.name,
    timeoutSec: f.timeout ?? DEFAULT_TIMEOUT_SEC,
    memoryMb: f.memorySize ?? DEFAULT_MEMORY_MB,
    runtime: f.runtime ?? 'Nodejs18.15',
    envVariables: f.envVariables ?? {},
    triggers,
  };
}

function describeEntry(entry: unknown, index: number): string {
  const name = entry && typeof entry === 'object' ? (entry as { name?: unknown }).name : undefined;
  return typeof name === 'string' ? `functions[${index}] ("${name}")` : `functions[${index}]`;
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; ');
}
