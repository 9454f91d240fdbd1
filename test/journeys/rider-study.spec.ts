// A rider checks in on today's quote, then studies a micro lecture to completion —
// honestly: the article is read for its 30 seconds, as the server credits no more
// than the time that passed — and finds both in 我的学习.
import { openJourney, type Journey } from './support/journey';
import { goBack, start } from './support/nav';
import { arrangeRider } from './support/rider';
import { tapOn, textIn } from './support/screen';
import { tapButton, until, waitForElement, waitForPage, waitForText } from './support/steps';
import { publishedArticle, publishQuote } from './support/study';

const QUOTE = { text: '学而时习之，不亦说乎？', source: '《论语·学而》' };
const TITLE = '雨天和夜间安全骑行';

let j: Journey;
beforeAll(async () => {
  j = await openJourney('rider-study');
}, 120_000);
afterAll(() => j?.close());

test("a rider checks in on today's quote and studies a lecture to completion", async () => {
  const { mp, world } = j;
  const { orgs, organiser } = await j.step('the rider is registered in the express branch of a district', () =>
    arrangeRider(j),
  );
  await j.step("an organiser publishes today's quote", () =>
    publishQuote(world.call, organiser, orgs.district.id, QUOTE.text, QUOTE.source),
  );
  const lecture = await j.step('an organiser publishes a 30-second article lecture', () =>
    publishedArticle(world.call, organiser, orgs.district.id, TITLE),
  );

  const home = await j.step('the rider opens the home page', () => start(mp, '/pages/home/index'));
  const day = await j.step("the home page shows today's quote with its date, not checked in yet", async () => {
    await waitForText(home, '.quote-text', QUOTE.text);
    await waitForText(home, '.quote-source', QUOTE.source);
    await waitForText(home, '#checkin', '打卡');
    await waitForText(home, '.checkin-summary', '累计 0 天');
    return textIn(home, '.quote-day');
  });
  await j.step('the rider taps 打卡', () => tapButton(home, '#checkin'));
  await j.step('the button turns to 今日已打卡 · 连续 1 天, and the summary to 累计 1 天', async () => {
    await waitForText(home, '#checkin', '今日已打卡 · 连续 1 天');
    await waitForText(home, '.checkin-summary', '累计 1 天');
  });

  await j.step('the rider taps 每日金句', () => tapOn(home, '#feature-quote'));
  const quotes = await j.step('the quotes page opens', () => waitForPage(mp, 'packages/study/pages/quotes/index'));
  await j.step("today's quote is listed, marked 已打卡", async () => {
    await waitForText(quotes, `#day-${day}`, QUOTE.text);
    await waitForText(quotes, `#day-${day}`, '已打卡');
  });

  const back = await j.step('the rider goes back to the home page', () => goBack(mp, 'pages/home/index'));
  await j.step('the rider taps 微党课', () => tapOn(back, '#feature-lecture'));
  const lectures = await j.step('the lecture list opens', () => waitForPage(mp, 'packages/study/pages/lectures/index'));
  await j.step('the lecture is listed, 未开始', () => waitForText(lectures, `#lecture-${lecture.id}`, '未开始'));
  await j.step('the rider taps the lecture', () => tapOn(lectures, `#lecture-${lecture.id}`));
  const page = await j.step('the lecture page opens', () => waitForPage(mp, 'packages/study/pages/lecture/index'));
  await j.step('it shows the article, and progress 未开始', async () => {
    await waitForText(page, '.title', TITLE);
    await waitForText(page, '#body', '雨天路滑');
    await waitForText(page, '#progress-text', '未开始');
  });
  await j.step('after about 15 seconds of reading, the progress is partway (已学 …%)', () =>
    until(
      'progress 已学 n% with 0 < n < 100',
      async () => {
        const t = await textIn(page, '#progress-text');
        const n = Number(/已学 (\d+)%/.exec(t)?.[1] ?? NaN);
        return n > 0 && n < 100 ? t : null;
      },
      { timeoutMs: 30_000 },
    ),
  );
  await j.step('after about 30 seconds of reading, the lecture is 已学完 and its points are shown', async () => {
    await waitForText(page, '#progress-text', '已学完', { timeoutMs: 30_000 });
    await waitForText(page, '#awarded', '已学完，获得 5 积分');
  });

  const list = await j.step('the rider goes back to the lecture list', () =>
    goBack(mp, 'packages/study/pages/lectures/index'),
  );
  await j.step('the lecture is listed 已学完', () => waitForText(list, `#lecture-${lecture.id}`, '已学完'));
  await j.step('the rider taps 我的学习', () => tapOn(list, '#my-study'));
  const mine = await j.step('我的学习 opens', () => waitForPage(mp, 'packages/study/pages/my-study/index'));
  await j.step('it counts the check-in: 连续 1 天, 累计 1 天, 今日已打卡', async () => {
    await waitForText(mine, '#streak', '1');
    await waitForText(mine, '#total-days', '1');
    await waitForText(mine, '.today', '今日已打卡');
  });
  await j.step('it lists the lecture under 已学完, and counts 1 completed', async () => {
    await waitForText(mine, '#completed-count', '1');
    const row = await waitForElement(mine, `#completed-${lecture.id}`);
    const text = await row.text();
    if (!text.includes(TITLE) || !text.includes('已学完')) throw new Error(`the completed row reads 「${text}」`);
  });
  await j.finish();
}, 240_000);
