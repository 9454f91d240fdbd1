// Arrangements for page tests, made through the real functions on the page
// backend (the node-side twin is test/support/fixtures.ts).
import type { Org } from '../../../typings/org';
import type { MyProfile, RegisterWorkerRequest } from '../../../typings/user';
import { callAs } from './backend';

export const SUPERADMIN = 'test-superadmin';

export interface PageOrgs {
  district: Org;
  express: Org;
  expressBranch: Org;
  food: Org;
  foodBranch: Org;
  station: Org;
  /** A second district: out of scope for admins of the first. */
  otherDistrict: Org;
  otherBranch: Org;
}

export async function login(openid: string): Promise<MyProfile> {
  return (await callAs<{ profile: MyProfile }>(openid, 'user', 'login')).profile;
}

export async function seedOrgs(): Promise<PageOrgs> {
  await login(SUPERADMIN);
  const save = (data: object) => callAs<Org>(SUPERADMIN, 'user', 'saveOrg', data);
  const district = await save({ name: '示例区委', type: 'district', parentId: null });
  const express = await save({ name: '快递物流行业党委', type: 'industry', parentId: district.id });
  const food = await save({ name: '外卖送餐行业党委', type: 'industry', parentId: district.id });
  const expressBranch = await save({ name: '快递流动党支部', type: 'branch', parentId: express.id });
  const foodBranch = await save({ name: '外卖骑手党支部', type: 'branch', parentId: food.id });
  const station = await save({
    name: '城东党群服务驿站',
    type: 'station',
    parentId: district.id,
    station: { address: '示例路 1 号', openingHours: '09:00-21:00', services: ['充电', '饮水', '休息'] },
  });
  const otherDistrict = await save({ name: '另一区委', type: 'district', parentId: null });
  const otherBranch = await save({ name: '另一区党支部', type: 'branch', parentId: otherDistrict.id });
  return { district, express, expressBranch, food, foodBranch, station, otherDistrict, otherBranch };
}

export function workerForm(orgId: string, overrides: Partial<RegisterWorkerRequest> = {}): RegisterWorkerRequest {
  return {
    realName: '张小快',
    phone: '13900001111',
    occupation: 'courier',
    platform: '示例快递公司',
    orgId,
    isPartyMember: false,
    consent: true,
    consentVersion: '2026-11',
    ...overrides,
  };
}

export async function registerWorker(
  openid: string,
  orgId: string,
  overrides: Partial<RegisterWorkerRequest> = {},
): Promise<MyProfile> {
  await login(openid);
  return callAs<MyProfile>(openid, 'user', 'registerWorker', workerForm(orgId, overrides));
}

export async function makeAdmin(openid: string, orgIds: string[]): Promise<MyProfile> {
  const profile = await login(openid);
  await callAs(SUPERADMIN, 'user', 'setRoles', { userId: profile.userId, admin: true, adminOrgIds: orgIds });
  return callAs<MyProfile>(openid, 'user', 'getProfile');
}

export function getProfile(openid: string): Promise<MyProfile> {
  return callAs<MyProfile>(openid, 'user', 'getProfile');
}
