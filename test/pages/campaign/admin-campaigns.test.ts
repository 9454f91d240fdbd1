import { clearSession } from '../../../miniprogram/utils/session';
import { actAs, startBackend } from '../support/backend';
import { login, makeAdmin, seedOrgs, type PageOrgs } from '../support/fixtures';
import { loadPage, waitFor, wxDouble, type RenderedPage } from '../support/page';
import { seedCampaign } from '../support/campaign';
import { detachAll, has, render, screenText, tapButton } from '../support/ui';

const campaignsId = loadPage('packages/campaign/pages/admin-campaigns/index');

let backend: Awaited<ReturnType<typeof startBackend>>;
let orgs: PageOrgs;
beforeAll(async () => {
  backend = await startBackend('admin-campaigns-guest');
  orgs = await seedOrgs();
});
afterAll(() => backend.stop());

beforeEach(() => {
  wxDouble().reset();
  clearSession();
});
afterEach(detachAll);

async function open(openid: string): Promise<RenderedPage> {
  actAs(openid);
  const page = render(campaignsId);
  await waitFor(() => expect(page.data.access).not.toBe('loading'));
  if (page.data.access === 'ready') await waitFor(() => expect(page.data.list.status).not.toBe('loading'));
  return page;
}

const rowText = (page: RenderedPage, id: string) =>
  (page.querySelector(`#campaign-${id}`)?.dom?.textContent ?? '').replace(/\s+/g, '');

describe('admin campaigns page', () => {
  it('lists campaigns with phase and owner; 编辑 and 管理 only within the admin’s orgs; 新建 opens the form', async () => {
    await makeAdmin('ac-admin', [orgs.district.id]);
    const mine = await seedCampaign(orgs.express.id, {
      phase: 'voting',
      perCategory: 0,
      overrides: { title: '快递行业最美评选' },
    });
    const other = await seedCampaign(orgs.otherDistrict.id, {
      phase: 'nomination',
      perCategory: 0,
      overrides: { title: '另一区的评选' },
    });
    const page = await open('ac-admin');

    expect(rowText(page, mine.campaign.id)).toContain('快递行业最美评选投票中');
    expect(rowText(page, mine.campaign.id)).toContain('主办：快递物流行业党委');
    expect(has(page, `#manage-${mine.campaign.id}`)).toBe(true);
    expect(has(page, `#edit-${mine.campaign.id}`)).toBe(true);
    expect(rowText(page, other.campaign.id)).toContain('征集推荐中');
    expect(rowText(page, other.campaign.id)).toContain('不在你的管理范围内');
    expect(has(page, `#manage-${other.campaign.id}`)).toBe(false);

    await tapButton(page, `manage-${mine.campaign.id}`);
    await tapButton(page, `edit-${mine.campaign.id}`);
    await tapButton(page, 'create');
    expect(wxDouble().callsOf('navigateTo')).toEqual([
      expect.objectContaining({ url: `/packages/campaign/pages/admin-campaign-manage/index?id=${mine.campaign.id}` }),
      expect.objectContaining({ url: `/packages/campaign/pages/admin-campaign-edit/index?id=${mine.campaign.id}` }),
      expect.objectContaining({ url: '/packages/campaign/pages/admin-campaign-edit/index' }),
    ]);
  });

  it('tells anyone else the admin pages are for admins', async () => {
    await login('ac-worker');
    const page = await open('ac-worker');

    expect(screenText(page)).toContain('管理后台仅对管理员开放');
    expect(has(page, '#create')).toBe(false);
  });
});
