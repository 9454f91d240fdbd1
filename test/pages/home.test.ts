import type { MyProfile } from '../../typings/user';
import { clearSession, currentProfile, refreshProfile, updateProfile } from '../../miniprogram/utils/session';
import { actAs, callAs, pinNow, startBackend } from './support/backend';
import { login, makeAdmin, registerWorker, seedOrgs, SUPERADMIN, type PageOrgs } from './support/fixtures';
import { flush, loadPage, tap, textOf, waitFor, wxDouble, type RenderedPage } from './support/page';
import { addQuote } from './support/study';
import { buttonDisabled, detachAll, has, render, screenText, tapButton, tapCell, tapOn, textAt } from './support/ui';

const homeId = loadPage('pages/home/index');
const names = (page: RenderedPage) =>
  Array.from(page.dom!.querySelectorAll('.main--grid-name')).map((n) => n.textContent);
const greeting = (page: RenderedPage) => textOf(page, '.main--greeting');

/** 10:00 in Beijing on 2026-11-28, and the same time the day before. */
const TODAY = '2026-11-28T02:00:00Z';
const YESTERDAY = '2026-11-27T02:00:00Z';

let backend: Awaited<ReturnType<typeof startBackend>>;
let orgs: PageOrgs;
beforeAll(async () => {
  backend = await startBackend('home-guest');
  orgs = await seedOrgs();
  // One quote in the pool: every day picks it.
  await addQuote(SUPERADMIN, orgs.district.id, '不忘初心，方得始终。', '示例出处', true);
});
afterAll(() => backend.stop());

beforeEach(() => {
  wxDouble().reset();
  clearSession();
  actAs('home-guest');
  pinNow(TODAY);
});
afterEach(() => {
  detachAll();
  pinNow(null);
});

const quoteShown = (page: RenderedPage) =>
  waitFor(() => expect(page.data.today.status).toBe('ready')).then(() => undefined);
const checkInCalls = () =>
  (wxDouble().callsOf('cloud.callFunction') as { data: { action: string } }[]).filter(
    (c) => c.data.action === 'checkIn',
  );

