import { clearSession } from '../../../miniprogram/utils/session';
import { actAs, startBackend } from '../support/backend';
import { seedOrgs, type PageOrgs } from '../support/fixtures';
import { loadPage, waitFor, wxDouble, type RenderedPage } from '../support/page';
import { seedCampaign } from '../support/campaign';
import { detachAll, has, render, screenText, tapOn } from '../support/ui';

const indexId = loadPage('packages/campaign/pages/index/index');

let backend: Awaited<ReturnType<typeof startBackend>>;
let orgs: PageOrgs;
beforeAll(async () => {
  backend = await startBackend('campaigns-guest');
  orgs = await seedOrgs();
});
afterAll(() => backend.stop());

beforeEach(() => {
  wxDouble().reset();
  clearSession();
});
afterEach(detachAll);

async function open(): Promise<RenderedPage> {
  actAs('campaigns-viewer');
  const page = render(indexId);
  await waitFor(() => expect(page.data.list.status).not.toBe('loading'));
  return page;
}

const rowText = (page: RenderedPage, id: string) =>
  (page.querySelector(`#campaign-${id}`)?.dom?.textContent ?? '').replace(/\s+/g, '');

describe('campaign list page', () => {
  it('with no campaigns shows the empty state', async () => {
    const page = await open();
    expect(has(page, '#list-state >>> .state-empty')).toBe(true);
    expect(screenText(page)).toContain('暂无评选活动');
  });

  it('lists campaigns with their phase tag and opens one', async () => {
    const voting = await seedCampaign(orgs.district.id, {
      phase: 'voting',
      perCategory: 0,
      overrides: { title: '2026 年度最美新就业群体' },
    });
    const nominating = await seedCampaign(orgs.district.id, {
      phase: 'nomination',
      perCategory: 0,
      overrides: { title: '第二届最美新就业群体' },
    });
    const reviewing = await seedCampaign(orgs.district.id, { phase: 'review', perCategory: 0 });
    const page = await open();

    expect(rowText(page, voting.campaign.id)).toContain('2026年度最美新就业群体投票中');
    expect(rowText(page, voting.campaign.id)).toContain('最美快递小哥·最美外卖小哥·最美网约车司机·最美网络主播');
    expect(rowText(page, nominating.campaign.id)).toContain('征集推荐中');
    expect(rowText(page, reviewing.campaign.id)).toContain('审核中');
    expect(rowText(page, voting.campaign.id)).toMatch(/投票\d{4}-\d{2}-\d{2}\d{2}:\d{2}至/);

    await tapOn(page, `#campaign-${nominating.campaign.id}`);
    expect(wxDouble().callsOf('navigateTo')).toEqual([
      expect.objectContaining({ url: `/packages/campaign/pages/campaign/index?id=${nominating.campaign.id}` }),
    ]);
  });
});
