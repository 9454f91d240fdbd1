// The emulator's stand-in for WeChat's asynchronous media check
// (/wxa/media_check_async, security.mediaCheckAsync v2), through the unmodified SDK
// as a function calls it (callWxOpenApi with a temp URL of a stored file): the call
// answers a trace_id at once, and the verdict arrives later as WeChat's message
// push (event wxa_media_check) to the function the message-push configuration
// names — risky when the file carries a blocked word, or when a test says so.
import type { EmulatorService } from '../../emulator/core/service';
import { OpenApiService } from '../../emulator/openapi';
import type { MediaCheck, MediaPush } from '../../emulator/openapi/media-check';
import type { RunningEmulator } from '../../emulator/registry';
import { StorageService } from '../../emulator/storage';
import { startTestEmulator } from '../support/emulator';
import { png } from '../support/images';
import { sdkFor } from '../support/sdk';

/** A function host stand-in that records what it is asked to run. */
const received: { name: string; event: MediaPush }[] = [];
const host: EmulatorService & { invoke(name: string, event: unknown): Promise<{ json: string }> } = {
  name: 'functions',
  async invoke(name: string, event: unknown) {
    received.push({ name, event: event as MediaPush });
    return { json: '{"ok":true}' };
  },
};

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startTestEmulator([
    new StorageService(),
    new OpenApiService({ messagePush: { wxa_media_check: 'cases' }, mediaCheckDelayMs: 20 }),
    host,
  ]);
});
afterAll(() => emu.stop());
beforeEach(async () => {
  received.length = 0;
  await fetch(`${emu.url}/_emulator/openapi/media-checks/hold`, { method: 'PUT', body: '{"hold":false}' });
});

async function stored(path: string, bytes: Buffer): Promise<string> {
  const app = sdkFor(emu);
  const { fileID } = await app.uploadFile({ cloudPath: path, fileContent: bytes });
  const { fileList } = await app.getTempFileURL({ fileList: [fileID] });
  return (fileList[0] as { tempFileURL: string }).tempFileURL;
}

async function ask(data: Record<string, unknown>): Promise<{ errcode: number; trace_id?: string; errmsg: string }> {
  const res = await sdkFor(emu).callWxOpenApi({ apiName: '/wxa/media_check_async', requestData: data });
  return (res as { result: { errcode: number; trace_id?: string; errmsg: string } }).result;
}

const askFor = (media_url: string) => ask({ media_url, media_type: 2, version: 2, scene: 3, openid: 'o-rider' });

async function until<T>(what: () => T | undefined, ms = 3000): Promise<T> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 10))) {
    const v = what();
    if (v !== undefined) return v;
  }
  throw new Error('timed out');
}

const checks = async () => (await (await fetch(`${emu.url}/_emulator/openapi/media-checks`)).json()) as MediaCheck[];

it('answers a trace_id at once; the verdict comes later as WeChat’s push, to the configured function', async () => {
  const url = await stored('cases/u1/ok.png', png());
  const reply = await askFor(url);
  expect(reply).toMatchObject({ errcode: 0, errmsg: 'ok', trace_id: expect.stringMatching(/^[0-9a-f-]{26}$/) });
  const push = await until(() => received.find((r) => r.event.trace_id === reply.trace_id));
  expect(push.name).toBe('cases');
  expect(push.event).toMatchObject({
    MsgType: 'event',
    Event: 'wxa_media_check',
    FromUserName: 'o-rider',
    version: 2,
    errcode: 0,
    result: { suggest: 'pass', label: 100 },
    detail: [expect.objectContaining({ suggest: 'pass', errcode: 0 })],
  });
  expect((await checks()).find((c) => c.traceId === reply.trace_id)?.status).toBe('delivered');
});

it('a file carrying a blocked word, or one a test marked, is risky', async () => {
  const bad = await askFor(await stored('cases/u1/bad.png', png({ text: '违禁词' })));
  await fetch(`${emu.url}/_emulator/openapi/media-verdicts`, {
    method: 'POST',
    body: JSON.stringify({ match: 'marked.png', suggest: 'review' }),
  });
  const marked = await askFor(await stored('cases/u1/marked.png', png()));
  const pushOf = (id?: string) => until(() => received.find((r) => r.event.trace_id === id));
  expect((await pushOf(bad.trace_id)).event.result.suggest).toBe('risky');
  expect((await pushOf(marked.trace_id)).event.result.suggest).toBe('review');
  await fetch(`${emu.url}/_emulator/openapi/media-verdicts`, { method: 'DELETE' });
});

it('held checks wait until delivered, or are taken by a harness that delivers them itself', async () => {
  await fetch(`${emu.url}/_emulator/openapi/media-checks/hold`, { method: 'PUT', body: '{"hold":true}' });
  const first = await askFor(await stored('cases/u1/held1.png', png()));
  const second = await askFor(await stored('cases/u1/held2.png', png()));
  await new Promise((r) => setTimeout(r, 100));
  expect(received).toEqual([]);
  const taken = (await (
    await fetch(`${emu.url}/_emulator/openapi/media-checks/take`, { method: 'POST' })
  ).json()) as MediaPush[];
  expect(taken.map((p) => p.trace_id)).toEqual([first.trace_id, second.trace_id]);
  const third = await askFor(await stored('cases/u1/held3.png', png()));
  const delivered = await (await fetch(`${emu.url}/_emulator/openapi/media-checks/deliver`, { method: 'POST' })).json();
  expect(delivered).toEqual({ delivered: 1, failed: 0 });
  expect(received.map((r) => r.event.trace_id)).toEqual([third.trace_id]);
});

it('refuses what WeChat refuses, and a URL outside this emulator as unsupported', async () => {
  const url = await stored('cases/u1/x.png', png());
  expect(await ask({ media_url: url, media_type: 3, version: 2, scene: 3, openid: 'o' })).toMatchObject({
    errcode: 47001,
  });
  expect(await ask({ media_url: url, media_type: 2, version: 2, scene: 9, openid: 'o' })).toMatchObject({
    errcode: 47001,
  });
  expect(await ask({ media_url: url, media_type: 2, version: 2, scene: 3 })).toMatchObject({ errcode: 40003 });
  expect(
    await ask({ media_url: 'cloud://env.b/x.png', media_type: 2, version: 2, scene: 3, openid: 'o' }),
  ).toMatchObject({ errcode: 47001 });
  await expect(askFor('https://example.com/a.png')).rejects.toMatchObject({ code: 'EMULATOR_UNSUPPORTED' });
});
