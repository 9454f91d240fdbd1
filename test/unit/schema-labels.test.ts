// Every field of every action's input schema has a Chinese label, and a bad value
// in any field is reported by that label — never by the English field name or in
// the validation library's own words. Actions are enumerated from the handler maps,
// so a new action is covered the day it lands.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { z } from 'zod';
import { AppError } from '../../cloudfunctions/_shared/errors';
import type { ActionDef } from '../../cloudfunctions/_shared/function';
import { childrenOf, isObjectSchema, labelsOf, parseInput, unwrap } from '../../cloudfunctions/_shared/validation';

const FUNCTIONS = ['user', 'study', 'station', 'campaign', 'cases', 'office', 'scheduler', 'roundtable', 'volunteer'];

const actions = FUNCTIONS.filter((fn) =>
  existsSync(resolve(__dirname, `../../cloudfunctions/${fn}/handlers.ts`)),
).flatMap((fn) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { handlers } = require(`../../cloudfunctions/${fn}/handlers`) as {
    handlers: Record<string, ActionDef<unknown, unknown>>;
  };
  return Object.entries(handlers).map(([action, def]) => [`${fn}.${action}`, def.input] as const);
});

/** Every object schema inside `schema`, with the path that reaches it. */
function objectsIn(schema: z.ZodType, path = '(input)'): [string, z.ZodType][] {
  const here: [string, z.ZodType][] = isObjectSchema(schema) ? [[path, unwrap(schema)]] : [];
  return here.concat(
    childrenOf(schema).flatMap(({ key, schema: child }) => objectsIn(child, `${path}.${String(key)}`)),
  );
}

it('finds the actions', () => {
  expect(actions.length).toBeGreaterThan(50);
});

describe.each(actions)('%s', (_name, input) => {
  it('labels every field of every object it takes', () => {
    const missing = objectsIn(input).flatMap(([path, obj]) => {
      const labels = labelsOf(obj) ?? {};
      return childrenOf(obj)
        .map(({ key }) => String(key))
        .filter((key) => !labels[key] || /[A-Za-z]/.test(labels[key]!))
        .map((key) => `${path}.${key}`);
    });
    expect(missing).toEqual([]);
  });

  it('names a field with a bad value by its label, in its own words', () => {
    const labels = labelsOf(unwrap(input)) ?? {};
    for (const { key, schema } of childrenOf(input)) {
      const bad = isObjectSchema(schema) ? 12345 : { $gt: '' };
      let message = '';
      try {
        parseInput(input, { [key]: bad });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        message = err.message;
      }
      // Another (required) field may be reported first; wherever it is, it is named in Chinese.
      expect(message).toMatch(/「[^「」A-Za-z]+」/);
      if (message.includes(`「${labels[String(key)]}`)) expect(message).not.toContain(String(key));
      expect(message).not.toMatch(/expected|received|Invalid|期望|实际接收|未知的键/);
    }
  });
});
