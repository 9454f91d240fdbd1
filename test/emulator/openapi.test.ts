// WeChat open API stand-ins through the real @cloudbase/node-sdk:
// callWxOpenApi (wx.api, JSON) and callCompatibleWxOpenApi (wx.openApi, multipart, raw reply).
import { createRequire } from 'node:module';
import QRCode from 'qrcode';
import { initialBlockedWords } from '../../emulator/openapi/blocked-words';
import { OpenApiService } from '../../emulator/openapi';
import { subscribeDataProblem } from '../../emulator/openapi/subscribe-data';
import { type RunningEmulator, startEmulator } from '../../emulator/registry';
import { type CloudbaseApp, sdkFor } from '../support/sdk';

// pngjs is installed (qrcode depends on it) but ships no typings.
const { PNG } = createRequire(__filename)('pngjs') as {
  PNG: { sync: { read(png: Buffer): { width: number; height: number; data: Uint8Array } } };
};

/**
 * Whether the PNG shows exactly the QR symbol of `text` (the standard symbol
 * any scanner reads back as `text`): samples every module's centre from the
 * pixels and compares with the symbol's matrix. The installed QR decoder
 * (qrcode-reader) fails on some valid codes, so it cannot be the judge.
 */
function showsQrOf(png: Buffer, text: string): boolean {
  const image = PNG.sync.read(png);
  const { size, data } = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
  const margin = 4; // the spec's quiet zone, in modules
  const scale = image.width / (size + 2 * margin);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      const x = Math.floor((col + margin + 0.5) * scale);
      const y = Math.floor((row + margin + 0.5) * scale);
      const dark = image.data[(y * image.width + x) * 4] < 128;
      if (dark !== (data[row * size + col] === 1)) return false;
    }
  }
  return true;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const MSG_SEC_CHECK = '/wxa/msg_sec_check';
const SUBSCRIBE_SEND = '/cgi-bin/message/subscribe/send';
const GET_UNLIMITED = '/wxa/getwxacodeunlimit';

const start = (service = new OpenApiService()) =>
  startEmulator({ port: 0, dataDir: null, services: [service], log: () => undefined });

