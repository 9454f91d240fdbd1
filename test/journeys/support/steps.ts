// A journey is a list of named steps; a step that fails names itself, so a broken
// button or a dropped field reads as "journey 「…」 step 「…」: what went wrong".
// The waits poll with deadlines: the automator client has none of its own
// (page.waitFor(selector) polls forever), and a hang names nothing.
import type MiniProgram from 'miniprogram-automator/out/MiniProgram';
import type Page from 'miniprogram-automator/out/Page';
import type Element from 'miniprogram-automator/out/Element';

export class StepError extends Error {}

/** Runs one named step of a journey; its failure says which step and why. */
export async function step<T>(journey: string, title: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    const e = new StepError(`journey「${journey}」step「${title}」: ${why}`);
    if (err instanceof Error && err.stack) e.stack = `${e.message}\n${err.stack.split('\n').slice(1).join('\n')}`;
    throw e;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns a value other than null/undefined/false; throws `what` after `timeoutMs`. */
export async function until<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  { timeoutMs = 15_000, everyMs = 200 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== null && v !== undefined && v !== false) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) {
      const because = last instanceof Error ? ` (last error: ${last.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${because}`);
    }
    await sleep(everyMs);
  }
}

const bare = (path: string) => path.replace(/^\//, '').split('?')[0]!;

/** Waits until the current page is `path` ('packages/study/pages/quotes/index', leading slash optional). */
export function waitForPage(mp: MiniProgram, path: string, opts?: { timeoutMs?: number }): Promise<Page> {
  return until(
    `page ${bare(path)} (is the tap still navigating?)`,
    async () => {
      const page = await mp.currentPage();
      return page && page.path === bare(path) ? page : null;
    },
    opts,
  );
}

/** Waits until `selector` matches on `page` and returns the element. */
export function waitForElement(page: Page, selector: string, opts?: { timeoutMs?: number }): Promise<Element> {
  return until(`${selector} on ${page.path}`, () => page.$(selector), opts);
}

/** Waits until the text of `selector` contains `text` and returns that text. */
export function waitForText(
  page: Page,
  selector: string,
  text: string,
  opts?: { timeoutMs?: number },
): Promise<string> {
  return until(
    `「${text}」 in ${selector} on ${page.path}`,
    async () => {
      const el = await page.$(selector);
      const t = el ? await el.text() : null;
      return t !== null && t.includes(text) ? t : null;
    },
    opts,
  );
}

/** Reads page data at `path` until `check` accepts it, and returns it. */
export function waitForData<T = unknown>(
  page: Page,
  path: string,
  check: (value: T) => boolean,
  what: string,
  opts?: { timeoutMs?: number },
): Promise<T> {
  return until(
    `${what} (data ${path} on ${page.path})`,
    async () => {
      const v = (await page.data(path)) as T;
      return check(v) ? { v } : null;
    },
    opts,
  ).then((box) => box.v);
}

/** The element `selector`, or a failure naming what is missing. */
export async function need(scope: Page | Element, selector: string): Promise<Element> {
  const el = await scope.$(selector);
  if (!el) throw new Error(`nothing matches ${selector}`);
  return el;
}

/** Taps <t-button id="…"> (its inner button, where a finger lands). */
export async function tapButton(scope: Page | Element, selector: string): Promise<void> {
  await (await need(await need(scope, selector), '.t-button')).tap();
}

/** Taps <t-cell id="…">. */
export async function tapCell(scope: Page | Element, selector: string): Promise<void> {
  await (await need(await need(scope, selector), '.t-cell')).tap();
}

/** Types into <t-input id="…"> (or a <t-textarea>): the keyboard's input on its inner control. */
export async function typeInto(scope: Page | Element, selector: string, value: string): Promise<void> {
  const host = await need(scope, selector);
  const control = (await host.$('.t-input__control')) ?? (await host.$('.t-textarea__wrapper-inner'));
  if (!control) throw new Error(`${selector} has no input control`);
  await (control as unknown as { input(v: string): Promise<void> }).input(value);
}
