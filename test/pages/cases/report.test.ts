// 随手拍 through the full stack: the real WXML, the cases function on the emulator
// (its photo check, its working-day deadlines with the clock pinned to a 2026
// working day), and the wx double's camera, location and subscribe answers.
import type { CaseAdminView, MyCase } from '../../../typings/cases';
import type { DetailView } from '../../../miniprogram/packages/cases/pages/detail/view';
import { clearSession } from '../../../miniprogram/utils/session';
import { actAs, callAs, pinNow, startBackend } from '../support/backend';
import { act, after, ANSWERED_TEMPLATE, caseCalls, outbox, pickPhotos, pinClock } from '../support/cases';
import { instanceOf } from '../support/campaign';
import { getProfile, login, makeAdmin, registerWorker, seedOrgs, type PageOrgs } from '../support/fixtures';
import { flush, loadPage, waitFor, wxDouble, type RenderedPage } from '../support/page';
import { loadSecondPage } from '../support/second-page';
import { allowedAt, phoneLocation, prompts } from '../support/station';
import { detachAll, render, screenText, tapButton, tapOn, textAt, typeInto } from '../support/ui';

const reportId = loadPage('packages/cases/pages/report/index');
// The report opens its case: a second page, in its own simulate registry.
const detail = loadSecondPage('packages/cases/pages/detail/index');

const RIDER = 'report-rider';
const NEWCOMER = 'report-newcomer';
const ADMIN = 'report-admin';
const HERE = { lat: 29.501, lng: 106.502 };

let backend: Awaited<ReturnType<typeof startBackend>>;
let orgs: PageOrgs;
let riderId: string;
beforeAll(async () => {
  backend = await startBackend('report-guest');
  orgs = await seedOrgs();
  riderId = (await registerWorker(RIDER, orgs.expressBranch.id, { realName: '赵随拍', phone: '13955556666' })).userId;
  await makeAdmin(ADMIN, [orgs.express.id]);
});
afterAll(() => backend.stop());

beforeEach(() => {
  wxDouble().reset();
  clearSession();
  pinClock();
});
afterEach(() => {
  detachAll();
  detail.detachAll();
  pinNow(null);
});

async function open(openid: string): Promise<RenderedPage> {
  actAs(openid);
  const page = render(reportId);
  await waitFor(() => expect(page.data.status).toBe('ready'));
  // The answered notice's template is known before the submit tap (it must be asked within it).
  await waitFor(() => expect(page.data.templateIds).toEqual([ANSWERED_TEMPLATE]));
  return page;
}

async function addPhoto(page: RenderedPage, path = '/tmp/wx/photo.jpg') {
  const before = page.querySelectorAll('#photos >>> .photo-image').length;
  pickPhotos([path]);
  await tapOn(page, '#photos >>> #add-photo');
  await waitFor(() => expect(page.querySelectorAll('#photos >>> .photo-image')).toHaveLength(before + 1));
}

/** Submits and returns the id of the case the page opened. */
async function submit(page: RenderedPage): Promise<string> {
  await tapButton(page, 'submit');
  await waitFor(() => expect(wxDouble().callsOf('redirectTo')).toHaveLength(1));
  const { url } = wxDouble().callsOf('redirectTo')[0] as { url: string };
  const m = /^\/packages\/cases\/pages\/detail\/index\?id=([^&]+)&submitted=1$/.exec(url);
  if (!m) throw new Error(`opened ${url}`);
  return decodeURIComponent(m[1]!);
}

async function openDetail(openid: string, id: string, submitted = false): Promise<RenderedPage> {
  actAs(openid);
  const page = detail.render(detail.id);
  void instanceOf(page).onLoad({ id, ...(submitted ? { submitted: '1' } : {}) });
  await waitFor(() => expect(page.data.status).toBe('ready'));
  return page;
}

const view = (page: RenderedPage) => page.data.view as DetailView;