describe('home page', () => {
  it('shows one entry per feature, by name', async () => {
    const page = render(homeId);
    expect(names(page)).toEqual(['每日金句', '微党课', '小哥圆桌会', '志愿服务', '最美新就业群体']);
    await quoteShown(page);
  });

  it('tapping an open feature navigates to it', async () => {
    const page = render(homeId);
    const items = page.querySelectorAll('.grid-item');
    expect(items[1]!.dom!.textContent).toContain('碎片时间 随时学');

    await tap(items[0]);
    await tap(items[1]);
    await tap(items[2]);
    await tap(items[4]);

    expect(wxDouble().callsOf('navigateTo')).toEqual([
      expect.objectContaining({ url: '/packages/study/pages/quotes/index' }),
      expect.objectContaining({ url: '/packages/study/pages/lectures/index' }),
      expect.objectContaining({ url: '/packages/roundtable/pages/index/index' }),
      expect.objectContaining({ url: '/packages/campaign/pages/index/index' }),
    ]);
    expect(wxDouble().callsOf('showToast')).toEqual([]);
    await quoteShown(page);
  });

  it('随手拍 and 我要反映 are two big targets, and 实事共办 is one tap away', async () => {
    const page = render(homeId);
    await tapOn(page, '#entry-report');
    await tapOn(page, '#entry-demand');
    await tapOn(page, '#entry-board');
    expect(wxDouble().callsOf('navigateTo')).toEqual([
      expect.objectContaining({ url: '/packages/cases/pages/report/index' }),
      expect.objectContaining({ url: '/packages/cases/pages/demand/index' }),
      expect.objectContaining({ url: '/packages/cases/pages/board/index' }),
    ]);
    await quoteShown(page);
  });

  it('each of the five features opens its own pages', async () => {
    const page = render(homeId);
    expect(page.querySelectorAll('.grid-item').map((i) => i.dom!.textContent)).toEqual([
      expect.stringContaining('每日金句'),
      expect.stringContaining('微党课'),
      expect.stringContaining('圆桌会 培训 驿站活动'),
      expect.stringContaining('先锋骑士 积分兑换'),
      expect.stringContaining('推荐 投票 评选'),
    ]);
    for (const key of ['roundtable', 'volunteer', 'campaign']) await tapOn(page, `#feature-${key}`);
    expect(wxDouble().callsOf('navigateTo')).toEqual([
      expect.objectContaining({ url: '/packages/roundtable/pages/index/index' }),
      expect.objectContaining({ url: '/packages/volunteer/pages/index/index' }),
      expect.objectContaining({ url: '/packages/campaign/pages/index/index' }),
    ]);
    await quoteShown(page);
  });

  it('shows today’s quote with its source and the 示例 tag, and shares it', async () => {
    const page = render(homeId);
    expect(has(page, '.quote-loading')).toBe(true);
    await quoteShown(page);

    expect(textAt(page, '.quote-text')).toBe('不忘初心，方得始终。');
    expect(textAt(page, '.quote-source')).toBe('—— 示例出处');
    expect(textAt(page, '.quote-day')).toBe('2026-11-28');
    expect(textAt(page, '#sample-tag >>> .t-tag')).toBe('示例');
    const share = (page.instance as { onShareAppMessage(): { title: string; path: string } }).onShareAppMessage();
    expect(share).toEqual({ title: '不忘初心，方得始终。', path: '/pages/home/index' });

    await tapOn(page, '#poster');
    const [poster] = wxDouble().callsOf('navigateTo') as { url: string }[];
    expect(poster!.url).toMatch(/^\/packages\/study\/pages\/poster\/index\?day=2026-11-28&text=/);
    expect(decodeURIComponent(poster!.url)).toContain('text=不忘初心，方得始终。&source=示例出处');
  });

  it('check-in after yesterday’s shows 连续 2 天 and the points; tapping again changes nothing', async () => {
    await registerWorker('home-streak', orgs.expressBranch.id);
    pinNow(YESTERDAY);
    await callAs('home-streak', 'study', 'checkIn');
    pinNow(TODAY);
    actAs('home-streak');

    const page = render(homeId);
    await quoteShown(page);
    expect(textAt(page, '#checkin >>> .t-button')).toContain('打卡');
    expect(textAt(page, '.checkin-summary')).toBe('已连续 1 天 · 累计 1 天');

    await tapButton(page, 'checkin');
    await waitFor(() => expect(textAt(page, '#checkin >>> .t-button')).toContain('今日已打卡 · 连续 2 天'));
    expect(textAt(page, '.checkin-summary')).toBe('累计 2 天');
    expect(wxDouble().callsOf('showToast')).toEqual([expect.objectContaining({ title: '打卡成功，积分 +1' })]);
    expect(buttonDisabled(page, 'checkin')).toBe(true);

    await tapButton(page, 'checkin');
    await tapButton(page, 'checkin');
    expect(checkInCalls()).toHaveLength(1);
    expect(textAt(page, '#checkin >>> .t-button')).toContain('连续 2 天');
    // One point yesterday, one today.
    expect((await callAs<MyProfile>('home-streak', 'user', 'getProfile')).points.balance).toBe(2);
  });

  it('a double tap on 打卡 checks in once', async () => {
    await login('home-double');
    actAs('home-double');
    const page = render(homeId);
    await quoteShown(page);

    const button = page.querySelector('#checkin >>> .t-button')!;
    button.dispatchEvent('tap');
    button.dispatchEvent('tap');
    await waitFor(() => expect(page.data.checkIn.done).toBe(true));

    expect(checkInCalls()).toHaveLength(1);
    expect(textAt(page, '#checkin >>> .t-button')).toContain('今日已打卡 · 连续 1 天');
  });

  it('an earlier check-in today shows as done on opening', async () => {
    await login('home-done');
    await callAs('home-done', 'study', 'checkIn');
    actAs('home-done');

    const page = render(homeId);
    await quoteShown(page);

    expect(textAt(page, '#checkin >>> .t-button')).toContain('今日已打卡 · 连续 1 天');
    expect(buttonDisabled(page, 'checkin')).toBe(true);
  });

  it('favorites today’s quote and takes it back', async () => {
    await login('home-fav');
    actAs('home-fav');
    const page = render(homeId);
    await quoteShown(page);
    expect(textAt(page, '#favorite')).toContain('收藏');

    await tapOn(page, '#favorite');
    await waitFor(() => expect(textAt(page, '#favorite')).toContain('已收藏'));
    const favs = await callAs<{ items: { text: string }[] }>('home-fav', 'study', 'listFavorites');
    expect(favs.items.map((q) => q.text)).toEqual(['不忘初心，方得始终。']);

    await waitFor(() => expect(page.data.faving).toBe(false));
    await tapOn(page, '#favorite');
    await waitFor(() => expect(textAt(page, '#favorite')).not.toContain('已收藏'));
    expect((await callAs<{ items: unknown[] }>('home-fav', 'study', 'listFavorites')).items).toEqual([]);
  });

  it('a visitor the server does not know still sees the quote; 打卡 asks to log in', async () => {
    actAs(''); // no WeChat identity: login fails, the quote is public
    const page = render(homeId);
    await quoteShown(page);

    expect(textAt(page, '.quote-text')).toBe('不忘初心，方得始终。');
    expect(textAt(page, '.checkin-summary')).toBe('登录后记录连续打卡天数');
    await tapButton(page, 'checkin');
    await waitFor(() => expect(wxDouble().callsOf('showToast')).toHaveLength(1));
    expect(wxDouble().callsOf('showToast')[0]).toMatchObject({ title: expect.stringContaining('无法识别用户身份') });
    expect(screenText(page)).not.toContain('今日已打卡');
  });

  it('when the quote cannot load, shows why with 重试; retrying shows it', async () => {
    await login('home-retry');
    actAs('home-retry');
    const cloud = (wx as unknown as { cloud: { callFunction(o: { data: { action: string } }): Promise<unknown> } })
      .cloud;
    const callFunction = cloud.callFunction;
    cloud.callFunction = (o) =>
      o.data.action === 'todayQuote' ? Promise.reject({ errMsg: 'cloud.callFunction:fail timeout' }) : callFunction(o);
    const page = render(homeId);
    try {
      await waitFor(() => expect(page.data.today.status).toBe('error'));
    } finally {
      cloud.callFunction = callFunction;
    }
    expect(textAt(page, '.quote-error-text')).toBe('网络不给力，请检查网络后重试');

    await tapButton(page, 'quote-retry');
    await quoteShown(page);
    expect(textAt(page, '.quote-text')).toBe('不忘初心，方得始终。');
  });

  it('once logged in, greets the user by the nickname stored on the server', async () => {
    await login('home-nick');
    await callAs('home-nick', 'user', 'updateProfile', { nickname: '小李' });
    actAs('home-nick');

    const page = render(homeId);
    expect(has(page, '.greeting')).toBe(false);

    await waitFor(() => expect(greeting(page)).toBe('你好，小李'));
    await quoteShown(page);
  });

  it('hides the admin entry from a registered worker', async () => {
    await registerWorker('home-worker', orgs.expressBranch.id);
    actAs('home-worker');

    const page = render(homeId);
    await waitFor(() => expect(greeting(page)).toContain('你好'));
    await quoteShown(page);

    expect(has(page, '#admin-entry')).toBe(false);
    expect(screenText(page)).not.toContain('管理后台');
  });

  it('shows the admin entry to an admin made by the superadmin; tapping it opens the admin pages', async () => {
    await makeAdmin('home-admin', [orgs.express.id]);
    actAs('home-admin');

    const page = render(homeId);
    await waitFor(() => expect(has(page, '#admin-entry')).toBe(true));
    await tapCell(page, 'admin-entry');

    expect(wxDouble().callsOf('navigateTo')).toEqual([
      expect.objectContaining({ url: '/packages/admin/pages/index/index' }),
    ]);
    await quoteShown(page);
  });

  it('follows the session: a role granted while the page is open shows the entry; once detached it stops', async () => {
    const me = await login('home-later');
    actAs('home-later');
    const page = render(homeId);
    await waitFor(() => expect(greeting(page)).toBe('你好，新朋友'));
    await quoteShown(page);
    expect(has(page, '#admin-entry')).toBe(false);

    await callAs('test-superadmin', 'user', 'setRoles', {
      userId: me.userId,
      admin: true,
      adminOrgIds: [orgs.food.id],
    });
    await refreshProfile();
    await waitFor(() => expect(has(page, '#admin-entry')).toBe(true));

    detachAll();
    updateProfile({ ...(currentProfile() as MyProfile), nickname: '离开后改的名' });
    expect(page.data.greeting).toBe('你好，新朋友');
  });
});