describe('WeChat open API stand-ins', () => {
  let emulator: RunningEmulator;
  let app: CloudbaseApp;

  /** callWxOpenApi: WeChat's reply parsed from data.responseData. */
  const wxApi = async (apiName: string, requestData: unknown) =>
    (await app.callWxOpenApi({ apiName, requestData })).result as Record<string, unknown>;
  /** callCompatibleWxOpenApi: the raw reply. */
  const compatible = async (apiName: string, requestData: unknown): Promise<Buffer> =>
    app.callCompatibleWxOpenApi({ apiName, requestData: Buffer.from(JSON.stringify(requestData)) });
  const http = (path: string, init?: RequestInit) => fetch(`${emulator.url}${path}`, init);
  const getJson = async (path: string) => (await http(path)).json();

  beforeAll(async () => {
    emulator = await start();
    app = sdkFor(emulator);
  });
  afterAll(() => emulator.stop());
  beforeEach(() => emulator.reset());

  describe('content security (msg_sec_check)', () => {
    const v2 = (content: string, extra: Record<string, unknown> = {}) => ({
      version: 2,
      openid: 'o-alice',
      scene: 2,
      content,
      ...extra,
    });

    it('passes ordinary content in v2', async () => {
      const result = await wxApi(MSG_SEC_CHECK, v2('今天送完了 30 单，很开心'));
      expect(result).toEqual({
        errcode: 0,
        errmsg: 'ok',
        result: { suggest: 'pass', label: 100 },
        detail: [{ strategy: 'content_model', errcode: 0, suggest: 'pass', label: 100, prob: 90 }],
        trace_id: expect.any(String),
      });
    });

    it('flags block-listed words in v2, ignoring case and whitespace', async () => {
      for (const content of ['这里有违禁词', '这里有 违 禁\n词', 'say BLOCKED-WORD please']) {
        const result = await wxApi(MSG_SEC_CHECK, v2(content));
        expect(result).toMatchObject({ errcode: 0, result: { suggest: 'risky' } });
        expect((result.result as { label: number }).label).not.toBe(100);
        expect(result.detail).toEqual([expect.objectContaining({ suggest: 'risky', keyword: expect.any(String) })]);
      }
      const byTitle = await wxApi(MSG_SEC_CHECK, v2('fine', { title: '敏感词测试' }));
      expect(byTitle).toMatchObject({ result: { suggest: 'risky' } });
    });

    it('validates v2 requests with WeChat error codes', async () => {
      const { openid: _o, ...noOpenid } = v2('hi');
      expect(await wxApi(MSG_SEC_CHECK, noOpenid)).toEqual({ errcode: 40003, errmsg: 'invalid openid' });
      expect(await wxApi(MSG_SEC_CHECK, v2('hi', { scene: 5 }))).toMatchObject({ errcode: 47001 });
      expect(await wxApi(MSG_SEC_CHECK, v2(''))).toMatchObject({ errcode: 47001 });
    });

    it('answers v1 with ok or 87014', async () => {
      expect(await wxApi(MSG_SEC_CHECK, { content: 'hello' })).toEqual({ errcode: 0, errmsg: 'ok' });
      expect(await wxApi(MSG_SEC_CHECK, { content: '违禁词' })).toEqual({ errcode: 87014, errmsg: 'risky content' });
    });

    it('answers the same through callCompatibleWxOpenApi, as a raw JSON buffer', async () => {
      const reply = await compatible(MSG_SEC_CHECK, v2('违禁词'));
      expect(Buffer.isBuffer(reply)).toBe(true);
      expect(JSON.parse(reply.toString())).toMatchObject({ errcode: 0, result: { suggest: 'risky' } });
      expect(JSON.parse((await compatible(MSG_SEC_CHECK, { content: 'ok' })).toString())).toEqual({
        errcode: 0,
        errmsg: 'ok',
      });
    });

    it('accepts requestData as a text field from other multipart clients', async () => {
      const form = new FormData();
      form.append('action', 'wx.openApi');
      form.append('apiName', MSG_SEC_CHECK);
      form.append('requestData', JSON.stringify({ content: '违禁词' }));
      const res = await fetch(emulator.adminUrl, { method: 'POST', body: form });
      expect(await res.json()).toEqual({ errcode: 87014, errmsg: 'risky content' });
    });

    it('changes the block list at runtime and restores it on reset', async () => {
      expect(await getJson('/_emulator/openapi/blocked-words')).toEqual(['违禁词', '敏感词测试', 'blocked-word']);
      const put = await http('/_emulator/openapi/blocked-words', { method: 'PUT', body: JSON.stringify(['外卖暗号']) });
      expect(put.status).toBe(200);
      expect(await getJson('/_emulator/openapi/blocked-words')).toEqual(['外卖暗号']);
      expect(await wxApi(MSG_SEC_CHECK, v2('违禁词'))).toMatchObject({ result: { suggest: 'pass' } });
      expect(await wxApi(MSG_SEC_CHECK, v2('今天的外卖暗号是'))).toMatchObject({ result: { suggest: 'risky' } });

      const bad = await http('/_emulator/openapi/blocked-words', { method: 'PUT', body: '{"not":"a list"}' });
      expect(bad.status).toBe(400);

      await emulator.reset();
      expect(await wxApi(MSG_SEC_CHECK, v2('违禁词'))).toMatchObject({ result: { suggest: 'risky' } });
    });
  });

  describe('subscribe messages', () => {
    const message = (extra: Record<string, unknown> = {}) => ({
      touser: 'o-rider-1',
      template_id: 'tpl-activity',
      page: 'pages/activity/detail?id=42',
      data: { thing1: { value: '党史学习活动' }, time2: { value: '2024-07-01 19:00' } },
      miniprogram_state: 'developer',
      lang: 'zh_CN',
      ...extra,
    });
    const outbox = async () => (await getJson('/_emulator/outbox')) as Record<string, unknown>[];

    it('records accepted messages in the outbox', async () => {
      const reply = await wxApi(SUBSCRIBE_SEND, message());
      expect(reply).toEqual({ errcode: 0, errmsg: 'ok', msgid: expect.any(Number) });
      const viaCompatible = JSON.parse((await compatible(SUBSCRIBE_SEND, message({ touser: 'o-2' }))).toString());
      expect(viaCompatible).toMatchObject({ errcode: 0 });

      const sent = await outbox();
      expect(sent).toEqual([
        { ...message(), msgid: reply.msgid, sentAt: expect.any(String) },
        expect.objectContaining({ touser: 'o-2', msgid: viaCompatible.msgid }),
      ]);
      expect(Number.isNaN(Date.parse(sent[0].sentAt as string))).toBe(false);

      const cleared = await http('/_emulator/outbox', { method: 'DELETE' });
      expect(cleared.status).toBe(200);
      expect(await outbox()).toEqual([]);
    });

    it('validates like WeChat and records nothing invalid', async () => {
      expect(await wxApi(SUBSCRIBE_SEND, message({ touser: undefined }))).toEqual({
        errcode: 40003,
        errmsg: 'invalid openid',
      });
      expect(await wxApi(SUBSCRIBE_SEND, message({ template_id: '' }))).toEqual({
        errcode: 40037,
        errmsg: 'invalid template_id',
      });
      expect(await wxApi(SUBSCRIBE_SEND, message({ data: { thing1: '党史学习活动' } }))).toEqual({
        errcode: 47003,
        errmsg: 'argument invalid! data.thing1.value invalid',
      });
      expect(
        await wxApi(
          SUBSCRIBE_SEND,
          message({ data: { thing1: { value: '这是一个超过二十个字的活动名称，会被微信拒绝掉' } } }),
        ),
      ).toEqual({ errcode: 47003, errmsg: 'argument invalid! data.thing1.value invalid' });
      expect(await wxApi(SUBSCRIBE_SEND, message({ miniprogram_state: 'prod' }))).toMatchObject({ errcode: 47003 });
      expect(await outbox()).toEqual([]);
    });

    it('answers 43101 for users who refuse, without recording', async () => {
      const refuse = (body: unknown) =>
        http('/_emulator/openapi/subscribe-refusals', { method: 'POST', body: JSON.stringify(body) });
      expect((await refuse({ openid: 'o-rider-1', templateId: 'tpl-activity' })).status).toBe(200);
      expect((await refuse({ templateId: 'x' })).status).toBe(400);

      expect(await wxApi(SUBSCRIBE_SEND, message())).toEqual({
        errcode: 43101,
        errmsg: 'user refuse to accept the msg',
      });
      // Only that template is refused.
      expect(await wxApi(SUBSCRIBE_SEND, message({ template_id: 'tpl-other' }))).toMatchObject({ errcode: 0 });
      await refuse({ openid: 'o-rider-1' });
      expect(await wxApi(SUBSCRIBE_SEND, message({ template_id: 'tpl-other' }))).toMatchObject({ errcode: 43101 });
      expect((await outbox()).map((m) => m.template_id)).toEqual(['tpl-other']);

      await emulator.reset();
      expect(await getJson('/_emulator/openapi/subscribe-refusals')).toEqual([]);
      expect(await wxApi(SUBSCRIBE_SEND, message())).toMatchObject({ errcode: 0 });
    });

    it('answers 20004 for users who switched subscribe messages off, and refuses other codes', async () => {
      const refuse = (body: unknown) =>
        http('/_emulator/openapi/subscribe-refusals', { method: 'POST', body: JSON.stringify(body) });
      expect((await refuse({ openid: 'o-rider-1', errcode: 20004 })).status).toBe(200);
      expect((await refuse({ openid: 'o-rider-1', errcode: 40003 })).status).toBe(400);
      expect((await refuse({ openid: 'o-rider-1', errcode: '43101' })).status).toBe(400);
      expect(await wxApi(SUBSCRIBE_SEND, message())).toEqual({
        errcode: 20004,
        errmsg: 'the user has turned off the subscribe message',
      });
      // A refusal of one template wins over the user's general one.
      await refuse({ openid: 'o-rider-1', templateId: 'tpl-activity', errcode: 43101 });
      expect(await wxApi(SUBSCRIBE_SEND, message())).toMatchObject({ errcode: 43101 });
      expect(await wxApi(SUBSCRIBE_SEND, message({ template_id: 'tpl-other' }))).toMatchObject({ errcode: 20004 });
      expect(await outbox()).toEqual([]);
    });
  });

  describe('mini-program codes (getwxacodeunlimit)', () => {
    const pngWidth = (png: Buffer) => png.readUInt32BE(16);

    it('answers a real PNG QR code encoding page and scene', async () => {
      const png = await compatible(GET_UNLIMITED, { scene: 'a=1&b=x_y', page: 'pages/activity/detail' });
      expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
      expect(png.toString('latin1', 12, 16)).toBe('IHDR');
      expect(pngWidth(png)).toBe(430);

      // The documented payload: page and scene as URL parameters.
      const payload =
        'https://mp.weixin.qq.com/a/local?page=pages%2Factivity%2Fdetail&scene=a%3D1%26b%3Dx_y&env_version=release';
      expect(showsQrOf(png, payload)).toBe(true);
      expect(showsQrOf(png, payload.replace('x_y', 'x_z'))).toBe(false);
    });

    it('clamps the width and gives different scenes different images', async () => {
      expect(pngWidth(await compatible(GET_UNLIMITED, { scene: 's', width: 100 }))).toBe(280);
      expect(pngWidth(await compatible(GET_UNLIMITED, { scene: 's', width: 5000 }))).toBe(1280);
      const one = await compatible(GET_UNLIMITED, { scene: 'id=1' });
      const two = await compatible(GET_UNLIMITED, { scene: 'id=2' });
      expect(one.equals(two)).toBe(false);
      expect(showsQrOf(two, 'https://mp.weixin.qq.com/a/local?page=&scene=id%3D2&env_version=release')).toBe(true);
    });

    it('honours is_hyaline and line_color', async () => {
      const png = await compatible(GET_UNLIMITED, {
        scene: 'c',
        is_hyaline: true,
        auto_color: false,
        line_color: { r: 200, g: 16, b: 46 },
      });
      const image = PNG.sync.read(png);
      const corner = Array.from(image.data.subarray(0, 4));
      expect(corner[3]).toBe(0); // transparent background
      const darkPixel = Array.from({ length: image.width * image.height }, (_, i) => i).find(
        (i) => image.data[i * 4 + 3] === 255,
      );
      expect(Array.from(image.data.subarray(darkPixel! * 4, darkPixel! * 4 + 3))).toEqual([200, 16, 46]);
    });

    it('answers bad scenes with WeChat’s JSON error', async () => {
      const error = async (data: unknown) => JSON.parse((await compatible(GET_UNLIMITED, data)).toString());
      expect(await error({ scene: 'x'.repeat(33) })).toEqual({ errcode: 40169, errmsg: 'invalid length for scene' });
      expect(await error({ page: 'pages/index/index' })).toEqual({
        errcode: 40169,
        errmsg: 'invalid length for scene',
      });
      expect(await error({ scene: '张三' })).toMatchObject({ errcode: 40129 });
      expect(await error({ scene: 'ok', page: '/pages/index/index' })).toMatchObject({ errcode: 41030 });
    });

    it('refuses callWxOpenApi, whose JSON reply cannot carry an image', async () => {
      await expect(app.callWxOpenApi({ apiName: GET_UNLIMITED, requestData: { scene: 'a' } })).rejects.toMatchObject({
        code: 'EMULATOR_UNSUPPORTED',
        message: expect.stringContaining('callCompatibleWxOpenApi'),
      });
    });
  });

  describe('anything else', () => {
    it('is unsupported through both entry points', async () => {
      await expect(
        app.callWxOpenApi({ apiName: '/cgi-bin/express/business/order/add', requestData: {} }),
      ).rejects.toMatchObject({
        code: 'EMULATOR_UNSUPPORTED',
        message: expect.stringContaining('/cgi-bin/express/business/order/add'),
      });
      await expect(compatible('/wxa/img_sec_check', {})).rejects.toMatchObject({ code: 'EMULATOR_UNSUPPORTED' });
    });

    it('refuses wx-server-sdk style protobuf calls, pointing at the JSON route', async () => {
      await expect(
        app.callCompatibleWxOpenApi({ apiName: 'security.msgSecCheck', requestData: Buffer.from([0x08, 0x00, 0x12]) }),
      ).rejects.toMatchObject({
        code: 'EMULATOR_UNSUPPORTED',
        message: expect.stringMatching(/protobuf.*\/wxa\/msg_sec_check/),
      });
    });

    it('rejects requestData that is not a JSON object', async () => {
      await expect(
        app.callCompatibleWxOpenApi({ apiName: MSG_SEC_CHECK, requestData: Buffer.from('not json') }),
      ).rejects.toMatchObject({ code: 'INVALID_PARAM' });
    });
  });
});

