import type { Nomination, NominationAdminView } from '../../../typings/campaign';
import { clearSession } from '../../../miniprogram/utils/session';
import { actAs, callAs, startBackend } from '../support/backend';
import { login, registerWorker, seedOrgs, SUPERADMIN, type PageOrgs } from '../support/fixtures';
import { loadPage, waitFor, wxDouble, type RenderedPage } from '../support/page';
import { loadSecondPage } from '../support/second-page';
import { instanceOf, nominate, openPage, seedCampaign, typeIntoTextarea } from '../support/campaign';
import { buttonDisabled, detachAll, has, screenText, tapButton, tapOn, textAt, typeInto } from '../support/ui';

const nominateId = loadPage('packages/campaign/pages/nominate/index');
// The flow goes on to 我的推荐: a second page, in its own simulate registry.
const myNominations = loadSecondPage('packages/campaign/pages/my-nominations/index');

let backend: Awaited<ReturnType<typeof startBackend>>;
let orgs: PageOrgs;
beforeAll(async () => {
  backend = await startBackend('nominate-guest');
  orgs = await seedOrgs();
});
afterAll(() => backend.stop());

beforeEach(() => {
  wxDouble().reset();
  clearSession();
});
afterEach(() => {
  detachAll();
  myNominations.detachAll();
});

/** The photo picker answers with these temp files. */
function pickPhotos(paths: string[]) {
  (wx as unknown as { chooseMedia: unknown }).chooseMedia = jest.fn(() =>
    Promise.resolve({ type: 'image', tempFiles: paths.map((tempFilePath) => ({ tempFilePath, fileType: 'image' })) }),
  );
}

async function open(openid: string, campaignId: string): Promise<RenderedPage> {
  const page = openPage(nominateId, openid, { campaignId });
  await waitFor(() => expect(page.data.status).toBe('ready'));
  return page;
}

const DEEDS = '十年如一日风雨无阻，主动为独居老人送件上楼，疫情期间坚守一线，多次拾金不昧。';

async function fillForm(page: RenderedPage) {
  await tapOn(page, '#category-delivery');
  await tapOn(page, '#relation-other');
  await typeInto(page, 'nomineeName', '刘骑手');
  await typeInto(page, 'platform', '示例外卖平台');
  await typeInto(page, 'phone', '13800005678');
  await typeIntoTextarea(page, 'deeds', DEEDS);
}

