// The emulator as this project runs it: the standard modules, given what the
// project declares (database.json, cloudbaserc.json through scripts/manifests),
// the build output, which functions are not written yet, and the function
// environment passed through from the developer's shell.
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { DatabaseService } from '../../emulator/database';
import { FunctionHostService, type FunctionHostOptions } from '../../emulator/functions/host';
import { OpenApiService } from '../../emulator/openapi';
import { startEmulator, type RunningEmulator } from '../../emulator/registry';
import { StorageService } from '../../emulator/storage';
import { loadStorageRules } from '../manifests/storage-rules';
import type { StorageRules } from '../../emulator/storage/rules';
import { type CloudbaseConfig, loadCloudbaseConfig } from '../manifests/cloudbaserc';
import { loadSchema } from '../manifests/database';
import { MESSAGE_PUSH } from '../manifests/message-push';
import { functionEntry, PROJECT_ROOT } from '../manifests/paths';
import { ADMIN_OPENIDS } from '../manifests/superadmins';

/** Function environment the developer's shell passes through (e.g. `ADMIN_OPENIDS=dev-admin npm start`). */
const PASS_THROUGH_ENV = [ADMIN_OPENIDS];

export interface ProjectEmulatorOptions {
  port: number;
  dataDir: string | null;
  timers?: boolean;
  log?: (m: string) => void;
  /** Overrides the built-functions folder (tests build into a temp dir). */
  functionsDir?: string;
  /** Overrides database.json (benchmarks declare their own collections). */
  schema?: string | null;
  /** Function environment set last (tests pass ADMIN_OPENIDS here instead of the shell's). */
  functionEnv?: Record<string, string>;
  /** Where functions' console output goes (tests keep it quiet). */
  functionOutput?: FunctionHostOptions['output'];
  /** The storage bucket's security rules (CloudBase's format); default: the project's storage.rules.json. */
  storageRules?: StorageRules;
}

export async function startProjectEmulator(opts: ProjectEmulatorOptions): Promise<RunningEmulator> {
  const config = loadCloudbaseConfig();
  return startEmulator({
    port: opts.port,
    dataDir: opts.dataDir,
    log: opts.log,
    services: [
      new DatabaseService({ collections: loadSchema(opts.schema ?? undefined) }),
      new StorageService({ rules: opts.storageRules ?? loadStorageRules() }),
      new OpenApiService({ messagePush: MESSAGE_PUSH }),
      new FunctionHostService({
        functionsDir: opts.functionsDir ?? config.functionRoot,
        configs: config.functions,
        notWrittenYet: notWrittenYet(config),
        envOverrides: functionEnvOverrides(opts.functionEnv),
        timers: opts.timers ?? true,
        output: opts.functionOutput,
      }),
    ],
  });
}

/** The shell's pass-through variables, then the caller's own; set last in every function's environment. */
export function functionEnvOverrides(
  functionEnv: Record<string, string> = {},
  shell: NodeJS.ProcessEnv = process.env,
): Record<string, string> {
  const overrides: Record<string, string> = {};
  for (const name of PASS_THROUGH_ENV) if (shell[name] !== undefined) overrides[name] = shell[name]!;
  return { ...overrides, ...functionEnv };
}

/** Declared functions without cloudfunctions/<name>/index.ts, each with that path (project-relative). */
export function notWrittenYet(config: CloudbaseConfig): Record<string, string> {
  const missing: Record<string, string> = {};
  for (const { name } of config.functions) {
    const entry = functionEntry(name);
    if (!existsSync(entry)) missing[name] = relative(PROJECT_ROOT, entry).split('\\').join('/');
  }
  return missing;
}
