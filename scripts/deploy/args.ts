// Command-line flags of `npm run deploy`.
import { parseArgs } from 'node:util';
import type { DeployScope } from './plan';

export interface DeployArgs {
  /** null only on a dry run without --env. */
  envId: string | null;
  dryRun: boolean;
  json: boolean;
  only: DeployScope | null;
  help: boolean;
}

export const USAGE = [
  'usage: npm run deploy -- --env <envId> [--dry-run [--json]] [--only functions|database|storage]',
  '',
  '  --env <envId>     the CloudBase environment (required unless --dry-run)',
  '  --dry-run         print the plan and exit; no credentials, no build, no network',
  '  --json            with --dry-run: print the plan as JSON',
  '  --only <part>     deploy only the cloud functions, the database or the storage rule',
  '',
  'A real run needs TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY (and TENCENTCLOUD_SESSIONTOKEN',
  'for temporary keys). ADMIN_OPENIDS (comma-separated openids) names the superadmins.',
].join('\n');

export class UsageError extends Error {}

// CloudBase environment ids: letters, digits and dashes.
const ENV_ID = /^[A-Za-z0-9][A-Za-z0-9-]*$/;

/** Throws UsageError for anything it does not understand. */
export function parseDeployArgs(argv: string[]): DeployArgs {
  let values: { env?: string; 'dry-run'?: boolean; json?: boolean; only?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        env: { type: 'string' },
        'dry-run': { type: 'boolean' },
        json: { type: 'boolean' },
        only: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    throw new UsageError((err as Error).message.split('\n')[0]);
  }
  const dryRun = values['dry-run'] === true;
  const envId = values.env ?? null;
  if (envId !== null && !ENV_ID.test(envId)) throw new UsageError(`--env "${envId}" is not a CloudBase environment id`);
  if (!dryRun && envId === null && values.help !== true) throw new UsageError('--env <envId> is required');
  if (values.json === true && !dryRun) throw new UsageError('--json is only for --dry-run');
  const only = values.only ?? null;
  if (only !== null && only !== 'functions' && only !== 'database' && only !== 'storage') {
    throw new UsageError(`--only must be "functions", "database" or "storage", not "${only}"`);
  }
  return { envId, dryRun, json: values.json === true, only, help: values.help === true };
}
