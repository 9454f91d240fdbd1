import { clearSession, currentProfile } from '../../../miniprogram/utils/session';
import { actAs, startBackend } from '../support/backend';
import { getProfile, login, registerWorker, seedOrgs, type PageOrgs } from '../support/fixtures';
import { loadPage, tap, waitFor, wxDouble, type RenderedPage } from '../support/page';
import {
  buttonDisabled,
  detachAll,
  has,
  render,
  screenText,
  tapButton,
  tapCell,
  tapCheckbox,
  tapSwitch,
  textAt,
  typeInto,
} from '../support/ui';

const registerId = loadPage('packages/user/pages/register/index');

let backend: Awaited<ReturnType<typeof startBackend>>;
let orgs: PageOrgs;
beforeAll(async () => {
  backend = await startBackend('register-guest');
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
  await login(openid);
  const page = render(registerId);
  await waitFor(() => expect(page.data.ready).toBe(true));
  return page;
}

function byText(page: RenderedPage, selector: string, text: string) {
  const el = page.querySelectorAll(selector).find((e) => e.dom?.textContent?.includes(text));
  if (!el) throw new Error(`no ${selector} with text ${text}`);
  return el;
}

/** Opens the org picker and picks by name: a first-level org, then (if given) one of its children. */
async function pickOrg(page: RenderedPage, level1: string, level2?: string) {
  await tapCell(page, 'org');
  await tap(byText(page, '#org-picker >>> .org-level1', level1));
  if (level2) await tap(byText(page, '#org-picker >>> .org-level2', level2));
}

async function fillForm(page: RenderedPage, phone = '13800138000') {
  await typeInto(page, 'realName', '李骑手');
  await typeInto(page, 'phone', phone);
  await tap(byText(page, '.occupation', '外卖骑手'));
  await typeInto(page, 'platform', '示例外卖平台');
  await pickOrg(page, '外卖送餐行业党委', '外卖骑手党支部');
}

describe('registration page', () => {
  it('offers the six occupations by their Chinese names', async () => {
    const page = await open('reg-occupations');
    expect(page.querySelectorAll('.occupation').map((o) => o.dom?.textContent)).toEqual([
      '快递员',
      '外卖骑手',
      '网约车司机',
      '货车司机',
      '网络主播',
      '其他',
    ]);
  });

  it('the org picker lists districts as headings only; a first-level org can be chosen itself', async () => {
    const page = await open('reg-picker');
    await tapCell(page, 'org');

    const headings = page.querySelectorAll('#org-picker >>> .picker-heading').map((h) => h.dom?.textContent);
    expect([...headings].sort()).toEqual(['另一区委', '示例区委'].sort());
    const options = page.querySelectorAll('#org-picker >>> .org-level1').map((o) => o.dom?.textContent ?? '');
    expect(options.some((o) => o.includes('示例区委'))).toBe(false);
    expect(options.some((o) => o.includes('城东党群服务驿站'))).toBe(true);

    await tap(byText(page, '#org-picker >>> .org-level1', '快递物流行业党委'));
    await tap(byText(page, '#org-picker >>> .org-level2', '（本级）'));

    expect(page.data.form.orgId).toBe(orgs.express.id);
    expect(page.data.orgPickerVisible).toBe(false);
    expect(textAt(page, '#org >>> .t-cell')).toContain('快递物流行业党委');
  });

  it('submit stays disabled until the privacy notice is consented to, which links to the notice', async () => {
    const page = await open('reg-consent');
    await fillForm(page);
    expect(buttonDisabled(page, 'submit')).toBe(true);

    await tap(page.querySelector('.privacy-link'));
    expect(wxDouble().callsOf('navigateTo')).toEqual([
      expect.objectContaining({ url: '/packages/user/pages/privacy/index' }),
    ]);

    await tapCheckbox(page, 'consent');
    expect(buttonDisabled(page, 'submit')).toBe(false);
  });

  it('fill, consent, submit: the server stores the worker, the session has it and the page goes back with a toast', async () => {
    const page = await open('reg-new');
    await fillForm(page);
    await tapCheckbox(page, 'consent');

    await tapButton(page, 'submit');
    await waitFor(() => expect(wxDouble().callsOf('navigateBack')).toHaveLength(1));

    const stored = await getProfile('reg-new');
    expect(stored.registered).toBe(true);
    expect(stored.worker).toMatchObject({
      realName: '李骑手',
      phone: '13800138000',
      occupation: 'food_delivery',
      platform: '示例外卖平台',
      orgId: orgs.foodBranch.id,
      orgName: '外卖骑手党支部',
      isPartyMember: false,
      consentVersion: '2026-11',
    });
    expect(stored.memberStatus).toBe('none');
    expect(currentProfile()?.worker?.realName).toBe('李骑手');
    expect(wxDouble().callsOf('showToast')).toEqual([expect.objectContaining({ title: '登记成功' })]);
    expect(page.data.submitting).toBe(false);
  });

  it('a bad phone number shows the message, sends nothing and stores nothing', async () => {
    const page = await open('reg-badphone');
    await fillForm(page, '12345');
    await tapCheckbox(page, 'consent');

    await tapButton(page, 'submit');

    expect(textAt(page, '.form-error')).toBe('请输入 11 位手机号');
    expect(wxDouble().callsOf('showToast')).toEqual([expect.objectContaining({ title: '请输入 11 位手机号' })]);
    const sent = wxDouble().callsOf('cloud.callFunction') as { data: { action: string } }[];
    expect(sent.map((c) => c.data.action)).not.toContain('registerWorker');
    expect((await getProfile('reg-badphone')).registered).toBe(false);
    expect(wxDouble().callsOf('navigateBack')).toEqual([]);
  });

  it('the server’s refusal is shown as returned and nothing is stored (content check)', async () => {
    const page = await open('reg-rejected');
    await fillForm(page);
    await typeInto(page, 'platform', '违禁词配送');
    await tapCheckbox(page, 'consent');

    await tapButton(page, 'submit');

    await waitFor(() => expect(has(page, '.form-error')).toBe(true));
    expect(textAt(page, '.form-error')).toBe('平台/公司包含不适宜发布的信息，请修改后再提交');
    expect((await getProfile('reg-rejected')).registered).toBe(false);
    expect(wxDouble().callsOf('navigateBack')).toEqual([]);
    expect(page.data.submitting).toBe(false);
    expect(buttonDisabled(page, 'submit')).toBe(false);
  });

  it('a party member must name the branch, and is then pending review', async () => {
    const page = await open('reg-member');
    await fillForm(page);
    await tapSwitch(page, 'party-member');
    expect(has(page, '#branchName')).toBe(true);
    await tapCheckbox(page, 'consent');

    await tapButton(page, 'submit');
    expect(textAt(page, '.form-error')).toBe('党员请填写所在党支部');

    await typeInto(page, 'branchName', '外卖骑手党支部');
    await tapButton(page, 'submit');
    await waitFor(() => expect(wxDouble().callsOf('navigateBack')).toHaveLength(1));

    const stored = await getProfile('reg-member');
    expect(stored.worker).toMatchObject({ isPartyMember: true, branchName: '外卖骑手党支部' });
    expect(stored.memberStatus).toBe('pending');
  });

  it('the whole 是否党员 row is its tap target: a tap on the row toggles, a tap on the switch toggles once', async () => {
    const page = await open('reg-member-row');
    await tapCell(page, 'party-member-row');
    expect(page.data.form.isPartyMember).toBe(true);
    expect(has(page, '#branchName')).toBe(true);
    await tapSwitch(page, 'party-member');
    expect(page.data.form.isPartyMember).toBe(false);
    await tapCell(page, 'party-member-row');
    expect(page.data.form.isPartyMember).toBe(true);
  });

  it('an already registered worker gets the form prefilled (consent kept) and saves changes', async () => {
    await registerWorker('reg-edit', orgs.expressBranch.id);
    const page = await open('reg-edit');

    expect(page.data.editing).toBe(true);
    expect(page.data.form).toMatchObject({ realName: '张小快', phone: '13900001111', occupation: 'courier' });
    expect(textAt(page, '#org >>> .t-cell')).toContain('快递流动党支部');
    expect(screenText(page)).toContain('保存修改');
    expect(buttonDisabled(page, 'submit')).toBe(false);

    await typeInto(page, 'phone', '13900002222');
    await tapButton(page, 'submit');
    await waitFor(() => expect(wxDouble().callsOf('navigateBack')).toHaveLength(1));

    expect((await getProfile('reg-edit')).worker?.phone).toBe('13900002222');
    expect(wxDouble().callsOf('showToast')).toEqual([expect.objectContaining({ title: '已保存' })]);
  });
});
