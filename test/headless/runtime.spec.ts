// The headless runtime through the real, unmodified miniprogram-automator client:
// the handshake, the page stack's rules, elements, input, page data and methods,
// wx mocks, evaluate, the console, the camera, and "not implemented" naming the method.
import automator from 'miniprogram-automator';
import type MiniProgram from 'miniprogram-automator/out/MiniProgram';
import { registerWorkerWith, seedOrgsWith, SUPERADMIN } from '../support/arrange';
import { startHeadless, type Headless } from '../../scripts/headless/launch';
import { step, tapCell, until, waitForData, waitForPage, waitForText } from '../journeys/support/steps';
import { worldAt } from '../journeys/support/world';

const ME = 'runtime-rider';
let headless: Headless;
let mp: MiniProgram;

beforeAll(async () => {
  headless = await startHeadless({ openid: ME, adminOpenids: [SUPERADMIN] });
  mp = await automator.connect({ wsEndpoint: headless.wsEndpoint });
}, 180_000);
afterAll(async () => {
  await mp?.close();
  await headless?.stop();
});

/** Routes without the client's fixed 3 s sleep: wx's own API, then the page it opened. */
async function route(method: string, url: string, expected = url) {
  await mp.callWxMethod(method, { url });
  return waitForPage(mp, expected);
}

/** A page's id (the typings keep it private; it is what the protocol identifies pages by). */
const idOf = (page: unknown) => (page as { id: number }).id;
const stack = async () => (await mp.pageStack()).map((p) => `${p.path}#${idOf(p)}`);

test('the app launches on its entry page and answers unknown calls naming them', async () => {
  const page = (await mp.currentPage())!;
  expect(page.path).toBe('pages/home/index');
  expect(await stack()).toEqual([`pages/home/index#${idOf(page)}`]);
  await expect(mp.stopAudits()).rejects.toThrow('headless runtime: Tool.stopAudits is not implemented');
});

test('the page stack follows WeChat: navigateTo/back keep the page below, tabs stay alive, reLaunch starts over', async () => {
  const home = await route('reLaunch', '/pages/home/index');
  const demand = await route('navigateTo', '/packages/cases/pages/demand/index');
  expect(idOf(demand)).toBeGreaterThan(idOf(home));
  expect(await stack()).toEqual([
    `pages/home/index#${idOf(home)}`,
    `packages/cases/pages/demand/index#${idOf(demand)}`,
  ]);

  await mp.callWxMethod('navigateBack', {});
  expect(idOf(await waitForPage(mp, 'pages/home/index'))).toBe(idOf(home));

  const me = await route('switchTab', '/pages/me/index');
  expect(await stack()).toEqual([`pages/me/index#${idOf(me)}`]);
  expect(idOf(await route('switchTab', '/pages/home/index'))).toBe(idOf(home));
  await route('navigateTo', '/packages/cases/pages/board/index');
  expect(idOf(await route('switchTab', '/pages/me/index'))).toBe(idOf(me));
  expect(await stack()).toEqual([`pages/me/index#${idOf(me)}`]);

  const relaunched = await route('reLaunch', '/pages/home/index');
  expect(idOf(relaunched)).not.toBe(idOf(home));
  const redirected = await route('redirectTo', '/packages/cases/pages/board/index');
  expect(await stack()).toEqual([`packages/cases/pages/board/index#${idOf(redirected)}`]);
});

test('route refusals answer with wx errMsg and change nothing', async () => {
  const home = await route('reLaunch', '/pages/home/index');
  await expect(mp.callWxMethod('redirectTo', { url: '/pages/me/index' })).rejects.toThrow(
    'redirectTo:fail can not redirectTo a tabbar page',
  );
  await expect(mp.callWxMethod('navigateTo', { url: '/pages/nowhere/index' })).rejects.toThrow(
    'navigateTo:fail page "pages/nowhere/index" is not found',
  );
  await expect(mp.callWxMethod('navigateBack', {})).rejects.toThrow('navigateBack:fail cannot navigate back');
  for (let i = 1; i < 10; i++) await mp.callWxMethod('navigateTo', { url: '/packages/cases/pages/board/index' });
  expect(await stack()).toHaveLength(10);
  await expect(mp.callWxMethod('navigateTo', { url: '/packages/cases/pages/board/index' })).rejects.toThrow(
    'navigateTo:fail webview count limit exceed',
  );
  expect(await stack()).toHaveLength(10);
  expect(idOf(await route('reLaunch', '/pages/home/index'))).toBeGreaterThan(idOf(home));
});

test('elements: one id per node, components as custom elements, text, attributes, properties, wxml', async () => {
  const me = await route('switchTab', '/pages/me/index');
  const cell = await me.$('#my-cases');
  expect(cell).not.toBeNull();
  expect(await me.$('#my-cases')).toBe(cell); // the client caches elements by id
  expect(cell!.tagName).toBe('t-cell');
  expect(await cell!.text()).toContain('我的诉求');
  expect(await cell!.attribute('id')).toBe('my-cases');
  expect(await cell!.property('title')).toBe('我的诉求');
  expect(await cell!.wxml()).toContain('诉求与随手拍的办理进度');
  const profile = await me.$('.profile');
  expect(profile!.tagName).toBe('view');
  expect(await profile!.attribute('class')).toBe('profile');
  expect(await me.$('#nothing-here')).toBeNull();
  expect(await me.$$('#my-cases')).toEqual([cell]);
  // A page's selectors stay out of components' own trees, as on a phone.
  expect(await me.$$('.t-cell__title')).toEqual([]);
  // Inside a component's own tree:
  const inner = await cell!.$('.t-cell__title-text');
  expect(await inner!.text()).toBe('我的诉求');
});

