import { clearSession } from '../../../miniprogram/utils/session';
import { actAs, startBackend } from '../support/backend';
import { login, makeAdmin, seedOrgs, SUPERADMIN, type PageOrgs } from '../support/fixtures';
import { loadPage, waitFor, wxDouble } from '../support/page';
import { cellText, detachAll, has, render, screenText, tapCell } from '../support/ui';

// One page per test file: simulate registers shared components once per file.
const indexId = loadPage('packages/admin/pages/index/index');

let backend: Awaited<ReturnType<typeof startBackend>>;
let orgs: PageOrgs;
beforeAll(async () => {
  backend = await startBackend('admin-guest');
  orgs = await seedOrgs();
});
afterAll(() => backend.stop());

beforeEach(() => {
  wxDouble().reset();
  clearSession();
});
afterEach(detachAll);

describe('admin entry page', () => {
  it('offers users and orgs to an org admin, without the audit log', async () => {
    await makeAdmin('entry-admin', [orgs.express.id]);
    actAs('entry-admin');
    const page = render(indexId);
    await waitFor(() => expect(has(page, '#entry-users')).toBe(true));

    expect(cellText(page, 'entry-users')).toContain('用户管理');
    expect(cellText(page, 'entry-orgs')).toContain('组织管理');
    expect(has(page, '#entry-audit')).toBe(false);
    expect(screenText(page)).toContain('负责 1 个组织及其下级');

    await tapCell(page, 'entry-orgs');
    expect(wxDouble().callsOf('navigateTo')).toEqual([
      expect.objectContaining({ url: '/packages/admin/pages/orgs/index' }),
    ]);
  });

  it('links into each feature’s organiser pages, which live in that feature’s subpackage', async () => {
    await makeAdmin('entry-feature-admin', [orgs.express.id]);
    actAs('entry-feature-admin');
    const page = render(indexId);
    await waitFor(() => expect(has(page, '#entry-quotes')).toBe(true));

    for (const id of [
      'entry-stations',
      'entry-meetings',
      'entry-meeting-stats',
      'entry-quotes',
      'entry-lectures',
      'entry-study-stats',
      'entry-campaigns',
    ])
      await tapCell(page, id);
    expect(cellText(page, 'entry-stations')).toContain('驿站管理');
    expect(wxDouble().callsOf('navigateTo')).toEqual([
      expect.objectContaining({ url: '/packages/station/pages/admin-stations/index' }),
      expect.objectContaining({ url: '/packages/roundtable/pages/admin-meetings/index' }),
      expect.objectContaining({ url: '/packages/roundtable/pages/admin-stats/index' }),
      expect.objectContaining({ url: '/packages/study/pages/admin-quotes/index' }),
      expect.objectContaining({ url: '/packages/study/pages/admin-lectures/index' }),
      expect.objectContaining({ url: '/packages/study/pages/admin-stats/index' }),
      expect.objectContaining({ url: '/packages/campaign/pages/admin-campaigns/index' }),
    ]);
  });

  it('links to the points shop’s goods and its redemption queue', async () => {
    await makeAdmin('entry-shop-admin', [orgs.express.id]);
    actAs('entry-shop-admin');
    const page = render(indexId);
    await waitFor(() => expect(has(page, '#entry-shop-orders')).toBe(true));
    await tapCell(page, 'entry-shop-goods');
    await tapCell(page, 'entry-shop-orders');
    expect(cellText(page, 'entry-shop-goods')).toContain('商品管理');
    expect(cellText(page, 'entry-shop-orders')).toContain('兑换核销');
    expect(wxDouble().callsOf('navigateTo')).toEqual([
      expect.objectContaining({ url: '/packages/volunteer/pages/admin-goods/index' }),
      expect.objectContaining({ url: '/packages/volunteer/pages/admin-orders/index' }),
    ]);
  });

  it('links to the cases workbench, the reply templates and the statistics', async () => {
    await makeAdmin('entry-cases-admin', [orgs.express.id]);
    actAs('entry-cases-admin');
    const page = render(indexId);
    await waitFor(() => expect(has(page, '#entry-cases')).toBe(true));
    for (const id of ['entry-cases', 'entry-case-templates', 'entry-case-stats']) await tapCell(page, id);
    expect(cellText(page, 'entry-cases')).toContain('诉求工作台');
    expect(wxDouble().callsOf('navigateTo')).toEqual([
      expect.objectContaining({ url: '/packages/cases/pages/admin-cases/index' }),
      expect.objectContaining({ url: '/packages/cases/pages/admin-templates/index' }),
      expect.objectContaining({ url: '/packages/cases/pages/admin-stats/index' }),
    ]);
  });

  it('offers the audit log to the superadmin', async () => {
    actAs(SUPERADMIN);
    const page = render(indexId);
    await waitFor(() => expect(has(page, '#entry-audit')).toBe(true));

    await tapCell(page, 'entry-audit');
    expect(wxDouble().callsOf('navigateTo')).toEqual([
      expect.objectContaining({ url: '/packages/admin/pages/audit/index' }),
    ]);
  });

  it('tells anyone else the admin pages are for admins', async () => {
    await login('entry-worker');
    actAs('entry-worker');
    const page = render(indexId);
    await waitFor(() => expect(has(page, '.denied')).toBe(true));

    expect(screenText(page)).toContain('管理后台仅对管理员开放');
    expect(has(page, '#entry-users')).toBe(false);
  });
});
