// CloudBase's request size limits: a function's body may be 100 KB as text and
// 6 MB otherwise, any other request 100 MB; past that EXCEED_MAX_PAYLOAD_SIZE in
// the shape the caller reads, and the emulator keeps serving.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseService } from '../../emulator/database';
import { FunctionHostService } from '../../emulator/functions/host';
import { type RunningEmulator, startEmulator } from '../../emulator/registry';
import { sdkFor } from '../support/sdk';

let emu: RunningEmulator;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'emulator-limits-'));
  emu = await startEmulator({
    port: 0,
    dataDir: null,
    log: () => {},
    services: [
      new DatabaseService({ collections: [{ name: 'things', indexes: [], rule: { read: false, write: false } }] }),
      new FunctionHostService({ functionsDir: dir, configs: [], timers: false }),
    ],
  });
});
afterAll(async () => {
  await emu.stop();
  rmSync(dir, { recursive: true, force: true });
});

const post = async (path: string, body: string | Buffer, contentType = 'application/json') => {
  const res = await fetch(`${emu.url}${path}`, { method: 'POST', headers: { 'content-type': contentType }, body });
  return { status: res.status, body: (await res.json()) as { code?: string; message?: string; requestId?: string } };
};

const jsonOf = (bytes: number) => JSON.stringify({ data: 'x'.repeat(bytes) });

describe('request size limits', () => {
  it('a 7 MB body to /functions/user is refused with EXCEED_MAX_PAYLOAD_SIZE, and the emulator keeps serving', async () => {
    const refused = await post('/functions/user', jsonOf(7 * 1024 * 1024));
    expect(refused).toEqual({
      status: 413,
      body: {
        code: 'EXCEED_MAX_PAYLOAD_SIZE',
        message: expect.stringContaining('6291456'),
        requestId: expect.any(String),
      },
    });
    // Not refused for its size: the function simply does not exist here.
    expect((await post('/functions/user', jsonOf(5 * 1024 * 1024))).body.code).toBe('FUNCTION_NOT_FOUND');
  });

  it('a text body to a function may be 100 KB', async () => {
    expect((await post('/functions/user', 'x'.repeat(101 * 1024), 'text/plain')).body.code).toBe(
      'EXCEED_MAX_PAYLOAD_SIZE',
    );
    expect((await post('/functions/user', jsonOf(101 * 1024))).body.code).toBe('FUNCTION_NOT_FOUND');
  });

  it('callFunction through the SDK with 7 MB of data fails with EXCEED_MAX_PAYLOAD_SIZE', async () => {
    await expect(
      sdkFor(emu).callFunction({ name: 'user', data: { blob: 'x'.repeat(7 * 1024 * 1024) } }),
    ).rejects.toMatchObject({
      code: 'EXCEED_MAX_PAYLOAD_SIZE',
    });
  });

  it('an /admin body over 100 MB answers EXCEED_MAX_PAYLOAD_SIZE in the SDK’s shape (HTTP 200)', async () => {
    const res = await post('/admin', Buffer.alloc(100 * 1024 * 1024 + 1, 0x20));
    expect(res).toEqual({
      status: 200,
      body: { code: 'EXCEED_MAX_PAYLOAD_SIZE', message: expect.any(String), requestId: expect.any(String) },
    });
    expect((await sdkFor(emu).database().collection('things').count()).total).toBe(0);
    // Sending 100 MB takes a few seconds on a loaded machine (the whole suite on two cores): not what is tested.
  }, 30_000);
});
