import type { Page } from '../../../typings/common';
import type { LectureAdminView } from '../../../typings/study';
import { clearSession } from '../../../miniprogram/utils/session';
import { actAs, callAs, pinNow, startBackend } from '../support/backend';
import { login, makeAdmin, seedOrgs, type PageOrgs } from '../support/fixtures';
import { loadPage, waitFor, wxDouble, type RenderedPage } from '../support/page';
import { publishedLecture } from '../support/study';
import { detachAll, has, render, screenText, tapButton, tapOn, tapSwitch, textAt } from '../support/ui';

const lecturesId = loadPage('packages/study/pages/admin-lectures/index');

const T0 = Date.parse('2026-11-28T02:00:00Z');
const at = (sec: number) => new Date(T0 + sec * 1000).toISOString();
const ADMIN = 'lectures-admin';

let backend: Awaited<ReturnType<typeof startBackend>>;
let orgs: PageOrgs;
let live: LectureAdminView;
let draft: LectureAdminView;
beforeAll(async () => {
  backend = await startBackend('admin-lectures-guest');
  orgs = await seedOrgs();
  await makeAdmin(ADMIN, [orgs.express.id]);
  live = await publishedLecture(ADMIN, orgs.express.id, { title: '快递安全', durationSec: 60 });
  draft = await callAs<LectureAdminView>(ADMIN, 'study', 'saveLecture', {
    title: '待发布的课',
    speaker: '示例讲师',
    kind: 'article',
    body: '<p>正文</p>',
    durationSec: 120,
    series: '权益与政策',
    quiz: [{ question: '这是测验吗？', options: ['是', '否'], answer: 0 }],
    orgId: orgs.express.id,
  });
  // One learner finished the live lecture.
  await login('lectures-learner');
  pinNow(at(0));
  await callAs('lectures-learner', 'study', 'getLecture', { id: live.id });
  for (const t of [15, 30, 45, 60]) {
    pinNow(at(t));
    await callAs('lectures-learner', 'study', 'reportProgress', { lectureId: live.id, positionSec: t });
  }
  pinNow(null);
});
afterAll(() => backend.stop());

beforeEach(() => {
  wxDouble().reset();
  clearSession();
});
afterEach(detachAll);

async function open(openid = ADMIN): Promise<RenderedPage> {
  actAs(openid);
  const page = render(lecturesId);
  await waitFor(() => expect(page.data.list.status).not.toBe('loading'));
  return page;
}

const published = async (id: string) =>
  (await callAs<Page<LectureAdminView>>(ADMIN, 'study', 'adminListLectures', { pageSize: 50 })).items.find(
    (l) => l.id === id,
  )!.published;

describe('admin lectures page', () => {
  it('lists lectures with kind, state and who studies them', async () => {
    const page = await open();

    const liveRow = textAt(page, `#lecture-${live.id}`);
    expect(liveRow).toContain('快递安全');
    expect(liveRow).toContain('已发布');
    expect(liveRow).toContain('视频');
    expect(liveRow).toContain('浏览 1 · 学习 1 人 · 学完 1 · 共 1 分钟');
    const draftRow = textAt(page, `#lecture-${draft.id}`);
    expect(draftRow).toContain('未发布');
    expect(draftRow).toContain('图文');
    expect(draftRow).toContain('测验 1 题');
  });

  it('publishes a draft with the switch; unpublishing asks first', async () => {
    const page = await open();

    await tapSwitch(page, `publish-${draft.id}`);
    await waitFor(() => expect(textAt(page, `#lecture-${draft.id}`)).toContain('已发布'));
    expect(await published(draft.id)).toBe(true);
    expect(wxDouble().callsOf('showModal')).toEqual([]);

    wxDouble().answerNext('showModal', { confirm: false, cancel: true });
    await tapSwitch(page, `publish-${draft.id}`);
    await waitFor(() => expect(wxDouble().callsOf('showModal')).toHaveLength(1));
    expect(await published(draft.id)).toBe(true);

    await tapSwitch(page, `publish-${draft.id}`);
    await waitFor(() => expect(textAt(page, `#lecture-${draft.id}`)).toContain('未发布'));
    expect(await published(draft.id)).toBe(false);
    expect((wxDouble().callsOf('showModal')[1] as { content: string }).content).toContain('待发布的课');
  });

  it('opens the editor to create or to edit', async () => {
    const page = await open();

    await tapButton(page, 'add');
    await tapOn(page, `#edit-${live.id}`);

    expect(wxDouble().callsOf('navigateTo')).toEqual([
      expect.objectContaining({ url: '/packages/study/pages/admin-lecture-edit/index' }),
      expect.objectContaining({ url: `/packages/study/pages/admin-lecture-edit/index?id=${live.id}` }),
    ]);
  });

  it('searches by title', async () => {
    const page = await open();
    page.querySelector('#search >>> .t-input__keyword')!.dispatchEvent('confirm', { detail: { value: '快递' } });
    await waitFor(() => expect(page.data.list.items.map((l: { id: string }) => l.id)).toEqual([live.id]));
  });

  it('a worker sees the server’s refusal', async () => {
    await login('lectures-worker');
    const page = await open('lectures-worker');
    expect(has(page, '#list-state >>> .state-error')).toBe(true);
    expect(screenText(page)).toContain('仅管理员可以操作');
  });
});
