// Periodic upkeep, run by the timer only. Each task runs even if another fails;
// a failed task is logged with the request id and reported as failed.
import type { SchedulerApi } from '../../../typings/scheduler';
import type { ActionContext, Handlers } from '../../_shared/function';
import { form } from '../../_shared/validation';
import { runCases } from '../tasks/cases';
import { withdrawOrphanCandidates } from '../tasks/orphan-candidates';
import { recountSignUps } from '../tasks/recount-signups';
import { recountStats } from '../tasks/recount-stats';
import { recountVotes } from '../tasks/recount-votes';
import { sendSignUpReminders } from '../tasks/signup-reminders';
import { closeVolunteerCheckOuts } from '../tasks/volunteer-checkouts';

/** Votes in flight finish their count update within this (between the recount's two passes). */
const SETTLE_MS = 2_000;

async function task<T>(ctx: ActionContext, name: string, run: () => Promise<T>): Promise<T | { failed: true }> {
  try {
    return await run();
  } catch (err) {
    console.error(
      JSON.stringify({
        fn: 'scheduler',
        requestId: ctx.requestId,
        task: name,
        error: String((err as Error)?.stack ?? err),
      }),
    );
    return { failed: true };
  }
}

export const upkeepHandlers = {
  upkeep: {
    access: 'timer',
    input: form({}, {}),
    async run(ctx) {
      const settle = () => new Promise<void>((r) => setTimeout(r, SETTLE_MS));
      // Orphans first: a withdrawn candidate's votes are still recounted (its count stays exact).
      const orphanCandidates = await task(ctx, 'orphanCandidates', () => withdrawOrphanCandidates(ctx.now));
      const recount = await task(ctx, 'recountVotes', () => recountVotes(ctx.now, settle));
      // Counters first (a repair may free seats and promote), then the reminders.
      const signUps = await task(ctx, 'recountSignUps', () => recountSignUps(ctx.now, settle));
      const reminders = await task(ctx, 'signUpReminders', () => sendSignUpReminders(ctx.now));
      const cases = await task(ctx, 'cases', () => runCases(ctx.now));
      const volunteerCheckOuts = await task(ctx, 'volunteerCheckOuts', () => closeVolunteerCheckOuts(ctx.now));
      // Last: the counters of whatever the tasks above changed are verified too.
      const stats = await task(ctx, 'recountStats', () => recountStats(ctx.now, settle));
      return {
        recountVotes: recount,
        orphanCandidates,
        recountSignUps: signUps,
        signUpReminders: reminders,
        cases,
        volunteerCheckOuts,
        recountStats: stats,
      };
    },
  },
} satisfies Handlers<SchedulerApi>;
