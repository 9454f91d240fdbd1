// The screenshot check names what a rider must never see: an error, a blank page,
// a raw {{binding}}, undefined/null/NaN, a page wider than the screen. Each case is
// a small capture photographed by the same camera `npm run screenshots` uses
// (Debian's Chromium, which .ci/run installs).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { openBrowser, photograph } from '../../scripts/screenshots/camera';
import { createRequire } from 'node:module';
import { type Capture, SCROLL_MARK } from '../screens/types';
import { SCREEN } from '../../scripts/screenshots/frame';
import { probeCapture } from '../support/probe-capture';

// pngjs is installed (qrcode depends on it) but ships no typings.
const { PNG } = createRequire(__filename)('pngjs') as {
  PNG: { sync: { read(png: Buffer): { width: number; data: Uint8Array } } };
};

let browser: Browser;
let dir: string;
beforeAll(async () => {
  browser = await openBrowser();
  dir = mkdtempSync(join(tmpdir(), 'screens-'));
}, 60_000);
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

const capture = probeCapture;

const shoot = (c: Capture) => photograph(browser, c, join(dir, `${c.file}.png`));

it('a page that is fine passes, and its PNG is a 375 × 812 screen at device scale 2', async () => {
  expect(await shoot(capture('<wx-view>骑手你好</wx-view>'))).toEqual([]);
  const png = readFileSync(join(dir, 'probe.png'));
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([750, 1624]);
});

it.each([
  [
    'an error thrown while it was shown',
    capture('<wx-view>内容</wx-view>', { errors: ['TypeError: x is undefined\n at …'] }),
    'threw: TypeError: x is undefined',
  ],
  ['a blank page', capture('<wx-view></wx-view>'), 'renders blank'],
  ['a raw binding', capture('<wx-view>共 {{count}} 人</wx-view>'), 'shows a raw binding: {{count}}'],
  ['undefined in the text', capture('<wx-view>剩余 undefined 个名额</wx-view>'), 'shows "undefined"'],
  ['NaN in the text', capture('<wx-view>进度 NaN%</wx-view>'), 'shows "NaN"'],
  [
    'null as an image source',
    capture('<wx-view>头像</wx-view><wx-image data-src="null"></wx-image>'),
    `an image's src is "null"`,
  ],
  [
    'something wider than the screen',
    capture('<wx-view class="main--row" style="width:500px">很长的一行</wx-view>'),
    'is wider than the screen (500 px) <wx-view class="main--row">',
  ],
])('fails on %s, saying what', async (_what, c, problem) => {
  const problems = await shoot(c);
  expect(problems.some((p) => p.startsWith(problem))).toBe(true);
});

it('text that merely contains the letters (nullable, annulled) is not a finding', async () => {
  expect(await shoot(capture('<wx-view>annulled · nullable · Nancy</wx-view>'))).toEqual([]);
});

it('a canvas the page drew on is replayed, so a poster is not blank', async () => {
  const recording = {
    width: 100,
    height: 100,
    calls: [
      ['set', 'fillStyle', '#c8161d'],
      ['call', 'fillRect', [0, 0, 100, 100]],
    ],
  };
  const html = `<wx-canvas style="width:100px;height:100px"><script type="application/json" class="canvas-replay">${JSON.stringify(recording)}</script></wx-canvas>`;
  expect(await shoot(capture(html, { file: 'canvas' }))).toEqual([]);
  const nothingDrawn = html.replace('"fillRect"', '"beginPath"');
  expect(await shoot(capture(nothingDrawn, { file: 'canvas-blank' }))).toEqual([
    'a canvas stays blank (the page never drew on it)',
  ]);
});

it('scrolls the page to the element a state scrolled to, as wx.pageScrollTo does', async () => {
  /** The colour just below the navigation bar, at device scale 2. */
  const topColour = (file: string) => {
    const png = PNG.sync.read(readFileSync(join(dir, `${file}.png`)));
    const at = ((SCREEN.statusBar + SCREEN.navBar + 4) * 2 * png.width + 100) * 4;
    return Array.from(png.data.slice(at, at + 3));
  };
  const page = (mark: string) =>
    `<wx-view style="height:2000px">长页面</wx-view><wx-view ${mark} style="height:900px;background:#c8161d">看板</wx-view>`;
  expect(await shoot(capture(page(SCROLL_MARK), { file: 'scrolled' }))).toEqual([]);
  expect(topColour('scrolled')).toEqual([0xc8, 0x16, 0x1d]);
  expect(await shoot(capture(page(''), { file: 'top' }))).toEqual([]);
  expect(topColour('top')).not.toEqual([0xc8, 0x16, 0x1d]);
});
