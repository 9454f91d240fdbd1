// The headless runtime's camera (test/headless/camera.ts): a Node process of its own
// that photographs captures as `npm run screenshots` does, answering each request by
// id, a bad one with an error that names it, and ending when told to.
import { type ChildProcess, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { type CameraAnswer, type Camera, spawnCameraChild, startCamera } from '../headless/camera';
import type { Capture } from '../screens/types';
import { probeCapture } from '../support/probe-capture';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const capture = (html: string, extra: Partial<Capture> = {}) =>
  probeCapture(html, { css: '.main--hello{padding:12px}', ...extra });

/** This process's camera processes (its children running camera-child.ts). */
function cameraChildren(): number[] {
  const res = spawnSync('pgrep', ['-P', String(process.pid), '-f', 'camera-child'], { encoding: 'utf8' });
  return res.stdout.split('\n').filter(Boolean).map(Number);
}

/** Width and height from the IHDR chunk, the first after the signature. */
const dimensions = (png: Buffer) => [png.readUInt32BE(16), png.readUInt32BE(20)];

describe('the client', () => {
  let camera: Camera;
  beforeAll(() => (camera = startCamera()));
  afterAll(() => camera.stop());

  it('photographs a capture as a 375 × 812 screen at device scale 2', async () => {
    const shot = await camera.photograph(capture('<wx-view class="main--hello">骑手你好</wx-view>'));
    expect(shot.png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(dimensions(shot.png)).toEqual([750, 1624]);
    expect(shot.findings).toEqual([]);
  }, 60_000);

  it('answers two photographs asked at once, each with its own findings', async () => {
    const [fine, broken] = await Promise.all([
      camera.photograph(capture('<wx-view>今日金句</wx-view>', { page: 'pages/home/index' })),
      camera.photograph(capture('<wx-view>剩余 undefined 个名额</wx-view>', { page: 'pages/me/index' })),
    ]);
    expect(fine.findings).toEqual([]);
    expect(broken.findings).toEqual([expect.stringContaining('shows "undefined"')]);
    for (const shot of [fine, broken]) expect(dimensions(shot.png)).toEqual([750, 1624]);
  }, 60_000);

  it('stop() ends the camera process, and the next photograph starts a new one', async () => {
    const [pid] = cameraChildren();
    expect(pid).toBeDefined();
    await camera.stop();
    expect(cameraChildren()).toEqual([]);
    expect(() => process.kill(pid!, 0)).toThrow(/ESRCH/);
    const again = await camera.photograph(capture('<wx-view>又开了</wx-view>'));
    expect(dimensions(again.png)).toEqual([750, 1624]);
    expect(cameraChildren()).toEqual([expect.any(Number)]);
  }, 60_000);
});

it('a photograph not answered by its deadline fails naming the page', async () => {
  const hasty = startCamera({ deadlineMs: 50 });
  try {
    await expect(hasty.photograph(capture('<wx-view>慢</wx-view>'))).rejects.toThrow(
      'headless camera: no photograph of pages/probe/index after 0.05 s',
    );
  } finally {
    await hasty.stop();
  }
});

describe('the camera process', () => {
  let child: ChildProcess;
  let dir: string;
  const answers = new Map<number | null, (a: CameraAnswer) => void>();
  const ask = (line: string, id: number | null) =>
    new Promise<CameraAnswer>((resolve) => {
      answers.set(id, resolve);
      child.stdin!.write(`${line}\n`);
    });

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'headless-camera-test-'));
    child = spawnCameraChild();
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const a = JSON.parse(line) as CameraAnswer; // stdout carries answers only
      answers.get(a.id)?.(a);
    });
  });
  afterAll(() => {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers a capture that does not exist with an error naming it, and goes on photographing', async () => {
    const missing = join(dir, 'missing.json');
    const bad = await ask(JSON.stringify({ id: 1, capturePath: missing, pngPath: join(dir, '1.png') }), 1);
    expect(bad).toEqual({ id: 1, ok: false, error: expect.stringContaining(`cannot read the capture ${missing}`) });

    const garbage = await ask('not json', null);
    expect(garbage).toEqual({ id: null, ok: false, error: 'not a JSON request: not json' });

    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify(capture('<wx-view>还在</wx-view>')));
    const pngPath = join(dir, '2.png');
    expect(await ask(JSON.stringify({ id: 2, capturePath: good, pngPath }), 2)).toEqual({
      id: 2,
      ok: true,
      pngPath,
      findings: [],
    });
    expect(readFileSync(pngPath).subarray(0, 8)).toEqual(PNG_SIGNATURE);
  }, 60_000);

  it('exits when its stdin ends', async () => {
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.stdin!.end();
    expect(await exited).toBe(0);
  }, 30_000);
});
