// `npm run deploy -- --env <envId> [--dry-run [--json]] [--only functions|database]`
//
// Deploys what cloudbaserc.json and database.json declare to a CloudBase
// environment with @cloudbase/manager-node: collections, indexes and security
// rules, then the cloud functions (built first), their config and timer triggers.
// --dry-run prints the plan without credentials, build or network.
//
// Exit codes: 0 done (or plan printed), 1 deployment or build failed, 2 usage or missing credentials.
import { resolve } from 'node:path';
import { type DeployArgs, parseDeployArgs, USAGE, UsageError } from './args';
import { missingCredentialsMessage, readCredentials } from './credentials';
import { formatPlan } from './format';
import { loadDeployInputs, projectFiles } from './inputs';
import { planDeployment, redactPlan } from './plan';

async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  let args: DeployArgs;
  try {
    args = parseDeployArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`deploy: ${err.message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }

  const files = projectFiles();
  const inputs = loadDeployInputs({ files, envId: args.envId, only: args.only, env });
  const plan = planDeployment(inputs);

  if (args.dryRun) {
    if (args.json) console.log(JSON.stringify(redactPlan(plan), null, 2));
    else console.log([...formatPlan(plan), '', 'Dry run: nothing was built or sent.'].join('\n'));
    return 0;
  }

  const creds = readCredentials(env);
  if (!creds.ok) {
    console.error(`deploy: ${missingCredentialsMessage(creds.missing)}`);
    return 2;
  }

  console.log(formatPlan(plan).join('\n'));
  console.log('');
  const { buildForPlan } = await import('./build');
  const problems = await buildForPlan(plan, {
    projectRoot: files.root,
    srcDir: files.sources,
    outDir: resolve(files.root, inputs.bundleDir),
    log: (line) => console.log(line),
  });
  if (problems.length > 0) {
    console.error(['deploy: the build failed, nothing was sent:', ...problems.map((p) => `  ${p}`)].join('\n'));
    return 1;
  }

  console.log(`\nDeploying to ${plan.envId}`);
  const [{ createManagerClient }, { executePlan, formatResult }] = await Promise.all([
    import('./client'),
    import('./execute'),
  ]);
  const client = await createManagerClient(creds.credentials, plan.envId);
  const result = await executePlan(plan, client, { projectRoot: files.root });
  // The plan's warnings again (skipped functions, no superadmin), where they are seen last.
  const summary = [...formatResult(result), ...plan.warnings.map((w) => `! ${w}`)].join('\n');
  if (result.ok) console.log(summary);
  else console.error(summary);
  return result.ok ? 0 : 1;
}

main(process.argv.slice(2), process.env).then(
  (code) => {
    process.exitCode = code;
    // The SDK may keep connections open after a real run; do not wait on them.
    setTimeout(() => process.exit(code), 1000).unref();
  },
  (err: unknown) => {
    console.error(`deploy: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
