// Deploys cloud storage's security rule (storage.rules.json) as the bucket's
// custom rule (自定义安全规则): storage.setStorageAcl('CUSTOM', rule), which is
// CloudBase's ModifyStorageSafeRule.
import type { ManagerClient } from './client';
import type { StoragePlan } from './plan';
import type { Steps } from './steps';

export async function deployStorageRule(s: StoragePlan, client: ManagerClient, steps: Steps): Promise<void> {
  await steps.run(
    `storage: security rule (自定义安全规则) ${s.ruleJson}`,
    () => client.storage.setStorageAcl('CUSTOM', s.rule),
    manualStorageInstructions(s),
  );
}

/** What to do by hand if the API refuses the rule. */
export function manualStorageInstructions(s: StoragePlan): string {
  return (
    `Set it by hand: CloudBase console (https://tcb.cloud.tencent.com) → environment → 云存储 → ` +
    `权限设置 → 自定义安全规则, paste ${s.ruleJson} and save (it takes 1–3 minutes to apply).`
  );
}
