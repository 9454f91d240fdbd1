// A second page in one test file. miniprogram-simulate registers the components a
// page uses once per module registry, so a second page sharing TDesign components
// renders them as bare tags. Loading it inside jest.isolateModules gives it its
// own simulate (and its own copy of the page's modules: services, session), while
// the wx double — and so the backend — stays the one installed by setup.ts.
import type * as PageModule from './page';
import type * as UiModule from './ui';
import type * as SessionModule from '../../../miniprogram/utils/session';
import type { render as renderFn } from './ui';

export interface SecondPage {
  id: string;
  /** Renders it with the isolated simulate (and remembers it for that registry's detachAll). */
  render: typeof renderFn;
  detachAll(): void;
  /** Forgets that registry's signed-in user (its own copy of utils/session). */
  clearSession(): void;
}

export function loadSecondPage(pagePath: string): SecondPage {
  let loaded: SecondPage | null = null;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const page = require('./page') as typeof PageModule;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ui = require('./ui') as typeof UiModule;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const session = require('../../../miniprogram/utils/session') as typeof SessionModule;
    loaded = {
      id: page.loadPage(pagePath),
      render: ui.render,
      detachAll: ui.detachAll,
      clearSession: session.clearSession,
    };
  });
  return loaded!;
}
