// 我要反映 and 我的诉求 through the full stack, the clock pinned to a 2026 working
// day: a demand with its checks in Chinese, the public-board opt-in, who may
// raise one; the raiser's list with each case's stage and flags in words.
import type { MyCase } from '../../../typings/cases';
import type { CaseListRow } from '../../../miniprogram/packages/cases/utils/views';
import { clearSession } from '../../../miniprogram/utils/session';
import { actAs, callAs, pinNow, startBackend } from '../support/backend';
import { act, after, caseCalls, pinClock, submitDemand, submitReport } from '../support/cases';
import { instanceOf, typeIntoTextarea } from '../support/campaign';
import { login, makeAdmin, registerWorker, seedOrgs, type PageOrgs } from '../support/fixtures';
import { loadPage, waitFor, wxDouble, type RenderedPage } from '../support/page';
import { loadSecondPage } from '../support/second-page';
import { detachAll, has, render, screenText, tapButton, tapCell, tapOn, textAt, typeInto } from '../support/ui';

const demandId = loadPage('packages/cases/pages/demand/index');
const mine = loadSecondPage('packages/cases/pages/mine/index');

const RIDER = 'demand-rider';
const LISTER = 'demand-lister';
const NEWCOMER = 'demand-newcomer';
const ADMIN = 'demand-admin';

let backend: Awaited<ReturnType<typeof startBackend>>;
let orgs: PageOrgs;
beforeAll(async () => {
  backend = await startBackend('demand-guest');
  orgs = await seedOrgs();
  await registerWorker(RIDER, orgs.expressBranch.id);
  await registerWorker(LISTER, orgs.foodBranch.id);
  await makeAdmin(ADMIN, [orgs.district.id]);
});
afterAll(() => backend.stop());

beforeEach(() => {
  wxDouble().reset();
  clearSession();
  pinClock();
});
afterEach(() => {
  detachAll();
  mine.detachAll();
  pinNow(null);
});

async function open(openid: string): Promise<RenderedPage> {
  actAs(openid);
  const page = render(demandId);
  await waitFor(() => expect(page.data.status).not.toBe('loading'));
  return page;
}

async function openMine(openid: string, query: Record<string, string> = {}): Promise<RenderedPage> {
  actAs(openid);
  const page = mine.render(mine.id);
  void instanceOf(page).onLoad(query);
  await waitFor(() => expect(page.data.list.status).not.toBe('loading'));
  return page;
}

const rows = (page: RenderedPage) => page.data.list.items as CaseListRow[];

