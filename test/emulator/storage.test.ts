// Storage through the real @cloudbase/node-sdk: metadata over /admin, bytes over
// the local URLs the emulator hands out.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { STORAGE_BUCKET } from '../../emulator/constants';
import { type RunningEmulator, startEmulator } from '../../emulator/registry';
import { cloudPathProblem } from '../../emulator/storage/cloud-path';
import { contentTypeFor } from '../../emulator/storage/content-type';
import { parseFileId } from '../../emulator/storage/file-id';
import { StorageService } from '../../emulator/storage';
import { type CloudbaseApp, sdkFor } from '../support/sdk';

const start = (dataDir: string | null) =>
  startEmulator({ port: 0, dataDir, services: [new StorageService()], log: () => undefined });

/** Every byte value, shuffled in, so no text decoding can sneak through unnoticed. */
const binary = () => Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(70_000)]);

describe('storage through the SDK (in memory)', () => {
  let emulator: RunningEmulator;
  let app: CloudbaseApp;
  let fileIdOf: (cloudPath: string) => string;

  beforeAll(async () => {
    emulator = await start(null);
    app = sdkFor(emulator);
    fileIdOf = (cloudPath) => `cloud://${emulator.envId}.${STORAGE_BUCKET}/${cloudPath}`;
  });
  afterAll(() => emulator.stop());
  beforeEach(() => emulator.reset());

  it('uploads, hands out an unescaped temp URL and downloads the same bytes (Chinese and spaces in the path)', async () => {
    const cloudPath = '证件照/张 三 的照片.png';
    const bytes = binary();
    const { fileID } = await app.uploadFile({ cloudPath, fileContent: bytes });
    expect(fileID).toBe(fileIdOf(cloudPath));

    const { fileList } = await app.getTempFileURL({ fileList: [fileID] });
    expect(fileList).toEqual([{ fileID, tempFileURL: `${emulator.url}/storage/files/${cloudPath}`, code: 'SUCCESS' }]);

    const { fileContent } = await app.downloadFile({ fileID });
    expect(Buffer.compare(fileContent as Buffer, bytes)).toBe(0);
    // With urlType COS_URL the SDK uses the URL as given, so that one comes escaped.
    const viaCosUrl = await app.downloadFile({ fileID, urlType: 'COS_URL' });
    expect(Buffer.compare(viaCosUrl.fileContent as Buffer, bytes)).toBe(0);
  });

  it('stores an empty file and overwrites on a second upload', async () => {
    const { fileID } = await app.uploadFile({ cloudPath: 'notes/empty.txt', fileContent: Buffer.alloc(0) });
    expect((await app.downloadFile({ fileID })).fileContent).toEqual(Buffer.alloc(0));
    await app.uploadFile({ cloudPath: 'notes/empty.txt', fileContent: Buffer.from('second') });
    expect((await app.downloadFile({ fileID })).fileContent?.toString()).toBe('second');
  });

  it('reports size and type through getFileInfo (a HEAD request)', async () => {
    const png = binary();
    const pdf = Buffer.from('%PDF-1.4 tiny');
    await app.uploadFile({ cloudPath: 'docs/证书 扫描.png', fileContent: png });
    await app.uploadFile({ cloudPath: 'docs/report.PDF', fileContent: pdf });
    await app.uploadFile({ cloudPath: 'docs/blob.weird', fileContent: pdf });
    const { fileList } = await app.getFileInfo({
      fileList: [fileIdOf('docs/证书 扫描.png'), fileIdOf('docs/report.PDF'), fileIdOf('docs/blob.weird')],
    });
    expect(fileList.map((f) => [f.fileName, f.size, f.mime])).toEqual([
      ['证书 扫描.png', png.length, 'image/png'],
      ['report.PDF', pdf.length, 'application/pdf'],
      ['blob.weird', pdf.length, 'application/octet-stream'],
    ]);
  });

  it('deletes files; a download afterwards fails with the per-file code', async () => {
    const { fileID } = await app.uploadFile({ cloudPath: 'tmp/gone.txt', fileContent: Buffer.from('bye') });
    const missing = fileIdOf('tmp/never-there.txt');
    const deleted = await app.deleteFile({ fileList: [fileID, missing] });
    expect(deleted.fileList).toEqual([
      { fileID, code: 'SUCCESS' },
      expect.objectContaining({ fileID: missing, code: 'STORAGE_FILE_NONEXIST' }),
    ]);
    await expect(app.downloadFile({ fileID })).rejects.toMatchObject({ code: 'STORAGE_FILE_NONEXIST' });
    const plain = await fetch(`${emulator.url}/storage/files/tmp/gone.txt`);
    expect(plain.status).toBe(404);
  });

  it('answers missing and foreign files with a per-item code', async () => {
    const missing = fileIdOf('nope/missing.png');
    const otherBucket = `cloud://${emulator.envId}.tcbenv-mPIgjhnq/1535367916760.jpg`;
    const notAnId = 'unexistFileID';
    const foreign = `cloud://other-env.${STORAGE_BUCKET}/a.png`;
    const { fileList } = await app.getTempFileURL({ fileList: [missing, otherBucket, notAnId, foreign] });
    expect(fileList).toEqual([
      expect.objectContaining({ fileID: missing, code: 'STORAGE_FILE_NONEXIST', tempFileURL: '' }),
      expect.objectContaining({ fileID: otherBucket, code: 'STORAGE_FILE_NONEXIST', tempFileURL: '' }),
      expect.objectContaining({ fileID: notAnId, code: 'STORAGE_FILE_NONEXIST', tempFileURL: '' }),
      expect.objectContaining({ fileID: foreign, code: 'STORAGE_EXCEED_AUTHORITY', tempFileURL: '' }),
    ]);
  });

  it('a download of a file that does not exist fails with STORAGE_FILE_NONEXIST, whatever the ID', async () => {
    for (const fileID of ['unexistFileID', fileIdOf('nope.png'), `cloud://${emulator.envId}.other-bucket/a.png`]) {
      await expect(app.downloadFile({ fileID })).rejects.toMatchObject({ code: 'STORAGE_FILE_NONEXIST' });
    }
  });

  it('refuses more than 50 files per deleteFile call, deleting none', async () => {
    const { fileID } = await app.uploadFile({ cloudPath: 'keep/me.txt', fileContent: Buffer.from('x') });
    const ids = [fileID, ...Array.from({ length: 50 }, (_, i) => fileIdOf(`many/${i}.png`))];
    await expect(app.deleteFile({ fileList: ids })).rejects.toMatchObject({
      code: 'INVALID_PARAM',
      message: expect.stringContaining('at most 50'),
    });
    expect((await app.deleteFile({ fileList: ids.slice(0, 50) })).fileList[0]).toMatchObject({ code: 'SUCCESS' });
  });

  it('refuses more than 50 files per getTempFileURL call', async () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => fileIdOf(`many/${i}.png`));
    expect((await app.getTempFileURL({ fileList: ids(50) })).fileList).toHaveLength(50);
    await expect(app.getTempFileURL({ fileList: ids(51) })).rejects.toMatchObject({
      code: 'INVALID_PARAM',
      message: expect.stringContaining('at most 50'),
    });
  });

  it('refuses path traversal and other unusable paths', async () => {
    for (const cloudPath of ['../escape.txt', 'a/../../escape.txt', '/abs.txt', 'a//b.txt', 'a\\b.txt', 'q?.txt']) {
      await expect(app.uploadFile({ cloudPath, fileContent: Buffer.from('x') })).rejects.toMatchObject({
        code: 'INVALID_PARAM',
      });
    }
    const fetched = await fetch(`${emulator.url}/storage/files/..%2F..%2Fetc%2Fpasswd`);
    expect(fetched.status).toBe(404);
    expect(await fetch(`${emulator.url}/_emulator/storage`).then((r) => r.json())).toEqual([]);
  });

  it('accepts a PUT only with the token issued for that very path, answering COS-style XML otherwise', async () => {
    const meta = await app.getUploadMetadata({ cloudPath: 'direct/a.txt' });
    const put = (url: string, token?: string) =>
      fetch(url, { method: 'PUT', body: 'hello', headers: token ? { 'x-cos-security-token': token } : {} });

    const noToken = await put(meta.data.url);
    expect(noToken.status).toBe(403);
    const xml = await noToken.text();
    for (const element of ['Code', 'Message', 'RequestId', 'TraceId']) expect(xml).toMatch(new RegExp(`<${element}>`));
    expect(xml).toContain('<Code>AccessDenied</Code>');

    const otherPath = await put(`${emulator.url}/storage/upload/direct/b.txt`, meta.data.token);
    expect(otherPath.status).toBe(403);

    const ok = await put(meta.data.url, meta.data.token);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('');
    expect((await app.downloadFile({ fileID: meta.data.fileId })).fileContent?.toString()).toBe('hello');
  });

  it('copies and moves files', async () => {
    await app.uploadFile({ cloudPath: 'src/a.txt', fileContent: Buffer.from('A') });
    const copied = await app.copyFile({ fileList: [{ srcPath: 'src/a.txt', dstPath: 'dst/a.txt' }] });
    expect(copied.fileList).toEqual([{ fileId: fileIdOf('dst/a.txt'), code: 'SUCCESS' }]);
    const moved = await app.copyFile({
      fileList: [{ srcPath: 'src/a.txt', dstPath: 'moved/a.txt', removeOriginal: true }],
    });
    expect(moved.fileList[0]).toMatchObject({ code: 'SUCCESS' });
    const listed = (await fetch(`${emulator.url}/_emulator/storage`).then((r) => r.json())) as { cloudPath: string }[];
    expect(listed.map((f) => f.cloudPath)).toEqual(['dst/a.txt', 'moved/a.txt']);
    const fromMissing = await app.copyFile({ fileList: [{ srcPath: 'src/a.txt', dstPath: 'again/a.txt' }] });
    expect(fromMissing.fileList[0]).toMatchObject({ code: 'STORAGE_FILE_NONEXIST' });
  });

  it('accepts a wx.uploadFile-style multipart upload from the mini-program', async () => {
    const bytes = binary();
    const form = new FormData();
    form.append('cloudPath', 'avatars/用户 1.jpg');
    form.append('file', new Blob([bytes]), 'tmp_abc.jpg');
    const res = await fetch(`${emulator.url}/storage/client-upload`, { method: 'POST', body: form });
    expect(res.status).toBe(200);
    const { fileID } = (await res.json()) as { fileID: string };
    expect(fileID).toBe(fileIdOf('avatars/用户 1.jpg'));
    expect(Buffer.compare((await app.downloadFile({ fileID })).fileContent as Buffer, bytes)).toBe(0);

    const bad = new FormData();
    bad.append('cloudPath', '../x.jpg');
    bad.append('file', new Blob([bytes]), 'x.jpg');
    const refused = await fetch(`${emulator.url}/storage/client-upload`, { method: 'POST', body: bad });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ code: 'INVALID_PARAM' });
  });

  it('lists files for inspection and empties on reset', async () => {
    await app.uploadFile({ cloudPath: 'x/1.txt', fileContent: Buffer.from('12345') });
    const listed = await fetch(`${emulator.url}/_emulator/storage`).then((r) => r.json());
    expect(listed).toEqual([
      { fileID: fileIdOf('x/1.txt'), cloudPath: 'x/1.txt', size: 5, updatedAt: expect.any(String) },
    ]);
    await fetch(`${emulator.url}/_emulator/reset`, { method: 'POST' });
    expect(await fetch(`${emulator.url}/_emulator/storage`).then((r) => r.json())).toEqual([]);
  });
});

