// A second page in one test file. miniprogram-simulate registers the components a
// page uses once per module registry, so a second page sharing TDesign components
// renders them as bare tags. Loading it inside jest.isolateModules gives it its
// own simulate (and its own copy of the page's modules: services, session), while
// the wx double — and so the backend — stays the one installed by setup.ts.
import type * as PageModule from './page';
import type * as UiModule from './ui';
import type { render as renderFn } from './ui';

export interface SecondPage {
  id: string;
  /** Renders it with the isolated simulate (and remembers it for that registry's detachAll). */
  render: typeof renderFn;
  detachAll(): void;
}

export function loadSecondPage(pagePath: string): SecondPage {
  let loaded: SecondPage | null = null;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const page = require('./page') as typeof PageModule;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ui = require('./ui') as typeof UiModule;
    loaded = { id: page.loadPage(pagePath), render: ui.render, detachAll: ui.detachAll };
  });
  return loaded!;
}
