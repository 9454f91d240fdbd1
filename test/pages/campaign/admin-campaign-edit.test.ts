import type { CampaignForVoter } from '../../../typings/campaign';
import { clearSession } from '../../../miniprogram/utils/session';
import { callAs, startBackend } from '../support/backend';
import { makeAdmin, seedOrgs, SUPERADMIN, type PageOrgs } from '../support/fixtures';
import { flush, loadPage, waitFor, wxDouble, type RenderedPage } from '../support/page';
import { actionCalls, openPage, seedCampaign, typeIntoTextarea } from '../support/campaign';
import { detachAll, has, tapButton, tapCell, tapOn, tapSwitch, textAt, typeInto } from '../support/ui';

const editId = loadPage('packages/campaign/pages/admin-campaign-edit/index');

let backend: Awaited<ReturnType<typeof startBackend>>;
let orgs: PageOrgs;
beforeAll(async () => {
  backend = await startBackend('admin-edit-guest');
  orgs = await seedOrgs();
  await makeAdmin('ae-admin', [orgs.district.id]);
});
afterAll(() => backend.stop());

beforeEach(() => {
  wxDouble().reset();
  clearSession();
});
afterEach(detachAll);

async function open(openid: string, options: Record<string, string> = {}): Promise<RenderedPage> {
  const page = openPage(editId, openid, options);
  await waitFor(() => expect(page.data.status).not.toBe('loading'));
  return page;
}

/** Picks a time in the date-time picker opened for `phase`. */
async function pickPhase(page: RenderedPage, phase: string, value: string) {
  await tapCell(page, `phase-${phase}`);
  expect(page.data.picker).toMatchObject({ visible: true, field: phase });
  // The picker's own confirm, as its 确定 button emits it with the formatted time.
  (
    page.querySelector('#phase-picker') as unknown as { instance: WechatMiniprogram.Component.TrivialInstance }
  ).instance.triggerEvent('confirm', { value });
  await flush();
}

const getCampaign = (id: string) => callAs<CampaignForVoter>(SUPERADMIN, 'campaign', 'getCampaign', { id });

describe('admin campaign form', () => {
  it('creates a campaign: the four default categories, the times picked, weights checked to add up to 100, an org of the admin', async () => {
    const page = await open('ae-admin');

    const categories = page.data.form.categories.map((k: { name: string; quota: string }) => `${k.name}×${k.quota}`);
    expect(categories).toEqual(['最美快递小哥×5', '最美外卖小哥×5', '最美网约车司机×5', '最美网络主播×5']);
    expect(has(page, `#org-${orgs.district.id}`)).toBe(true);
    expect(has(page, `#org-${orgs.expressBranch.id}`)).toBe(true);
    expect(has(page, `#org-${orgs.otherDistrict.id}`)).toBe(false);
    expect(page.data.form.orgId).toBe(orgs.district.id);

    await typeInto(page, 'title', '2026 年度最美新就业群体评选');
    await typeIntoTextarea(page, 'rules', '每人每天可投 3 票，同一候选人每天最多 1 票；网络投票占 70%。');
    await tapOn(page, `#org-${orgs.express.id}`);
    await typeInto(page, 'voteWeight', '70');
    expect(textAt(page, '#weight-sum')).toBe('合计 110 / 100');
    await tapButton(page, 'save');
    expect(textAt(page, '.form-error')).toBe('网络投票与评委评分的权重之和应为 100（现在是 110）');
    expect(actionCalls('saveCampaign')).toHaveLength(0);

    await typeInto(page, 'juryWeight', '30');
    expect(textAt(page, '#weight-sum')).toBe('合计 100 / 100');
    const votingStart: string = page.data.form.phases.votingStart;
    await pickPhase(page, 'votingEnd', `${votingStart.slice(0, 10)} 08:00`);
    await tapButton(page, 'save');
    expect(textAt(page, '.form-error')).toBe('投票截止时间必须晚于投票开始时间');
    const votingEnd = `${votingStart.slice(0, 10)} 20:30`;
    await pickPhase(page, 'votingEnd', votingEnd);
    expect(page.data.form.phases.votingEnd).toBe(votingEnd);

    await tapButton(page, 'save');
    await waitFor(() => expect(wxDouble().callsOf('redirectTo')).toHaveLength(1));
    const [saved] = actionCalls('saveCampaign');
    const id = (wxDouble().callsOf('redirectTo')[0] as { url: string }).url.split('id=')[1]!;
    expect(wxDouble().callsOf('redirectTo')[0]).toMatchObject({
      url: `/packages/campaign/pages/admin-campaign-manage/index?id=${id}`,
    });
    expect(saved).toMatchObject({ orgId: orgs.express.id });
    const c = await getCampaign(id);
    expect(c).toMatchObject({
      title: '2026 年度最美新就业群体评选',
      result: { voteWeight: 70, juryWeight: 30 },
      voting: { votesPerDay: 3, maxPerCandidatePerDay: 1, requireRegistered: false, showRankingDuringVoting: true },
      nominationLimit: 3,
      orgId: orgs.express.id,
      phase: 'upcoming',
    });
    expect(c.categories.map((k) => k.key)).toEqual(['courier', 'delivery', 'ride', 'streamer']);
    expect(Date.parse(c.phases.votingEnd)).toBe(Date.parse(`${votingEnd.replace(' ', 'T')}:00+08:00`));
  });

  it('edits a campaign: fields prefilled, categories added and renamed, voting rules switched', async () => {
    const { campaign } = await seedCampaign(orgs.district.id, {
      phase: 'nomination',
      perCategory: 0,
      admin: 'ae-admin',
    });
    const page = await open('ae-admin', { id: campaign.id });

    expect(page.data.form).toMatchObject({
      id: campaign.id,
      title: campaign.title,
      voteWeight: '60',
      juryWeight: '40',
    });
    await tapOn(page, '#category-add');
    await typeInto(page, 'category-name-4', '最美货车司机');
    await typeInto(page, 'category-quota-4', '3');
    await typeInto(page, 'category-name-0', '最美快递员');
    await tapSwitch(page, 'showRankingDuringVoting');
    await tapButton(page, 'save');

    await waitFor(() => expect(wxDouble().callsOf('navigateBack')).toHaveLength(1));
    const c = await getCampaign(campaign.id);
    expect(c.categories.map((k) => `${k.name}×${k.quota}`)).toEqual([
      '最美快递员×5',
      '最美外卖小哥×5',
      '最美网约车司机×5',
      '最美网络主播×5',
      '最美货车司机×3',
    ]);
    expect(c.categories[4]!.key).toMatch(/^k[a-z0-9]+$/);
    expect(c.voting.showRankingDuringVoting).toBe(false);
  });

  it('shows the server’s refusal in the form: a category that has candidates cannot be removed', async () => {
    const { campaign } = await seedCampaign(orgs.district.id, {
      phase: 'nomination',
      perCategory: 1,
      admin: 'ae-admin',
    });
    const page = await open('ae-admin', { id: campaign.id });

    await tapOn(page, '#category-remove-3');
    expect(page.data.form.categories).toHaveLength(3);
    await tapButton(page, 'save');
    await waitFor(() => expect(has(page, '.form-error')).toBe(true));
    expect(textAt(page, '.form-error')).toBe('已有候选人的类别不能删除');
    expect(page.data.saving).toBe(false);
    expect((await getCampaign(campaign.id)).categories).toHaveLength(4);
  });
});
