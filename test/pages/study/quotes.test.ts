import type { QuoteHistoryItem } from '../../../typings/study';
import type { Page } from '../../../typings/common';
import { clearSession } from '../../../miniprogram/utils/session';
import { actAs, callAs, pinNow, startBackend } from '../support/backend';
import { login, seedOrgs, SUPERADMIN } from '../support/fixtures';
import { loadPage, tap, waitFor, wxDouble, type RenderedPage } from '../support/page';
import { addQuote } from '../support/study';
import { detachAll, has, render, screenText, tapOn, textAt } from '../support/ui';

const quotesId = loadPage('packages/study/pages/quotes/index');

const DAY_MS = 24 * 60 * 60 * 1000;
/** 10:00 Beijing on 2026-11-01 plus `n` days. */
const at = (n: number) => new Date(Date.parse('2026-11-01T02:00:00Z') + n * DAY_MS).toISOString();
const dayKey = (n: number) => at(n).slice(0, 10);

let backend: Awaited<ReturnType<typeof startBackend>>;
beforeAll(async () => {
  backend = await startBackend('quotes-guest');
  const orgs = await seedOrgs();
  await addQuote(SUPERADMIN, orgs.district.id, '学而时习之，不亦说乎？', '《论语·学而》');
  await addQuote(SUPERADMIN, orgs.district.id, '路漫漫其修远兮，吾将上下而求索。', '屈原《离骚》');
  await addQuote(SUPERADMIN, orgs.district.id, '奔跑的每一步都算数。', '示例内容', true);
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

/** Opens the days 0..days-1 (each day fixes its quote) and checks in on `checkIns` of them. */
async function arrangeHistory(openid: string, days: number, checkIns: number[] = []) {
  await login(openid);
  for (let n = 0; n < days; n++) {
    pinNow(at(n));
    await callAs(openid, 'study', checkIns.includes(n) ? 'checkIn' : 'todayQuote');
  }
}

async function open(openid: string, today: number): Promise<RenderedPage> {
  pinNow(at(today));
  actAs(openid);
  const page = render(quotesId);
  await waitFor(() => expect(page.data.history.status).not.toBe('loading'));
  return page;
}

const rowDays = (page: RenderedPage) => page.querySelectorAll('.row-day').map((r) => r.dom!.textContent);

async function showTab(page: RenderedPage, index: number) {
  await tap(page.querySelectorAll('#tabs >>> .t-tabs__item')[index]);
}

describe('quotes page', () => {
  it('lists quotes by date, newest first, with 已打卡 on the days checked in; pages on reach-bottom', async () => {
    await arrangeHistory('quotes-history', 24, [22, 23, 3]);
    const page = await open('quotes-history', 23);

    expect(rowDays(page)).toHaveLength(20);
    expect(rowDays(page).slice(0, 3)).toEqual([dayKey(23), dayKey(22), dayKey(21)]);
    expect(has(page, `#day-${dayKey(23)} .tag-checked`)).toBe(true);
    expect(has(page, `#day-${dayKey(22)} .tag-checked`)).toBe(true);
    expect(has(page, `#day-${dayKey(21)} .tag-checked`)).toBe(false);
    const today = await callAs<Page<QuoteHistoryItem>>('quotes-history', 'study', 'listQuotes', { pageSize: 1 });
    expect(textAt(page, `#day-${dayKey(23)} .row-text`)).toBe(today.items[0]!.quote.text);

    const instance = page.instance as { setData(d: object): void; onReachBottom(): Promise<void> };
    const setData = jest.spyOn(instance, 'setData');
    await instance.onReachBottom();

    expect(rowDays(page)).toHaveLength(24);
    expect(rowDays(page)[23]).toBe(dayKey(0));
    expect(has(page, `#day-${dayKey(3)} .tag-checked`)).toBe(true);
    expect(screenText(page)).toContain('没有更多了');
    const appended = setData.mock.calls.map(([p]) => Object.keys(p)).find((k) => k.some((x) => x.includes('items[')));
    expect(appended).toEqual(expect.arrayContaining(['history.items[20]', 'history.items[23]']));
  });

  it('favoriting from the history marks every day of that quote and lists it under 我的收藏', async () => {
    await arrangeHistory('quotes-fav', 6);
    const page = await open('quotes-fav', 5);
    const first = page.data.history.items[0];
    const sameQuoteDays = page.data.history.items
      .filter((r: { quoteId: string }) => r.quoteId === first.quoteId)
      .map((r: { day: string }) => r.day);

    await tapOn(page, `#fav-${first.day}`);
    await waitFor(() => expect(textAt(page, `#fav-${first.day}`)).toContain('已收藏'));
    for (const d of sameQuoteDays) expect(textAt(page, `#fav-${d}`)).toContain('已收藏');
    expect(wxDouble().callsOf('showToast')).toEqual([expect.objectContaining({ title: '已收藏' })]);

    await showTab(page, 1);
    await waitFor(() => expect(page.data.favorites.status).toBe('ready'));
    expect(page.querySelectorAll('.quote-row')).toHaveLength(1);
    expect(textAt(page, `#favorite-${first.quoteId} .row-text`)).toBe(first.text);

    // Taking it back from 我的收藏 also updates the history rows.
    await tapOn(page, `#unfav-${first.quoteId}`);
    await waitFor(() => expect(textAt(page, `#unfav-${first.quoteId}`)).not.toContain('已收藏'));
    await showTab(page, 0);
    for (const d of sameQuoteDays) expect(textAt(page, `#fav-${d}`)).not.toContain('已收藏');
    const favs = await callAs<Page<unknown>>('quotes-fav', 'study', 'listFavorites');
    expect(favs.items).toEqual([]);
  });

  it('favorites is empty at first, with a hint', async () => {
    await arrangeHistory('quotes-nofav', 1);
    const page = await open('quotes-nofav', 0);

    await showTab(page, 1);
    await waitFor(() => expect(has(page, '#favorites-state >>> .state-empty')).toBe(true));
    expect(screenText(page)).toContain('还没有收藏的金句');
  });

  it('opens a day’s poster from the history', async () => {
    await arrangeHistory('quotes-poster', 2);
    const page = await open('quotes-poster', 1);
    const row = page.data.history.items[1];

    await tapOn(page, `#poster-${row.day}`);

    const [nav] = wxDouble().callsOf('navigateTo') as { url: string }[];
    expect(nav!.url.startsWith(`/packages/study/pages/poster/index?day=${dayKey(0)}&text=`)).toBe(true);
    expect(decodeURIComponent(nav!.url)).toContain(`text=${row.text}&source=${row.source}`);
  });

  it('pull-down refresh shows a new day and stops the indicator', async () => {
    await arrangeHistory('quotes-refresh', 1);
    const page = await open('quotes-refresh', 0);
    expect(rowDays(page)).toEqual([dayKey(0)]);

    pinNow(at(1));
    await callAs('quotes-refresh', 'study', 'checkIn');
    await (page.instance as { onPullDownRefresh(): Promise<void> }).onPullDownRefresh();

    expect(rowDays(page)).toEqual([dayKey(1), dayKey(0)]);
    expect(has(page, `#day-${dayKey(1)} .tag-checked`)).toBe(true);
    expect(wxDouble().callsOf('stopPullDownRefresh')).toHaveLength(1);
  });

  it('when the backend refuses, shows its message with 重试; retrying loads the history', async () => {
    await arrangeHistory('quotes-refused', 1);
    pinNow(at(0));
    actAs(''); // no WeChat identity: the server refuses
    const page = render(quotesId);
    await waitFor(() => expect(has(page, '#history-state >>> .state-error')).toBe(true));
    expect(screenText(page)).toContain('无法识别用户身份');

    actAs('quotes-refused');
    await tapOn(page, '#history-state >>> #retry >>> .t-button');
    await waitFor(() => expect(rowDays(page)).toEqual([dayKey(0)]));
  });
});
