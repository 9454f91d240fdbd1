// Volunteer check-ins never checked out become pending claims for review, never
// credit hours (the volunteer function's domain/attendance.ts).
import type { VolunteerCloseReport } from '../../../typings/volunteer-team';
import { closeForgottenCheckOuts } from '../../volunteer/domain/attendance';

export function closeVolunteerCheckOuts(now: Date): Promise<VolunteerCloseReport> {
  return closeForgottenCheckOuts(now);
}
