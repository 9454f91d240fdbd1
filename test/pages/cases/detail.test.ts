// A raiser's case page through the full stack, with the clock pinned to 2026
// working days: confirming with a rating, rating a case that closed, reopening
// once within 7 days of the answer (and why not, when not), someone else's case.
import type { MyCase } from '../../../typings/cases';
import type { DetailView } from '../../../miniprogram/packages/cases/pages/detail/view';
import { clearSession } from '../../../miniprogram/utils/session';
import { actAs, callAs, pinNow, startBackend } from '../support/backend';
import { act, after, ANSWERED_TEMPLATE, caseCalls, pinClock, submitDemand } from '../support/cases';
import { instanceOf, typeIntoTextarea } from '../support/campaign';
import { makeAdmin, registerWorker, seedOrgs, type PageOrgs } from '../support/fixtures';
import { loadPage, waitFor, wxDouble, type RenderedPage } from '../support/page';
import { detachAll, has, render, screenText, tapOn, textAt, typeInto } from '../support/ui';

const detailId = loadPage('packages/cases/pages/detail/index');

const RIDER = 'detail-rider';
const OTHER = 'detail-other';
const ADMIN = 'detail-admin';
const ANSWER = '驿站已增加两个夜间充电桩，22:00 后扫码可用。';

let backend: Awaited<ReturnType<typeof startBackend>>;
let orgs: PageOrgs;
beforeAll(async () => {
  backend = await startBackend('detail-guest');
  orgs = await seedOrgs();
  await registerWorker(RIDER, orgs.expressBranch.id);
  await registerWorker(OTHER, orgs.expressBranch.id);
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
  pinNow(null);
});

/** A demand submitted at AT and answered a day later. */
async function answered(): Promise<MyCase> {
  const c = await submitDemand(RIDER);
  pinClock(after(1));
  await act(ADMIN, 'answerCase', { caseId: c.id, text: ANSWER });
  return c;
}

async function open(openid: string, id: string): Promise<RenderedPage> {
  actAs(openid);
  const page = render(detailId);
  void instanceOf(page).onLoad({ id });
  await waitFor(() => expect(page.data.status).not.toBe('loading'));
  return page;
}

const view = (page: RenderedPage) => page.data.view as DetailView;
const state = (page: RenderedPage) => textAt(page, '#state >>> .t-tag');
const inActions = (selector: string) => `#answer-actions >>> ${selector}`;

