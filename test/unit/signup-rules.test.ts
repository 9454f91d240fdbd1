// The sign-up engine's plain rules: subscribe values fitted to WeChat's keyword
// rules, template configuration, when reminders are due, sign-up questions.
import {
  answersInput,
  checkAnswers,
  prefillAnswers,
  questionsInput,
} from '../../cloudfunctions/_shared/engines/signup/questions';
import { noticeTemplate, noticeTemplates } from '../../cloudfunctions/_shared/engines/signup/config';
import { cut, fitText, fitTime } from '../../cloudfunctions/_shared/subscribe/values';
import type * as z from 'zod';
import { codeInput } from '../../cloudfunctions/_shared/engines/signup/checkin';
import { grantsInput, reminderDue } from '../../cloudfunctions/_shared/engines/signup/reminders';
import {
  childrenOf,
  form,
  isObjectSchema,
  labelsOf,
  parseInput,
  unwrap,
} from '../../cloudfunctions/_shared/validation';
import { schemaProblems } from '../support/schema-policy';
import { subscribeDataProblem } from '../../emulator/openapi/subscribe-data';
import type { SignUpQuestion } from '../../typings/signup';
import type { UserDoc } from '../../cloudfunctions/_shared/stores/users';

describe('subscribe values', () => {
  const passes = (keyword: string, value: string) => subscribeDataProblem({ [keyword]: { value } }) === null;

  it('fit every keyword type the way WeChat checks them', () => {
    const long = '新就业群体小哥圆桌会：关于外卖骑手电动车充电和停车难的问题';
    expect(Array.from(fitText('thing1', long))).toHaveLength(20);
    expect(fitText('thing1', long).endsWith('…')).toBe(true);
    expect(fitText('thing1', '短标题')).toBe('短标题');
    expect(fitText('phrase3', '候补成功 ok!')).toBe('候补成功');
    expect(fitText('phrase3', '已经成功报名参加')).toBe('已经成功报');
    expect(fitText('character_string5', 'A-01 号 座位')).toBe('A-01');
    expect(fitText('name6', '张三')).toBe('张三');
    for (const [k, v] of [
      ['thing1', long],
      ['thing1', ''],
      ['phrase3', 'abc'],
      ['character_string5', '中文'],
      ['name6', '欧阳娜娜娜娜娜娜娜娜娜娜'],
      ['number7', '12 人'],
    ] as const) {
      expect(passes(k, fitText(k, v))).toBe(true);
    }
    expect(cut('一二三', 3)).toBe('一二三');
  });

  it('format instants in Beijing time for time and date keywords', () => {
    const at = new Date('2026-12-04T01:30:00Z');
    expect(fitTime('time2', at)).toBe('2026年12月4日 09:30');
    expect(fitTime('date2', at)).toBe('2026年12月4日 09:30');
    expect(passes('time2', fitTime('time2', at))).toBe(true);
    expect(passes('date2', fitTime('date2', at))).toBe(true);
    expect(passes('thing2', fitTime('thing2', at))).toBe(true);
  });
});

describe('template configuration', () => {
  const local = { TCB_CONTEXT_CNFG: JSON.stringify({ URL: 'http://127.0.0.1:1/admin' }) };

  it('takes ids and keyword layouts from the environment, with placeholders only against the emulator', () => {
    expect(noticeTemplate('dayBefore', local)).toEqual({
      kind: 'dayBefore',
      id: 'dev-tpl-signup-day-before',
      keys: { title: 'thing1', time: 'time2', place: 'thing3', tip: 'thing4' },
    });
    expect(noticeTemplates({})).toEqual([]);
    expect(
      noticeTemplate('promoted', {
        SIGNUP_TEMPLATE_PROMOTED: 'AbC-123_x',
        SIGNUP_TEMPLATE_PROMOTED_KEYS: 'title:thing2, status:phrase1',
      }),
    ).toEqual({ kind: 'promoted', id: 'AbC-123_x', keys: { title: 'thing2', status: 'phrase1' } });
    expect(() => noticeTemplate('promoted', { SIGNUP_TEMPLATE_PROMOTED_KEYS: 'x:1', ...local })).toThrow(/keyword/);
    expect(() => noticeTemplate('promoted', { SIGNUP_TEMPLATE_PROMOTED: 'bad id' })).toThrow(/template id/);
  });
});