describe('storage with a data folder', () => {
  let dir: string;
  const running: RunningEmulator[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'emulator-storage-'));
  });
  afterAll(async () => {
    for (const e of running) await e.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps acknowledged uploads across emulators on the same folder', async () => {
    const first = await start(dir);
    running.push(first);
    const bytes = binary();
    const { fileID } = await sdkFor(first).uploadFile({ cloudPath: '党建/活动 照片.jpg', fileContent: bytes });

    // A second emulator while the first still runs: nothing may wait for stop() to reach the disk.
    const second = await start(dir);
    running.push(second);
    expect(Buffer.compare((await sdkFor(second).downloadFile({ fileID })).fileContent as Buffer, bytes)).toBe(0);
    await first.stop();
    await second.stop();

    const third = await start(dir);
    running.push(third);
    const { fileList } = await sdkFor(third).getFileInfo({ fileList: [fileID] });
    expect(fileList[0]).toMatchObject({ code: 'SUCCESS', size: bytes.length, mime: 'image/jpeg' });
    expect(await fetch(`${third.url}/_emulator/storage`).then((r) => r.json())).toEqual([
      expect.objectContaining({ fileID, cloudPath: '党建/活动 照片.jpg', size: bytes.length }),
    ]);
  });

  it('never writes outside its storage folder', async () => {
    const emulator = await start(dir);
    running.push(emulator);
    const app = sdkFor(emulator);
    await expect(
      app.uploadFile({ cloudPath: '../../outside.txt', fileContent: Buffer.from('x') }),
    ).rejects.toMatchObject({ code: 'INVALID_PARAM' });
    await app.uploadFile({ cloudPath: 'inside/ok.txt', fileContent: Buffer.from('x') });
    expect(await readdir(dir)).toEqual(['storage']);
    await emulator.reset();
    expect(await fetch(`${emulator.url}/_emulator/storage`).then((r) => r.json())).toEqual([]);
  });
});

