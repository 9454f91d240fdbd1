// The emulator as this project runs it: the standard modules, wired to the
// project's own declarations (database.json, cloudbaserc.json, build output).
import { resolve } from 'node:path';
import { DatabaseService } from '../../emulator/database';
import { FunctionHostService, type FunctionHostOptions } from '../../emulator/functions/host';
import { loadCloudbaseConfig } from '../../emulator/functions/config';
import { OpenApiService } from '../../emulator/openapi';
import { startEmulator, type RunningEmulator } from '../../emulator/registry';
import { StorageService } from '../../emulator/storage';

export const PROJECT_ROOT = resolve(__dirname, '..', '..');
export const DATABASE_SCHEMA = resolve(PROJECT_ROOT, 'database.json');

/** Function environment the developer's shell passes through (e.g. `ADMIN_OPENIDS=dev-admin npm start`). */
const PASS_THROUGH_ENV = ['ADMIN_OPENIDS'];

export interface ProjectEmulatorOptions {
  port: number;
  dataDir: string | null;
  timers?: boolean;
  log?: (m: string) => void;
  /** Overrides the built-functions folder (tests build into a temp dir). */
  functionsDir?: string;
  /** Overrides database.json. */
  schema?: string | null;
  /** Function environment set last (tests pass ADMIN_OPENIDS here instead of the shell's). */
  functionEnv?: Record<string, string>;
  /** Where functions' console output goes (tests keep it quiet). */
  functionOutput?: FunctionHostOptions['output'];
}

export async function startProjectEmulator(opts: ProjectEmulatorOptions): Promise<RunningEmulator> {
  const config = loadCloudbaseConfig();
  const envOverrides: Record<string, string> = {};
  for (const name of PASS_THROUGH_ENV) if (process.env[name] !== undefined) envOverrides[name] = process.env[name]!;
  Object.assign(envOverrides, opts.functionEnv);
  return startEmulator({
    port: opts.port,
    dataDir: opts.dataDir,
    log: opts.log,
    services: [
      new DatabaseService({ schema: opts.schema ?? DATABASE_SCHEMA }),
      new StorageService(),
      new OpenApiService(),
      new FunctionHostService({
        functionsDir: opts.functionsDir ?? config.functionRoot,
        configs: config.functions,
        envOverrides,
        timers: opts.timers ?? true,
        output: opts.functionOutput,
      }),
    ],
  });
}
