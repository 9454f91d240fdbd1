import type { Page } from '../../../typings/common';
import type {
  LectureAdminView,
  LectureDetail,
  LectureSummary,
  MyLectureProgress,
  MyStudy,
  QuizResult,
  StudyStats,
} from '../../../typings/study';
import type { MyProfile } from '../../../typings/user';
import { makeAdmin, type OrgFixture, registerWorker, seedOrgs } from '../../support/fixtures';
import { type FunctionsHarness, startFunctions } from '../../support/functions';
import { MP4 } from '../../support/images';
import { sdkFor } from '../../support/sdk';

let h: FunctionsHarness;
let orgs: OrgFixture;
let lecture: LectureAdminView;

type Progress = MyLectureProgress & { pointsAwarded: number };
const T0 = Date.parse('2026-11-28T02:00:00Z');
const at = (sec: number) => new Date(T0 + sec * 1000).toISOString();

beforeAll(async () => {
  h = await startFunctions();
});
afterAll(() => h.stop());
beforeEach(async () => {
  await h.resetDb();
  orgs = await seedOrgs(h);
  await makeAdmin(h, 'o-admin', [orgs.district.id]);
  // The lecture's video, uploaded as the organiser's client would (the functions accept only stored files).
  const { fileID: video } = await sdkFor(h.emu).uploadFile({ cloudPath: 'lectures/v.mp4', fileContent: MP4 });
  lecture = await h.as('o-admin').ok<LectureAdminView>('study', 'saveLecture', {
    title: '安全骑行',
    speaker: '示例讲师',
    kind: 'video',
    mediaFileId: video,
    durationSec: 100,
    body: '<p>戴好头盔</p><script>alert(1)</script><img src="javascript:alert(1)"><a href="https://x">链接</a>',
    series: '安全与健康',
    quiz: [
      { question: '骑车要戴什么？', options: ['头盔', '耳机'], answer: 0 },
      { question: '红灯时？', options: ['闯过去', '停车等待'], answer: 1 },
    ],
    orgId: orgs.express.id,
  });
  await registerWorker(h, 'o-w', orgs.expressBranch.id);
});

const publish = () => h.as('o-admin').ok('study', 'setLecturePublished', { id: lecture.id, published: true });

describe('visibility', () => {
  it('an unpublished lecture is invisible to workers, in the list and by id', async () => {
    expect((await h.as('o-w').ok<Page<LectureSummary>>('study', 'listLectures')).items).toEqual([]);
    expect(await h.as('o-w').call('study', 'getLecture', { id: lecture.id })).toMatchObject({ code: 'NOT_FOUND' });
    await publish();
    expect((await h.as('o-w').ok<Page<LectureSummary>>('study', 'listLectures')).items.map((l) => l.id)).toEqual([
      lecture.id,
    ]);
  });

  it('the body reaches the client sanitised to the allow-list', async () => {
    await publish();
    const d = await h.as('o-w').ok<LectureDetail>('study', 'getLecture', { id: lecture.id });
    expect(d.body).toBe('<p>戴好头盔</p><img />链接');
  });

  it('quiz answers never appear in a reply before submission', async () => {
    await publish();
    const d = await h.as('o-w').ok<LectureDetail>('study', 'getLecture', { id: lecture.id });
    expect(d.quiz).toEqual([
      { question: '骑车要戴什么？', options: ['头盔', '耳机'] },
      { question: '红灯时？', options: ['闯过去', '停车等待'] },
    ]);
    expect(JSON.stringify(d)).not.toMatch(/"answer"/);
    const list = await h.as('o-w').ok('study', 'listLectures');
    expect(JSON.stringify(list)).not.toMatch(/"answer"|"quiz"/);
  });
});

describe('honest progress', () => {
  beforeEach(publish);

  it('reporting 100% right after opening credits no completion', async () => {
    const w = h.as('o-w');
    await w.at(at(0)).ok('study', 'getLecture', { id: lecture.id });
    const p = await w.at(at(1)).ok<Progress>('study', 'reportProgress', { lectureId: lecture.id, positionSec: 100 });
    expect(p).toMatchObject({ completed: false, pointsAwarded: 0 });
    expect(p.watchedSec).toBeLessThanOrEqual(3);
  });

  it('a real-time sequence of reports completes the lecture once, with points', async () => {
    const w = h.as('o-w');
    await w.at(at(0)).ok('study', 'getLecture', { id: lecture.id });
    let last!: Progress;
    for (let t = 10; t <= 90; t += 10)
      last = await w.at(at(t)).ok<Progress>('study', 'reportProgress', { lectureId: lecture.id, positionSec: t });
    expect(last).toMatchObject({ completed: true, progressPercent: 90, pointsAwarded: 5 });
    const again = await w
      .at(at(100))
      .ok<Progress>('study', 'reportProgress', { lectureId: lecture.id, positionSec: 100 });
    expect(again).toMatchObject({ completed: true, pointsAwarded: 0, progressPercent: 100 });
    expect((await w.ok<MyProfile>('user', 'getProfile')).points.balance).toBe(5);
  });

  it('reopening resumes at the saved position, and idle time while away never counts', async () => {
    const w = h.as('o-w');
    await w.at(at(0)).ok('study', 'getLecture', { id: lecture.id });
    await w.at(at(10)).ok('study', 'reportProgress', { lectureId: lecture.id, positionSec: 10 });
    await w.at(at(20)).ok('study', 'reportProgress', { lectureId: lecture.id, positionSec: 20 });
    const reopened = await w.at(at(3600)).ok<LectureDetail>('study', 'getLecture', { id: lecture.id });
    expect(reopened.progress).toMatchObject({ positionSec: 20, watchedSec: 20 });
    const p = await w.at(at(3601)).ok<Progress>('study', 'reportProgress', { lectureId: lecture.id, positionSec: 95 });
    expect(p.watchedSec).toBeLessThanOrEqual(23);
  });

  it('concurrent reports from two devices lose nothing and double-count nothing', async () => {
    const w = h.as('o-w');
    await w.at(at(0)).ok('study', 'getLecture', { id: lecture.id });
    await Promise.all(
      [10, 10, 10].map((pos) =>
        w.at(at(10)).call('study', 'reportProgress', { lectureId: lecture.id, positionSec: pos }),
      ),
    );
    const d = await w.at(at(11)).ok<Progress>('study', 'reportProgress', { lectureId: lecture.id, positionSec: 10 });
    expect(d.watchedSec).toBe(10);
  });

  it('reporting without opening the lecture is refused', async () => {
    expect(await h.as('o-w').call('study', 'reportProgress', { lectureId: lecture.id, positionSec: 5 })).toMatchObject({
      code: 'CONFLICT',
    });
  });
});

