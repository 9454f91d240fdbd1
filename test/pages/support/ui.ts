// Driving pages the way a user does: typing into TDesign inputs, tapping TDesign
// buttons, cells, switches and checkboxes on their inner elements (the component
// tag itself has no DOM node), and reading what is on screen.
import { flush, renderPage, tap, type RenderedPage } from './page';

/** A rendered page, or a component inside one (`page.querySelector('#tab')`): what the helpers search in. */
export type Scope = Pick<RenderedPage, 'querySelector' | 'querySelectorAll' | 'dom'>;

type Found = ReturnType<RenderedPage['querySelector']>;

function find(page: Scope, selector: string): NonNullable<Found> {
  const el = page.querySelector(selector);
  if (!el) throw new Error(`nothing matches ${selector}`);
  return el;
}

/** Whether `selector` (exparser syntax; `>>>` pierces components) matches. */
export const has = (page: Scope, selector: string): boolean => !!page.querySelector(selector);

/** Types into <t-input id="…">: the keyboard's `input` event on its inner <input>. */
export async function typeInto(page: Scope, id: string, value: string): Promise<void> {
  find(page, `#${id} >>> .t-input__control`).dispatchEvent('input', { detail: { value, cursor: value.length } });
  await flush();
}

export const tapButton = (page: Scope, id: string) => tap(find(page, `#${id} >>> .t-button`));
export const tapCell = (page: Scope, id: string) => tap(find(page, `#${id} >>> .t-cell`));
export const tapSwitch = (page: Scope, id: string) => tap(find(page, `#${id} >>> .t-switch`));
export const tapCheckbox = (page: Scope, id: string) => tap(find(page, `#${id} >>> .t-checkbox`));
/** Taps a plain element of the page (or, with `>>>`, inside a component). */
export const tapOn = (page: Scope, selector: string) => tap(find(page, selector));

/** Whether <t-button id="…"> renders disabled. */
export function buttonDisabled(page: Scope, id: string): boolean {
  return !!find(page, `#${id} >>> .t-button`).dom?.className.includes('t-button--disabled');
}

/** All text on the page, components included. */
export const screenText = (page: Scope): string => page.dom!.textContent ?? '';

/** Text of one element found by exparser selector (TDesign hosts are virtual: use cellText for a t-cell). */
export const textAt = (page: Scope, selector: string): string => find(page, selector).dom?.textContent ?? '';

/** Text of <t-cell id="…"> (title, description, note). */
export const cellText = (page: Scope, id: string): string => textAt(page, `#${id} >>> .t-cell`);

const rendered: RenderedPage[] = [];

/** Renders a page and remembers it, so detachAll() (afterEach) detaches it. */
export function render(id: string, props?: Record<string, unknown>): RenderedPage {
  const page = renderPage(id, props);
  rendered.push(page);
  return page;
}

export function detachAll(): void {
  // render() attached them (RootComponent); the overload that takes a string id is typed as the base class.
  for (const page of rendered.splice(0)) (page as unknown as { detach(): void }).detach();
}
