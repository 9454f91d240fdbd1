// Deploys one cloud function: create it when CloudBase does not have it, else
// update its code then its configuration; then make its timer triggers match.
import { resolve } from 'node:path';
import type { ICloudFunction } from '@cloudbase/manager-node/types/interfaces';
import type { ManagerClient, RemoteFunction } from './client';
import type { FunctionPlan } from './plan';
import { errorCode, type Steps } from './steps';
import { compareTriggers } from './triggers';

/** What SCF's GetFunction answers for a function that does not exist. */
const NOT_FOUND = new Set(['ResourceNotFound.FunctionName', 'ResourceNotFound.Function']);

export async function deployFunction(
  fn: FunctionPlan,
  client: ManagerClient,
  steps: Steps,
  projectRoot: string,
): Promise<void> {
  const api = client.functions;
  const functionPath = resolve(projectRoot, fn.bundle);
  const remote = await steps.run(`function ${fn.name}: look up`, () => findFunction(client, fn.name));
  if (remote === null) {
    // createFunction uploads the code and sets the configuration in one call, and waits until it is active.
    await steps.run(`function ${fn.name}: create (code and config)`, () =>
      api.createFunction({ func: cloudFunction(fn), functionPath, force: false }),
    );
  } else {
    if (remote.Runtime && remote.Runtime !== fn.runtime) {
      steps.warn(
        `function ${fn.name} runs ${remote.Runtime} on CloudBase but cloudbaserc.json says ${fn.runtime}; ` +
          'the runtime is fixed when a function is created: delete it in the console and deploy again to change it',
      );
    }
    await steps.run(`function ${fn.name}: update code`, () =>
      api.updateFunctionCode({ func: codeSettings(fn), functionPath }),
    );
    await steps.run(`function ${fn.name}: wait until active`, () => api.waitFunctionActive(fn.name));
    await steps.run(`function ${fn.name}: update config`, () => api.updateFunctionConfig(configSettings(fn)));
    await steps.run(`function ${fn.name}: wait until active`, () => api.waitFunctionActive(fn.name));
  }
  await syncTriggers(fn, remote, client, steps);
}

async function findFunction(client: ManagerClient, name: string): Promise<RemoteFunction | null> {
  try {
    return await client.functions.getFunctionDetail(name);
  } catch (err) {
    if (NOT_FOUND.has(errorCode(err) ?? '')) return null;
    throw err;
  }
}

async function syncTriggers(
  fn: FunctionPlan,
  remote: RemoteFunction | null,
  client: ManagerClient,
  steps: Steps,
): Promise<void> {
  const changes = compareTriggers(fn.triggers, remote?.Triggers ?? []);
  for (const t of changes.unchanged) steps.note(`function ${fn.name}: timer trigger ${t.name} (${t.cron}) unchanged`);
  for (const name of changes.remove) {
    await steps.run(`function ${fn.name}: delete timer trigger ${name}`, () =>
      client.functions.deleteFunctionTrigger(fn.name, name),
    );
  }
  if (changes.create.length > 0) {
    const names = changes.create.map((t) => `${t.name} (${t.cron})`).join(', ');
    await steps.run(`function ${fn.name}: create timer trigger ${names}`, () =>
      client.functions.createFunctionTriggers(
        fn.name,
        changes.create.map((t) => ({ name: t.name, type: t.type, config: t.cron })),
      ),
    );
  }
}

/** Everything CreateFunction takes. Triggers are handled separately, after. */
function cloudFunction(fn: FunctionPlan): ICloudFunction {
  return { ...codeSettings(fn), ...configSettings(fn) };
}

function codeSettings(fn: FunctionPlan): ICloudFunction {
  return {
    name: fn.name,
    runtime: fn.runtime,
    handler: fn.handler,
    installDependency: fn.installDependency,
    ignore: fn.uploadIgnore,
  };
}

/** UpdateFunctionConfiguration's part (no triggers: manager-node would create them itself, ignoring failures). */
function configSettings(fn: FunctionPlan): ICloudFunction {
  return {
    name: fn.name,
    timeout: fn.timeoutSec,
    memorySize: fn.memoryMb,
    envVariables: { ...fn.envVariables },
    installDependency: fn.installDependency,
  };
}
