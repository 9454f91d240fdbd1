// What `npm run deploy` will do, computed from the project's declarations alone:
// a pure function of its inputs (no files, no network), so the dry run, the JSON
// output and the executor all work from the same value.
import type { FunctionConfig } from '../manifests/cloudbaserc';
import type { CollectionSpec, IndexSpec, SecurityRule } from '../manifests/database';
import type { StorageRule } from '../manifests/storage-rules';
import { MESSAGE_PUSH } from '../manifests/message-push';
import { ADMIN_OPENIDS, parseAdminOpenids } from '../manifests/superadmins';

export { ADMIN_OPENIDS };

export type DeployScope = 'functions' | 'database' | 'storage';

/** Shown instead of a real environment id when a dry run is given no --env. */
export const ENV_PLACEHOLDER = '<envId>';

/** Every bundle exports main from index.js (scripts/manifests/cloudbaserc.ts enforces it). */
export const HANDLER = 'index.main';

const UPLOAD_IGNORE = ['**/*.map'];

export interface DeployInputs {
  /** null: no --env given (dry run only). */
  envId: string | null;
  /** null: deploy everything. */
  only: DeployScope | null;
  /** From cloudbaserc.json (loadCloudbaseConfig). */
  functions: FunctionConfig[];
  /** Project-relative folder holding <name>/index.ts. */
  sourceDir: string;
  /** Project-relative folder the build writes <name>/index.js to (cloudbaserc.json's functionRoot). */
  bundleDir: string;
  /** Names of the declared functions whose <sourceDir>/<name>/index.ts exists. */
  presentSources: readonly string[];
  /** From database.json (loadSchema). */
  collections: CollectionSpec[];
  /** From storage.rules.json (loadStorageRules); absent: storage is not deployed. */
  storageRules?: StorageRule | null;
  /** The deployer's ADMIN_OPENIDS, as set in the shell (undefined: not set). */
  adminOpenids: string | undefined;
}

export interface TimerTriggerPlan {
  name: string;
  type: 'timer';
  /** 7-field CloudBase cron. */
  cron: string;
}

export interface FunctionPlan {
  name: string;
  /** deploy: build, then create or update; skipped: not deployed (see skipReason). */
  action: 'deploy' | 'skipped';
  skipReason?: string;
  /** Project-relative source entry. */
  source: string;
  /** Project-relative folder uploaded as the function's code. */
  bundle: string;
  /** Globs left out of the upload (source maps: the cloud runtime does not read them). */
  uploadIgnore: string[];
  runtime: string;
  timeoutSec: number;
  memoryMb: number;
  handler: string;
  installDependency: false;
  /** The complete function environment (replaces whatever the function had). */
  envVariables: Record<string, string>;
  triggers: TimerTriggerPlan[];
}

export interface CollectionPlan {
  name: string;
  indexes: IndexSpec[];
  rule: SecurityRule;
  /** The rule as CloudBase takes it (自定义安全规则, a JSON string). */
  ruleJson: string;
}

/** Cloud storage's security rule (自定义安全规则), set with storage.setStorageAcl('CUSTOM', rule). */
export interface StoragePlan {
  rule: StorageRule;
  /** The rule as the API takes it (a JSON string). */
  ruleJson: string;
}

export interface Plan {
  envId: string;
  scope: 'all' | DeployScope;
  /** null when --only names something else, or there is no storage.rules.json. */
  storage: StoragePlan | null;
  /** Empty when --only database. */
  functions: FunctionPlan[];
  /** Empty when --only functions. */
  collections: CollectionPlan[];
  /** How many superadmin openids ADMIN_OPENIDS names (0: not set). */
  adminOpenidCount: number;
  warnings: string[];
  /** Steps the tooling cannot do; printed with instructions. */
  manualSteps: string[];
}

