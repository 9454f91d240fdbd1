// Reading inside a custom component (a page-private tab, a sheet): DevTools' page.$
// matches only the page's own tree, so the component's host is the scope.
import type Element from 'miniprogram-automator/out/Element';
import { until } from './steps';

/** Waits until the text of `selector` inside `host` contains `text`, and returns that text. */
export function waitForTextWithin(
  host: Element,
  selector: string,
  text: string,
  opts?: { timeoutMs?: number },
): Promise<string> {
  return until(
    `「${text}」 in ${selector} inside <${host.tagName}>`,
    async () => {
      const el = await host.$(selector);
      const t = el ? await el.text() : null;
      return t !== null && t.includes(text) ? t : null;
    },
    opts,
  );
}
