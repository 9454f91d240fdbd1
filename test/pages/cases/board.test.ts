// 实事共办 through the full stack: answered cases whose raisers opted in, by kind
// and category, with the answer — and nothing personal on the screen.
import { clearSession } from '../../../miniprogram/utils/session';
import { actAs, pinNow, startBackend } from '../support/backend';
import { act, after, pinClock, submitDemand } from '../support/cases';
import { makeAdmin, registerWorker, seedOrgs, type PageOrgs } from '../support/fixtures';
import { loadPage, waitFor, wxDouble, type RenderedPage } from '../support/page';
import { detachAll, render, screenText, tapOn } from '../support/ui';

const boardId = loadPage('packages/cases/pages/board/index');

const RIDER = 'board-rider';
const ADMIN = 'board-admin';
const VISITOR = 'board-visitor';
const NAME = '孙公开';
const PHONE = '13977778888';

let backend: Awaited<ReturnType<typeof startBackend>>;
let orgs: PageOrgs;
beforeAll(async () => {
  backend = await startBackend(VISITOR);
  orgs = await seedOrgs();
  await registerWorker(RIDER, orgs.expressBranch.id, { realName: NAME, phone: PHONE });
  await makeAdmin(ADMIN, [orgs.express.id]);
  pinClock();
  const shown = await submitDemand(RIDER, {
    title: `${NAME}反映驿站夜间没有热水`,
    description: `晚上驿站没有热水，有事请打 ${PHONE} 找${NAME}。`,
    publicOptIn: true,
  });
  const hidden = await submitDemand(RIDER, { title: '不想公开的诉求标题', publicOptIn: false });
  const waiting = await submitDemand(RIDER, { title: '同意公开但还没答复', publicOptIn: true });
  pinClock(after(1));
  await act(ADMIN, 'answerCase', {
    caseId: shown.id,
    text: `已加装热水器。${NAME}师傅如有问题可再联系，电话 ${PHONE}。`,
  });
  await act(ADMIN, 'answerCase', { caseId: hidden.id, text: '已处理。' });
  void waiting;
  pinNow(null);
});
afterAll(() => backend.stop());

beforeEach(() => {
  wxDouble().reset();
  clearSession();
  actAs(VISITOR);
});
afterEach(() => detachAll());

async function open(): Promise<RenderedPage> {
  const page = render(boardId);
  await waitFor(() => expect(page.data.list.status).not.toBe('loading'));
  return page;
}

describe('实事共办', () => {
  it('shows answered cases whose raisers opted in, with the answer, and no name, phone or openid', async () => {
    const page = await open();
    const text = screenText(page);
    expect(page.data.list.items).toHaveLength(1);
    expect(text).toContain('孙**反映驿站夜间没有热水');
    expect(text).toContain('已加装热水器。孙**师傅如有问题可再联系，电话 139********。');
    expect(text).toContain('快递流动党支部 · 2026-12-02 答复');
    expect(text).not.toContain(NAME);
    expect(text).not.toContain(PHONE);
    expect(text).not.toContain(RIDER);
    expect(text).not.toContain('不想公开的诉求标题');
    expect(text).not.toContain('同意公开但还没答复');
    // Nobody signs in to read it.
    expect(
      (wxDouble().callsOf('cloud.callFunction') as { name: string; data: { action: string } }[]).map(
        (c) => `${c.name}.${c.data.action}`,
      ),
    ).toEqual(['cases.publicBoard']);
  });

  it('filters by kind, then by category', async () => {
    const page = await open();
    await tapOn(page, '#kinds >>> #kind-report');
    await waitFor(() => expect(page.data.list.status).toBe('empty'));
    expect(screenText(page)).toContain('这一类还没有公开的办理结果');
    await tapOn(page, '#kinds >>> #kind-demand');
    await waitFor(() => expect(page.data.list.items).toHaveLength(1));
    await tapOn(page, '#categories >>> #category-rights');
    await waitFor(() => expect(page.data.list.status).toBe('empty'));
    await tapOn(page, '#categories >>> #category-conditions');
    await waitFor(() => expect(page.data.list.items).toHaveLength(1));
  });
});
