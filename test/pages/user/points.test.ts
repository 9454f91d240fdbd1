import type { MyProfile } from '../../../typings/user';
import { clearSession, ensureLogin } from '../../../miniprogram/utils/session';
import { sdkFor } from '../../support/sdk';
import { actAs, startBackend } from '../support/backend';
import { login } from '../support/fixtures';
import { loadPage, waitFor, wxDouble, type RenderedPage } from '../support/page';
import { detachAll, has, render, screenText, tapOn, textAt } from '../support/ui';

const pointsId = loadPage('packages/user/pages/points/index');

let backend: Awaited<ReturnType<typeof startBackend>>;
beforeAll(async () => {
  backend = await startBackend('points-guest');
});
afterAll(() => backend.stop());

beforeEach(() => {
  wxDouble().reset();
  clearSession();
});
afterEach(detachAll);

const DAY_MS = 24 * 60 * 60 * 1000;
const START = Date.parse('2026-10-01T02:00:00Z'); // 10:00 Beijing time

/**
 * There is no award action yet, so the ledger is written as the points module
 * writes it (entry + balance on the user), straight through the SDK.
 */
async function seedLedger(user: MyProfile, moves: { amount: number; title: string }[], from = 0) {
  const db = sdkFor(backend).database();
  for (const [i, m] of moves.entries()) {
    const createdAt = new Date(START + (from + i) * DAY_MS);
    await db.collection('points_ledger').add({
      _id: `seed:${user.userId}:${from + i}`,
      userId: user.userId,
      amount: m.amount,
      reason: m.amount > 0 ? 'quote_checkin' : 'shop_redeem',
      title: m.title,
      sourceId: `src-${from + i}`,
      day: createdAt.toISOString().slice(0, 10),
      createdAt,
    });
  }
  const earned = moves.filter((m) => m.amount > 0).reduce((s, m) => s + m.amount, 0);
  const spent = -moves.filter((m) => m.amount < 0).reduce((s, m) => s + m.amount, 0);
  const _ = db.command;
  await db
    .collection('users')
    .doc(user.userId)
    .update({ points: { balance: _.inc(earned - spent), earned: _.inc(earned), spent: _.inc(spent) } });
}

const rows = (page: RenderedPage) => page.querySelectorAll('.entry').map((e) => e.dom?.textContent ?? '');
const summary = (page: RenderedPage) => ({
  balance: textAt(page, '.balance'),
  earned: textAt(page, '.earned-total'),
  spent: textAt(page, '.spent-total'),
});

async function open(openid: string): Promise<RenderedPage> {
  actAs(openid);
  const page = render(pointsId);
  await waitFor(() => expect(page.data.list.status).not.toBe('loading'));
  return page;
}

describe('my points page', () => {
  it('a new user sees a zero summary and the empty state', async () => {
    const page = await open('points-new');

    expect(summary(page)).toEqual({ balance: '0', earned: '0', spent: '0' });
    expect(has(page, '#list-state >>> .state-empty')).toBe(true);
    expect(screenText(page)).toContain('还没有积分记录');
    expect(rows(page)).toEqual([]);
  });

  it('shows the balance, earned and spent, and the history newest first, paging on reach-bottom with path updates', async () => {
    const user = await login('points-rich');
    const moves = Array.from({ length: 24 }, (_, i) =>
      i === 5 || i === 17 ? { amount: -10, title: '兑换饮用水' } : { amount: 5, title: `每日金句打卡 ${i}` },
    );
    await seedLedger(user, moves);

    const page = await open('points-rich');

    expect(summary(page)).toEqual({ balance: '90', earned: '110', spent: '20' });
    expect(rows(page)).toHaveLength(20);
    expect(rows(page)[0]).toContain('每日金句打卡 23');
    expect(rows(page)[0]).toContain('+5');
    expect(rows(page)[0]).toContain('2026-10-24 10:00');
    expect(rows(page)[6]).toContain('兑换饮用水');
    expect(rows(page)[6]).toContain('-10');
    expect(screenText(page)).not.toContain('没有更多了');

    const instance = page.instance as { setData(d: object): void; onReachBottom(): Promise<void> };
    const setData = jest.spyOn(instance, 'setData');
    await instance.onReachBottom();

    expect(rows(page)).toHaveLength(24);
    expect(rows(page)[23]).toContain('每日金句打卡 0');
    expect(screenText(page)).toContain('没有更多了');
    const patches = setData.mock.calls.map(([patch]) => Object.keys(patch));
    const appended = patches.find((keys) => keys.some((k) => k.includes('items[')));
    expect(appended).toEqual(expect.arrayContaining(['list.items[20]', 'list.items[23]']));
    expect(appended!.every((k) => k.startsWith('list.'))).toBe(true);
  });

  it('pull-down refresh reloads the first page and stops the refresh indicator', async () => {
    const user = await login('points-refresh');
    await seedLedger(user, [{ amount: 5, title: '第一次打卡' }]);
    const page = await open('points-refresh');
    expect(rows(page)).toHaveLength(1);

    await seedLedger(user, [{ amount: 5, title: '第二次打卡' }], 1);
    await (page.instance as { onPullDownRefresh(): Promise<void> }).onPullDownRefresh();

    expect(rows(page)).toHaveLength(2);
    expect(rows(page)[0]).toContain('第二次打卡');
    expect(summary(page).balance).toBe('10');
    expect(wxDouble().callsOf('stopPullDownRefresh')).toHaveLength(1);
  });

  it('when the backend refuses, shows its message with 重试; retrying loads the history', async () => {
    actAs('points-refused');
    await ensureLogin(); // logged in on launch…
    actAs('points-nobody'); // …but the backend no longer knows this caller

    const page = render(pointsId);
    await waitFor(() => expect(has(page, '#list-state >>> .state-error')).toBe(true));
    expect(screenText(page)).toContain('请先登录');
    expect(has(page, '.entry')).toBe(false);

    actAs('points-refused');
    await tapOn(page, '#list-state >>> #retry >>> .t-button');

    await waitFor(() => expect(has(page, '#list-state >>> .state-empty')).toBe(true));
    expect(has(page, '#list-state >>> .state-error')).toBe(false);
    expect(summary(page).balance).toBe('0');
  });
});