describe('我要反映', () => {
  it('a registered worker raises a demand: category, title, what happened, the public board opted into', async () => {
    const page = await open(RIDER);
    expect(screenText(page)).toContain('快递流动党支部会受理、办理并答复');
    await tapOn(page, '#categories >>> #category-rights');
    await waitFor(() =>
      expect(textAt(page, '#category-hint')).toBe('劳动报酬、职业伤害保障、平台规则与处罚 · 一般 5 个工作日内答复'),
    );
    await typeInto(page, 'title', '暴雨天仍按超时扣款');
    await typeIntoTextarea(page, 'description', '上周暴雨平台仍按正常时效考核，多单被判超时扣款，希望协调放宽时效。');
    await tapCell(page, 'public-row');
    await tapButton(page, 'submit');
    await waitFor(() => expect(wxDouble().callsOf('redirectTo')).toHaveLength(1));

    expect(caseCalls('submitCase')).toEqual([
      {
        kind: 'demand',
        category: 'rights',
        title: '暴雨天仍按超时扣款',
        description: '上周暴雨平台仍按正常时效考核，多单被判超时扣款，希望协调放宽时效。',
        photos: [],
        publicOptIn: true,
      },
    ]);
    const { url } = wxDouble().callsOf('redirectTo')[0] as { url: string };
    const id = decodeURIComponent(/\?id=([^&]+)/.exec(url)![1]!);
    expect(await callAs<MyCase>(RIDER, 'cases', 'getCase', { caseId: id })).toMatchObject({
      kind: 'demand',
      state: 'submitted',
      publicOptIn: true,
      orgName: '快递流动党支部',
      dueAt: '2026-12-08T15:59:59.999Z',
    });
  });

  it('checks the obvious before sending, in Chinese, and shows the server’s refusals', async () => {
    const page = await open(RIDER);
    await tapButton(page, 'submit');
    expect(textAt(page, '#form-error')).toBe('请选择诉求类别');
    await tapOn(page, '#categories >>> #category-conditions');
    await typeInto(page, 'title', '充电');
    await tapButton(page, 'submit');
    expect(textAt(page, '#form-error')).toBe('请用 4–40 个字概括诉求');
    await typeInto(page, 'title', '驿站充电桩不够用');
    await typeIntoTextarea(page, 'description', '不够用');
    await tapButton(page, 'submit');
    expect(textAt(page, '#form-error')).toBe('请说明遇到的情况和诉求（至少 10 个字）');
    expect(caseCalls('submitCase')).toEqual([]);

    await typeIntoTextarea(page, 'description', '晚上只有两个充电桩能用，还有违禁词，希望增加。');
    await tapButton(page, 'submit');
    await waitFor(() => expect(page.data.submitting).toBe(false));
    expect(textAt(page, '#form-error')).toBe('描述包含不适宜发布的信息，请修改后再提交');
    expect(wxDouble().callsOf('redirectTo')).toEqual([]);
  });

  it('someone who has not registered is asked to register first', async () => {
    await login(NEWCOMER);
    const page = await open(NEWCOMER);
    expect(page.data.status).toBe('unregistered');
    expect(screenText(page)).toContain('提交诉求前请先完成新就业群体信息登记');
    await tapButton(page, 'register');
    expect(wxDouble().callsOf('navigateTo')).toEqual([
      expect.objectContaining({ url: '/packages/user/pages/register/index' }),
    ]);
  });
});

describe('我的诉求', () => {
  it('lists the raiser’s cases with their stage and flags in words; a row opens the case', async () => {
    const late = await submitDemand(LISTER, { title: '写字楼门口没有临时停车位' });
    pinClock(after(0.1));
    const report = await submitReport(LISTER);
    pinClock(after(0.5));
    await act(ADMIN, 'answerCase', { caseId: report.id, text: '井盖已补上。' });

    // Ten days later nobody has responded to the demand: red and overdue, in words.
    pinClock(after(10));
    const page = await openMine(LISTER);
    expect(rows(page).map((r) => [r.title, r.state.label, r.due, r.flagWords])).toEqual([
      ['道路设施问题随手拍', '已答复', '12月1日已答复', ''],
      ['写字楼门口没有临时停车位', '待受理', '12月8日前答复', '超过 24 小时还未受理，已超过答复期限'],
    ]);
    expect(textAt(page, `#case-${late.id}`)).toContain('超过 24 小时还未受理，已超过答复期限');

    await tapOn(page, '#kinds >>> #kind-report');
    await waitFor(() => expect(rows(page).map((r) => r.id)).toEqual([report.id]));

    await tapOn(page, `#case-${report.id}`);
    expect(wxDouble().callsOf('navigateTo')).toEqual([
      expect.objectContaining({ url: `/packages/cases/pages/detail/index?id=${report.id}` }),
    ]);
  });

  it('opened as 我的随手拍 it shows reports only; with none, says so', async () => {
    await login(NEWCOMER);
    const page = await openMine(NEWCOMER, { kind: 'report' });
    expect(page.data.kind).toBe('report');
    expect(page.data.list.status).toBe('empty');
    expect(screenText(page)).toContain('还没有随手拍，路上看到问题拍一下就能反映');
    expect(has(page, '#report')).toBe(true);
  });
});
