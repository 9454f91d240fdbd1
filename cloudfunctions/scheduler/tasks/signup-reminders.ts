// Sign-up reminders (the day before and one hour before the start) and the
// promotion notices their promoter could not send: see the engine's reminders.ts.
import type { ReminderReport } from '../../../typings/signup';
import { sendReminders } from '../../_shared/engines/signup/reminders';

export function sendSignUpReminders(now: Date): Promise<ReminderReport> {
  return sendReminders(now);
}
