// Reading and tapping what is on screen beyond steps.ts' TDesign helpers: a plain
// element by selector, an element inside a component (a TDesign host's inner node,
// a chip inside <choice-chips>), and waits on such text — every one naming what it
// looked for when it is not there.
import type Page from 'miniprogram-automator/out/Page';
import type Element from 'miniprogram-automator/out/Element';
import { need, until } from './steps';

/** Taps a plain element (a <view bindtap>), or `inner` inside the component `selector`. */
export async function tapOn(scope: Page | Element, selector: string, inner?: string): Promise<void> {
  const el = await need(scope, selector);
  await (inner ? await need(el, inner) : el).tap();
}

/** The text of `selector`, or of `inner` inside it (a TDesign host: '.t-cell', '.t-tag'). */
export async function textIn(scope: Page | Element, selector: string, inner?: string): Promise<string> {
  const el = await need(scope, selector);
  return (inner ? await need(el, inner) : el).text();
}

/** Waits until the text of `selector` (or of `inner` inside it) contains `text`, and returns it. */
export function waitForTextIn(
  page: Page,
  selector: string,
  inner: string | undefined,
  text: string,
  opts?: { timeoutMs?: number },
): Promise<string> {
  return until(
    `「${text}」 in ${selector}${inner ? ` ${inner}` : ''} on ${page.path}`,
    async () => {
      const t = await textIn(page, selector, inner);
      return t.includes(text) ? t : null;
    },
    opts,
  );
}