describe('quiz and my study', () => {
  beforeEach(publish);

  it('grades, reveals answers after submission, and awards points once', async () => {
    const w = h.as('o-w');
    await w.ok('study', 'getLecture', { id: lecture.id });
    expect(await w.ok<QuizResult>('study', 'submitQuiz', { lectureId: lecture.id, answers: [0, 0] })).toEqual({
      score: 50,
      passed: false,
      correct: [0, 1],
      pointsAwarded: 0,
    });
    expect(await w.ok<QuizResult>('study', 'submitQuiz', { lectureId: lecture.id, answers: [0, 1] })).toMatchObject({
      passed: true,
      pointsAwarded: 2,
    });
    expect(await w.ok<QuizResult>('study', 'submitQuiz', { lectureId: lecture.id, answers: [0, 1] })).toMatchObject({
      passed: true,
      pointsAwarded: 0,
    });
    expect(await w.call('study', 'submitQuiz', { lectureId: lecture.id, answers: [0] })).toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });

  it('my study shows lectures in progress and completed, and minutes', async () => {
    const w = h.as('o-w');
    await w.at(at(0)).ok('study', 'getLecture', { id: lecture.id });
    for (let t = 10; t <= 60; t += 10)
      await w.at(at(t)).ok('study', 'reportProgress', { lectureId: lecture.id, positionSec: t });
    const mine = await w.at(at(61)).ok<MyStudy>('study', 'myStudy');
    expect(mine).toMatchObject({ totalMinutes: 1, completedCount: 0 });
    expect(mine.inProgress.map((l) => [l.id, l.progressPercent])).toEqual([[lecture.id, 60]]);
  });

  it('statistics count views, learners, completions and minutes, per lecture and per org', async () => {
    const w = h.as('o-w');
    await w.at(at(0)).ok('study', 'getLecture', { id: lecture.id });
    for (let t = 15; t <= 90; t += 15)
      await w.at(at(t)).ok('study', 'reportProgress', { lectureId: lecture.id, positionSec: t });
    await w
      .at(at(95))
      .ok('study', 'checkIn')
      .catch(() => undefined);
    const stats = await h.as('o-admin').ok<StudyStats>('study', 'studyStats', { from: '2026-11-01', to: '2026-11-30' });
    expect(stats.lectures).toEqual([
      expect.objectContaining({ id: lecture.id, views: 1, learners: 1, completions: 1, minutes: 1 }),
    ]);
    expect(stats.byOrg).toEqual([
      expect.objectContaining({ orgId: orgs.expressBranch.id, orgName: '快递流动党支部', learners: 1, completions: 1 }),
    ]);
  });
});

describe('authoring', () => {
  it("an admin's lists and statistics only show content of the orgs they administer", async () => {
    await makeAdmin(h, 'o-other-admin', [orgs.otherDistrict.id]);
    const theirs = await h.as('o-other-admin').ok<Page<LectureAdminView>>('study', 'adminListLectures', {});
    expect(theirs.items).toEqual([]);
    expect(await h.as('o-other-admin').call('study', 'adminGetLecture', { id: lecture.id })).toMatchObject({
      code: 'FORBIDDEN',
    });
    const stats = await h
      .as('o-other-admin')
      .ok<StudyStats>('study', 'studyStats', { from: '2026-11-01', to: '2026-11-30' });
    expect(stats.lectures).toEqual([]);
    const mine = await h.as('o-admin').ok<Page<LectureAdminView>>('study', 'adminListLectures', {});
    expect(mine.items.map((l) => l.id)).toEqual([lecture.id]);
    expect(await h.as('o-admin').ok<LectureAdminView>('study', 'adminGetLecture', { id: lecture.id })).toMatchObject({
      quiz: expect.any(Array),
    });
  });

  it('a lecture whose quiz answer is not among its options is refused', async () => {
    expect(
      await h.as('o-admin').call('study', 'saveLecture', {
        title: '坏测验',
        speaker: '某',
        kind: 'article',
        durationSec: 60,
        body: '<p>x</p>',
        series: 's',
        quiz: [{ question: '题目', options: ['甲', '乙'], answer: 3 }],
        orgId: orgs.express.id,
      }),
    ).toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('a video lecture needs its media file', async () => {
    expect(
      await h.as('o-admin').call('study', 'saveLecture', {
        title: '无视频',
        speaker: '某',
        kind: 'video',
        durationSec: 60,
        series: 's',
        orgId: orgs.express.id,
      }),
    ).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('媒体文件') });
  });
});
