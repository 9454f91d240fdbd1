// The points ledger: idempotent awards, daily caps, balance always equal to the
// ledger's sum, no spending below zero — under concurrency.
import { awardPoints, spendPoints } from '../../../cloudfunctions/_shared/stores/points';
import { type FunctionsHarness, startFunctions } from '../../support/functions';
import { pointSharedCodeAt } from '../../support/in-process';

let h: FunctionsHarness;
const userId = 'u-points';
const noon = new Date('2026-11-28T04:00:00Z'); // 12:00 Beijing

beforeAll(async () => {
  h = await startFunctions();
  pointSharedCodeAt(h.emu);
});
afterAll(() => h.stop());
beforeEach(async () => {
  await h.resetDb();
  await h.db
    .collection('users')
    .add({ _id: userId, openid: 'o-points', status: 'active', points: { balance: 0, earned: 0, spent: 0 } });
});

const balance = async () => (await h.db.collection('users').doc(userId).get()).data[0].points;
const ledgerSum = async () => {
  const { data } = await h.db.collection('points_ledger').where({ userId }).limit(1000).get();
  return (data as { amount: number }[]).reduce((s, e) => s + e.amount, 0);
};
const move = (
  key: string,
  amount: number,
  reason: 'volunteer_hours' | 'quote_checkin' = 'volunteer_hours',
  now = noon,
) => ({
  userId,
  amount,
  reason,
  title: '测试',
  sourceId: key,
  key,
  now,
});

it('a retried award counts once, even when 10 retries race', async () => {
  const results = await Promise.all(Array.from({ length: 10 }, () => awardPoints(move('award-1', 7))));
  expect(results.filter((r) => !r.duplicate)).toEqual([{ awarded: 7, duplicate: false, capped: false }]);
  expect(await balance()).toEqual({ balance: 7, earned: 7, spent: 0 });
  expect(await ledgerSum()).toBe(7);
});

it('a daily cap credits up to the cap, records the capped entry, and resets on the next Beijing day', async () => {
  // quote_checkin: 5 a day.
  expect(await awardPoints(move('c1', 3, 'quote_checkin'))).toMatchObject({ awarded: 3 });
  expect(await awardPoints(move('c2', 3, 'quote_checkin'))).toMatchObject({ awarded: 2, capped: true });
  expect(await awardPoints(move('c3', 3, 'quote_checkin'))).toMatchObject({ awarded: 0, capped: true });
  // 16:30 UTC is 00:30 the next day in Beijing.
  expect(await awardPoints(move('c4', 3, 'quote_checkin', new Date('2026-11-28T16:30:00Z')))).toMatchObject({
    awarded: 3,
  });
  expect((await balance()).balance).toBe(8);
  expect(await ledgerSum()).toBe(8);
});

it('concurrent awards under a cap never exceed it', async () => {
  await Promise.all(Array.from({ length: 12 }, (_, i) => awardPoints(move(`k${i}`, 1, 'quote_checkin'))));
  expect((await balance()).balance).toBe(5);
  expect(await ledgerSum()).toBe(5);
});

it('spending refuses to go below zero; concurrent spends never overdraw', async () => {
  await awardPoints(move('seed', 10));
  await expect(spendPoints({ ...move('too-much', 11), reason: 'shop_redeem' })).rejects.toMatchObject({
    code: 'LIMIT_REACHED',
  });
  const spends = await Promise.allSettled(
    Array.from({ length: 6 }, (_, i) => spendPoints({ ...move(`s${i}`, 3), reason: 'shop_redeem' })),
  );
  expect(spends.filter((s) => s.status === 'fulfilled')).toHaveLength(3);
  expect(await balance()).toEqual({ balance: 1, earned: 10, spent: 9 });
  expect(await ledgerSum()).toBe(1);
});

it('amounts must be positive integers', async () => {
  await expect(awardPoints(move('neg', -5))).rejects.toThrow('positive integer');
  await expect(awardPoints(move('frac', 1.5))).rejects.toThrow('positive integer');
});

it('a move may carry its own daily and monthly caps (a feature’s configuration); the month is the Beijing month', async () => {
  const report = (key: string, now: Date) => ({
    ...move(key, 10, 'volunteer_hours', now),
    reason: 'case_report' as const,
    caps: { daily: 30, monthly: 45 },
  });
  const day = (d: number) => new Date(Date.UTC(2026, 10, d, 4));
  const got: number[] = [];
  for (const [i, d] of [1, 1, 1, 1, 2, 2, 3].entries()) got.push((await awardPoints(report(`r${i}`, day(d)))).awarded);
  // 30 on the 1st (the 4th capped by the day), 10 and 5 on the 2nd (the month's 45 reached), nothing on the 3rd.
  expect(got).toEqual([10, 10, 10, 0, 10, 5, 0]);
  // 1 December 00:30 Beijing is a new month.
  expect((await awardPoints(report('r-dec', new Date('2026-11-30T16:30:00Z')))).awarded).toBe(10);
  expect((await balance()).balance).toBe(55);
  expect(await ledgerSum()).toBe(55);
  const { data } = await h.db.collection('points_ledger').doc('r5').get();
  expect(data[0].title).toContain('本月该项积分已达上限');
});
