import { enforceRateLimit } from '../../../cloudfunctions/_shared/stores/rate-limits';
import { type FunctionsHarness, startFunctions } from '../../support/functions';
import { pointSharedCodeAt } from '../../support/in-process';

let h: FunctionsHarness;
beforeAll(async () => {
  h = await startFunctions();
  pointSharedCodeAt(h.emu);
});
afterAll(() => h.stop());

it('allows exactly `max` calls per window under concurrency, then RATE_LIMITED; a new window starts fresh', async () => {
  const limit = { name: 'test', max: 5, windowSeconds: 60 };
  const at = new Date('2026-11-28T04:00:10Z');
  const results = await Promise.allSettled(Array.from({ length: 20 }, () => enforceRateLimit(limit, 'user-1', at)));
  expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
  for (const r of results.filter((x) => x.status === 'rejected') as PromiseRejectedResult[]) {
    expect(r.reason).toMatchObject({ code: 'RATE_LIMITED' });
  }
  await expect(enforceRateLimit(limit, 'user-2', at)).resolves.toBeUndefined();
  await expect(enforceRateLimit(limit, 'user-1', new Date('2026-11-28T04:01:10Z'))).resolves.toBeUndefined();
});
