import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LectureAdminView, MyLectureProgress } from '../../../typings/study';
import type { MyProfile } from '../../../typings/user';
import { clearSession } from '../../../miniprogram/utils/session';
import { sdkFor } from '../../support/sdk';
import { actAs, callAs, pinNow, startBackend } from '../support/backend';
import { login, seedOrgs, SUPERADMIN, type PageOrgs } from '../support/fixtures';
import { flush, loadPage, MINIPROGRAM_ROOT, waitFor, wxDouble, type RenderedPage } from '../support/page';
import { clientClock, fakeAudioContext, pageLifetime, publishedLecture, uploadedAudio } from '../support/study';
import { detachAll, has, render, type Scope, screenText, tapButton, tapOn, textAt } from '../support/ui';

const lectureId = loadPage('packages/study/pages/lecture/index');
const PLAYER_WXML = readFileSync(join(MINIPROGRAM_ROOT, 'packages/study/pages/lecture/index.wxml'), 'utf8');

const T0 = Date.parse('2026-11-28T02:00:00Z');
/** Server time `sec` seconds after T0. */
const at = (sec: number) => new Date(T0 + sec * 1000).toISOString();

let backend: Awaited<ReturnType<typeof startBackend>>;
let orgs: PageOrgs;
beforeAll(async () => {
  backend = await startBackend('lecture-guest');
  orgs = await seedOrgs();
});
afterAll(() => backend.stop());

let clock: ReturnType<typeof clientClock>;
const restores: (() => void)[] = [];
beforeEach(() => {
  wxDouble().reset();
  clearSession();
  clock = clientClock();
});
afterEach(() => {
  detachAll();
  pinNow(null);
  clock.restore();
  while (restores.length) restores.pop()!();
});

type ProgressReply = MyLectureProgress & { pointsAwarded: number };

/** The page's reportProgress calls, oldest first. */
const reports = () =>
  (wxDouble().callsOf('cloud.callFunction') as { data: { action: string; data: { positionSec: number } } }[])
    .filter((c) => c.data.action === 'reportProgress')
    .map((c) => c.data.data.positionSec);

async function open(openid: string, id: string): Promise<RenderedPage> {
  actAs(openid);
  const page = render(lectureId);
  (page.instance as unknown as { onLoad(q: object): void }).onLoad({ id });
  await waitFor(() => expect(page.data.status).not.toBe('loading'));
  return page;
}

/** `advanceMs` of real time later (server time `serverSec`), the video is at `sec`. */
async function playTo(page: RenderedPage, sec: number, serverSec: number, advanceMs: number) {
  clock.advance(advanceMs);
  pinNow(at(serverSec));
  await videoEvent(page, 'timeupdate', { currentTime: sec, duration: 100 });
}

/** Simulate delivers events asynchronously: let the handler run before moving the clock again. */
async function videoEvent(page: RenderedPage, name: string, detail: object = {}) {
  page.querySelector('#player')!.dispatchEvent(name, { detail });
  await flush();
}

