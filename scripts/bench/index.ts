// `npm run bench [-- --only <name,…>]`: prints figures; nothing is asserted.
import { benchBundles } from './bundles';
import { benchDashboard } from './dashboard';
import { benchEmulator } from './emulator';
import { benchRedeem } from './redeem';
import { benchSignups } from './signups';
import { benchVotes } from './votes';

const SUITES: Record<string, (log: (l: string) => void) => Promise<void>> = {
  emulator: benchEmulator,
  votes: benchVotes,
  signups: benchSignups,
  redeem: benchRedeem,
  dashboard: benchDashboard,
  bundles: benchBundles,
};

async function main() {
  const only = process.argv.indexOf('--only');
  const names = only > 0 ? process.argv[only + 1]!.split(',') : Object.keys(SUITES);
  console.log(`node ${process.version} · ${new Date().toISOString()}\n`);
  for (const name of names) {
    const suite = SUITES[name];
    if (!suite) throw new Error(`unknown bench "${name}"; known: ${Object.keys(SUITES).join(', ')}`);
    await suite(console.log);
    console.log('');
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
