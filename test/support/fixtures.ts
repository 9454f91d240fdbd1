// Common arrangements for function tests, made through the real functions.
import type { MyProfile, RegisterWorkerRequest } from '../../typings/user';
import { type Call, makeAdminWith, type OrgFixture, registerWorkerWith, seedOrgsWith } from './arrange';
import type { FunctionsHarness } from './functions';

export { type OrgFixture, workerForm } from './arrange';

const callOf =
  (h: FunctionsHarness): Call =>
  (openid, fn, action, data) =>
    h.as(openid).ok(fn, action, data);

export const seedOrgs = (h: FunctionsHarness): Promise<OrgFixture> => seedOrgsWith(callOf(h));

export const registerWorker = (
  h: FunctionsHarness,
  openid: string,
  orgId: string,
  overrides: Partial<RegisterWorkerRequest> = {},
): Promise<MyProfile> => registerWorkerWith(callOf(h), openid, orgId, overrides);

export const makeAdmin = (h: FunctionsHarness, openid: string, orgIds: string[]): Promise<MyProfile> =>
  makeAdminWith(callOf(h), openid, orgIds);