describe('lecture page: video', () => {
  let video: LectureAdminView;
  beforeAll(async () => {
    video = await publishedLecture(SUPERADMIN, orgs.district.id, { title: '安全骑行', durationSec: 100 });
  });

  it('resumes at the saved position and reports progress as the player advances, every 15 s and on pause', async () => {
    // Watched 0–20 s yesterday (reports at server times 0, 10, 20).
    await login('lecture-resume');
    pinNow(at(0));
    await callAs('lecture-resume', 'study', 'getLecture', { id: video.id });
    pinNow(at(10));
    await callAs('lecture-resume', 'study', 'reportProgress', { lectureId: video.id, positionSec: 10 });
    pinNow(at(20));
    await callAs('lecture-resume', 'study', 'reportProgress', { lectureId: video.id, positionSec: 20 });

    pinNow(at(86_400));
    const page = await open('lecture-resume', video.id);

    expect(page.data.startAt).toBe(20);
    // The <video> starts from startAt (simulate does not render a native video's attributes).
    expect(PLAYER_WXML).toMatch(/<video[^>]*initial-time="\{\{startAt\}\}"/);
    expect(textAt(page, '#resume')).toBe('上次学到 00:20，已从这里继续');
    expect(textAt(page, '#progress-text')).toBe('已学 20%');

    // Playing on: nothing is reported before 15 s have passed…
    await videoEvent(page, 'play');
    await playTo(page, 21, 86_401, 1000);
    await playTo(page, 30, 86_410, 9000);
    expect(reports()).toEqual([]);

    // …then the position is reported and the server credits the 15 s watched.
    await playTo(page, 35, 86_415, 5000);
    await waitFor(() => expect(reports()).toEqual([35]));
    await waitFor(() => expect(textAt(page, '#progress-text')).toBe('已学 35%'));

    // Pausing reports where it stopped; pausing again without moving reports nothing.
    await playTo(page, 36, 86_416, 1000);
    await videoEvent(page, 'pause');
    await waitFor(() => expect(reports()).toEqual([35, 36]));
    await videoEvent(page, 'pause');
    await waitFor(() => expect(textAt(page, '#progress-text')).toBe('已学 36%'));
    expect(reports()).toEqual([35, 36]);
  });

  it('a new learner starts at 0 with 未开始, and leaving the page reports the position', async () => {
    const learner = await login('lecture-new');
    pinNow(at(0));
    const page = await open('lecture-new', video.id);

    expect(page.data.startAt).toBe(0);
    expect(has(page, '#resume')).toBe(false);
    expect(textAt(page, '#progress-text')).toBe('未开始');

    await playTo(page, 8, 8, 8000);
    expect(reports()).toEqual([]);
    detachAll();
    await waitFor(() => expect(reports()).toEqual([8]));
    // The report was sent; wait until the server has stored it (reading without reopening the lecture).
    const db = sdkFor(backend).database();
    const stored = async () =>
      (await db.collection('lecture_progress').doc(`${learner.userId}:${video.id}`).get()).data[0];
    for (let i = 0; i < 200 && (await stored())?.positionSec !== 8; i++) await flush();
    expect(await stored()).toMatchObject({ positionSec: 8, watchedSec: 8 });
    const saved = await callAs<{ progress: MyLectureProgress }>('lecture-new', 'study', 'getLecture', { id: video.id });
    expect(saved.progress).toMatchObject({ positionSec: 8, watchedSec: 8 });
  });

  it('watching to 90 % shows 已学完 and the points awarded', async () => {
    await login('lecture-complete');
    pinNow(at(0));
    const page = await open('lecture-complete', video.id);

    for (let t = 15; t <= 90; t += 15) {
      await playTo(page, t, t, 15_000);
      await waitFor(() => expect(reports()).toContain(t));
    }
    await waitFor(() => expect(textAt(page, '#progress-text')).toBe('已学完'));

    expect(reports()).toEqual([15, 30, 45, 60, 75, 90]);
    expect(textAt(page, '#awarded')).toBe('已学完，获得 5 积分');
    expect(wxDouble().callsOf('showToast')).toEqual([expect.objectContaining({ title: '已学完，积分 +5' })]);
    expect((await callAs<MyProfile>('lecture-complete', 'user', 'getProfile')).points.balance).toBe(5);
  });

  it('an unpublished lecture shows the server’s message with 重试', async () => {
    const draft = await callAs<LectureAdminView>(SUPERADMIN, 'study', 'saveLecture', {
      title: '草稿课程',
      speaker: '示例讲师',
      kind: 'article',
      body: '<p>未发布</p>',
      durationSec: 60,
      series: '草稿',
      orgId: orgs.district.id,
    });
    await login('lecture-draft');
    const page = await open('lecture-draft', draft.id);

    expect(page.data.status).toBe('error');
    expect(screenText(page)).toContain('课程不存在或已删除');
    expect(has(page, '#retry')).toBe(true);
    // Retrying may help (it gets published later); the list of other lectures is offered too.
    await tapButton(page, 'to-lectures');
    expect(wxDouble().callsOf('redirectTo')).toContainEqual(
      expect.objectContaining({ url: '/packages/study/pages/lectures/index' }),
    );

    await callAs(SUPERADMIN, 'study', 'setLecturePublished', { id: draft.id, published: true });
    await tapButton(page, 'retry');
    await waitFor(() => expect(page.data.status).toBe('ready'));
    expect(textAt(page, '.title')).toBe('草稿课程');
  });
});

