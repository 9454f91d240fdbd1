// The `scheduler` cloud function, fired by its timer trigger (cloudbaserc.json):
// periodic upkeep such as recounting votes. Only the platform's timer may run it.
import { readContext } from '../_shared/caller';
import { recountVotes } from '../campaign/recount';

const SETTLE_MS = 2_000;

export async function main(event: unknown, context: unknown): Promise<unknown> {
  const { env, requestId } = readContext(context);
  if (env.TRIGGER_SRC !== 'timer') return { ok: false, code: 'FORBIDDEN', message: '该函数只由定时任务执行' };
  const now = typeof env.EMULATOR_NOW === 'string' && env.EMULATOR_NOW ? new Date(env.EMULATOR_NOW) : new Date();
  const tasks: Record<string, unknown> = {};
  try {
    tasks.recountVotes = await recountVotes(now, () => new Promise((r) => setTimeout(r, SETTLE_MS)));
  } catch (err) {
    console.error(
      JSON.stringify({ fn: 'scheduler', requestId, task: 'recountVotes', error: String((err as Error)?.stack ?? err) }),
    );
    tasks.recountVotes = { failed: true };
  }
  console.log(
    JSON.stringify({ fn: 'scheduler', requestId, trigger: (event as { TriggerName?: string })?.TriggerName, tasks }),
  );
  return { ok: true, data: tasks };
}