describe('nominate page', () => {
  it('a nomination shows in 我的推荐 as 待审核, then as 未通过 with the reason once rejected', async () => {
    const { campaign } = await seedCampaign(orgs.district.id, { phase: 'nomination', perCategory: 0 });
    const user = await login('nom-user');
    const page = await open('nom-user', campaign.id);

    expect(screenText(page)).toContain('每人最多推荐 3 人');
    expect(textAt(page, '#deeds-count')).toBe('0/2000');
    expect(textAt(page, '#phone >>> .t-input__tips')).toBe('仅工作人员可见，用于核实情况，不会公开');

    await fillForm(page);
    expect(textAt(page, '#deeds-count')).toBe(`${DEEDS.length}/2000`);
    pickPhotos(['/tmp/wx/a.jpg', '/tmp/wx/b.jpg']);
    await tapOn(page, '#photos >>> #add-photo');
    await waitFor(() => expect(page.querySelectorAll('#photos >>> .photo-image')).toHaveLength(2));
    const uploads = wxDouble().callsOf('cloud.uploadFile') as { cloudPath: string }[];
    expect(uploads.map((u) => u.cloudPath)).toEqual([
      expect.stringMatching(new RegExp(`^nominations/${user.userId}/\\d+-0\\.jpg$`)),
      expect.stringMatching(new RegExp(`^nominations/${user.userId}/\\d+-1\\.jpg$`)),
    ]);

    await tapButton(page, 'submit');
    await waitFor(() => expect(wxDouble().callsOf('redirectTo')).toHaveLength(1));
    expect(wxDouble().callsOf('showToast')).toContainEqual(expect.objectContaining({ title: '已提交，等待审核' }));
    expect(wxDouble().callsOf('redirectTo')).toEqual([
      expect.objectContaining({ url: `/packages/campaign/pages/my-nominations/index?campaignId=${campaign.id}` }),
    ]);

    // 我的推荐, as WeChat opens it after the redirect.
    actAs('nom-user');
    const mine = myNominations.render(myNominations.id);
    void instanceOf(mine).onLoad({ campaignId: campaign.id });
    await waitFor(() => expect(mine.data.list.status).toBe('ready'));
    const row = () => (mine.querySelectorAll('.nomination')[0]?.dom?.textContent ?? '').replace(/\s+/g, '');
    expect(row()).toContain('刘骑手');
    expect(row()).toContain('待审核');
    expect(row()).toContain('最美外卖小哥·他人推荐·示例外卖平台');
    expect(row()).not.toContain('13800005678');

    const [nomination] = (
      await callAs<{ items: NominationAdminView[] }>(SUPERADMIN, 'campaign', 'listNominations', {
        campaignId: campaign.id,
      })
    ).items;
    expect(nomination).toMatchObject({
      nomineeName: '刘骑手',
      phone: '13800005678',
      category: 'delivery',
      relation: 'other',
    });
    expect(nomination!.photos).toHaveLength(2);
    await callAs(SUPERADMIN, 'campaign', 'reviewNomination', {
      id: nomination!.id,
      approve: false,
      reason: '事迹材料不够具体，请补充',
    });

    await instanceOf(mine).onPullDownRefresh();
    expect(row()).toContain('未通过');
    expect(row()).toContain('未通过原因：事迹材料不够具体，请补充');
  });

  it('nominating oneself starts from the registration; a removed photo is not sent', async () => {
    const { campaign } = await seedCampaign(orgs.district.id, { phase: 'nomination', perCategory: 0 });
    await registerWorker('nom-self', orgs.expressBranch.id, { realName: '周快递', phone: '13911112222' });
    const page = await open('nom-self', campaign.id);

    await tapOn(page, '#relation-self');
    expect(page.data.form).toMatchObject({ nomineeName: '周快递', phone: '13911112222', platform: '示例快递公司' });
    pickPhotos(['/tmp/wx/c.jpg']);
    await tapOn(page, '#photos >>> #add-photo');
    await waitFor(() => expect(page.querySelectorAll('#photos >>> .photo-image')).toHaveLength(1));
    await tapOn(page, '#photos >>> #remove-photo-0');
    expect(page.querySelectorAll('#photos >>> .photo-image')).toHaveLength(0);
    await typeIntoTextarea(page, 'deeds', DEEDS);
    await tapButton(page, 'submit');
    await waitFor(() => expect(wxDouble().callsOf('redirectTo')).toHaveLength(1));

    const mine = await callAs<{ items: Nomination[] }>('nom-self', 'campaign', 'myNominations', {
      campaignId: campaign.id,
    });
    expect(mine.items).toEqual([
      expect.objectContaining({ nomineeName: '周快递', relation: 'self', category: 'courier', photos: [] }),
    ]);
  });

  it('checks the obvious before sending', async () => {
    const { campaign } = await seedCampaign(orgs.district.id, { phase: 'nomination', perCategory: 0 });
    const page = await open('nom-checks', campaign.id);

    await tapButton(page, 'submit');
    expect(textAt(page, '.form-error')).toBe('请选择推荐方式');
    await fillForm(page);
    await typeInto(page, 'phone', '1380000');
    await tapButton(page, 'submit');
    expect(textAt(page, '.form-error')).toBe('请输入被推荐人的 11 位手机号');
    await typeInto(page, 'phone', '13800005678');
    await typeIntoTextarea(page, 'deeds', '事迹很好');
    await tapButton(page, 'submit');
    expect(textAt(page, '.form-error')).toBe('事迹介绍至少 20 个字');
    expect(
      wxDouble()
        .callsOf('cloud.callFunction')
        .filter((c) => JSON.stringify(c).includes('"nominate"')),
    ).toHaveLength(0);
  });

  it('shows the server’s message as returned: the nomination limit, and content the check rejects', async () => {
    const { campaign } = await seedCampaign(orgs.district.id, {
      phase: 'nomination',
      perCategory: 0,
      overrides: { nominationLimit: 1 },
    });
    await nominate('nom-limit', campaign.id);
    const page = await open('nom-limit', campaign.id);
    await fillForm(page);
    await tapButton(page, 'submit');
    await waitFor(() => expect(has(page, '.form-error')).toBe(true));
    expect(textAt(page, '.form-error')).toBe('每人最多推荐 1 人');
    expect(wxDouble().callsOf('redirectTo')).toHaveLength(0);
    expect(page.data.submitting).toBe(false);

    clearSession(); // another WeChat user
    const other = await open('nom-content', campaign.id);
    await fillForm(other);
    await typeIntoTextarea(other, 'deeds', `${DEEDS}违禁词`);
    await tapButton(other, 'submit');
    await waitFor(() => expect(has(other, '.form-error')).toBe(true));
    expect(textAt(other, '.form-error')).toBe('事迹包含不适宜发布的信息，请修改后再提交');
    expect(wxDouble().callsOf('redirectTo')).toHaveLength(0);
  });

  it('outside the nomination window the form says so and cannot be sent', async () => {
    const { campaign } = await seedCampaign(orgs.district.id, { phase: 'review', perCategory: 0 });
    const page = await open('nom-closed', campaign.id);

    expect(textAt(page, '#closed')).toMatch(
      /^现在不在推荐时间内（审核中）。推荐时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2} 至 /,
    );
    expect(buttonDisabled(page, 'submit')).toBe(true);
  });
});
