// `npm run emulator -- --port <P> (--memory | --data <dir>) [--seed] [--no-timers]`:
// the emulator alone, with the functions as last built. Prints one JSON line with
// its URLs when ready (tools read it), then runs until SIGINT/SIGTERM.
// Production functions run with TZ=Asia/Shanghai (cloudbaserc.json); worker threads share
// this process's zone, so match it before anything reads the clock.
process.env.TZ ??= 'Asia/Shanghai';
import { seedDemoData } from '../seed';
import { parseEmulatorArgs } from './args';
import { buildMissingFunctions } from './build-missing';
import { startProjectEmulator } from './project';

async function main() {
  const args = parseEmulatorArgs(process.argv.slice(2), { dataDir: null });
  await buildMissingFunctions();
  const emu = await startProjectEmulator({
    port: args.port,
    dataDir: args.dataDir,
    timers: args.timers,
    schema: args.schema,
  });
  if (args.seed) await seedDemoData(emu);
  console.log(
    JSON.stringify({
      ready: true,
      url: emu.url,
      adminUrl: emu.adminUrl,
      functionsUrl: emu.functionsUrl,
      envId: emu.envId,
    }),
  );
  for (const s of emu.services) for (const line of s.describe?.() ?? []) console.log(line);
  const shutdown = async () => {
    await emu.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