test('a tap runs the handler and answers once the opened page has settled', async () => {
  const me = await route('switchTab', '/pages/me/index');
  await (await (await me.$('#my-cases'))!.$('.t-cell'))!.tap();
  const mine = (await mp.currentPage())!;
  expect(mine.path).toBe('packages/cases/pages/mine/index');
  expect(await mine.data('list.status')).toBe('empty');
});

test('input, page data, setData and callMethod on a page', async () => {
  const world = worldAt(headless.emulatorUrl);
  const orgs = await seedOrgsWith(world.call);
  await registerWorkerWith(world.call, ME, orgs.expressBranch.id);
  await route('switchTab', '/pages/me/index'); // 我的 refreshes the signed-in profile
  const demand = await route('navigateTo', '/packages/cases/pages/demand/index');
  await waitForData<string>(demand, 'status', (s) => s === 'ready', 'the demand form');
  const control = (await (await demand.$('#title'))!.$('.t-input__control')) as unknown as {
    tagName: string;
    input(v: string): Promise<void>;
  };
  expect(control.tagName).toBe('input');
  await control.input('夜里充电难');
  expect(await demand.data('form.title')).toBe('夜里充电难');
  await demand.setData({ 'form.title': '换了个标题' });
  expect(await demand.data('form.title')).toBe('换了个标题');
  expect(await demand.data('form')).toMatchObject({ title: '换了个标题' });
  await expect(demand.callMethod('noSuchMethod')).rejects.toThrow('the page has no method noSuchMethod');
});

test('wx methods are called, mocked (a result or a function) and restored; evaluate runs in the app', async () => {
  expect(await mp.callWxMethod('getSystemInfoSync')).toMatchObject({ windowWidth: 375 });
  await mp.mockWxMethod('getSystemInfoSync', { platform: 'mocked' });
  expect(await mp.systemInfo()).toEqual({ platform: 'mocked' });
  await mp.restoreWxMethod('getSystemInfoSync');
  expect(await mp.systemInfo()).toMatchObject({ windowWidth: 375 });

  await mp.mockWxMethod(
    'showModal',
    function (this: { origin: unknown }, options: { title: string }, answer: boolean) {
      return { confirm: answer, content: options.title, errMsg: 'showModal:ok' };
    },
    true,
  );
  const modal = await mp.evaluate(async (title: string) => {
    const wx = (globalThis as unknown as { wx: { showModal(o: object): Promise<unknown> } }).wx;
    return wx.showModal({ title });
  }, '确认吗');
  expect(modal).toEqual({ confirm: true, content: '确认吗', errMsg: 'showModal:ok' });
  await mp.restoreWxMethod('showModal');
  await expect(mp.callWxMethod('noSuchApi')).rejects.toThrow('wx.noSuchApi does not exist');
});

test('the console reaches the client once it listens', async () => {
  const logs: { type: string; args: unknown[] }[] = [];
  mp.on('console', (msg: { type: string; args: unknown[] }) => logs.push(msg));
  await mp.evaluate(() => console.warn('来自小程序', 7));
  expect(logs).toContainEqual({ type: 'warn', args: ['来自小程序', 7] });
});

test('an error the page code throws and nobody catches reaches the client as an exception', async () => {
  const exceptions: { message: string }[] = [];
  mp.on('exception', (e: { message: string }) => exceptions.push(e));
  await mp.evaluate(() => {
    setTimeout(() => {
      throw new Error('页面出错了');
    }, 0);
  });
  await until('the exception event', async () => exceptions.length > 0, { timeoutMs: 5000 });
  expect(exceptions[0]!.message).toBe('页面出错了');
});

test('the camera photographs the page on top of the stack', async () => {
  await route('switchTab', '/pages/me/index');
  const png = Buffer.from((await mp.screenshot()) as string, 'base64');
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  expect(png.readUInt32BE(16)).toBe(750); // 375 pt at 2x
});

test('a broken step fails naming the journey and the step, with what was missing', async () => {
  const me = await route('switchTab', '/pages/me/index');
  await expect(step('my-journey', 'the rider taps 我的积分', () => tapCell(me, '#no-such-cell'))).rejects.toThrow(
    'journey「my-journey」step「the rider taps 我的积分」: nothing matches #no-such-cell',
  );
  await expect(
    step('my-journey', 'the profile greets the rider', () => waitForText(me, '.profile', '张小快', { timeoutMs: 500 })),
  ).rejects.toThrow(
    'journey「my-journey」step「the profile greets the rider」: timed out after 500 ms waiting for 「张小快」 in .profile on pages/me/index',
  );
});
