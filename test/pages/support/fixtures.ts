// Arrangements for page tests, made through the real functions on the page
// backend; the arrangements themselves are shared with the node-side tests (test/support/arrange.ts).
import type { MyProfile, RegisterWorkerRequest } from '../../../typings/user';
import { type Call, makeAdminWith, type OrgFixture, registerWorkerWith, seedOrgsWith } from '../../support/arrange';
import { callAs } from './backend';

export { SUPERADMIN, workerForm } from '../../support/arrange';

/** The same organisations as the node-side tests (PageOrgs = OrgFixture). */
export type PageOrgs = OrgFixture;

const call: Call = (openid, fn, action, data) => callAs(openid, fn, action, data);

export async function login(openid: string): Promise<MyProfile> {
  return (await callAs<{ profile: MyProfile }>(openid, 'user', 'login')).profile;
}

export const seedOrgs = (): Promise<PageOrgs> => seedOrgsWith(call);

export const registerWorker = (
  openid: string,
  orgId: string,
  overrides: Partial<RegisterWorkerRequest> = {},
): Promise<MyProfile> => registerWorkerWith(call, openid, orgId, overrides);

export const makeAdmin = (openid: string, orgIds: string[]): Promise<MyProfile> => makeAdminWith(call, openid, orgIds);

export function getProfile(openid: string): Promise<MyProfile> {
  return callAs<MyProfile>(openid, 'user', 'getProfile');
}
