// The CloudBase server SDK, initialised once per function instance. It finds its
// environment itself: on CloudBase from the runtime, locally from the variables
// the emulator's function host sets (TCB_CONTEXT_CNFG etc.).
import type { Transaction } from '@cloudbase/database/dist/commonjs/transaction/index';
import tcb from '@cloudbase/node-sdk';

export type CloudbaseApp = ReturnType<typeof tcb.init>;
export type Database = ReturnType<CloudbaseApp['database']>;

let app: CloudbaseApp | null = null;
let database: Database | null = null;

export function cloud(): CloudbaseApp {
  return (app ??= tcb.init({ env: tcb.SYMBOL_CURRENT_ENV }));
}

/** One database handle per instance (every query used to build a new one). */
export function db(): Database {
  return (database ??= cloud().database());
}

export { tcb };
export type { Transaction };

/** Runs `fn` in a transaction, retried on conflict (the SDK's typing of this is `any`). */
export function inTransaction<T>(fn: (t: Transaction) => Promise<T>, retries = 10): Promise<T> {
  return db().runTransaction(fn, retries) as Promise<T>;
}
