import { clearSession } from '../../../miniprogram/utils/session';
import { actAs, callAs, pinNow, startBackend } from '../support/backend';
import { login, seedOrgs, SUPERADMIN } from '../support/fixtures';
import { loadPage, waitFor, wxDouble, type RenderedPage } from '../support/page';
import { addQuote, publishedLecture } from '../support/study';
import { detachAll, has, render, screenText, tapButton, tapOn, textAt } from '../support/ui';

const myStudyId = loadPage('packages/study/pages/my-study/index');

const T0 = Date.parse('2026-11-28T02:00:00Z');
const at = (sec: number) => new Date(T0 + sec * 1000).toISOString();

let backend: Awaited<ReturnType<typeof startBackend>>;
let orgId: string;
beforeAll(async () => {
  backend = await startBackend('my-study-guest');
  orgId = (await seedOrgs()).district.id;
  await addQuote(SUPERADMIN, orgId, '学而时习之，不亦说乎？');
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
  actAs(openid);
  const page = render(myStudyId);
  await waitFor(() => expect(page.data.status).not.toBe('loading'));
  return page;
}

/** Watches `seconds` of a lecture honestly, 15 s per report, starting at server time `from`. */
async function watch(openid: string, lectureId: string, seconds: number, from: number) {
  pinNow(at(from));
  await callAs(openid, 'study', 'getLecture', { id: lectureId });
  for (let t = 15; t <= seconds; t += 15) {
    pinNow(at(from + t));
    await callAs(openid, 'study', 'reportProgress', { lectureId, positionSec: t });
  }
}

describe('my study page', () => {
  it('shows the streak, total days, minutes and the lectures in progress and completed', async () => {
    const inProgress = await publishedLecture(SUPERADMIN, orgId, { title: '红船精神', durationSec: 300 });
    const done = await publishedLecture(SUPERADMIN, orgId, { title: '安全骑行', durationSec: 60 });
    await login('my-study-busy');
    pinNow(at(-86_400));
    await callAs('my-study-busy', 'study', 'checkIn');
    pinNow(at(0));
    await callAs('my-study-busy', 'study', 'checkIn');
    await watch('my-study-busy', inProgress.id, 90, 100);
    await watch('my-study-busy', done.id, 60, 1000);
    pinNow(at(2000));

    const page = await open('my-study-busy');

    expect(textAt(page, '#streak')).toBe('2');
    expect(textAt(page, '#total-days')).toBe('2');
    expect(textAt(page, '#minutes')).toBe('2'); // 90 s + 60 s
    expect(textAt(page, '#completed-count')).toBe('1');
    expect(textAt(page, '.today')).toBe('今日已打卡');
    expect(textAt(page, `#in-progress-${inProgress.id}`)).toContain('已学 30%');
    expect(textAt(page, `#completed-${done.id}`)).toContain('已学完');
    expect(has(page, `#in-progress-${done.id}`)).toBe(false);

    await tapOn(page, `#in-progress-${inProgress.id}`);
    expect(wxDouble().callsOf('navigateTo')).toEqual([
      expect.objectContaining({ url: `/packages/study/pages/lecture/index?id=${inProgress.id}` }),
    ]);
  });

  it('a new learner sees zeros and a way to start', async () => {
    await login('my-study-new');
    const page = await open('my-study-new');

    expect(textAt(page, '#streak')).toBe('0');
    expect(textAt(page, '#minutes')).toBe('0');
    expect(screenText(page)).toContain('今日还未打卡');
    expect(screenText(page)).toContain('学完的课程会出现在这里');
    await tapButton(page, 'browse');
    expect(wxDouble().callsOf('navigateTo')).toEqual([
      expect.objectContaining({ url: '/packages/study/pages/lectures/index' }),
    ]);
  });

  it('when loading fails, shows why with 重试; pull-down refresh updates it', async () => {
    actAs('');
    const page = render(myStudyId);
    await waitFor(() => expect(has(page, '#list-state >>> .state-error')).toBe(true));
    expect(screenText(page)).toContain('无法识别用户身份');

    await login('my-study-retry');
    actAs('my-study-retry');
    await tapOn(page, '#list-state >>> #retry >>> .t-button');
    await waitFor(() => expect(page.data.status).toBe('ready'));
    expect(textAt(page, '#total-days')).toBe('0');

    await callAs('my-study-retry', 'study', 'checkIn');
    await (page.instance as { onPullDownRefresh(): Promise<void> }).onPullDownRefresh();
    expect(textAt(page, '#total-days')).toBe('1');
    expect(wxDouble().callsOf('stopPullDownRefresh')).toHaveLength(1);
  });
});
