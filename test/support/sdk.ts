// The real @cloudbase/node-sdk pointed at a running emulator — what cloud code
// and the contract tests use. No emulator internals.
import tcb from '@cloudbase/node-sdk';

// Stops the SDK from probing metadata.tencentyun.com on every call.
process.env.TENCENTCLOUD = 'true';

export type CloudbaseApp = ReturnType<typeof tcb.init>;

export function sdkFor(emulator: { adminUrl: string; envId: string }): CloudbaseApp {
  return tcb.init({
    env: emulator.envId,
    serviceUrl: emulator.adminUrl,
    secretId: 'local',
    secretKey: 'local',
    timeout: 30_000,
  });
}

export { tcb };
