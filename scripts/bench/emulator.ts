// Emulator overhead: each operation through the real SDK, beside the same
// operation done directly on the storage engine and a bare HTTP round trip to the
// same server, at 1 and 32 requests in flight.
import http from 'node:http';
import tcb from '@cloudbase/node-sdk';
import type { Transaction } from '@cloudbase/database/dist/commonjs/transaction/index';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Collection } from '../../emulator/database/collection';
import { Store } from '../../emulator/database/store';
import { spawnEmulator, waitForExit } from '../dev/process';
import { matching } from '../../emulator/database/query';
import { applyModifier, toModifier } from '../../emulator/database/update';
import { formatRow, type Figures, runConcurrent, runSync } from './stats';

const N = { 1: 600, 32: 3000 } as const;

export async function benchEmulator(log: (line: string) => void): Promise<void> {
  process.env.TENCENTCLOUD = 'true';
  // The emulator runs in its own process, as a server would; the engine-direct
  // figures come from an in-process store with the same schema.
  const dir = mkdtempSync(join(tmpdir(), 'bench-emu-'));
  const schemaFile = join(dir, 'database.json');
  const byK = [{ name: 'by_k', keys: { k: 1 as const } }];
  writeFileSync(schemaFile, JSON.stringify({ collections: { bench: { indexes: byK } } }));
  const emu = await spawnEmulator(['--port', '0', '--memory', '--no-timers', '--schema', schemaFile]);
  const db = tcb.init({ env: emu.envId, serviceUrl: emu.adminUrl, secretId: 'b', secretKey: 'b' }).database();
  const _ = db.command;
  const store = new Store(null);
  store.ensureDeclared([{ name: 'engine', indexes: byK, rule: { read: false, write: false } }]);
  const engine: Collection = store.collection('engine');
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const bareRoundTrip = () =>
    new Promise<void>((resolve, reject) => {
      const req = http.request(`${emu.url}/_emulator/health`, { agent }, (res) => {
        res.resume();
        res.on('end', resolve);
      });
      req.on('error', reject);
      req.end();
    });

  // Data the reads and updates use: 2,000 documents with 200 distinct indexed keys.
  await db.collection('bench').add(Array.from({ length: 1000 }, (_x, i) => ({ _id: `d${i}`, k: `k${i % 200}`, n: 0 })));
  await db.collection('bench').add(Array.from({ length: 1000 }, (_x, i) => ({ _id: `e${i}`, k: `k${i % 200}`, n: 0 })));
  for (let i = 0; i < 2000; i++)
    store.commit(new Map([['engine', new Map([[`d${i}`, { _id: `d${i}`, k: `k${i % 200}`, n: 0 }]])]]));

  let seq = 0;
  const sdkOps: Record<string, (i: number) => Promise<unknown>> = {
    insert: (i) => db.collection('bench').add({ k: `new${i}`, n: i }),
    'get by id': (i) =>
      db
        .collection('bench')
        .doc(`d${i % 1000}`)
        .get(),
    'indexed where (10 of 2,000 docs)': (i) =>
      db
        .collection('bench')
        .where({ k: `k${i % 200}` })
        .get(),
    inc: (i) =>
      db
        .collection('bench')
        .doc(`d${i % 1000}`)
        .update({ n: _.inc(1) }),
    'two-document transaction': (i) =>
      db.runTransaction(async (t: Transaction) => {
        const a = `d${(2 * i) % 1000}`;
        const b = `e${(2 * i + 1) % 1000}`;
        await t
          .collection('bench')
          .doc(a)
          .update({ n: _.inc(-1) });
        await t
          .collection('bench')
          .doc(b)
          .update({ n: _.inc(1) });
      }, 20),
  };
  const engineOps: Record<string, (i: number) => void> = {
    insert: (i) =>
      store.commit(new Map([['engine', new Map([[`x${seq++}`, { _id: `x${seq}`, k: `new${i}`, n: i }]])]])),
    'get by id': (i) => void engine.docs.get(`d${i % 2000}`),
    'indexed where (10 of 2,000 docs)': (i) => void matching(engine, { k: `k${i % 200}` }),
    inc: (i) => {
      const id = `d${i % 2000}`;
      const next = applyModifier(engine.docs.get(id)!.doc, toModifier({ $inc: { n: 1 } })).doc;
      store.commit(new Map([['engine', new Map([[id, next]])]]));
    },
    'two-document transaction': (i) => {
      const a = `d${(2 * i) % 2000}`;
      const b = `d${(2 * i + 1) % 2000}`;
      const inc = (id: string, by: number) =>
        applyModifier(engine.docs.get(id)!.doc, toModifier({ $inc: { n: by } })).doc;
      store.commit(
        new Map([
          [
            'engine',
            new Map([
              [a, inc(a, -1)],
              [b, inc(b, 1)],
            ]),
          ],
        ]),
      );
    },
  };

  log('Emulator: SDK → HTTP → emulator → SQLite, vs the same op on the engine directly, vs a bare HTTP round trip');
  for (const inFlight of [1, 32] as const) {
    log(`\n  ${inFlight} in flight`);
    const bare = await runConcurrent(N[inFlight], inFlight, bareRoundTrip);
    log(`  ${formatRow('bare HTTP round trip (GET /_emulator/health)', bare)}`);
    for (const [name, op] of Object.entries(sdkOps)) {
      const sdk: Figures = await runConcurrent(N[inFlight], inFlight, op);
      const direct = runSync(N[inFlight], engineOps[name]!);
      log(`  ${formatRow(`SDK ${name}`, sdk)}`);
      log(`  ${formatRow(`  engine ${name}`, direct)}`);
      log(
        `  ${''.padEnd(44)} SDK throughput = ${((sdk.opsPerSec / direct.opsPerSec) * 100).toFixed(1)}% of the engine's, ` +
          `${((sdk.opsPerSec / bare.opsPerSec) * 100).toFixed(0)}% of bare HTTP's`,
      );
    }
  }
  agent.destroy();
  store.close();
  emu.child.kill('SIGTERM');
  await waitForExit(emu.child);
  rmSync(dir, { recursive: true, force: true });
}