describe('随手拍', () => {
  it('a rider reports in one screen — photo, category, a line, submit — and sees the stage change once an organiser answers', async () => {
    const page = await open(RIDER);
    expect(prompts()).toHaveLength(0);
    expect(textAt(page, '#options-note')).toContain('实名上报，核实有效后可获 10 蜂力值');

    await addPhoto(page);
    const uploads = wxDouble().callsOf('cloud.uploadFile') as { cloudPath: string }[];
    expect(uploads.map((u) => u.cloudPath)).toEqual([
      expect.stringMatching(new RegExp(`^cases/${riderId}/\\d+-0\\.jpg$`)),
    ]);
    await tapOn(page, '#categories >>> #category-road');
    await typeInto(page, 'note', '和平路口井盖缺失，夜里骑车很危险');
    wxDouble().answerNext('requestSubscribeMessage', {
      [ANSWERED_TEMPLATE]: 'accept',
      errMsg: 'requestSubscribeMessage:ok',
    });
    const id = await submit(page);

    // The answered notice was asked for on the tap, and what the rider accepted went with the case.
    expect(wxDouble().callsOf('requestSubscribeMessage')).toEqual([
      expect.objectContaining({ tmplIds: [ANSWERED_TEMPLATE] }),
    ]);
    expect(caseCalls('submitCase')).toEqual([
      {
        kind: 'report',
        category: 'road',
        photos: [expect.stringContaining(`/cases/${riderId}/`)],
        description: '和平路口井盖缺失，夜里骑车很危险',
        grants: [{ templateId: ANSWERED_TEMPLATE, result: 'accept' }],
      },
    ]);

    // The case's page, as WeChat opens it after the redirect: the confirmation, the stage.
    const d = await openDetail(RIDER, id, true);
    expect(textAt(d, '#submitted')).toContain('已提交');
    expect(textAt(d, '#submitted')).toContain('12月8日前答复');
    expect(textAt(d, '#submitted')).toContain('核实为有效问题后可获 10 蜂力值');
    expect(textAt(d, '#state >>> .t-tag')).toBe('待受理');
    expect(view(d).stages.map((s) => [s.label, s.reached])).toEqual([
      ['提交', true],
      ['受理', false],
      ['办理', false],
      ['答复', false],
      ['办结', false],
    ]);

    const answer = '已联系市政维修，井盖今天下午补上。';
    pinClock(after(0.2));
    await act(ADMIN, 'answerCase', { caseId: id, text: answer });
    await instanceOf(d).onPullDownRefresh();
    expect(textAt(d, '#state >>> .t-tag')).toBe('已答复');
    expect(textAt(d, '#answer')).toContain(answer);
    expect(view(d).stages.find((s) => s.current)?.label).toBe('答复');
    expect(textAt(d, '#hint')).toBe('组织已答复，请确认问题是否解决');
    // The notice the rider accepted was sent, and opens this case.
    expect(await outbox(backend.url)).toContainEqual(
      expect.objectContaining({
        touser: RIDER,
        template_id: ANSWERED_TEMPLATE,
        page: `packages/cases/pages/detail/index?id=${id}`,
      }),
    );
  });

  it('匿名上报 says it earns nothing, and organisers never see who sent it', async () => {
    const page = await open(RIDER);
    await addPhoto(page);
    await tapOn(page, '#categories >>> #category-hazard');
    await tapOn(page, '#options >>> #option-anonymous');
    expect(page.data.anonymous).toBe(true);
    expect(textAt(page, '#options-note')).toContain('匿名：不显示你的身份，也不获得蜂力值');
    // Its answer may go on the public board too (never a photo or a name there).
    await tapOn(page, '#options >>> #option-public');
    expect(textAt(page, '#options-note')).toContain('答复后在「实事共办」公开，不含照片和个人信息');
    const id = await submit(page);

    const c = await callAs<CaseAdminView>(ADMIN, 'cases', 'adminGetCase', { caseId: id });
    expect(c).toMatchObject({ anonymous: true, raiser: null, category: 'hazard', publicOptIn: true });
    const d = await openDetail(RIDER, id, true);
    expect(textAt(d, '#submitted')).toContain('匿名上报，不计蜂力值。');
  });

  it('checks the obvious before sending, and shows the server’s refusals, in Chinese', async () => {
    const page = await open(RIDER);
    await tapButton(page, 'submit');
    expect(textAt(page, '#form-error')).toBe('请至少拍 1 张照片');
    await addPhoto(page);
    await tapButton(page, 'submit');
    expect(textAt(page, '#form-error')).toBe('请选择问题类别');
    expect(caseCalls('submitCase')).toEqual([]);

    // The emulator's content check blocks 违禁词: nothing is stored, the page says why.
    await tapOn(page, '#categories >>> #category-sanitation');
    await typeInto(page, 'note', '这里有违禁词');
    await tapButton(page, 'submit');
    await waitFor(() => expect(page.data.submitting).toBe(false));
    expect(textAt(page, '#form-error')).toBe('描述包含不适宜发布的信息，请修改后再提交');
    expect(textAt(page, '#form-error')).not.toMatch(/[a-z]{4,}/i);
    expect(wxDouble().callsOf('redirectTo')).toEqual([]);
  });

  it('location: opening never asks; allowed before, the position goes with the report; 定位 asks from a tap', async () => {
    phoneLocation(allowedAt(HERE));
    let page = await open(RIDER);
    await waitFor(() => expect(page.data.position).toEqual(HERE));
    expect(prompts()).toHaveLength(0);
    expect(textAt(page, '#place-note')).toContain('已附上当前位置');
    await addPhoto(page);
    await tapOn(page, '#categories >>> #category-road');
    await typeInto(page, 'address', '示例路 8 号门口');
    await submit(page);
    expect(caseCalls('submitCase')[0]).toMatchObject({ location: HERE, address: '示例路 8 号门口' });

    // Never asked before: the page asks nothing until 定位 is tapped.
    detachAll();
    wxDouble().reset();
    clearSession();
    phoneLocation({ answer: 'allow', position: { latitude: HERE.lat, longitude: HERE.lng } });
    page = await open(RIDER);
    expect(page.data.position).toBeNull();
    expect(prompts()).toHaveLength(0);
    await tapOn(page, '#locate');
    await waitFor(() => expect(page.data.position).toEqual(HERE));
    expect(prompts()).toEqual([{ scope: 'scope.userLocation' }]);
    // Tapped again, the position is dropped.
    await tapOn(page, '#locate');
    expect(page.data.position).toBeNull();

    // Refused before: WeChat does not ask again; the page explains and offers its settings.
    detachAll();
    wxDouble().reset();
    clearSession();
    phoneLocation({ auth: false });
    wxDouble().answerNext('showModal', { confirm: false, cancel: true });
    page = await open(RIDER);
    await tapOn(page, '#locate');
    await waitFor(() => expect(wxDouble().callsOf('showModal')).toHaveLength(1));
    expect(wxDouble().callsOf('showModal')[0]).toMatchObject({
      title: '未开启位置信息',
      content: expect.stringContaining('可以直接填写地址'),
    });
    expect(page.data.position).toBeNull();
  });

  it('someone who has not registered reports anonymously, and is offered 去登记 for a named report', async () => {
    await login(NEWCOMER);
    const page = await open(NEWCOMER);
    expect(page.data.anonymous).toBe(true);
    wxDouble().answerNext('showModal', { confirm: true, cancel: false });
    await tapOn(page, '#options >>> #option-anonymous');
    await waitFor(() => expect(wxDouble().callsOf('navigateTo')).toHaveLength(1));
    expect(wxDouble().callsOf('showModal')[0]).toMatchObject({ title: '还未登记', confirmText: '去登记' });
    expect(wxDouble().callsOf('navigateTo')[0]).toMatchObject({ url: '/packages/user/pages/register/index' });
    expect(page.data.anonymous).toBe(true);

    await addPhoto(page);
    await tapOn(page, '#categories >>> #category-livelihood');
    // With no registered org, the report goes to the street or district it is in.
    await tapButton(page, 'submit');
    expect(textAt(page, '#form-error')).toBe('请选择问题所在的街道或区');
    const names = () => (page.data.orgs as { name: string }[]).map((o) => o.name);
    await waitFor(() => expect(names().sort()).toEqual(['另一区委', '示例区委']));
    page.querySelector('#org-picker')!.dispatchEvent('change', { detail: { value: names().indexOf('示例区委') } });
    await flush();
    const id = await submit(page);
    const mine = await callAs<MyCase>(NEWCOMER, 'cases', 'getCase', { caseId: id });
    expect(mine).toMatchObject({ anonymous: true, kind: 'report', category: 'livelihood', orgId: orgs.district.id });
    expect((await getProfile(NEWCOMER)).registered).toBe(false);
    expect(screenText(page)).toContain('提交随手拍');
  });
});
