// The calling convention of every cloud function, on a function built from fake
// actions: no stack ever reaches the client, bugs and timeouts become INTERNAL
// with a request id that is also logged.
import { createFunction } from '../../cloudfunctions/_shared/function';
import * as z from 'zod';
import { form } from '../../cloudfunctions/_shared/validation';

interface FakeApi {
  echo: { req: { text: string }; res: { text: string }; access: 'public' };
  crash: { req: Record<string, never>; res: never; access: 'public' };
  hang: { req: Record<string, never>; res: never; access: 'public' };
}

const main = createFunction<FakeApi>('fake', {
  echo: {
    access: 'public',
    input: form({ text: z.string().max(5) }, { text: '内容' }),
    run: async (_c, i) => ({ text: i.text }),
  },
  crash: {
    access: 'public',
    input: form({}, {}),
    run: async () => {
      throw new TypeError('secret internals at /var/task/index.js:12');
    },
  },
  hang: { access: 'public', input: form({}, {}), run: () => new Promise<never>(() => {}) },
});

const context = (extra: object = {}) => ({
  request_id: 'req-123',
  environment: JSON.stringify({ WX_OPENID: 'o1' }),
  ...extra,
});

let errors: string[];
beforeEach(() => {
  errors = [];
  jest.spyOn(console, 'error').mockImplementation((m: string) => void errors.push(m));
  jest.spyOn(console, 'log').mockImplementation(() => {});
});
afterEach(() => jest.restoreAllMocks());

it('replies { ok: true, data }', async () => {
  expect(await main({ action: 'echo', data: { text: 'hi' } }, context())).toEqual({ ok: true, data: { text: 'hi' } });
});

it.each([
  ['no action', {}],
  ['an unknown action', { action: 'drop' }],
  ['a prototype key as action', { action: '__proto__' }],
  ['a non-object event', 'nonsense'],
])('%s → UNKNOWN_ACTION', async (_n, event) => {
  expect(await main(event, context())).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' });
});

it('invalid input → INVALID_ARGUMENT naming the field by its Chinese label', async () => {
  expect(await main({ action: 'echo', data: { text: 'toolong' } }, context())).toEqual({
    ok: false,
    code: 'INVALID_ARGUMENT',
    message: '输入有误「内容」：不能超过 5 个字',
  });
});

it('a missing field is asked for by its label, in our words rather than the library’s', async () => {
  const reply = await main({ action: 'echo', data: {} }, context());
  expect(reply).toEqual({ ok: false, code: 'INVALID_ARGUMENT', message: '请填写「内容」' });
});

it('a field of the wrong type says what it should be', async () => {
  const reply = await main({ action: 'echo', data: { text: 12 } }, context());
  expect(reply).toEqual({ ok: false, code: 'INVALID_ARGUMENT', message: '输入有误「内容」：应为文字' });
});

it('an unknown key is named, with what to do', async () => {
  const reply = await main({ action: 'echo', data: { text: 'hi', extra: 1 } }, context());
  expect(reply).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', message: expect.stringContaining('extra') });
  expect((reply as { message: string }).message).toContain('请更新小程序');
});

it.each([
  ['a number', { action: 7 }, '操作名称（action）应为文字，收到的是数字'],
  ['an object', { action: { $gt: '' } }, '操作名称（action）应为文字，收到的是对象'],
  ['nothing', {}, '请求缺少操作名称（action）'],
])('an action that is %s is reported as such', async (_n, event, message) => {
  expect(await main(event, context())).toEqual({ ok: false, code: 'UNKNOWN_ACTION', message });
});

it('a thrown bug → INTERNAL with the request id; the stack is logged, never replied', async () => {
  const reply = await main({ action: 'crash' }, context());
  expect(reply).toEqual({
    ok: false,
    code: 'INTERNAL',
    message: '服务开小差了，请稍后再试（编号 req-123）',
    requestId: 'req-123',
  });
  expect(JSON.stringify(reply)).not.toContain('secret internals');
  expect(errors.join('\n')).toContain('secret internals');
  expect(errors.join('\n')).toContain('req-123');
});

it('a call that outlives the time limit → INTERNAL before the platform kills it', async () => {
  const reply = await main({ action: 'hang' }, context({ time_limit_in_ms: 1000 }));
  expect(reply).toMatchObject({ ok: false, code: 'INTERNAL', message: expect.stringContaining('处理超时') });
});
