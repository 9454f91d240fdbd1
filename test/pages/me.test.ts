import { clearSession, currentProfile } from '../../miniprogram/utils/session';
import { actAs, callAs, startBackend } from './support/backend';
import { login, makeAdmin, registerWorker, seedOrgs, SUPERADMIN, type PageOrgs } from './support/fixtures';
import { loadPage, textOf, waitFor, wxDouble } from './support/page';
import { cellText, detachAll, has, render, screenText, tapButton, tapCell } from './support/ui';

const meId = loadPage('pages/me/index');

let backend: Awaited<ReturnType<typeof startBackend>>;
let orgs: PageOrgs;
beforeAll(async () => {
  backend = await startBackend('me-guest');
  orgs = await seedOrgs();
});
afterAll(() => backend.stop());

beforeEach(() => {
  wxDouble().reset();
  clearSession();
});
afterEach(detachAll);

const ready = (page: ReturnType<typeof render>) => waitFor(() => expect(has(page, '.profile')).toBe(true));

describe('me page', () => {
  it('shows a skeleton while logging in, then a new user is asked to complete the profile and register', async () => {
    actAs('me-new');
    const page = render(meId);
    expect(has(page, '.me-loading')).toBe(true);
    expect(page.dom!.querySelector('.t-skeleton--t-skeleton')).not.toBeNull();

    await ready(page);

    expect(textOf(page, '.main--profile-name')).toBe('去完善资料');
    expect(cellText(page, 'register')).toContain('未登记，去登记');
    await tapCell(page, 'register');
    expect(wxDouble().callsOf('navigateTo')).toEqual([
      expect.objectContaining({ url: '/packages/user/pages/register/index' }),
    ]);
  });

  it('shows the version in a TDesign cell (npm component paths resolve to miniprogram_npm)', async () => {
    actAs('me-new');
    const page = render(meId);
    await ready(page);

    const titles = Array.from(page.dom!.querySelectorAll('.t-cell--t-cell__title-text')).map((n) => n.textContent);
    expect(titles).toContain('当前版本');
    expect(screenText(page)).toContain('开发版');
  });

  it('a registered party member sees occupation and org, and the declaration as 待审核', async () => {
    await registerWorker('me-member', orgs.expressBranch.id, { isPartyMember: true, branchName: '快递流动党支部' });
    await callAs('me-member', 'user', 'updateProfile', { nickname: '快递小张' });
    actAs('me-member');

    const page = render(meId);
    await ready(page);

    expect(textOf(page, '.main--profile-name')).toBe('快递小张');
    expect(cellText(page, 'register')).toContain('快递员 · 快递流动党支部');
    expect(cellText(page, 'member')).toContain('待审核');
    expect(cellText(page, 'privacy')).toMatch(/已同意 \d{4}-\d{2}-\d{2}/);
  });

  it('a rejected declaration shows 未通过 with the reviewer’s reason', async () => {
    const worker = await registerWorker('me-rejected', orgs.foodBranch.id, {
      occupation: 'food_delivery',
      isPartyMember: true,
      branchName: '外卖骑手党支部',
    });
    await callAs(SUPERADMIN, 'user', 'verifyMember', {
      userId: worker.userId,
      approve: false,
      reason: '支部名称与组织关系不符',
    });
    actAs('me-rejected');

    const page = render(meId);
    await ready(page);

    const member = cellText(page, 'member');
    expect(member).toContain('未通过');
    expect(member).toContain('未通过原因：支部名称与组织关系不符');
    expect(cellText(page, 'register')).toContain('外卖骑手');
  });

  it('我的诉求 opens the user’s demands and 随手拍 with their progress', async () => {
    actAs('me-cases');
    const page = render(meId);
    await ready(page);
    expect(cellText(page, 'my-cases')).toContain('诉求与随手拍的办理进度');
    await tapCell(page, 'my-cases');
    expect(wxDouble().callsOf('navigateTo')).toEqual([
      expect.objectContaining({ url: '/packages/cases/pages/mine/index' }),
    ]);
  });

  it('我的报名 opens the rider’s sign-ups for round-tables, training and activities', async () => {
    actAs('me-meetings');
    const page = render(meId);
    await ready(page);

    expect(cellText(page, 'my-meetings')).toContain('我的报名');
    await tapCell(page, 'my-meetings');
    expect(wxDouble().callsOf('navigateTo')).toEqual([
      expect.objectContaining({ url: '/packages/roundtable/pages/mine/index' }),
    ]);
  });

  it('shows the points balance, which opens my points', async () => {
    actAs('me-points');
    const page = render(meId);
    await ready(page);

    expect(cellText(page, 'points')).toContain('我的积分');
    expect(cellText(page, 'points')).toContain('0');
    await tapCell(page, 'points');
    expect(wxDouble().callsOf('navigateTo')).toEqual([
      expect.objectContaining({ url: '/packages/user/pages/points/index' }),
    ]);
  });

  it('opens 积分超市 from beside the points', async () => {
    actAs('me-shop');
    const page = render(meId);
    await ready(page);
    expect(cellText(page, 'shop')).toContain('积分超市');
    await tapCell(page, 'shop');
    expect(wxDouble().callsOf('navigateTo')).toEqual([
      expect.objectContaining({ url: '/packages/volunteer/pages/shop/index' }),
    ]);
  });

  it('hides 管理后台 from a worker and shows it to an admin', async () => {
    await registerWorker('me-worker', orgs.expressBranch.id);
    actAs('me-worker');
    const workerPage = render(meId);
    await ready(workerPage);
    expect(has(workerPage, '#admin-entry')).toBe(false);
    detachAll();

    clearSession();
    await makeAdmin('me-admin', [orgs.district.id]);
    actAs('me-admin');
    const adminPage = render(meId);
    await ready(adminPage);
    expect(has(adminPage, '#admin-entry')).toBe(true);
    await tapCell(adminPage, 'admin-entry');
    expect(wxDouble().callsOf('navigateTo')).toEqual([
      expect.objectContaining({ url: '/packages/admin/pages/index/index' }),
    ]);
  });

  it('when login fails, shows the server’s reason with 重试; retrying logs in', async () => {
    actAs(''); // no WeChat identity: the server refuses to log in
    const page = render(meId);

    await waitFor(() => expect(has(page, '.me-error')).toBe(true));
    expect(screenText(page)).toContain('无法识别用户身份');
    expect(currentProfile()).toBeNull();

    actAs('me-retry');
    await tapButton(page, 'retry');

    await ready(page);
    expect(currentProfile()?.userId).toBe((await login('me-retry')).userId);
  });
});
