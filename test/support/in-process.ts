// Shared cloud-function code (cloudfunctions/_shared) run inside the test process:
// its SDK finds the emulator through the same environment the function host sets.
import type { RunningEmulator } from '../../emulator/registry';

export function pointSharedCodeAt(emu: RunningEmulator): void {
  Object.assign(process.env, {
    TENCENTCLOUD_RUNENV: 'SCF',
    SCF_NAMESPACE: emu.envId,
    TENCENTCLOUD_REGION: 'ap-shanghai',
    TENCENTCLOUD_SECRETID: 'local',
    TENCENTCLOUD_SECRETKEY: 'local',
    TENCENTCLOUD: 'true',
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: emu.adminUrl }),
  });
}
