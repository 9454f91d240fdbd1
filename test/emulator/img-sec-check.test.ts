// The emulator's stand-in for WeChat's synchronous image check (/wxa/img_sec_check,
// security.imgSecCheck v1), through the unmodified SDK as the functions call it:
// callCompatibleWxOpenApi with the image bytes as requestData.
import { OpenApiService } from '../../emulator/openapi';
import type { RunningEmulator } from '../../emulator/registry';
import { startTestEmulator } from '../support/emulator';
import { png } from '../support/images';
import { sdkFor } from '../support/sdk';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startTestEmulator([new OpenApiService()]);
});
afterAll(() => emu.stop());

async function check(requestData: Buffer): Promise<{ errcode: number; errmsg: string }> {
  const reply = await sdkFor(emu).callCompatibleWxOpenApi({ apiName: '/wxa/img_sec_check', requestData });
  return JSON.parse(Buffer.from(reply as ArrayBuffer).toString('utf8'));
}

it('an ordinary image passes (errcode 0)', async () => {
  expect(await check(png())).toEqual({ errcode: 0, errmsg: 'ok' });
});

it('an image carrying a blocked word is risky (87014)', async () => {
  expect(await check(png({ text: '违禁词' }))).toMatchObject({ errcode: 87014 });
});

it('WeChat’s limits: no media (41005), not an image (40005), over 1 MB (40006)', async () => {
  expect(await check(Buffer.alloc(0))).toMatchObject({ errcode: 41005 });
  expect(await check(Buffer.from('not an image at all'))).toMatchObject({ errcode: 40005 });
  expect(await check(png({ size: 1024 * 1024 + 1 }))).toMatchObject({ errcode: 40006 });
  expect(await check(png({ size: 1024 * 1024 }))).toEqual({ errcode: 0, errmsg: 'ok' });
});

it('a JSON body, or a call through callWxOpenApi, is refused as unsupported, saying what to send', async () => {
  await expect(check(Buffer.from(JSON.stringify({ media_url: 'https://example.com/a.png' })))).rejects.toMatchObject({
    code: 'EMULATOR_UNSUPPORTED',
    message: expect.stringContaining('image bytes'),
  });
  await expect(sdkFor(emu).callWxOpenApi({ apiName: '/wxa/img_sec_check', requestData: {} })).rejects.toMatchObject({
    code: 'EMULATOR_UNSUPPORTED',
    message: expect.stringContaining('callCompatibleWxOpenApi'),
  });
});
