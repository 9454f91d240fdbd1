// Every action's input follows the input rules (test/support/schema-policy.ts):
// bounded strings, lists and numbers, strict objects, days and instants validated
// as such where the contract says so, and the access level its contract declares.
// Actions come from the handler maps; the rules are proved to fail on weakened
// copies of real schemas.
import * as z from 'zod';
import { form, id, text } from '../../cloudfunctions/_shared/validation';
import { contractOf } from '../support/contracts';
import { accessProblems, contractProblems, MAX_ITEMS, MAX_TEXT, schemaProblems } from '../support/schema-policy';
import { allActions } from '../support/schemas';

const actions = allActions();

it('finds every action of every function', () => {
  expect(actions.length).toBeGreaterThan(50);
  console.log(`schema policy: ${actions.length} actions checked`);
});

describe.each(actions.map((a) => [`${a.fn}.${a.action}`, a] as const))('%s', (_name, { fn, action, def }) => {
  const contract = contractOf(fn)?.actions[action];

  it(`bounds every text (≤ ${MAX_TEXT}), list (≤ ${MAX_ITEMS}) and number, and refuses unknown keys`, () => {
    expect(schemaProblems(def.input)).toEqual([]);
  });

  it('validates the days and instants of its contract as real days and instants', () => {
    expect(contract).toBeDefined();
    expect(contractProblems(def.input, contract!)).toEqual([]);
  });

  it('declares the access level of its contract', () => {
    expect(accessProblems(def.access, contract)).toEqual([]);
  });
});

describe('the rules catch a weakened schema, naming the field', () => {
  const saveQuote = actions.find((a) => a.action === 'saveQuote')!;
  const scheduleQuote = actions.find((a) => a.action === 'scheduleQuote')!;
  const contract = (name: string) => contractOf('study')!.actions[name]!;

  it('a text whose limit was removed', () => {
    const weakened = form(
      { text: z.string().trim().min(2), source: text(60, 1), orgId: id() },
      { text: '金句内容', source: '出处', orgId: '所属组织' },
    );
    expect(schemaProblems(saveQuote.def.input)).toEqual([]);
    expect(schemaProblems(weakened)).toEqual(['text: text without a length limit']);
  });

  it('a list without a limit, a number without an upper bound, an object that takes any key', () => {
    const weakened = z.object({ photos: z.array(z.string().max(10)), score: z.number().min(0) });
    expect(schemaProblems(weakened)).toEqual([
      '(input): object that accepts unknown keys (build it with form())',
      'photos: list without a limit on its items',
      'score: number without both a lower and an upper bound',
    ]);
  });

  it('a day checked only by its pattern', () => {
    const weakened = form(
      { day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), quoteId: id().nullable() },
      { day: '日期', quoteId: '金句编号' },
    );
    expect(contractProblems(scheduleQuote.def.input, contract('scheduleQuote'))).toEqual([]);
    expect(contractProblems(weakened, contract('scheduleQuote'))).toEqual([
      'day: the contract says DayKey, validate it with dayKey()',
    ]);
  });

  it('an access level changed in the handler map but not in the contract', () => {
    expect(accessProblems('public', contract('scheduleQuote'))).toEqual([
      "declares access 'public', its contract says 'admin'",
    ]);
  });
});