describe('home page: 附近驿站', () => {
  /** A rider a few dozen metres from the seeded 城东党群服务驿站 (29.5, 106.5; open 09:00–21:00). */
  const NEAR_EAST = { latitude: 29.5005, longitude: 106.5005 };
  const stationsEntry = '#nearest >>> #stations-entry';

  it('with location allowed before, shows the nearest open station with its distance, and 导航 opens it', async () => {
    Object.assign(wxDouble().location, { auth: true, position: NEAR_EAST });
    const page = render(homeId);
    await quoteShown(page);

    await waitFor(() => expect(has(page, '#nearest >>> #nearest-station')).toBe(true));
    const card = textAt(page, '#nearest >>> #nearest-station');
    expect(card).toContain('城东党群服务驿站');
    expect(card).toMatch(/\d+ 米/);
    expect(card).toContain('营业中');
    expect(wxDouble().callsOf('getLocation')).toEqual([expect.objectContaining({ type: 'gcj02' })]);
    expect(wxDouble().callsOf('prompt')).toEqual([]);

    await tapButton(page, 'nearest >>> #nearest-navigate');
    expect(wxDouble().callsOf('openLocation')).toEqual([
      expect.objectContaining({ latitude: 29.5, longitude: 106.5, name: '城东党群服务驿站' }),
    ]);
    // 导航 does not also open the station's page.
    expect(wxDouble().callsOf('navigateTo')).toEqual([]);
    await tapOn(page, '#nearest >>> #nearest-station');
    expect(wxDouble().callsOf('navigateTo')).toEqual([
      expect.objectContaining({ url: `/packages/station/pages/station/index?id=${orgs.station.id}` }),
    ]);
  });

  it('never asks for location: without it, the entry alone, and getLocation is not called', async () => {
    const page = render(homeId);
    await quoteShown(page);
    await waitFor(() => expect(wxDouble().callsOf('getSetting')).toHaveLength(1));
    await flush();

    expect(wxDouble().callsOf('getLocation')).toEqual([]);
    expect(wxDouble().callsOf('prompt')).toEqual([]);
    expect(has(page, '#nearest >>> #nearest-station')).toBe(false);
    expect(textAt(page, stationsEntry)).toContain('附近驿站');
    await tapOn(page, stationsEntry);
    expect(wxDouble().callsOf('navigateTo')).toEqual([
      expect.objectContaining({ url: '/packages/station/pages/index/index' }),
    ]);
  });

  it('refused before, or allowed but the privacy guide not yet agreed: still no getLocation', async () => {
    for (const world of [{ auth: false }, { auth: true, privacyPending: true }]) {
      wxDouble().reset();
      Object.assign(wxDouble().location, world, { position: NEAR_EAST });
      const page = render(homeId);
      await quoteShown(page);
      await waitFor(() => expect(wxDouble().callsOf('getSetting')).toHaveLength(1));
      await flush();
      await flush();

      expect(wxDouble().callsOf('getLocation')).toEqual([]);
      expect(wxDouble().callsOf('prompt')).toEqual([]);
      expect(has(page, '#nearest >>> #nearest-station')).toBe(false);
      detachAll();
    }
  });

  it('back on the tab: a refresh without a position keeps the card; once location is turned off it goes', async () => {
    Object.assign(wxDouble().location, { auth: true, position: NEAR_EAST });
    const page = render(homeId);
    const show = () => (page as unknown as { triggerPageLifeTime(name: string): void }).triggerPageLifeTime('show');
    show(); // the page opening, as WeChat shows it
    await quoteShown(page);
    await waitFor(() => expect(has(page, '#nearest >>> #nearest-station')).toBe(true));

    // WeChat refuses getLocation calls in quick succession: the card shown stays.
    wxDouble().location.position = null;
    show();
    await waitFor(() => expect(wxDouble().callsOf('getLocation')).toHaveLength(2));
    await flush();
    await flush();
    expect(textAt(page, '#nearest >>> #nearest-station')).toContain('城东党群服务驿站');

    // Turned off in 设置: the card goes, the entry stays, and nothing is asked.
    wxDouble().location.auth = false;
    show();
    await waitFor(() => expect(has(page, '#nearest >>> #nearest-station')).toBe(false));
    expect(wxDouble().callsOf('getLocation')).toHaveLength(2);
    expect(wxDouble().callsOf('prompt')).toEqual([]);
    expect(textAt(page, stationsEntry)).toContain('附近驿站');
  });

  it('located, but nothing open nearby now: says so beside the entry', async () => {
    pinNow('2026-11-28T15:00:00Z'); // 23:00 in Beijing: the station closed at 21:00
    Object.assign(wxDouble().location, { auth: true, position: NEAR_EAST });
    const page = render(homeId);
    await quoteShown(page);

    await waitFor(() => expect(has(page, '#nearest >>> #none-open')).toBe(true));
    expect(textAt(page, '#nearest >>> #none-open')).toContain('暂时没有开放中的驿站');
    expect(has(page, '#nearest >>> #nearest-station')).toBe(false);
  });
});