describe('lecture page: audio', () => {
  it('seeks to the saved position, reports while playing and on pause, and stops on leaving', async () => {
    const mp3 = await uploadedAudio(SUPERADMIN);
    const audioLecture = await publishedLecture(SUPERADMIN, orgs.district.id, {
      title: '听党史',
      kind: 'audio',
      mediaFileId: mp3,
      durationSec: 120,
    });
    await login('lecture-audio');
    pinNow(at(0));
    await callAs('lecture-audio', 'study', 'getLecture', { id: audioLecture.id });
    pinNow(at(12));
    await callAs('lecture-audio', 'study', 'reportProgress', { lectureId: audioLecture.id, positionSec: 12 });

    const { audio, restore } = fakeAudioContext();
    restores.push(restore);
    pinNow(at(3600));
    const page = await open('lecture-audio', audioLecture.id);

    expect(audio.src).toBe(mp3);
    expect(audio.startTime).toBe(12);
    expect(textAt(page, '.audio-time')).toBe('00:12 / 02:00');
    expect(textAt(page, '#resume')).toBe('上次学到 00:12，已从这里继续');

    await tapOn(page, '#audio-toggle');
    expect(audio.seeks).toEqual([12]);
    expect(page.data.audio.playing).toBe(true);

    clock.advance(15_000);
    pinNow(at(3615));
    audio.playTo(27);
    await waitFor(() => expect(reports()).toEqual([27]));
    expect(textAt(page, '.audio-time')).toBe('00:27 / 02:00');

    // Pausing reports where it stopped.
    clock.advance(3000);
    pinNow(at(3618));
    audio.playTo(30);
    await tapOn(page, '#audio-toggle');
    await waitFor(() => expect(reports()).toEqual([27, 30]));
    expect(page.data.audio.playing).toBe(false);

    detachAll();
    expect(audio.destroyed).toBe(true);
  });
});

describe('lecture page: article', () => {
  it('shows the body and reports the seconds it was shown when hidden', async () => {
    const article = await publishedLecture(SUPERADMIN, orgs.district.id, {
      title: '图文学习',
      kind: 'article',
      body: '<p>奔跑的每一步都算数。</p>',
      durationSec: 60,
    });
    await login('lecture-article');
    pinNow(at(0));
    const page = await open('lecture-article', article.id);

    expect(page.data.lecture.body).toBe('<p>奔跑的每一步都算数。</p>');
    expect(has(page, '#body')).toBe(true);
    expect(has(page, '#player')).toBe(false);

    clock.advance(20_000);
    pinNow(at(20));
    pageLifetime(page, 'hide');
    await waitFor(() => expect(reports()).toEqual([20]));
    await waitFor(() => expect(textAt(page, '#progress-text')).toBe('已学 33%'));

    // Time away is not reading time.
    clock.advance(600_000);
    pageLifetime(page, 'show');
    clock.advance(10_000);
    pinNow(at(630));
    pageLifetime(page, 'hide');
    await waitFor(() => expect(reports()).toEqual([20, 30]));
  });
});