describe('reminders are due', () => {
  const start = new Date('2026-12-04T02:00:00Z');
  const before = (h: number) => new Date(start.getTime() - h * 3_600_000);

  it('the day before within 24 h, the hour reminder within the last hour, nothing once started', () => {
    expect(reminderDue(start, before(24.01))).toBeNull();
    expect(reminderDue(start, before(24))).toBe('dayBefore');
    expect(reminderDue(start, before(1.01))).toBe('dayBefore');
    expect(reminderDue(start, before(1))).toBe('hourBefore');
    expect(reminderDue(start, before(0.01))).toBe('hourBefore');
    expect(reminderDue(start, start)).toBeNull();
  });
});

describe('sign-up questions', () => {
  const questions: SignUpQuestion[] = [
    { key: 'name', kind: 'text', label: '姓名', required: true, profileField: 'realName' },
    {
      key: 'job',
      kind: 'single',
      label: '职业',
      required: false,
      options: ['外卖骑手', '快递员'],
      profileField: 'occupation',
    },
    { key: 'topics', kind: 'multi', label: '话题', required: true, options: ['充电', '停车', '社保'] },
  ];

  it('the organiser’s schema refuses choices without options, text with them, and repeated keys', () => {
    const parse = (qs: unknown) => parseInput(questionsInput(), qs);
    expect(parse(questions)).toHaveLength(3);
    expect(() => parse([{ key: 'a', kind: 'single', label: '问题', required: true, options: ['一'] }])).toThrow(
      '选择题至少要有 2 个选项',
    );
    expect(() => parse([{ key: 'a', kind: 'text', label: '问题', required: true, options: ['一', '二'] }])).toThrow(
      '填空题不需要选项',
    );
    expect(() =>
      parse([
        { key: 'a', kind: 'text', label: '问题', required: true },
        { key: 'a', kind: 'text', label: '问题二', required: true },
      ]),
    ).toThrow('问题编号不能重复');
    expect(() => parse([{ key: 'a', kind: 'text', label: '', required: true }])).toThrow('「第 1 项的问题」：不能为空');
  });

  it('answers are checked against the questions, each error naming its question', () => {
    expect(() => checkAnswers(questions, [{ key: 'name', values: ['张三'] }])).toThrow('请选择「话题」');
    expect(() =>
      checkAnswers(questions, [
        { key: 'name', values: ['张三', '李四'] },
        { key: 'topics', values: ['充电'] },
      ]),
    ).toThrow('「姓名」只需填写一项');
    expect(() =>
      checkAnswers(questions, [
        { key: 'name', values: ['张三'] },
        { key: 'job', values: ['外卖骑手', '快递员'] },
        { key: 'topics', values: ['充电'] },
      ]),
    ).toThrow('「职业」只能选一项');
    expect(() =>
      checkAnswers(questions, [
        { key: 'name', values: ['张三'] },
        { key: 'topics', values: ['充电', '充电'] },
      ]),
    ).toThrow('不能重复');
    expect(() => checkAnswers(questions, [{ key: 'ghost', values: ['x'] }])).toThrow('刷新');
  });

  it('are prefilled from the registration where a field matches', () => {
    const user = { worker: { realName: '王小骑', occupation: 'food_delivery', phone: '13800001111' } } as UserDoc;
    expect(prefillAnswers(questions, user)).toEqual([
      { key: 'name', values: ['王小骑'] },
      { key: 'job', values: ['外卖骑手'] },
    ]);
    expect(prefillAnswers(questions, null)).toEqual([]);
  });
});

describe('the input pieces the domains reuse', () => {
  const input = form(
    { questions: questionsInput(), answers: answersInput(), grants: grantsInput(), code: codeInput() },
    { questions: '报名问题', answers: '报名回答', grants: '订阅结果', code: '签到码' },
  );

  it('follow the input rules every action is held to (bounded, strict)', () => {
    expect(schemaProblems(input)).toEqual([]);
  });

  it('label every field of every object in Chinese', () => {
    const unlabelled = (schema: z.ZodType, path: string): string[] => {
      const here = isObjectSchema(schema)
        ? childrenOf(schema)
            .filter(({ key }) => !/^[^A-Za-z]+$/.test(labelsOf(unwrap(schema))?.[String(key)] ?? 'x'))
            .map(({ key }) => `${path}.${String(key)}`)
        : [];
      return here.concat(childrenOf(schema).flatMap((c) => unlabelled(c.schema, `${path}.${String(c.key)}`)));
    };
    expect(unlabelled(input, '(input)')).toEqual([]);
  });
});
