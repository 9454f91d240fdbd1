// Every action's input schema must accept exactly the fields of its contract in
// typings/: TypeScript alone lets a schema silently drop an optional field (the
// client would then get INVALID_ARGUMENT for a field the contract promises).
// These checks are types; the test below only keeps them in the suite.
import type { z } from 'zod';
import { type handlers as campaignHandlers } from '../../cloudfunctions/campaign/handlers';
import { type handlers as casesHandlers } from '../../cloudfunctions/cases/handlers';
import { type handlers as officeHandlers } from '../../cloudfunctions/office/handlers';
import { type handlers as roundtableHandlers } from '../../cloudfunctions/roundtable/handlers';
import { type handlers as stationHandlers } from '../../cloudfunctions/station/handlers';
import { type handlers as studyHandlers } from '../../cloudfunctions/study/handlers';
import { type handlers as userHandlers } from '../../cloudfunctions/user/handlers';
import { type handlers as volunteerHandlers } from '../../cloudfunctions/volunteer/handlers';
import type { CampaignApi } from '../../typings/campaign';
import type { CasesApi } from '../../typings/cases';
import type { ActionSpec } from '../../typings/common';
import type { OfficeApi } from '../../typings/office';
import type { RoundtableApi } from '../../typings/roundtable';
import type { StationApi } from '../../typings/station';
import type { StudyApi } from '../../typings/study';
import type { UserApi } from '../../typings/user';
import type { VolunteerApi } from '../../typings/volunteer';

type InputOf<D> = D extends { input: infer S } ? (S extends z.ZodType ? z.output<S> : never) : never;
type ReqOf<S> = S extends ActionSpec<infer R, unknown> ? R : never;
/** Declared keys; an index signature (Record<string, never>) counts as none. */
type Keys<T> = string extends keyof T ? never : keyof T;
type SameKeys<A, B> = [Keys<A>] extends [Keys<B>] ? ([Keys<B>] extends [Keys<A>] ? true : false) : false;
/** The names of actions whose schema and contract disagree on fields (never when all agree). */
type Mismatched<H, A> = {
  [K in keyof A]: SameKeys<InputOf<H[K & keyof H]>, ReqOf<A[K]>> extends true ? never : K;
}[keyof A];

/** `true` when all agree; otherwise the offending action names, so assigning `true` fails to compile and names them. */
type AllAgree<H, A> = [Mismatched<H, A>] extends [never] ? true : Mismatched<H, A>;

const user: AllAgree<typeof userHandlers, UserApi> = true;
const study: AllAgree<typeof studyHandlers, StudyApi> = true;
const campaign: AllAgree<typeof campaignHandlers, CampaignApi> = true;
const station: AllAgree<typeof stationHandlers, StationApi> = true;
const roundtable: AllAgree<typeof roundtableHandlers, RoundtableApi> = true;
const office: AllAgree<typeof officeHandlers, OfficeApi> = true;
const cases: AllAgree<typeof casesHandlers, CasesApi> = true;
const volunteer: AllAgree<typeof volunteerHandlers, VolunteerApi> = true;

it('every input schema has exactly the fields of its contract (checked by the type checker)', () => {
  expect([user, study, campaign, station, roundtable, office, cases, volunteer]).toEqual([
    true,
    true,
    true,
    true,
    true,
    true,
    true,
    true,
  ]);
  // And the check does catch a dropped optional field:
  type Broken = Mismatched<
    { a: { input: z.ZodObject<{ x: z.ZodString }> } },
    { a: ActionSpec<{ x: string; y?: string }, unknown> }
  >;
  const caught: Broken = 'a';
  expect(caught).toBe('a');
});
