// One module registry for every page, as in the real app: the services, the session
// and the components' modules are loaded once. miniprogram-simulate runs a
// component's JS with require(), so a component already required by an earlier page
// would not register again and its tags would render bare on the next page. We
// remember what each file registered and register it again when asked a second time
// (simulate already points its next registration at the new page).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const utils = require('miniprogram-simulate/src/utils') as { runJs(file: string): void };

type Registrar = (options: unknown) => unknown;
const g = globalThis as unknown as { Component: Registrar; Behavior?: Registrar };

let installed = false;

export function shareOneRegistry(): void {
  if (installed) return;
  installed = true;
  const registered = new Map<string, unknown>();
  const run = utils.runJs.bind(utils);
  utils.runJs = (file: string) => {
    if (registered.has(file)) {
      g.Component(registered.get(file));
      return;
    }
    const component = g.Component;
    g.Component = (options: unknown) => {
      registered.set(file, options);
      return component(options);
    };
    try {
      run(file);
    } finally {
      g.Component = component;
    }
  };
}
