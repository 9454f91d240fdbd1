// The organisers' reply templates and 办理统计 through the full stack, the clock
// pinned to 2026 working days.
import { clearSession } from '../../../miniprogram/utils/session';
import type { StatsView } from '../../../miniprogram/packages/cases/pages/admin-stats/view';
import { actAs, callAs, pinNow, startBackend } from '../support/backend';
import { act, after, caseCalls, pinClock, submitDemand } from '../support/cases';
import { instanceOf, typeIntoTextarea } from '../support/campaign';
import { makeAdmin, registerWorker, seedOrgs, type PageOrgs } from '../support/fixtures';
import { loadPage, waitFor, wxDouble } from '../support/page';
import { loadSecondPage } from '../support/second-page';
import { detachAll, screenText, tapButton, tapOn, textAt, typeInto, render } from '../support/ui';

const templatesId = loadPage('packages/cases/pages/admin-templates/index');
const stats = loadSecondPage('packages/cases/pages/admin-stats/index');

const RIDER = 'tools-rider';
const ADMIN = 'tools-admin';

let backend: Awaited<ReturnType<typeof startBackend>>;
let orgs: PageOrgs;
beforeAll(async () => {
  backend = await startBackend('tools-guest');
  orgs = await seedOrgs();
  await registerWorker(RIDER, orgs.expressBranch.id);
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
  stats.detachAll();
  pinNow(null);
});

describe('答复模板', () => {
  it('lists an org’s templates; 新建 and 编辑 in a sheet, checked before saving', async () => {
    actAs(ADMIN);
    const page = render(templatesId);
    await waitFor(() => expect(page.data.status).toBe('empty'));
    expect(textAt(page, '#org-picker >>> .t-cell')).toContain('快递物流行业党委');
    expect(screenText(page)).toContain('还没有答复模板');

    await tapButton(page, 'add');
    await typeInto(page, 'form-title', '已协调');
    await tapOn(page, '#form-actions >>> #save >>> .t-button');
    expect(textAt(page, '#form-actions >>> .form-error')).toBe('请填写答复内容（至少 4 个字）');
    await typeIntoTextarea(page, 'form-text', '您反映的问题已协调相关单位解决。');
    await tapOn(page, '#form-categories >>> #category-conditions');
    await tapOn(page, '#form-actions >>> #save >>> .t-button');
    await waitFor(() => expect(page.data.status).toBe('ready'));
    expect(caseCalls('saveReplyTemplate')).toEqual([
      { orgId: orgs.express.id, title: '已协调', text: '您反映的问题已协调相关单位解决。', category: 'conditions' },
    ]);
    const [row] = page.data.rows as { id: string; line: string }[];
    expect(row!.line).toMatch(/^工作条件 · 更新于 2026-12-01$/);

    await tapOn(page, `#edit-${row!.id}`);
    expect(page.data.form).toMatchObject({ visible: true, id: row!.id, title: '已协调' });
    await typeInto(page, 'form-title', '充电问题已协调');
    await tapOn(page, '#form-actions >>> #save >>> .t-button');
    await waitFor(() => expect(screenText(page)).toContain('充电问题已协调'));
    expect(page.data.rows).toHaveLength(1);
  });
});

describe('办理统计', () => {
  it('counts an org’s cases of a period, the times to respond and answer, rates, and exports them', async () => {
    const answered = await submitDemand(RIDER);
    await submitDemand(RIDER, { category: 'rights', title: '暴雨天仍按超时扣款' });
    pinClock(after(1));
    await act(ADMIN, 'answerCase', { caseId: answered.id, text: '已加装充电桩。' });
    await callAs(RIDER, 'cases', 'confirmCase', { caseId: answered.id, rating: 'satisfied' });
    pinClock(after(2));

    actAs(ADMIN);
    const page = stats.render(stats.id);
    void instanceOf(page).onLoad({ from: '2026-12-01', to: '2026-12-01' });
    await waitFor(() => expect(page.data.status).toBe('ready'));
    expect(caseCalls('caseStats')).toEqual([{ orgId: orgs.express.id, from: '2026-12-01', to: '2026-12-01' }]);
    const v = page.data.stats as StatsView;
    expect(v.total).toBe(2);
    expect(v.categories.map((c) => [c.label, c.count])).toEqual(
      expect.arrayContaining([
        ['工作条件', 1],
        ['权益保障', 1],
      ]),
    );
    const figure = (key: string) => v.figures.find((f) => f.key === key)!;
    expect(figure('answer').value).toBe('24 小时');
    expect(figure('satisfaction').value).toBe('100%');
    expect(figure('overdue').value).toBe('0%');
    expect(figure('reopen').value).toBe('0%');
    expect(textAt(page, '#total')).toBe('2');

    await tapOn(page, '#export >>> .t-button');
    await waitFor(() => expect(page.data.exportUrl).toMatch(/^http/));
    expect(textAt(page, '#export-url')).toBe(page.data.exportUrl);
    await tapOn(page, '#copy-export >>> .t-button');
    expect(wxDouble().callsOf('setClipboardData')).toEqual([expect.objectContaining({ data: page.data.exportUrl })]);

    // Another kind: the period has no reports.
    await tapOn(page, '#kind-report');
    await waitFor(() => expect((page.data.stats as StatsView).total).toBe(0));
    expect(screenText(page)).toContain('这段时间没有事项');
  });
});