describe('a raiser’s case', () => {
  it('shows the stage, who handles it and by when, and the timeline', async () => {
    const c = await submitDemand(RIDER);
    pinClock(after(0.1));
    await act(ADMIN, 'acceptCase', { caseId: c.id, urgent: false });
    await act(ADMIN, 'updateCase', { caseId: c.id, text: '已联系驿站和供电所，正在评估增容方案。' });
    const page = await open(RIDER, c.id);
    expect(state(page)).toBe('办理中');
    expect(view(page).stages.map((s) => s.current)).toEqual([false, false, true, false, false]);
    expect(textAt(page, '#due')).toBe('12月8日前答复');
    expect(screenText(page)).toContain('快递流动党支部');
    // Newest first, with who acted; the raiser's own step is 我.
    expect(view(page).timeline.map((t) => [t.who, t.text])).toEqual([
      ['快递流动党支部', '已联系驿站和供电所，正在评估增容方案。'],
      ['快递流动党支部', '快递流动党支部已受理，将于 12月8日 前答复'],
      ['我', '已提交至快递流动党支部，将于 12月8日 前答复'],
    ]);
    expect(has(page, '#answer-actions >>> #confirm')).toBe(false);
  });

  it('确认解决 asks for a rating first, then closes the case with it and the comment', async () => {
    const c = await answered();
    const page = await open(RIDER, c.id);
    expect(state(page)).toBe('已答复');
    expect(textAt(page, '#answer')).toContain(ANSWER);

    await tapOn(page, inActions('#confirm >>> .t-button'));
    expect(textAt(page, inActions('#actions-error'))).toBe('请先选择满意程度');
    await tapOn(page, inActions('#ratings >>> #rating-basically_satisfied'));
    await typeInto(page.querySelector('#answer-actions')!, 'comment', '晚上能充上电了，就是位置有点远');
    await tapOn(page, inActions('#confirm >>> .t-button'));
    await waitFor(() => expect(state(page)).toBe('已办结'));

    expect(caseCalls('confirmCase')).toEqual([
      { caseId: c.id, rating: 'basically_satisfied', comment: '晚上能充上电了，就是位置有点远' },
    ]);
    expect(textAt(page, '#rating')).toBe('我的评价：基本满意');
    expect(has(page, inActions('#confirm'))).toBe(false);
    // Still within 7 days of the answer: an unsatisfied raiser could reopen.
    expect(has(page, inActions('#open-reopen'))).toBe(true);
    expect(await callAs<MyCase>(RIDER, 'cases', 'getCase', { caseId: c.id })).toMatchObject({
      state: 'closed',
      rating: 'basically_satisfied',
    });
  });

  it('不满意，重新办理: once, with a reason, asking for the next answer’s notice; then says why not', async () => {
    const c = await answered();
    const page = await open(RIDER, c.id);
    await tapOn(page, inActions('#open-reopen >>> .t-button'));
    await tapOn(page, inActions('#reopen >>> .t-button'));
    expect(textAt(page, inActions('#actions-error'))).toBe('请说明不满意的原因（至少 5 个字）');

    await typeIntoTextarea(page.querySelector('#answer-actions')!, 'reopen-reason', '夜里十点后充电桩还是不够用');
    wxDouble().answerNext('requestSubscribeMessage', {
      [ANSWERED_TEMPLATE]: 'accept',
      errMsg: 'requestSubscribeMessage:ok',
    });
    await tapOn(page, inActions('#reopen >>> .t-button'));
    await waitFor(() => expect(state(page)).toBe('重新办理中'));
    expect(wxDouble().callsOf('requestSubscribeMessage')).toEqual([
      expect.objectContaining({ tmplIds: [ANSWERED_TEMPLATE] }),
    ]);
    await waitFor(() =>
      expect(caseCalls('subscribeCaseNotices')).toEqual([
        { grants: [{ templateId: ANSWERED_TEMPLATE, result: 'accept' }] },
      ]),
    );
    expect(view(page).stages.find((s) => s.current)?.label).toBe('办理');
    expect(textAt(page, '#due')).toBe('12月9日前答复');

    // Answered again: the raiser may confirm, but not reopen a second time — and is told why.
    pinClock(after(2));
    await act(ADMIN, 'answerCase', { caseId: c.id, text: '又加装了两个充电桩。' });
    await instanceOf(page).onPullDownRefresh();
    expect(state(page)).toBe('已答复');
    expect(has(page, inActions('#open-reopen'))).toBe(false);
    expect(textAt(page, inActions('#reopen-refusal'))).toBe('每件事项只能重新办理一次，已经重新办理过了');
  });

  it('more than 7 days after the answer, reopening is not offered, and the page says why', async () => {
    const c = await answered();
    pinClock(after(9));
    const page = await open(RIDER, c.id);
    expect(has(page, inActions('#open-reopen'))).toBe(false);
    expect(textAt(page, inActions('#reopen-refusal'))).toBe('答复已超过 7 天，不能再要求重新办理');
  });

  it('a case that closed without a rating can still be rated, once', async () => {
    const c = await answered();
    await callAs(RIDER, 'cases', 'confirmCase', { caseId: c.id });
    const page = await open(RIDER, c.id);
    expect(textAt(page, inActions('.section-title'))).toBe('给这次办理打个分');
    await tapOn(page, inActions('#ratings >>> #rating-satisfied'));
    await tapOn(page, inActions('#confirm >>> .t-button'));
    await waitFor(() => expect(textAt(page, '#rating')).toBe('我的评价：满意'));
    expect(caseCalls('rateCase')).toEqual([{ caseId: c.id, rating: 'satisfied' }]);
    expect(has(page, inActions('#confirm'))).toBe(false);
  });

  it('another worker’s case is refused, in the server’s words', async () => {
    const c = await submitDemand(RIDER);
    const page = await open(OTHER, c.id);
    expect(page.data.status).toBe('error');
    expect(screenText(page)).toContain('只能查看和操作自己提交的诉求');
  });
});