export function planDeployment(inputs: DeployInputs): Plan {
  const withFunctions = inputs.only === null || inputs.only === 'functions';
  const withDatabase = inputs.only === null || inputs.only === 'database';
  const withStorage = (inputs.only === null || inputs.only === 'storage') && !!inputs.storageRules;
  const admins = parseAdminOpenids(inputs.adminOpenids);
  const present = new Set(inputs.presentSources);
  const functions = withFunctions ? inputs.functions.map((f) => planFunction(f, inputs, present, admins)) : [];
  const collections = withDatabase ? inputs.collections.map(planCollection) : [];
  const warnings: string[] = [];
  if (withFunctions && admins.length === 0) {
    warnings.push(
      `${ADMIN_OPENIDS} is not set in your shell: the deployed functions would have no superadmin. ` +
        `Set it to a comma-separated list of openids (e.g. ${ADMIN_OPENIDS}=<openid> npm run deploy -- …).`,
    );
  }
  for (const f of functions) {
    if (f.action === 'skipped') warnings.push(`function ${f.name} is not deployed: ${f.skipReason}`);
  }
  return {
    envId: inputs.envId ?? ENV_PLACEHOLDER,
    scope: inputs.only ?? 'all',
    storage: withStorage
      ? {
          rule: { read: inputs.storageRules!.read, write: inputs.storageRules!.write },
          ruleJson: JSON.stringify({ read: inputs.storageRules!.read, write: inputs.storageRules!.write }),
        }
      : null,
    functions,
    collections,
    adminOpenidCount: admins.length,
    warnings,
    manualSteps: messagePushSteps(functions.map((f) => f.name)),
  };
}

/** 消息推送 has no API in a CloudBase deploy: one step by hand per pushed event whose function is deployed. */
export function messagePushSteps(deployed: string[]): string[] {
  return Object.entries(MESSAGE_PUSH)
    .filter(([, fn]) => deployed.includes(fn))
    .map(
      ([event, fn]) =>
        `消息推送: in the CloudBase console (云开发控制台 → 设置 → 全局设置 → 消息推送) add 推送模式 云函数, ` +
        `消息类型 event, 事件类型 ${event} → cloud function "${fn}" (once per environment)`,
    );
}

function planFunction(
  f: FunctionConfig,
  inputs: DeployInputs,
  present: ReadonlySet<string>,
  admins: string[],
): FunctionPlan {
  const source = `${inputs.sourceDir}/${f.name}/index.ts`;
  const envVariables: Record<string, string> = { ...f.envVariables };
  if (admins.length > 0) envVariables[ADMIN_OPENIDS] = admins.join(',');
  const deployable = present.has(f.name);
  return {
    name: f.name,
    action: deployable ? 'deploy' : 'skipped',
    ...(deployable ? {} : { skipReason: `no source (${source} does not exist)` }),
    source,
    bundle: `${inputs.bundleDir}/${f.name}`,
    uploadIgnore: [...UPLOAD_IGNORE],
    runtime: f.runtime,
    timeoutSec: f.timeoutSec,
    memoryMb: f.memoryMb,
    handler: HANDLER,
    installDependency: false,
    envVariables,
    triggers: f.triggers.map((t) => ({ name: t.name, type: 'timer', cron: t.cron })),
  };
}

function planCollection(c: CollectionSpec): CollectionPlan {
  return {
    name: c.name,
    indexes: c.indexes.map((ix) => ({ name: ix.name, keys: { ...ix.keys }, unique: ix.unique === true })),
    rule: { ...c.rule },
    ruleJson: JSON.stringify(c.rule),
  };
}

/** The plan as printed or written as JSON: ADMIN_OPENIDS shows how many openids, never which. */
export function redactPlan(plan: Plan): Plan {
  return {
    ...plan,
    functions: plan.functions.map((f) =>
      f.envVariables[ADMIN_OPENIDS] === undefined
        ? f
        : { ...f, envVariables: { ...f.envVariables, [ADMIN_OPENIDS]: redactedAdmins(plan.adminOpenidCount) } },
    ),
  };
}

export function redactedAdmins(count: number): string {
  return `<${count} openid${count === 1 ? '' : 's'}, not shown>`;
}

/** The functions the executor deploys. */
export function deployableFunctions(plan: Plan): FunctionPlan[] {
  return plan.functions.filter((f) => f.action === 'deploy');
}
