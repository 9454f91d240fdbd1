// The organisers' workbench through the full stack, the clock pinned to 2026
// working days: the queue of their org sub-tree with each case's flags (红, 黄,
// 逾期), the filters, and who may open it.
import type { CaseListRow } from '../../../miniprogram/packages/cases/utils/views';
import { clearSession } from '../../../miniprogram/utils/session';
import { actAs, pinNow, startBackend } from '../support/backend';
import { act, after, caseCalls, pinClock, submitDemand, submitReport } from '../support/cases';
import { login, makeAdmin, registerWorker, seedOrgs, type PageOrgs } from '../support/fixtures';
import { flush, loadPage, waitFor, wxDouble, type RenderedPage } from '../support/page';
import { detachAll, has, render, screenText, tapOn, textAt } from '../support/ui';

const queueId = loadPage('packages/cases/pages/admin-cases/index');

const RIDER = 'queue-rider';
const FOOD_RIDER = 'queue-food-rider';
const ADMIN = 'queue-admin';
const WORKER = 'queue-worker';

let backend: Awaited<ReturnType<typeof startBackend>>;
let orgs: PageOrgs;
const ids: Record<string, string> = {};
beforeAll(async () => {
  backend = await startBackend('queue-guest');
  orgs = await seedOrgs();
  await registerWorker(RIDER, orgs.expressBranch.id, { realName: '钱排队' });
  await registerWorker(FOOD_RIDER, orgs.foodBranch.id);
  await makeAdmin(ADMIN, [orgs.express.id]);
  await login(WORKER);
  pinClock();
  // Never responded to; accepted then left; answered in time; another committee's.
  ids.silent = (await submitDemand(RIDER, { title: '暴雨天仍按超时扣款', category: 'rights' })).id;
  ids.stale = (await submitDemand(RIDER, { title: '驿站夜间充电桩不够用' })).id;
  ids.report = (await submitReport(RIDER)).id;
  ids.food = (await submitDemand(FOOD_RIDER, { title: '外卖骑手的诉求' })).id;
  pinClock(after(0.1));
  await act(ADMIN, 'acceptCase', { caseId: ids.stale });
  await act(ADMIN, 'answerCase', { caseId: ids.report, text: '井盖已补上。' });
  pinNow(null);
});
afterAll(() => backend.stop());

beforeEach(() => {
  wxDouble().reset();
  clearSession();
  // Ten days on: the due dates (12月8日) have passed.
  pinClock(after(10));
});
afterEach(() => {
  detachAll();
  pinNow(null);
});

async function open(openid = ADMIN): Promise<RenderedPage> {
  actAs(openid);
  const page = render(queueId);
  await waitFor(() => expect(page.data.access).not.toBe('loading'));
  if (page.data.access === 'ready') await waitFor(() => expect(page.data.list.status).not.toBe('loading'));
  return page;
}

const rows = (page: RenderedPage) => page.data.list.items as CaseListRow[];

/** Picks a choice of the state filter by its value ('open': 待答复, '': 全部状态). */
async function pickState(page: RenderedPage, value: string) {
  const index = (page.data.states as { value: string }[]).findIndex((s) => s.value === value);
  page.querySelector('#state-picker')!.dispatchEvent('change', { detail: { value: index } });
  await flush();
}
const flagsOf = (page: RenderedPage, id: string) =>
  rows(page)
    .find((r) => r.id === id)
    ?.flags.map((f) => f.label);

describe('诉求工作台', () => {
  it('shows the cases of the organiser’s sub-tree, nearest due first, each with its flags', async () => {
    const page = await open();
    // At first what still waits for an answer; 全部状态 adds the answered one.
    expect(
      rows(page)
        .map((r) => r.id)
        .sort(),
    ).toEqual([ids.silent, ids.stale].sort());
    expect(caseCalls('listCases').at(-1)).toMatchObject({ open: true });
    expect(textAt(page, '#state-picker')).toContain('待答复');
    await pickState(page, '');
    await waitFor(() =>
      expect(
        rows(page)
          .map((r) => r.id)
          .sort(),
      ).toEqual([ids.silent, ids.stale, ids.report].sort()),
    );
    expect(flagsOf(page, ids.silent)).toEqual(['红·超24小时未响应', '逾期']);
    expect(flagsOf(page, ids.stale)).toEqual(['黄·3天未更新', '逾期']);
    expect(flagsOf(page, ids.report)).toEqual([]);
    // The flags are on the row, in sight.
    const row = textAt(page, `#case-${ids.silent}`);
    expect(row).toContain('红·超24小时未响应');
    expect(row).toContain('逾期');
    expect(row).toContain('钱排队');
    expect(row).toContain('12月8日前答复');
    expect(screenText(page)).not.toContain('外卖骑手的诉求');
  });

  it('filters by flag, kind, category, state and keyword', async () => {
    const page = await open();
    await pickState(page, '');
    await tapOn(page, '#flag-overdue');
    await waitFor(() =>
      expect(
        rows(page)
          .map((r) => r.id)
          .sort(),
      ).toEqual([ids.silent, ids.stale].sort()),
    );
    expect(caseCalls('listCases').at(-1)).toMatchObject({ flag: 'overdue' });
    await tapOn(page, '#flag-red');
    await waitFor(() => expect(rows(page).map((r) => r.id)).toEqual([ids.silent]));
    await tapOn(page, '#flag-all');
    await tapOn(page, '#kind-report');
    await waitFor(() => expect(rows(page).map((r) => r.id)).toEqual([ids.report]));
    await tapOn(page, '#kind-demand');
    page.querySelector('#category-picker')!.dispatchEvent('change', { detail: { value: 1 } }); // 权益保障
    await flush();
    await waitFor(() => expect(rows(page).map((r) => r.id)).toEqual([ids.silent]));
    expect(caseCalls('listCases').at(-1)).toMatchObject({ kind: 'demand', category: 'rights' });

    await tapOn(page, '#kind-all');
    await pickState(page, 'accepted');
    await waitFor(() => expect(rows(page).map((r) => r.id)).toEqual([ids.stale]));

    await pickState(page, 'open');
    page.querySelector('#search >>> .t-input__keyword')!.dispatchEvent('confirm', { detail: { value: '扣款' } });
    await flush();
    await waitFor(() => expect(rows(page).map((r) => r.id)).toEqual([ids.silent]));
    expect(caseCalls('listCases').at(-1)).toEqual({ page: 1, pageSize: 20, open: true, keyword: '扣款' });
  });

  it('a row opens the case; back from it, the queue reloads', async () => {
    const page = await open();
    await tapOn(page, `#case-${ids.silent}`);
    expect(wxDouble().callsOf('navigateTo')).toEqual([
      expect.objectContaining({ url: `/packages/cases/pages/admin-case/index?id=${ids.silent}` }),
    ]);
    const before = caseCalls('listCases').length;
    (page as unknown as { triggerPageLifeTime(name: string): void }).triggerPageLifeTime('show');
    await waitFor(() => expect(caseCalls('listCases').length).toBe(before + 1));
  });

  it('someone who is no organiser is told so', async () => {
    const page = await open(WORKER);
    expect(page.data.access).toBe('denied');
    expect(screenText(page)).toContain('管理后台仅对管理员开放');
    expect(has(page, '#search')).toBe(false);
    expect(caseCalls('listCases')).toEqual([]);
  });
});
