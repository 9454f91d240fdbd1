// One case on the organiser's page through the full stack, the clock pinned to
// 2026 working days: the raiser's identity, photos and timeline; each action in
// its sheet, passing the version it read — and when another organiser acted
// first, CONFLICT, a reload and 该诉求刚被他人处理，已刷新.
import type { CaseAdminView, MyCase } from '../../../typings/cases';
import type { AdminCaseView } from '../../../miniprogram/packages/cases/pages/admin-case/view';
import { PAGES } from '../../../cloudfunctions/_shared/engines/cases/config';
import { ROUTES } from '../../../miniprogram/config/routes';
import { clearSession } from '../../../miniprogram/utils/session';
import { actAs, callAs, pinNow, startBackend } from '../support/backend';
import { act, after, caseCalls, pinClock, submitDemand, submitReport } from '../support/cases';
import { instanceOf, typeIntoTextarea } from '../support/campaign';
import { getProfile, login, makeAdmin, registerWorker, seedOrgs, type PageOrgs } from '../support/fixtures';
import { flush, loadPage, waitFor, wxDouble, type RenderedPage } from '../support/page';
import { detachAll, has, render, screenText, tapOn, tapSwitch, textAt } from '../support/ui';

const caseId = loadPage('packages/cases/pages/admin-case/index');

const RIDER = 'case-rider';
const ADMIN = 'case-admin';
const ADMIN_2 = 'case-admin-2';
const OUTSIDER = 'case-outsider';
const ORGANISER_TEMPLATES = ['dev-tpl-case-due-soon', 'dev-tpl-case-overdue', 'dev-tpl-case-escalated'];

let backend: Awaited<ReturnType<typeof startBackend>>;
let orgs: PageOrgs;
beforeAll(async () => {
  backend = await startBackend('case-guest');
  orgs = await seedOrgs();
  await registerWorker(RIDER, orgs.expressBranch.id, { realName: '李办理', phone: '13922223333' });
  await makeAdmin(ADMIN, [orgs.express.id]);
  await makeAdmin(ADMIN_2, [orgs.express.id]);
  await makeAdmin(OUTSIDER, [orgs.otherDistrict.id]);
});
afterAll(() => backend.stop());

beforeEach(() => {
  wxDouble().reset();
  clearSession();
  pinClock();
});
afterEach(() => {
  detachAll();
  pinNow(null);
});

async function open(id: string, openid = ADMIN): Promise<RenderedPage> {
  actAs(openid);
  const page = render(caseId);
  void instanceOf(page).onLoad({ id });
  await waitFor(() => expect(page.data.status === 'loading' && page.data.access !== 'denied').toBe(false));
  // The sheets' choices: the orgs in scope.
  if (page.data.access === 'ready') {
    await waitFor(() => expect(page.data.orgs.length).toBeGreaterThan(0));
    await waitFor(() => expect(page.data.organiserTemplateIds).toEqual(ORGANISER_TEMPLATES));
  }
  return page;
}

const view = (page: RenderedPage) => page.data.view as AdminCaseView;
const sheet = (page: RenderedPage) => page.querySelector('#action-sheet')!;
const actions = (page: RenderedPage) => view(page).actions.map((a) => a.label);
const fact = (page: RenderedPage, key: string) => view(page).facts.find((f) => f.key === key)?.value;

async function startAction(page: RenderedPage, key: string) {
  await tapOn(page, `#action-${key} >>> .t-button`);
  await waitFor(() => expect(page.data.action).toBe(key));
}
async function save(page: RenderedPage) {
  await tapOn(page, '#action-sheet >>> #sheet-actions >>> #save >>> .t-button');
  await waitFor(() => expect(sheet(page).data?.saving ?? false).toBe(false));
  await flush();
}
const typeInSheet = (page: RenderedPage, text: string) => typeIntoTextarea(sheet(page), 'sheet-text', text);
const pickOrg = async (page: RenderedPage, orgId: string) => {
  const options = (await waitFor(() => {
    const o = (sheet(page) as unknown as { data: { orgOptions: { id: string }[] } }).data.orgOptions;
    expect(o.length).toBeGreaterThan(0);
    return o;
  })) as { id: string }[];
  page.querySelector('#action-sheet >>> #sheet-org')!.dispatchEvent('change', {
    detail: { value: options.findIndex((o) => o.id === orgId) },
  });
  await flush();
};
const toasts = () => (wxDouble().callsOf('showToast') as { title: string }[]).map((t) => t.title);

it('the notices open these pages: the raiser’s case and the organiser’s', () => {
  expect(`/${PAGES.raiser('c1')}`).toBe(`${ROUTES.caseDetail}?id=c1`);
  expect(`/${PAGES.organiser('c1')}`).toBe(`${ROUTES.adminCase}?id=c1`);
});

