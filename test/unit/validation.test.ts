// The semantic field helpers and rules across fields (cloudfunctions/_shared/validation.ts):
// what they refuse, and that a refusal names the field by its Chinese label.
import * as z from 'zod';
import { AppError } from '../../cloudfunctions/_shared/errors';
import {
  dayKey,
  form,
  inOrder,
  isoDateTime,
  kindOf,
  parseInput,
  text,
  withRule,
} from '../../cloudfunctions/_shared/validation';

function refusal(schema: z.ZodType, data: unknown): string {
  try {
    parseInput(schema, data);
  } catch (err) {
    if (err instanceof AppError && err.code === 'INVALID_ARGUMENT') return err.message;
    throw err;
  }
  throw new Error(`accepted ${JSON.stringify(data)}`);
}

const range = withRule(
  form({ from: dayKey(), to: dayKey() }, { from: '开始日期', to: '结束日期' }),
  inOrder(['from', 'to'], { from: '开始日期' }, { orEqual: true }),
);

it.each(['2099-99-99', '2026-02-30', '2026-13-45', '2026-00-10', '2025-02-29'])(
  'a day that does not exist (%s) is refused',
  (day) => {
    expect(refusal(range, { from: day, to: '2026-12-31' })).toBe('输入有误「开始日期」：不是有效的日期');
  },
);

it('a leap day that exists is accepted', () => {
  expect(parseInput(range, { from: '2028-02-29', to: '2028-03-01' })).toEqual({ from: '2028-02-29', to: '2028-03-01' });
});

it('a range that runs backwards is refused naming its end; equal ends pass when allowed', () => {
  expect(refusal(range, { from: '2026-03-02', to: '2026-03-01' })).toBe('输入有误「结束日期」：应不早于「开始日期」');
  expect(parseInput(range, { from: '2026-03-01', to: '2026-03-01' })).toMatchObject({ to: '2026-03-01' });
});

it('instants strictly in order, compared as times across time zones', () => {
  const window = withRule(
    form({ start: isoDateTime(), end: isoDateTime() }, { start: '开始时间', end: '结束时间' }),
    inOrder(['start', 'end'], { start: '开始时间' }),
  );
  // 10:00+08:00 is 02:00Z: an end at 03:00Z is later, though its text sorts first.
  expect(parseInput(window, { start: '2026-11-28T10:00:00+08:00', end: '2026-11-28T03:00:00Z' })).toBeTruthy();
  expect(refusal(window, { start: '2026-11-28T10:00:00+08:00', end: '2026-11-28T02:00:00Z' })).toBe(
    '输入有误「结束时间」：应晚于「开始时间」',
  );
});

it.each([
  '2026-02-30T10:00:00Z',
  '2026-13-01T00:00:00Z',
  '2026-01-01T25:00:00Z',
  '2026-01-01',
  `2026-01-01T00:00:00.${'0'.repeat(100)}Z`,
])('an instant that is not one (%s) is refused', (at) => {
  const s = form({ at: isoDateTime() }, { at: '时间' });
  expect(refusal(s, { at })).toBe('输入有误「时间」：请填写有效的时间');
});

it('a rule across fields runs only on fields valid on their own, and keeps the form’s labels', () => {
  const s = withRule(form({ a: text(5), b: text(5) }, { a: '甲', b: '乙' }), (v) =>
    v.a === v.b ? { field: 'b', message: '不能与甲相同' } : null,
  );
  expect(refusal(s, { a: 'x', b: 'x' })).toBe('输入有误「乙」：不能与甲相同');
  expect(refusal(s, { a: 'toolong', b: 'toolong' })).toBe('输入有误「甲」：不能超过 5 个字');
});

it('helpers mark what their fields mean, through optional and nullable', () => {
  expect(kindOf(dayKey().optional())).toBe('day');
  expect(kindOf(isoDateTime().nullable())).toBe('datetime');
  expect(kindOf(text(5))).toBe('text');
  expect(kindOf(z.string())).toBeUndefined();
});
