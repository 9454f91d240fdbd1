// The whole path of a 随手拍 photo's content check, as on CloudBase: the built
// cases function asks mediaCheckAsync, and the verdict comes back later as
// WeChat's message push (event wxa_media_check), which the emulator delivers to the
// function its message-push configuration names — the photo shows once it passed,
// and one that failed stays hidden.
import type { MyCase } from '../../../typings/cases';
import { registerWorker, seedOrgs } from '../../support/fixtures';
import { type FunctionsHarness, startFunctions } from '../../support/functions';
import { png } from '../../support/images';
import { sdkFor } from '../../support/sdk';

let h: FunctionsHarness;
beforeAll(async () => {
  h = await startFunctions();
});
afterAll(() => h.stop());

it('shows the passed photo once WeChat’s verdict is pushed to the function; the failed one stays hidden', async () => {
  const orgs = await seedOrgs(h);
  const rider = await registerWorker(h, 'o-push-rider', orgs.expressBranch.id);
  const app = sdkFor(h.emu);
  const upload = async (name: string, text?: string) =>
    (await app.uploadFile({ cloudPath: `cases/${rider.userId}/${name}`, fileContent: png({ text }) })).fileID;
  const [ok, bad] = [await upload('ok.png'), await upload('bad.png', '违禁词')];
  const me = h.as('o-push-rider').at('2026-12-02T01:00:00Z');
  const c = await me.ok<MyCase>('cases', 'submitCase', { kind: 'report', category: 'sanitation', photos: [ok, bad] });
  expect(c.photos).toEqual([]);

  let seen: MyCase = c;
  for (const end = Date.now() + 10_000; Date.now() < end && seen.photosHidden > 1;) {
    await new Promise((r) => setTimeout(r, 50));
    seen = await me.ok<MyCase>('cases', 'getCase', { caseId: c.id });
  }
  expect(seen.photos.map((p) => p.fileId)).toEqual([ok]);
  expect(seen.photosHidden).toBe(1);
  const checks = (await (await fetch(`${h.emu.url}/_emulator/openapi/media-checks`)).json()) as { status: string }[];
  expect(checks.map((x) => x.status)).toEqual(['delivered', 'delivered']);
});
