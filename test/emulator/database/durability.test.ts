// With --data, an acknowledged write survives kill -9 of the emulator and a restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EmulatorProcess, spawnEmulator, waitForExit } from '../../../scripts/dev/process';
import { sdkFor } from '../../support/sdk';

let dir: string;
let running: EmulatorProcess | null = null;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'emu-data-'));
});
afterAll(async () => {
  if (running) {
    running.child.kill('SIGKILL');
    await waitForExit(running.child);
  }
  rmSync(dir, { recursive: true, force: true });
});

it('every acknowledged write survives kill -9 and a restart on the same data folder', async () => {
  running = await spawnEmulator(['--port', '0', '--data', dir, '--no-timers']);
  const db = sdkFor(running).database();
  await db.createCollection('durable');
  const acknowledged = await Promise.all(
    Array.from({ length: 50 }, (_, i) => db.collection('durable').add({ i, at: new Date(1_700_000_000_000 + i) })),
  );
  await db
    .collection('durable')
    .doc((acknowledged[0] as { id: string }).id)
    .update({ touched: true });

  const killedUrl = running.url;
  running.child.kill('SIGKILL');
  await waitForExit(running.child);
  await expect(fetch(`${killedUrl}/_emulator/health`)).rejects.toThrow();
  running = await spawnEmulator(['--port', '0', '--data', dir, '--no-timers']);

  const after = sdkFor(running).database();
  const { data } = await after.collection('durable').orderBy('i', 'asc').limit(1000).get();
  expect(data.map((d: { i: number }) => d.i)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  expect(data[0]).toMatchObject({ touched: true, at: new Date(1_700_000_000_000) });
});