describe('storage path helpers', () => {
  it('accepts ordinary paths and explains refusals', () => {
    expect(cloudPathProblem('a/b c/中文.png')).toBeNull();
    expect(cloudPathProblem('..')).toMatch(/"\.\."/);
    expect(cloudPathProblem('')).toMatch(/non-empty/);
    expect(cloudPathProblem('a\u0000b')).toMatch(/control/);
    expect(cloudPathProblem('x'.repeat(851))).toMatch(/850 bytes/);
  });

  it('parses only this environment’s file IDs', () => {
    expect(parseFileId(`cloud://e.${STORAGE_BUCKET}/a/b.png`, 'e')).toEqual({ ok: true, cloudPath: 'a/b.png' });
    expect(parseFileId(`cloud://e.${STORAGE_BUCKET}/../b.png`, 'e')).toMatchObject({
      ok: false,
      code: 'INVALID_PARAM',
    });
    expect(parseFileId('https://example.com/a.png', 'e')).toMatchObject({ ok: false, code: 'INVALID_PARAM' });
  });

  it('maps extensions to content types', () => {
    expect(contentTypeFor('a/b.JPG')).toBe('image/jpeg');
    expect(contentTypeFor('a/b.xlsx')).toMatch(/spreadsheetml/);
    expect(contentTypeFor('a.dir/noext')).toBe('application/octet-stream');
  });
});
