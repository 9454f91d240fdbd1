import type { LectureAdminView } from '../../../typings/study';
import { clearSession } from '../../../miniprogram/utils/session';
import { actAs, callAs, pinNow, startBackend } from '../support/backend';
import { login, seedOrgs, SUPERADMIN } from '../support/fixtures';
import { loadPage, tap, waitFor, wxDouble, type RenderedPage } from '../support/page';
import { pageLifetime, publishedLecture, uploadedAudio } from '../support/study';
import { detachAll, has, render, screenText, tapOn, textAt } from '../support/ui';

const lecturesId = loadPage('packages/study/pages/lectures/index');

const T0 = Date.parse('2026-11-28T02:00:00Z');
const at = (sec: number) => new Date(T0 + sec * 1000).toISOString();

let backend: Awaited<ReturnType<typeof startBackend>>;
let lectures: Record<'video' | 'audio' | 'article' | 'history', LectureAdminView>;
beforeAll(async () => {
  backend = await startBackend('lectures-guest');
  const orgs = await seedOrgs();
  const orgId = orgs.district.id;
  lectures = {
    video: await publishedLecture(SUPERADMIN, orgId, { title: '安全骑行', durationSec: 100, series: '安全与健康' }),
    audio: await publishedLecture(SUPERADMIN, orgId, {
      title: '听党史',
      kind: 'audio',
      mediaFileId: await uploadedAudio(SUPERADMIN),
      durationSec: 750,
      series: '党史小课堂',
      tags: ['党史'],
    }),
    article: await publishedLecture(SUPERADMIN, orgId, {
      title: '新就业群体权益保障',
      kind: 'article',
      body: '<p>劳动者权益</p>',
      durationSec: 60,
      series: '权益与政策',
    }),
    history: await publishedLecture(SUPERADMIN, orgId, {
      title: '红船精神',
      speaker: '王老师',
      durationSec: 300,
      series: '党史小课堂',
    }),
  };
  // A draft is never listed.
  await callAs(SUPERADMIN, 'study', 'saveLecture', {
    title: '未发布的课',
    speaker: '示例讲师',
    kind: 'article',
    body: '<p>草稿</p>',
    durationSec: 60,
    series: '草稿系列',
    orgId,
  });
});
afterAll(() => backend.stop());

beforeEach(() => {
  wxDouble().reset();
  clearSession();
});
afterEach(() => {
  detachAll();
  pinNow(null);
});

async function open(openid: string): Promise<RenderedPage> {
  await login(openid);
  actAs(openid);
  const page = render(lecturesId);
  await waitFor(() => expect(page.data.list.status).toBe('ready'));
  return page;
}

const titles = (page: RenderedPage) => page.querySelectorAll('.lecture-title').map((t) => t.dom!.textContent);
const row = (page: RenderedPage, l: LectureAdminView) => textAt(page, `#lecture-${l.id}`);
const seriesChips = (page: RenderedPage) => page.querySelectorAll('.chip').map((c) => c.dom!.textContent);

describe('lectures page', () => {
  it('lists published lectures with kind, length and the learner’s progress', async () => {
    await login('lectures-progress');
    // 30 s of the video watched honestly; the article read to the end.
    pinNow(at(0));
    await callAs('lectures-progress', 'study', 'getLecture', { id: lectures.video.id });
    await callAs('lectures-progress', 'study', 'getLecture', { id: lectures.article.id });
    for (const t of [15, 30]) {
      pinNow(at(t));
      await callAs('lectures-progress', 'study', 'reportProgress', { lectureId: lectures.video.id, positionSec: t });
    }
    for (const t of [20, 40, 60]) {
      pinNow(at(t));
      await callAs('lectures-progress', 'study', 'reportProgress', { lectureId: lectures.article.id, positionSec: t });
    }
    pinNow(null);

    const page = await open('lectures-progress');

    expect(titles(page)).toHaveLength(4);
    expect(titles(page)).not.toContain('未发布的课');
    expect(row(page, lectures.video)).toContain('视频');
    expect(row(page, lectures.video)).toContain('1 分 40 秒');
    expect(row(page, lectures.video)).toContain('已学 30%');
    expect(row(page, lectures.audio)).toContain('音频');
    expect(row(page, lectures.audio)).toContain('12 分 30 秒');
    expect(row(page, lectures.audio)).toContain('未开始');
    expect(row(page, lectures.article)).toContain('图文');
    expect(row(page, lectures.article)).toContain('已学完');
    expect(row(page, lectures.history)).toContain('王老师');
  });

  it('filters by series (from the reply) and back to 全部', async () => {
    const page = await open('lectures-series');
    expect(seriesChips(page)).toEqual(['全部', '党史小课堂', '安全与健康', '权益与政策']);

    await tapOn(page, '#series-0');
    await waitFor(() => expect(titles(page).sort()).toEqual(['听党史', '红船精神'].sort()));
    expect(page.querySelector('#series-0')!.dom!.className).toContain('chip--active');
    const asked = (wxDouble().callsOf('cloud.callFunction') as { data: { action: string; data: object } }[])
      .filter((c) => c.data.action === 'listLectures')
      .map((c) => c.data.data);
    expect(asked[asked.length - 1]).toMatchObject({ series: '党史小课堂', page: 1 });

    await tapOn(page, '#series-all');
    await waitFor(() => expect(titles(page)).toHaveLength(4));
  });

  it('opened with ?series= (a training class’s online part): that series only', async () => {
    await login('lectures-opened');
    actAs('lectures-opened');
    const page = render(lecturesId);
    (page.instance as unknown as { onLoad(q: object): void }).onLoad({ series: encodeURIComponent('安全与健康') });

    await waitFor(() => expect(titles(page)).toEqual(['安全骑行']));
    expect(page.data.series).toBe('安全与健康');
    expect(page.querySelector('#series-1')!.dom!.className).toContain('chip--active');
  });

  it('searches by title, speaker or tag, and says when nothing matches', async () => {
    const page = await open('lectures-search');

    page.querySelector('#search >>> .t-input__keyword')!.dispatchEvent('confirm', { detail: { value: '王老师' } });
    await waitFor(() => expect(titles(page)).toEqual(['红船精神']));

    page.querySelector('#search >>> .t-input__keyword')!.dispatchEvent('confirm', { detail: { value: '没有这门课' } });
    await waitFor(() => expect(has(page, '#list-state >>> .state-empty')).toBe(true));
    expect(screenText(page)).toContain('没有找到相关课程');
  });

  it('opens a lecture, and 我的学习', async () => {
    const page = await open('lectures-open');

    await tap(page.querySelector(`#lecture-${lectures.audio.id}`));
    await tapOn(page, '#my-study');

    expect(wxDouble().callsOf('navigateTo')).toEqual([
      expect.objectContaining({ url: `/packages/study/pages/lecture/index?id=${lectures.audio.id}` }),
      expect.objectContaining({ url: '/packages/study/pages/my-study/index' }),
    ]);
  });

  it('coming back from a lecture shows the new progress', async () => {
    const page = await open('lectures-back');
    pageLifetime(page, 'show');
    expect(row(page, lectures.history)).toContain('未开始');

    pinNow(at(0));
    await callAs('lectures-back', 'study', 'getLecture', { id: lectures.history.id });
    pinNow(at(15));
    await callAs('lectures-back', 'study', 'reportProgress', { lectureId: lectures.history.id, positionSec: 15 });
    pageLifetime(page, 'hide');
    pageLifetime(page, 'show');

    await waitFor(() => expect(row(page, lectures.history)).toContain('已学 5%'));
  });
});
