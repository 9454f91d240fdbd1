import type { Page } from '../../../typings/common';
import type { LectureAdminView } from '../../../typings/study';
import { clearSession } from '../../../miniprogram/utils/session';
import { actAs, callAs, startBackend } from '../support/backend';
import { makeAdmin, seedOrgs, SUPERADMIN, type PageOrgs } from '../support/fixtures';
import { flush, loadPage, waitFor, wxDouble, type RenderedPage } from '../support/page';
import { publishedLecture, stubWx } from '../support/study';
import { detachAll, has, render, screenText, tapButton, tapOn, textAt, typeInto } from '../support/ui';

const editId = loadPage('packages/study/pages/admin-lecture-edit/index');
const ADMIN = 'edit-admin';

let backend: Awaited<ReturnType<typeof startBackend>>;
let orgs: PageOrgs;
beforeAll(async () => {
  backend = await startBackend('lecture-edit-guest');
  orgs = await seedOrgs();
  await makeAdmin(ADMIN, [orgs.food.id]);
});
afterAll(() => backend.stop());

const restores: (() => void)[] = [];
beforeEach(() => {
  wxDouble().reset();
  clearSession();
});
afterEach(() => {
  detachAll();
  while (restores.length) restores.pop()!();
});

async function open(query: Record<string, string> = {}, openid = ADMIN): Promise<RenderedPage> {
  actAs(openid);
  const page = render(editId);
  (page.instance as unknown as { onLoad(q: object): void }).onLoad(query);
  await waitFor(() => expect(page.data.status).not.toBe('loading'));
  return page;
}

const lectures = async () =>
  (await callAs<Page<LectureAdminView>>(SUPERADMIN, 'study', 'adminListLectures', { pageSize: 50 })).items;

async function typeBody(page: RenderedPage, value: string) {
  page.querySelector('#body >>> .t-textarea__wrapper-inner')!.dispatchEvent('input', { detail: { value } });
  await flush();
}

describe('lecture editor', () => {
  it('creates a video lecture: uploads the media, takes its length, and saves a quiz with its answers', async () => {
    restores.push(
      stubWx('chooseMedia', (() =>
        Promise.resolve({
          type: 'video',
          tempFiles: [{ tempFilePath: 'wxfile://tmp/ride.mp4', duration: 95.4, size: 1 }],
        })) as never),
    );
    const page = await open();
    expect(textAt(page, '#media-name')).toBe('未上传');

    await typeInto(page, 'title', '骑手交通安全');
    await typeInto(page, 'speaker', '李警官');
    await typeInto(page, 'series', '安全与健康');
    await typeInto(page, 'tags', '交通，安全');
    await tapButton(page, 'save');
    expect(textAt(page, '.form-error')).toBe('请上传视频');

    await tapButton(page, 'pick-media');
    await waitFor(() => expect(page.data.form.mediaFileId).toMatch(/^cloud:\/\/.+lectures\/\d+-video\.mp4$/));
    expect(page.data.form.duration).toBe('95');
    expect(textAt(page, '#media-name')).not.toBe('未上传');

    await tapButton(page, 'add-question');
    await typeInto(page, 'q0-text', '闯红灯对吗？');
    await typeInto(page, 'q0-o0', '对');
    await typeInto(page, 'q0-o1', '不对');
    await tapOn(page, '#q0-add-option');
    await typeInto(page, 'q0-o2', '看情况');
    await tapOn(page, '#q0-answer-1');
    expect(textAt(page, '.quiz-answer')).toContain('正确答案：B');
    await typeInto(page, 'pass-percent', '100');

    await tapButton(page, 'save');
    await waitFor(() => expect(wxDouble().callsOf('navigateBack')).toHaveLength(1));

    const saved = (await lectures()).find((l) => l.title === '骑手交通安全')!;
    expect(saved).toMatchObject({
      speaker: '李警官',
      kind: 'video',
      durationSec: 95,
      series: '安全与健康',
      tags: ['交通', '安全'],
      quiz: [{ question: '闯红灯对吗？', options: ['对', '不对', '看情况'], answer: 1 }],
      passPercent: 100,
      orgId: orgs.food.id,
      published: false,
    });
    expect(saved.mediaFileId).toBe(page.data.form.mediaFileId);
  });

  it('an article needs a body; the server’s own checks show in the form', async () => {
    const page = await open();
    await tapOn(page, '#kinds >>> #kind-article');
    await typeInto(page, 'title', '权益保障');
    await typeInto(page, 'speaker', '王律师');
    await typeInto(page, 'series', '权益与政策');
    await typeInto(page, 'duration', '2:00');
    await tapButton(page, 'save');
    expect(textAt(page, '.form-error')).toBe('图文课程需要填写正文');

    // Only disallowed HTML: the sanitised body is empty, and the server says so.
    await typeBody(page, '<script>alert(1)</script>');
    await tapButton(page, 'save');
    await waitFor(() => expect(has(page, '.form-error')).toBe(true));
    await waitFor(() => expect(textAt(page, '.form-error')).toBe('图文课程需要填写正文'));
    expect(wxDouble().callsOf('navigateBack')).toEqual([]);

    await typeBody(page, '<p>劳动合同要签好。</p>');
    await tapButton(page, 'save');
    await waitFor(() => expect(wxDouble().callsOf('navigateBack')).toHaveLength(1));
    expect((await lectures()).find((l) => l.title === '权益保障')).toMatchObject({
      kind: 'article',
      durationSec: 120,
      body: '<p>劳动合同要签好。</p>',
    });
  });

  it('edits an existing lecture, quiz answers included', async () => {
    const l = await publishedLecture(ADMIN, orgs.food.id, {
      title: '外卖骑手安全',
      durationSec: 750,
      tags: ['安全'],
      quiz: [
        { question: '雨天应该？', options: ['减速', '加速'], answer: 0 },
        { question: '要戴头盔吗？', options: ['要', '不要'], answer: 0 },
      ],
    });
    const page = await open({ id: l.id });

    expect(page.data.form).toMatchObject({ id: l.id, title: '外卖骑手安全', duration: '12:30', tags: '安全' });
    expect(page.data.form.orgName).toBe('外卖送餐行业党委');
    expect(page.data.form.quiz.map((q: { answer: number }) => q.answer)).toEqual([0, 0]);

    await typeInto(page, 'title', '外卖骑手雨天安全');
    await tapOn(page, '#q0-remove');
    expect(textAt(page, '#question-0')).toContain('第 1 题');
    await typeInto(page, 'q0-o1', '可以不戴');
    await tapOn(page, '#q0-answer-1');
    await tapOn(page, '#q0-answer-0');
    await tapButton(page, 'save');
    await waitFor(() => expect(wxDouble().callsOf('navigateBack')).toHaveLength(1));

    const saved = (await lectures()).find((x) => x.id === l.id)!;
    expect(saved).toMatchObject({
      title: '外卖骑手雨天安全',
      durationSec: 750,
      published: true,
      quiz: [{ question: '要戴头盔吗？', options: ['要', '可以不戴'], answer: 0 }],
    });
  });

  it('an unknown lecture says so', async () => {
    const page = await open({ id: 'no-such-lecture' });
    expect(page.data.status).toBe('error');
    expect(screenText(page)).toContain('找不到这门课程');
  });
});