describe('open API configuration', () => {
  it('takes the block list from the constructor', async () => {
    const emulator = await start(new OpenApiService({ blockedWords: ['Forbidden'] }));
    try {
      const app = sdkFor(emulator);
      const check = async (content: string) =>
        (await app.callWxOpenApi({ apiName: MSG_SEC_CHECK, requestData: { content } })).result;
      expect(await check('FORBIDDEN fruit')).toMatchObject({ errcode: 87014 });
      expect(await check('违禁词')).toMatchObject({ errcode: 0 });
    } finally {
      await emulator.stop();
    }
  });

  it('falls back to EMULATOR_BLOCKED_WORDS, then the defaults', () => {
    expect(initialBlockedWords(undefined, { EMULATOR_BLOCKED_WORDS: ' a, b ,,c ' })).toEqual(['a', 'b', 'c']);
    expect(initialBlockedWords(undefined, {})).toContain('违禁词');
    expect(initialBlockedWords([], { EMULATOR_BLOCKED_WORDS: 'a' })).toEqual([]);
  });

  it('checks subscribe keyword formats', () => {
    expect(subscribeDataProblem({ number3: { value: '12.5' }, phrase4: { value: '已通过' } })).toBeNull();
    expect(subscribeDataProblem({ number3: { value: '12 单' } })).toMatch(/number3/);
    expect(subscribeDataProblem({ phrase4: { value: 'passed' } })).toMatch(/phrase4/);
    expect(subscribeDataProblem([])).toBe('argument invalid! data invalid');
  });

  it('checks time and date keywords as WeChat formats them', () => {
    const ok = (key: string, value: string) => expect(subscribeDataProblem({ [key]: { value } })).toBeNull();
    const bad = (key: string, value: string) => expect(subscribeDataProblem({ [key]: { value } })).toMatch(key);
    ok('time2', '15:01');
    ok('time2', '2019年10月1日 15:01');
    ok('time2', '2024-07-01 19:00');
    ok('time2', '2026年11月28日 09:00 ~ 2026年11月28日 11:30');
    ok('time2', '09:00~11:30');
    bad('time2', '明天上午');
    bad('time2', '2019年10月1日');
    bad('time2', '25:00');
    bad('time2', '2019年13月1日 10:00');
    bad('time2', '09:00~10:00~11:00');
    ok('date3', '2019年10月1日');
    ok('date3', '2019年10月1日 15:01');
    ok('date3', '2019/10/01');
    bad('date3', '15:01');
    bad('date3', '下周一');
    ok('amount4', '¥100.5元');
    bad('amount4', '一百元');
  });
});
