// Demo data for `npm start` and `--seed`: written through the real SDK, with fixed
// ids and set(), so seeding twice changes nothing. Each feature adds its module to
// SEEDS. People, companies and phone numbers are fictional; quotations are classical
// sayings with their true source, or original lines marked as sample content.
import tcb from '@cloudbase/node-sdk';
import { orgSeed } from './orgs';
import { campaignSeed } from './campaigns';
import { meetingSeed } from './meetings';
import { stationSeed } from './stations';
import { caseSeed } from './cases';
import { studySeed } from './study';
import { volunteerSeed } from './volunteer';
import { shopSeed } from './shop';
import { studyActivitySeed } from './study-activity';
import { countersSeed } from './counters';

export type SeedDb = ReturnType<ReturnType<typeof tcb.init>['database']>;

export type SeedApp = ReturnType<typeof tcb.init>;

export interface SeedModule {
  name: string;
  run(db: SeedDb, now: Date, app: SeedApp): Promise<number>;
}

// Order matters: later modules refer to earlier ones' ids.
export const SEEDS: SeedModule[] = [
  orgSeed,
  stationSeed,
  meetingSeed,
  studySeed,
  campaignSeed,
  caseSeed,
  volunteerSeed,
  // After the cases: the riders' points summary is recomputed from the whole ledger.
  shopSeed,
  studyActivitySeed,
];

export async function seedDemoData(target: { adminUrl: string; envId: string }, log = console.log): Promise<void> {
  process.env.TENCENTCLOUD = 'true';
  const app = tcb.init({ env: target.envId, serviceUrl: target.adminUrl, secretId: 'seed', secretKey: 'seed' });
  const db = app.database();
  const now = new Date();
  // Last: the dashboard's counters, from every record written above.
  for (const s of [...SEEDS, countersSeed(target)]) {
    const n = await s.run(db, now, app);
    log(`seeded ${s.name}: ${n} documents`);
  }
}
