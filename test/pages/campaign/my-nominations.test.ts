import type { Nomination, NominationAdminView } from '../../../typings/campaign';
import { clearSession } from '../../../miniprogram/utils/session';
import { callAs, startBackend } from '../support/backend';
import { login, seedOrgs, SUPERADMIN, type PageOrgs } from '../support/fixtures';
import { loadPage, waitFor, wxDouble, type RenderedPage } from '../support/page';
import { nominate, openPage, seedCampaign } from '../support/campaign';
import { detachAll, has, screenText, tapOn } from '../support/ui';

const myNominationsId = loadPage('packages/campaign/pages/my-nominations/index');

let backend: Awaited<ReturnType<typeof startBackend>>;
let orgs: PageOrgs;
beforeAll(async () => {
  backend = await startBackend('my-nominations-guest');
  orgs = await seedOrgs();
});
afterAll(() => backend.stop());

beforeEach(() => {
  wxDouble().reset();
  clearSession();
});
afterEach(detachAll);

async function open(openid: string, options: Record<string, string> = {}): Promise<RenderedPage> {
  const page = openPage(myNominationsId, openid, options);
  await waitFor(() => expect(page.data.list.status).not.toBe('loading'));
  return page;
}

const rowText = (page: RenderedPage, id: string) =>
  (page.querySelector(`#nomination-${id}`)?.dom?.textContent ?? '').replace(/\s+/g, '');

describe('my nominations page', () => {
  it('shows each nomination’s status; an approved one opens the candidate it became', async () => {
    const { campaign } = await seedCampaign(orgs.district.id, { phase: 'nomination', perCategory: 0 });
    const pending = await nominate('mine-user', campaign.id, { nomineeName: '待审核的人' });
    const approved = await nominate('mine-user', campaign.id, { nomineeName: '通过的人', relation: 'employer' });
    const review = await callAs<NominationAdminView>(SUPERADMIN, 'campaign', 'reviewNomination', {
      id: approved.id,
      approve: true,
    });
    const page = await open('mine-user', { campaignId: campaign.id });

    expect(rowText(page, pending.id)).toContain('待审核');
    expect(rowText(page, pending.id)).toContain('工作人员审核后会在这里显示结果');
    expect(has(page, `#open-${pending.id}`)).toBe(false);
    expect(rowText(page, approved.id)).toContain('已通过');
    expect(rowText(page, approved.id)).toContain('最美快递小哥·单位推荐·示例快递');
    await tapOn(page, `#open-${approved.id}`);
    expect(wxDouble().callsOf('navigateTo')).toEqual([
      expect.objectContaining({ url: `/packages/campaign/pages/candidate/index?id=${review.candidateId}` }),
    ]);
  });

  it('without a campaign it lists nominations of every campaign with their titles', async () => {
    const first = await seedCampaign(orgs.district.id, { phase: 'nomination', perCategory: 0 });
    const second = await seedCampaign(orgs.district.id, {
      phase: 'nomination',
      perCategory: 0,
      overrides: { title: '第二届最美新就业群体评选' },
    });
    const a: Nomination = await nominate('mine-all', first.campaign.id, { nomineeName: '第一位' });
    const b: Nomination = await nominate('mine-all', second.campaign.id, { nomineeName: '第二位' });
    const page = await open('mine-all');

    expect(rowText(page, a.id)).toContain('最美新就业群体评选（测试）');
    expect(rowText(page, b.id)).toContain('第二届最美新就业群体评选');
  });

  it('someone who nominated nobody sees the empty state', async () => {
    await login('mine-empty');
    const page = await open('mine-empty');

    expect(has(page, '#list-state >>> .state-empty')).toBe(true);
    expect(screenText(page)).toContain('还没有推荐记录');
  });
});
