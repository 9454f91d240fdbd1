import type { MyProfile } from '../../typings/user';
import { clearSession, currentProfile, refreshProfile, updateProfile } from '../../miniprogram/utils/session';
import { actAs, callAs, startBackend } from './support/backend';
import { login, makeAdmin, registerWorker, seedOrgs, type PageOrgs } from './support/fixtures';
import { loadPage, tap, textOf, waitFor, wxDouble } from './support/page';
import { detachAll, has, render, screenText, tapCell } from './support/ui';

const homeId = loadPage('pages/home/index');
const names = (page: ReturnType<typeof render>) =>
  Array.from(page.dom!.querySelectorAll('.main--grid-name')).map((n) => n.textContent);
const greeting = (page: ReturnType<typeof render>) => textOf(page, '.main--greeting');

let backend: Awaited<ReturnType<typeof startBackend>>;
let orgs: PageOrgs;
beforeAll(async () => {
  backend = await startBackend('home-guest');
  orgs = await seedOrgs();
});
afterAll(() => backend.stop());

beforeEach(() => {
  wxDouble().reset();
  clearSession();
  actAs('home-guest');
});
afterEach(detachAll);

describe('home page', () => {
  it('shows one entry per feature, by name', async () => {
    const page = render(homeId);
    expect(names(page)).toEqual(['每日金句', '微党课', '小哥圆桌会', '志愿服务', '最美新就业群体']);
    await waitFor(() => currentProfile() !== null);
  });

  it('when a feature is not open yet, tapping it says so and does not navigate', async () => {
    const page = render(homeId);
    const item = page.querySelectorAll('.grid-item')[1]!;
    expect(item.dom!.textContent).toContain('即将开放');

    await tap(item);

    expect(wxDouble().callsOf('showToast')).toEqual([expect.objectContaining({ title: '微党课即将开放' })]);
    expect(wxDouble().callsOf('navigateTo')).toEqual([]);
    await waitFor(() => currentProfile() !== null);
  });

  it('once logged in, greets the user by the nickname stored on the server', async () => {
    await login('home-nick');
    await callAs('home-nick', 'user', 'updateProfile', { nickname: '小李' });
    actAs('home-nick');

    const page = render(homeId);
    expect(has(page, '.greeting')).toBe(false);

    await waitFor(() => expect(greeting(page)).toBe('你好，小李'));
  });

  it('hides the admin entry from a registered worker', async () => {
    await registerWorker('home-worker', orgs.expressBranch.id);
    actAs('home-worker');

    const page = render(homeId);
    await waitFor(() => expect(greeting(page)).toContain('你好'));

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
  });

  it('follows the session: a role granted while the page is open shows the entry; once detached it stops', async () => {
    const me = await login('home-later');
    actAs('home-later');
    const page = render(homeId);
    await waitFor(() => expect(greeting(page)).toBe('你好，新朋友'));
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
