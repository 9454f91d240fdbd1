// The scheduler's upkeep runs the sign-up tasks: fired as the platform's timer
// fires it (its `now` pinned through the invocation context), it sends the
// reminders due and reports the recount beside the other tasks.
import { recordGrants, signUp, subscribeOffer } from '../../../../cloudfunctions/_shared/engines/signup';
import type { UpkeepReport } from '../../../../typings/scheduler';
import { type InProcess, startInProcess } from '../../../support/in-process';
import { sdkFor } from '../../../support/sdk';
import { at, ctxOf, DAY, HOUR, openTestEvent, seedOrgs, T0 } from './world';

let ip: InProcess;
beforeAll(async () => {
  ip = await startInProcess();
  await seedOrgs(sdkFor(ip.emu).database());
});
afterAll(() => ip.stop());

it('sends the reminders due at the pinned time and reports the sign-up recount', async () => {
  const key = await openTestEvent({ capacity: 5 });
  await signUp(ctxOf('rider', T0), key, { answers: [] });
  await recordGrants(
    ctxOf('rider', T0),
    subscribeOffer().templateIds.map((templateId) => ({ templateId, result: 'accept' as const })),
  );
  const reply = await ip.invoke(
    'scheduler',
    { Type: 'Timer', TriggerName: 'every-10-minutes' },
    { timer: true, now: at(3 * DAY - 20 * HOUR).toISOString() },
  );
  expect(reply.ok).toBe(true);
  const report = (reply as { data: UpkeepReport }).data;
  expect(report.signUpReminders).toMatchObject({ due: 1, sent: 1, unconfigured: [] });
  expect(report.recountSignUps).toMatchObject({ events: 1, repaired: [], unsettled: 0 });
  const outbox = (await (await fetch(`${ip.emu.url}/_emulator/outbox`)).json()) as { touser: string }[];
  expect(outbox.map((m) => m.touser)).toEqual(['o-rider']);
});
