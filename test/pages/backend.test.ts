// The page harness's backend is the real stack: wx.cloud.callFunction reaches the
// built functions on an emulator as the acting user.
import { callAs, startBackend } from './support/backend';

let backend: Awaited<ReturnType<typeof startBackend>>;
beforeAll(async () => {
  backend = await startBackend('page-user');
});
afterAll(() => backend.stop());

it('wx.cloud.callFunction logs the acting user in through the real user function', async () => {
  const res = (await wx.cloud.callFunction({ name: 'user', data: { action: 'login', data: {} } })) as unknown as {
    result: { ok: boolean; data: { isNew: boolean } };
  };
  expect(res.result).toMatchObject({ ok: true, data: { isNew: true } });
  const again = await callAs<{ isNew: boolean }>('page-user', 'user', 'login');
  expect(again.isNew).toBe(false);
});
