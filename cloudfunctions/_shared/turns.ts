// Calls on one hot document taking turns inside this function instance: a
// redemption storm on one goods would otherwise have every concurrent call of the
// instance contend for the same document in the database at once, and the
// transactions' conflicts and retries crowd out the one that holds it. Only a
// performance layer: the database transaction stays the guard (other instances
// still contend, and the transaction decides).
const tails = new Map<string, Promise<unknown>>();

/** Runs `fn` after every earlier call with the same key in this instance has settled. */
export function inTurn<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const before = tails.get(key) ?? Promise.resolve();
  const run = before.then(fn);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  tails.set(key, settled);
  void settled.then(() => {
    if (tails.get(key) === settled) tails.delete(key);
  });
  return run;
}
