// The plan as readable lines (dry run, and the preamble of a real run).
import type { IndexSpec } from '../manifests/database';
import { ADMIN_OPENIDS, type CollectionPlan, type FunctionPlan, type Plan, redactPlan } from './plan';

export function formatPlan(plan: Plan): string[] {
  const shown = redactPlan(plan);
  const lines = [`Deployment plan for CloudBase environment ${shown.envId}`];
  lines.push(
    "Order: the database first (the functions rely on its unique indexes), then storage's security rule, then the functions.",
  );
  lines.push('', ...formatCollections(shown), '', ...formatStorage(shown), '', ...formatFunctions(shown));
  if (shown.warnings.length > 0) {
    lines.push('', 'Warnings:');
    for (const w of shown.warnings) lines.push(`  ! ${w}`);
  }
  if (shown.manualSteps.length > 0) {
    lines.push('', 'Manual steps (the tooling cannot do these):');
    shown.manualSteps.forEach((s, i) => lines.push(`  ${i + 1}. ${s}`));
  }
  return lines;
}

function formatFunctions(plan: Plan): string[] {
  if (plan.scope !== 'all' && plan.scope !== 'functions')
    return [`Cloud functions: not part of this deployment (--only ${plan.scope})`];
  const deploying = plan.functions.filter((f) => f.action === 'deploy').length;
  const lines = [
    `Cloud functions (cloudbaserc.json): ${deploying} to deploy, ${plan.functions.length - deploying} skipped`,
  ];
  if (deploying > 0) lines.push('  each is built first (scripts/build-functions.ts), then created or updated');
  lines.push(
    plan.adminOpenidCount > 0
      ? `  ${ADMIN_OPENIDS}: ${plan.adminOpenidCount} superadmin openid(s) from your shell (values not shown)`
      : `  ${ADMIN_OPENIDS}: not set — no superadmin (see warnings)`,
  );
  for (const f of plan.functions) lines.push(...formatFunction(f));
  return lines;
}

function formatFunction(f: FunctionPlan): string[] {
  if (f.action === 'skipped') {
    const lines = [`  function ${f.name}: SKIPPED, not deployed — ${f.skipReason}`];
    for (const t of f.triggers) lines.push(`    declared timer trigger ${t.name}: ${t.cron} (not deployed either)`);
    return lines;
  }
  const env = Object.entries(f.envVariables)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  const ignored = f.uploadIgnore.length > 0 ? `; not uploaded: ${f.uploadIgnore.join(', ')}` : '';
  const lines = [
    `  function ${f.name}: create or update, code from ${f.bundle} (built from ${f.source}${ignored})`,
    `    config: runtime ${f.runtime}, timeout ${f.timeoutSec} s, memory ${f.memoryMb} MB, ` +
      `handler ${f.handler}, installDependency false`,
    `    environment: ${env || '(none)'}`,
  ];
  if (f.triggers.length === 0) lines.push('    timer triggers: none');
  for (const t of f.triggers) lines.push(`    timer trigger ${t.name}: ${t.cron}`);
  return lines;
}

function formatStorage(plan: Plan): string[] {
  if (!plan.storage) {
    return [
      plan.scope === 'all' || plan.scope === 'storage'
        ? 'Storage: no storage.rules.json, the security rule is left as it is'
        : `Storage: not part of this deployment (--only ${plan.scope})`,
    ];
  }
  return [
    'Storage (storage.rules.json): set the bucket’s security rule',
    `  security rule (自定义安全规则): ${plan.storage.ruleJson}`,
  ];
}

function formatCollections(plan: Plan): string[] {
  if (plan.scope !== 'all' && plan.scope !== 'database')
    return [`Database: not part of this deployment (--only ${plan.scope})`];
  const lines = [`Database collections (database.json): ${plan.collections.length}`];
  for (const c of plan.collections) lines.push(...formatCollection(c));
  return lines;
}

function formatCollection(c: CollectionPlan): string[] {
  const lines = [`  collection ${c.name}: create if missing`];
  if (c.indexes.length === 0) lines.push('    indexes: none declared');
  for (const ix of c.indexes) lines.push(`    index ${describeIndex(ix)}: create if missing`);
  lines.push(`    security rule (自定义安全规则): ${c.ruleJson}`);
  return lines;
}

export function describeIndex(ix: IndexSpec): string {
  const keys = Object.entries(ix.keys)
    .map(([field, dir]) => `${field}: ${dir}`)
    .join(', ');
  return `${ix.name} { ${keys} }${ix.unique ? ' unique' : ''}`;
}
