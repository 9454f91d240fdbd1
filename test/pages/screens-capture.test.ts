// The screenshot capture catches a broken page: what it shows and what it throws
// reach the camera's check (scripts/screenshots/camera.ts), named by page.
import { captureState, prepareCapture } from '../screens/capture';
import type { CaptureContext } from '../screens/types';
import { startBackend } from './support/backend';
import path from 'node:path';
import { simulate } from './support/page';

// The official compiler wants a page under its root: the fixtures are their own root.
const FIXTURES = path.resolve(__dirname, '../fixtures/screens');
const load = (page: string) => simulate.load(path.join(FIXTURES, page), { compiler: 'official', rootPath: FIXTURES });

prepareCapture();
const bindingId = load('broken-binding/index');
const throwsId = load('throws/index');

let backend: Awaited<ReturnType<typeof startBackend>>;
let ctx: CaptureContext;
beforeAll(async () => {
  backend = await startBackend('screens-viewer');
  ctx = {
    outDir: '',
    backends: { demo: backend.url, empty: backend.url, down: 'http://127.0.0.1:9' },
    fixtures: {
      lectures: { video: '', audio: '', article: '' },
      campaigns: { nomination: '', voting: '', finished: '' },
      candidate: '',
      quotePoster: { day: '', text: '', source: '' },
      cases: { demand: '', report: '' },
      checkInMeeting: '',
      shop: { goods: '', order: '' },
      volunteer: { upcoming: '', served: '', checkIn: '', form: '' },
      certificate: '',
    },
  };
});
afterAll(() => backend.stop());

const state = { name: '', caption: '', viewer: 'rider' as const };

it('a line built from a missing field shows "undefined" in the captured page, with its title and styles', async () => {
  const c = await captureState('../test/fixtures/screens/broken-binding/index', bindingId, state, ctx);
  expect(c.file).toBe('../test/fixtures/screens/broken-binding');
  expect(c.title).toBe('坏绑定');
  expect(c.html).toContain('剩余 undefined 个名额');
  expect(c.html).toContain('class="main--card"');
  // rpx at a 375 px screen: 24rpx is 12px.
  expect(c.css).toContain('.main--card{padding:12px}');
  expect(c.errors).toEqual([]);
});

it('an error thrown in attached is recorded against the page', async () => {
  const c = await captureState('../test/fixtures/screens/throws/index', throwsId, state, ctx);
  expect(c.errors.join('\n')).toContain('broken on purpose: attached failed');
});
