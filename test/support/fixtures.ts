// Common arrangements for function tests, made through the real functions.
import type { MyProfile, RegisterWorkerRequest } from '../../typings/user';
import { type Call, makeAdminWith, type OrgFixture, registerWorkerWith, seedOrgsWith } from './arrange';
import type { FunctionsHarness } from './functions';

export { type OrgFixture, workerForm } from './arrange';

/** Anything that calls the functions as someone: the HTTP harness or the in-process one. */
export type Caller = Pick<FunctionsHarness, 'as'>;

/** The harness as a Call (test/support/arrange.ts). */
export const callOf =
  (h: Caller): Call =>
  (openid, fn, action, data) =>
    h.as(openid).ok(fn, action, data);

export const seedOrgs = (h: Caller): Promise<OrgFixture> => seedOrgsWith(callOf(h));

export const registerWorker = (
  h: Caller,
  openid: string,
  orgId: string,
  overrides: Partial<RegisterWorkerRequest> = {},
): Promise<MyProfile> => registerWorkerWith(callOf(h), openid, orgId, overrides);

export const makeAdmin = (h: Caller, openid: string, orgIds: string[]): Promise<MyProfile> =>
  makeAdminWith(callOf(h), openid, orgIds);
