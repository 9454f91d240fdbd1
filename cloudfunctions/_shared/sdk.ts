// The CloudBase server SDK, initialised once per function instance. It finds its
// environment itself: on CloudBase from the runtime, locally from the variables
// the emulator's function host sets (TCB_CONTEXT_CNFG etc.). Storage and the
// WeChat open API go through `cloud()`; the database only through ./db (stores).
import tcb from '@cloudbase/node-sdk';

export type CloudbaseApp = ReturnType<typeof tcb.init>;

let app: CloudbaseApp | null = null;

export function cloud(): CloudbaseApp {
  return (app ??= tcb.init({ env: tcb.SYMBOL_CURRENT_ENV }));
}

export { tcb };
