// Storage security rules (CloudBase's bucket format) through the real SDK's
// getFileAuthority and the mini-program's client upload: the default rules of a
// new bucket, the project's kind of path rules, and refusals at start.
import { STORAGE_BUCKET } from '../../emulator/constants';
import { type RunningEmulator, startEmulator } from '../../emulator/registry';
import { StorageService } from '../../emulator/storage';
import type { StorageRules } from '../../emulator/storage/rules';
import { type CloudbaseApp, sdkFor } from '../support/sdk';

const start = (rules?: StorageRules) =>
  startEmulator({ port: 0, dataDir: null, services: [new StorageService({ rules })], log: () => undefined });

async function clientUpload(emu: RunningEmulator, cloudPath: string, openid?: string) {
  const form = new FormData();
  form.append('cloudPath', cloudPath);
  form.append('file', new Blob([Buffer.from('bytes')]), 'f.png');
  const res = await fetch(`${emu.url}/storage/client-upload`, {
    method: 'POST',
    body: form,
    headers: openid ? { 'x-wx-openid': openid } : {},
  });
  return { status: res.status, body: (await res.json()) as { fileID?: string; code?: string } };
}

/** getFileAuthority as a function does it for its caller: the SDK reads WX_OPENID from the context. */
async function authorityAs(app: CloudbaseApp, openid: string, fileIds: string[]) {
  const saved = { keys: process.env.WX_CONTEXT_KEYS, openid: process.env.WX_OPENID };
  Object.assign(process.env, { WX_CONTEXT_KEYS: 'WX_OPENID', WX_OPENID: openid });
  try {
    const res = await app.getFileAuthority({ fileList: fileIds.map((path) => ({ path, type: 'READWRITE' })) });
    return (res as unknown as { data: { path: string; cosFileId: string; read: boolean; write: boolean }[] }).data;
  } finally {
    for (const [k, v] of [
      ['WX_CONTEXT_KEYS', saved.keys],
      ['WX_OPENID', saved.openid],
    ] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

describe('storage rules: the default of a new bucket (every user reads, the creator writes)', () => {
  let emu: RunningEmulator;
  let app: CloudbaseApp;
  const id = (p: string) => `cloud://${emu.envId}.${STORAGE_BUCKET}/${p}`;
  beforeAll(async () => {
    emu = await start();
    app = sdkFor(emu);
  });
  afterAll(() => emu.stop());

  it('getFileAuthority: the creator may write, another user only read, a new path is the writer’s own', async () => {
    expect((await clientUpload(emu, 'photos/a.png', 'o-alice')).status).toBe(200);
    const { fileID: adminFile } = await app.uploadFile({ cloudPath: 'admin/b.png', fileContent: Buffer.from('x') });
    const asAlice = await authorityAs(app, 'o-alice', [id('photos/a.png'), adminFile, id('photos/new.png')]);
    expect(asAlice.map((f) => [f.read, f.write])).toEqual([
      [true, true],
      [true, false],
      [true, true],
    ]);
    expect(asAlice[0]).toMatchObject({ path: id('photos/a.png'), cosFileId: expect.any(String) });
    expect((await authorityAs(app, 'o-bob', [id('photos/a.png')]))[0]).toMatchObject({ read: true, write: false });
  });

  it('a client may not overwrite another user’s file (403 STORAGE_EXCEED_AUTHORITY); its creator may', async () => {
    expect((await clientUpload(emu, 'photos/c.png', 'o-alice')).status).toBe(200);
    expect(await clientUpload(emu, 'photos/c.png', 'o-bob')).toEqual({
      status: 403,
      body: expect.objectContaining({ code: 'STORAGE_EXCEED_AUTHORITY' }),
    });
    expect((await clientUpload(emu, 'photos/c.png', 'o-alice')).status).toBe(200);
  });
});

describe('storage rules given as data', () => {
  const running: RunningEmulator[] = [];
  afterAll(async () => {
    for (const e of running) await e.stop();
  });
  const withRules = async (rules: StorageRules) => {
    const emu = await start(rules);
    running.push(emu);
    return emu;
  };

  it('a path rule with startsWith and string concatenation decides each client upload', async () => {
    const emu = await withRules({
      read: 'auth != null',
      write:
        "auth != null && auth.loginType != 'ANONYMOUS' && resource.path.startsWith('uploads/' + auth.openid + '/')",
    });
    expect((await clientUpload(emu, 'uploads/o-alice/1.png', 'o-alice')).status).toBe(200);
    expect((await clientUpload(emu, 'uploads/o-bob/1.png', 'o-alice')).status).toBe(403);
    expect((await clientUpload(emu, 'elsewhere/1.png', 'o-alice')).status).toBe(403);
    const app = sdkFor(emu);
    const file = `cloud://${emu.envId}.${STORAGE_BUCKET}/uploads/o-bob/x.png`;
    expect((await authorityAs(app, 'o-bob', [file]))[0]).toMatchObject({ read: true, write: true });
    expect((await authorityAs(app, 'o-alice', [file]))[0]).toMatchObject({ read: true, write: false });
  });

  it('regular expressions, in, ! and booleans work as CloudBase documents them', async () => {
    const emu = await withRules({
      read: "!(auth == null) && (/^public\\//.test(resource.path) == true || auth.openid in ['o-admin'])",
      write: false,
    });
    const app = sdkFor(emu);
    const f = (p: string) => `cloud://${emu.envId}.${STORAGE_BUCKET}/${p}`;
    const data = await authorityAs(app, 'o-x', [f('public/a.png'), f('private/a.png')]);
    expect(data.map((d) => [d.read, d.write])).toEqual([
      [true, false],
      [false, false],
    ]);
    expect((await authorityAs(app, 'o-admin', [f('private/a.png')]))[0]).toMatchObject({ read: true });
    expect((await clientUpload(emu, 'public/a.png', 'o-admin')).status).toBe(403);
  });

  it.each([
    [{ read: 'doc.owner == auth.openid' }, /unknown variable/],
    [{ read: 'resource.path.match(/x/)' }, /unsupported method/],
    [{ write: 'auth.openid = 1' }, /unexpected "="/],
    [{ write: 'auth != null &&' }, /unexpected end/],
    [{ read: true, delete: false }, /only "read" and "write"/],
    [{ read: 1 }, /boolean or an expression/],
  ])('rules the emulator cannot read fail loudly when it starts: %j', (rules, message) => {
    expect(() => new StorageService({ rules: rules as StorageRules })).toThrow(message);
  });
});
