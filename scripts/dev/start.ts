// `npm start`: build the cloud functions, start the local CloudBase emulator on
// 127.0.0.1:9600 (--port / PORT) with its data in .data/, seed demo data on first
// start (or with --seed), print what runs, and shut down cleanly on Ctrl-C.
// Production functions run with TZ=Asia/Shanghai (cloudbaserc.json); worker threads share
// this process's zone, so match it before anything reads the clock.
process.env.TZ ??= 'Asia/Shanghai';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { OPENID_HEADER } from '../../emulator/constants';
import { buildFunctions } from '../build-functions';
import { loadCloudbaseConfig } from '../manifests/cloudbaserc';
import { FUNCTION_SOURCES, PROJECT_ROOT } from '../manifests/paths';
import { seedDemoData } from '../seed';
import { parseEmulatorArgs } from './args';
import { functionEnvOverrides, startProjectEmulator } from './project';
import { superadminLines } from './superadmins';

async function main() {
  const dataDir = resolve(PROJECT_ROOT, '.data');
  const args = parseEmulatorArgs(process.argv.slice(2), { dataDir });
  const firstStart = !args.dataDir || !existsSync(resolve(args.dataDir, 'database.sqlite'));

  console.log('› Building cloud functions…');
  const config = loadCloudbaseConfig();
  await buildFunctions({ srcDir: FUNCTION_SOURCES, outDir: config.functionRoot });

  const emu = await startProjectEmulator({ port: args.port, dataDir: args.dataDir, timers: args.timers });
  if (firstStart || args.seed) {
    console.log('› Seeding demo data…');
    await seedDemoData(emu);
  }

  const lines = [
    '',
    `Local CloudBase emulator running at ${emu.url}  (env "${emu.envId}", data: ${args.dataDir ?? 'in memory'})`,
    `  SDK endpoint      POST ${emu.adminUrl}      (tcb.init({ serviceUrl }))`,
    `  Functions         POST ${emu.functionsUrl}<name>   caller identity: header ${OPENID_HEADER}`,
    `  Inspect           GET  ${emu.url}/_emulator/collections · /_emulator/functions · /_emulator/outbox · /_emulator/storage`,
    '',
    ...emu.services.flatMap((s) => (s.describe?.() ?? []).map((l) => `  ${l}`)),
    '',
    ...superadminLines(config, functionEnvOverrides()),
    '',
    'Try it:',
    `  curl -s -X POST ${emu.functionsUrl}user -H 'content-type: application/json' -H '${OPENID_HEADER}: dev-worker' -d '{"action":"login","data":{}}'`,
    '',
    'WeChat DevTools (local mode): in miniprogram/config/env.ts set the transport to "local" and the',
    `  emulator URL to ${emu.url}; enable "不校验合法域名" in DevTools' 详情 → 本地设置. See README.`,
    '',
    'Ctrl-C stops the emulator.',
  ];
  console.log(lines.join('\n'));

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\n› Stopping…');
    await emu.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
