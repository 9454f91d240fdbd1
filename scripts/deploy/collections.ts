// Deploys one collection: create it if missing, create the declared indexes it
// lacks (never dropping or re-creating one), and set its custom security rule.
import type { ManagerClient, RemoteIndex } from './client';
import { describeIndex } from './format';
import { compareIndexes, toCreateIndex } from './indexes';
import type { CollectionPlan } from './plan';
import type { Steps } from './steps';

export async function deployCollection(c: CollectionPlan, client: ManagerClient, steps: Steps): Promise<void> {
  const db = client.database;
  const { Exists } = await steps.run(`collection ${c.name}: check`, () => db.checkCollectionExists(c.name));
  steps.note(`collection ${c.name} ${Exists ? 'exists' : 'does not exist yet'}`);
  let remoteIndexes: RemoteIndex[] = [];
  if (Exists) {
    const described = await steps.run(`collection ${c.name}: read indexes`, () => db.describeCollection(c.name));
    remoteIndexes = described.Indexes ?? [];
  } else {
    // A new collection has only the _id index.
    await steps.run(`collection ${c.name}: create`, () => db.createCollection(c.name));
  }
  const decisions = compareIndexes(c.indexes, remoteIndexes);
  for (const decision of decisions) {
    const label = `collection ${c.name}: index ${describeIndex(decision.index)}`;
    if (decision.kind === 'present') {
      const alias = decision.remoteName === decision.index.name ? '' : ` (as ${decision.remoteName})`;
      steps.note(`${label} already exists${alias}`);
    } else if (decision.kind === 'create') {
      await steps.run(`${label}: create`, () =>
        db.updateCollection(c.name, { CreateIndexes: [toCreateIndex(decision.index)] }),
      );
    } else {
      steps.fail(label, decision.reason);
    }
  }
  const matched = new Set(decisions.flatMap((d) => (d.kind === 'present' ? [d.remoteName] : [])));
  for (const r of remoteIndexes) {
    if (r.Name !== '_id_' && !matched.has(r.Name)) {
      steps.note(`collection ${c.name}: index ${r.Name} is not in database.json (left in place)`);
    }
  }
  await steps.run(
    `collection ${c.name}: security rule (自定义安全规则) ${c.ruleJson}`,
    () =>
      client.permission.modifyResourcePermission({
        resourceType: 'collection',
        resource: c.name,
        permission: 'CUSTOM',
        securityRule: c.ruleJson,
      }),
    manualRuleInstructions(c),
  );
}

/** What to do by hand if the API refuses the rule. */
export function manualRuleInstructions(c: CollectionPlan): string {
  return (
    `Set it by hand: CloudBase console (https://tcb.cloud.tencent.com) → environment → 文档型数据库 → ` +
    `collection ${c.name} → 权限设置 → 自定义安全规则, paste ${c.ruleJson} and save.`
  );
}