describe('an organiser’s case', () => {
  it('shows the raiser’s name and phone, the photos with their check, the timeline and what can be done now', async () => {
    const c = await submitReport(RIDER, { description: '桥下广告牌松动' });
    const page = await open(c.id);
    expect(textAt(page, '#raiser-name')).toBe('李办理');
    expect(textAt(page, '#raiser-phone')).toBe('13922223333');
    await tapOn(page, '#call >>> .t-button');
    expect(wxDouble().callsOf('makePhoneCall')).toEqual([expect.objectContaining({ phoneNumber: '13922223333' })]);
    expect(view(page).photos).toHaveLength(1);
    expect(['审核中', '已通过']).toContain(view(page).photos[0]!.check.label);
    expect(screenText(page)).toContain('桥下广告牌松动');
    expect(actions(page)).toEqual(['受理', '答复', '驳回', '标记重复', '核实']);
    expect(view(page).timeline.map((t) => t.who)).toEqual(['提出人']);
  });

  it('受理 assigns the owner org, urgent, with the version it read, and asks for the reminders', async () => {
    const c = await submitDemand(RIDER);
    const page = await open(c.id);
    await startAction(page, 'accept');
    await pickOrg(page, orgs.expressBranch.id);
    await tapSwitch(sheet(page), 'sheet-urgent');
    wxDouble().answerNext('requestSubscribeMessage', {
      'dev-tpl-case-due-soon': 'accept',
      'dev-tpl-case-overdue': 'accept',
      'dev-tpl-case-escalated': 'reject',
      errMsg: 'requestSubscribeMessage:ok',
    });
    await save(page);
    await waitFor(() => expect(textAt(page, '#state >>> .t-tag')).toBe('已受理'));
    expect(caseCalls('acceptCase')).toEqual([{ caseId: c.id, version: 0, orgId: orgs.expressBranch.id, urgent: true }]);
    expect(toasts()).toContain('已受理');
    expect(wxDouble().callsOf('requestSubscribeMessage')).toEqual([
      expect.objectContaining({ tmplIds: ORGANISER_TEMPLATES }),
    ]);
    expect(caseCalls('subscribeCaseNotices')).toEqual([
      {
        grants: [
          { templateId: 'dev-tpl-case-due-soon', result: 'accept' },
          { templateId: 'dev-tpl-case-overdue', result: 'accept' },
          { templateId: 'dev-tpl-case-escalated', result: 'reject' },
        ],
      },
    ]);
    expect(fact(page, '答复期限')).toBe('2026-12-01 23:59（紧急）');
    expect(actions(page)).toEqual(['进展', '答复', '转办', '退回', '延期', '驳回', '标记重复']);
  });

  it('racing another organiser: CONFLICT, the page reloads and says so, and nothing is lost', async () => {
    const c = await submitDemand(RIDER);
    const page = await open(c.id);
    expect(view(page).version).toBe(0);
    // Another organiser accepts it meanwhile.
    await act(ADMIN_2, 'acceptCase', { caseId: c.id, note: '由行业党委直接办理' });

    await startAction(page, 'answer');
    await typeInSheet(page, '已协调驿站延长开放时间。');
    await save(page);
    await waitFor(() => expect(toasts()).toContain('该诉求刚被他人处理，已刷新'));
    // Answering asks for nothing.
    expect(wxDouble().callsOf('requestSubscribeMessage')).toEqual([]);
    expect(caseCalls('answerCase')).toEqual([{ caseId: c.id, version: 0, text: '已协调驿站延长开放时间。' }]);
    expect(page.data.action).toBe('');
    expect(view(page).version).toBe(1);
    expect(textAt(page, '#state >>> .t-tag')).toBe('已受理');
    expect(view(page).timeline.map((t) => t.text)).toEqual([
      '快递流动党支部已受理，将于 12月8日 前答复。由行业党委直接办理',
      '已提交至快递流动党支部，将于 12月8日 前答复',
    ]);

    // Acting again on what is now shown goes through.
    await startAction(page, 'answer');
    await typeInSheet(page, '已协调驿站延长开放时间。');
    await save(page);
    await waitFor(() => expect(textAt(page, '#state >>> .t-tag')).toBe('已答复'));
    expect(caseCalls('answerCase').at(-1)).toMatchObject({ version: 1 });
  });

  it('答复 from a saved reply template, with a line added; the raiser sees it', async () => {
    const c = await submitDemand(RIDER);
    const template = await callAs<{ id: string }>(ADMIN, 'cases', 'saveReplyTemplate', {
      orgId: orgs.express.id,
      title: '充电设施已协调',
      text: '您反映的充电问题已协调驿站解决，夜间可扫码使用。',
    });
    const page = await open(c.id);
    await startAction(page, 'answer');
    await waitFor(() =>
      expect(has(page, `#action-sheet >>> #sheet-templates >>> #template-${template.id}`)).toBe(true),
    );
    await tapOn(page, `#action-sheet >>> #sheet-templates >>> #template-${template.id}`);
    expect(textAt(page, '#action-sheet >>> #sheet-template-text')).toBe(
      '您反映的充电问题已协调驿站解决，夜间可扫码使用。',
    );
    await typeInSheet(page, '如仍有问题请再反映。');
    await save(page);
    await waitFor(() => expect(textAt(page, '#state >>> .t-tag')).toBe('已答复'));
    const mine = await callAs<MyCase>(RIDER, 'cases', 'getCase', { caseId: c.id });
    expect(mine.answer?.text).toBe('您反映的充电问题已协调驿站解决，夜间可扫码使用。\n如仍有问题请再反映。');
  });

  it('延期 checks the reason, moves the due date by working days, and is offered once', async () => {
    const c = await submitDemand(RIDER);
    await act(ADMIN, 'acceptCase', { caseId: c.id });
    const page = await open(c.id);
    await startAction(page, 'extend');
    await tapOn(page, '#action-sheet >>> #sheet-days >>> #days-3');
    await typeInSheet(page, '协调');
    await save(page);
    expect(textAt(page, '#action-sheet >>> #sheet-actions >>> .form-error')).toBe('请填写延期原因（至少 4 个字）');
    await typeInSheet(page, '需要协调供电所增容');
    await save(page);
    await waitFor(() => expect(textAt(page, '#state >>> .t-tag')).toBe('已延期'));
    // 12月8日 + 3 working days (a weekend between).
    expect(fact(page, '答复期限')).toBe('2026-12-11 23:59');
    expect(fact(page, '延期')).toBe('3 个工作日：需要协调供电所增容');
    expect(actions(page)).toEqual(['进展', '答复', '转办']);
  });

  it('退回 after 2 working days is refused in the sheet, in the server’s words', async () => {
    const c = await submitDemand(RIDER);
    await act(ADMIN, 'acceptCase', { caseId: c.id, orgId: orgs.expressBranch.id });
    pinClock(after(6));
    const page = await open(c.id);
    await startAction(page, 'return');
    await typeInSheet(page, '属于街道管理事项');
    await save(page);
    expect(textAt(page, '#action-sheet >>> #sheet-actions >>> .form-error')).toBe(
      '分派有误须在分派后 2 个工作日内退回，现已超过，请转交或办理',
    );
    expect(page.data.action).toBe('return');
  });

  it('核实 a report as valid credits the reporter; 标记重复 links a later report to it', async () => {
    const first = await submitReport(RIDER);
    pinClock(after(0.05));
    const second = await submitReport(RIDER, { category: 'road', description: '又看到这个井盖' });
    const { points } = await getProfile(RIDER);

    let page = await open(first.id);
    await startAction(page, 'verify');
    await tapOn(page, '#action-sheet >>> #verdict-valid');
    await save(page);
    await waitFor(() => expect(fact(page, '核实')).toBe('有效，计 10 蜂力值'));
    expect((await getProfile(RIDER)).points.balance).toBe(points.balance + 10);
    expect(actions(page)).not.toContain('核实');
    detachAll();

    page = await open(second.id);
    await startAction(page, 'duplicate');
    await waitFor(() => expect(has(page, `#action-sheet >>> #original-${first.id}`)).toBe(true));
    expect(has(page, `#action-sheet >>> #original-${second.id}`)).toBe(false);
    await tapOn(page, `#action-sheet >>> #original-${first.id}`);
    await save(page);
    await waitFor(() => expect(textAt(page, '#state >>> .t-tag')).toBe('不予受理'));
    expect(fact(page, '重复于')).toBe('「道路设施问题随手拍」');
    expect(caseCalls('markDuplicate')).toEqual([{ caseId: second.id, version: 0, originalId: first.id }]);
    expect(has(page, '#action-none')).toBe(false);
  });

  it('an anonymous report shows no raiser; an organiser of another district may not open it', async () => {
    const c = await submitReport(RIDER, { anonymous: true });
    const page = await open(c.id);
    expect(textAt(page, '#raiser-note')).toBe('匿名上报，不显示提出人');
    expect(screenText(page)).not.toContain('李办理');
    expect(screenText(page)).not.toContain('13922223333');
    detachAll();

    await login(OUTSIDER);
    const outside = await open(c.id, OUTSIDER);
    expect(outside.data.status).toBe('error');
    expect(screenText(outside)).toContain('这件随手拍不在你的管理范围内');
    expect((await callAs<CaseAdminView>(ADMIN, 'cases', 'adminGetCase', { caseId: c.id })).version).toBe(0);
  });
});