describe('lecture page: quiz', () => {
  let quizLecture: LectureAdminView;
  beforeAll(async () => {
    quizLecture = await publishedLecture(SUPERADMIN, orgs.district.id, {
      title: '交通安全测验',
      quiz: [
        { question: '骑车要戴什么？', options: ['头盔', '耳机'], answer: 0 },
        { question: '红灯时？', options: ['闯过去', '停车等待', '看情况'], answer: 1 },
      ],
      passPercent: 100,
    });
  });

  const option = (q: number, o: number) => `#q${q}-o${o}`;
  /** The quiz is the page's own component (#quiz). */
  const quizOf = (page: RenderedPage) => page.querySelector('#quiz')!;
  const optionClass = (quiz: Scope, q: number, o: number) => quiz.querySelector(option(q, o))!.dom!.className;

  it('holds no answers before submitting; after it shows score, pass/fail and the correct answers; retry is allowed', async () => {
    await login('lecture-quiz');
    const page = await open('lecture-quiz', quizLecture.id);
    const quiz = quizOf(page);

    expect(textAt(quiz, '.quiz-hint')).toContain('共 2 题，100 分及格');
    expect(quiz.data.result).toBeNull();
    expect(JSON.stringify(page.data)).not.toMatch(/"answer"|"correct"/);
    expect(JSON.stringify(quiz.data)).not.toMatch(/"answer"|"correct"/);
    expect(has(quiz, '.quiz-option--correct')).toBe(false);
    expect(screenText(page)).not.toContain('正确答案');

    await tapButton(quiz, 'quiz-submit');
    expect(wxDouble().callsOf('showToast')).toEqual([expect.objectContaining({ title: '还有 2 道题没有作答' })]);

    await tapOn(quiz, option(0, 0));
    await tapOn(quiz, option(1, 2));
    expect(optionClass(quiz, 1, 2)).toContain('quiz-option--chosen');
    await tapButton(quiz, 'quiz-submit');

    await waitFor(() => expect(has(quiz, '#quiz-result')).toBe(true));
    expect(textAt(quiz, '.quiz-score')).toBe('50 分');
    expect(textAt(quiz, '#quiz-result')).toContain('未通过');
    expect(optionClass(quiz, 0, 0)).toContain('quiz-option--correct');
    expect(optionClass(quiz, 1, 1)).toContain('quiz-option--correct');
    expect(optionClass(quiz, 1, 2)).toContain('quiz-option--wrong');
    expect(screenText(page)).toContain('回答错误，正确答案：B');

    await tapButton(quiz, 'quiz-retry');
    expect(has(quiz, '#quiz-result')).toBe(false);
    expect(has(quiz, '.quiz-option--correct')).toBe(false);
    await tapOn(quiz, option(0, 0));
    await tapOn(quiz, option(1, 1));
    await tapButton(quiz, 'quiz-submit');

    await waitFor(() => expect(textAt(quiz, '.quiz-score')).toBe('100 分'));
    expect(textAt(quiz, '#quiz-result')).toContain('恭喜，测验通过');
    expect(textAt(quiz, '.quiz-points')).toBe('积分 +2');
    const submitted = (wxDouble().callsOf('cloud.callFunction') as { data: { action: string; data: unknown } }[])
      .filter((c) => c.data.action === 'submitQuiz')
      .map((c) => c.data.data);
    expect(submitted).toEqual([
      { lectureId: quizLecture.id, answers: [0, 2] },
      { lectureId: quizLecture.id, answers: [0, 1] },
    ]);
  });

  it('shows the best earlier attempt', async () => {
    await login('lecture-quiz-again');
    await callAs('lecture-quiz-again', 'study', 'getLecture', { id: quizLecture.id });
    await callAs<ProgressReply>('lecture-quiz-again', 'study', 'submitQuiz', {
      lectureId: quizLecture.id,
      answers: [0, 1],
    });
    const page = await open('lecture-quiz-again', quizLecture.id);
    expect(textAt(quizOf(page), '.quiz-hint')).toContain('最好成绩 100 分 · 已通过 · 已答 1 次');
  });
});
