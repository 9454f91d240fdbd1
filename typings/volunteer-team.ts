/**
 * The volunteer team's side of the `volunteer` function (typings/volunteer.ts):
 * membership with review, activities, check-in/out, hours, self-reports, points,
 * leaderboards, statements and certificates.
 */
import type { ActionSpec } from './common';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the team's actions
export interface VolunteerTeamApi extends Record<never, ActionSpec<unknown, unknown>> {}
