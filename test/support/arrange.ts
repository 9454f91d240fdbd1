// Arrangements made through the real functions, whatever carries the calls: the
// node-side harness (test/support/fixtures.ts) and the page backend
// (test/pages/support/fixtures.ts) both pass their own `call`. Types only here,
// so page tests can import it without loading the emulator.
import type { Org } from '../../typings/org';
import type { SaveStationRequest } from '../../typings/station';
import type { MyProfile, RegisterWorkerRequest } from '../../typings/user';

/** Calls `fn.action` as `openid` and returns the reply's data (throws when not ok). */
export type Call = <T = unknown>(openid: string, fn: string, action: string, data?: unknown) => Promise<T>;

export const SUPERADMIN = 'test-superadmin';

export interface OrgFixture {
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

export async function seedOrgsWith(call: Call): Promise<OrgFixture> {
  await call(SUPERADMIN, 'user', 'login');
  const save = (data: object) => call<Org>(SUPERADMIN, 'user', 'saveOrg', data);
  const district = await save({ name: '示例区委', type: 'district', parentId: null });
  const express = await save({ name: '快递物流行业党委', type: 'industry', parentId: district.id });
  const food = await save({ name: '外卖送餐行业党委', type: 'industry', parentId: district.id });
  const expressBranch = await save({ name: '快递流动党支部', type: 'branch', parentId: express.id });
  const foodBranch = await save({ name: '外卖骑手党支部', type: 'branch', parentId: food.id });
  // A station is made with its record; as an org of the tree it is this.
  const saved = await call<{ id: string; name: string }>(
    SUPERADMIN,
    'station',
    'saveStation',
    stationInput(district.id),
  );
  const station: Org = {
    id: saved.id,
    name: saved.name,
    type: 'station',
    parentId: district.id,
    ancestors: [district.id],
    sort: 0,
  };
  const otherDistrict = await save({ name: '另一区委', type: 'district', parentId: null });
  const otherBranch = await save({ name: '另一区党支部', type: 'branch', parentId: otherDistrict.id });
  return { district, express, expressBranch, food, foodBranch, station, otherDistrict, otherBranch };
}

/** A valid station (the city east station: 09:00–21:00, water, charging, rest), under `parentId`. */
export function stationInput(parentId: string, overrides: Partial<SaveStationRequest> = {}): SaveStationRequest {
  return {
    parentId,
    name: '城东党群服务驿站',
    kind: 'station',
    number: 'CD-01',
    address: '示例路 1 号',
    location: { lat: 29.5, lng: 106.5 },
    facilities: ['water', 'charging', 'rest'],
    services: [{ category: 'care', items: ['免费饮水', '手机充电', '休息'] }],
    hours: { allDay: false, periods: [{ from: '09:00', to: '21:00' }], nightAccess: false },
    manager: { name: '王站长', phone: '02388886666' },
    ...overrides,
  };
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

export async function registerWorkerWith(
  call: Call,
  openid: string,
  orgId: string,
  overrides: Partial<RegisterWorkerRequest> = {},
): Promise<MyProfile> {
  await call(openid, 'user', 'login');
  return call<MyProfile>(openid, 'user', 'registerWorker', workerForm(orgId, overrides));
}

export async function makeAdminWith(call: Call, openid: string, orgIds: string[]): Promise<MyProfile> {
  const { profile } = await call<{ profile: MyProfile }>(openid, 'user', 'login');
  await call(SUPERADMIN, 'user', 'setRoles', { userId: profile.userId, admin: true, adminOrgIds: orgIds });
  return call<MyProfile>(openid, 'user', 'getProfile');
}
