// Arrangements made through the real functions, whatever carries the calls: the
// node-side harness (test/support/fixtures.ts) and the page backend
// (test/pages/support/fixtures.ts) both pass their own `call`. Types only here,
// so page tests can import it without loading the emulator.
import type { Org } from '../../typings/org';
import type { SaveMeetingRequest } from '../../typings/roundtable';
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

const HOUR_MS = 3_600_000;

/**
 * A valid round-table under `orgId` at a station (or at `venue`): it starts
 * `startsInH` hours after `base` (default 3 days), lasts 2 h, sign-up until 1 h
 * before, 20 seats.
 */
export function meetingInput(
  orgId: string,
  stationId: string,
  overrides: Partial<SaveMeetingRequest> & { base?: number; startsInH?: number } = {},
): SaveMeetingRequest {
  const { base = Date.now(), startsInH = 72, ...rest } = overrides;
  const start = base + startsInH * HOUR_MS;
  return {
    kind: 'roundtable',
    title: '小哥圆桌会：充电与停车',
    topic: '电动车充电难、停车难',
    description: '人社、市场监管和平台站长与骑手面对面。',
    venue: { stationId },
    startAt: new Date(start).toISOString(),
    endAt: new Date(start + 2 * HOUR_MS).toISOString(),
    deadline: new Date(start - HOUR_MS).toISOString(),
    capacity: 20,
    occupations: ['food_delivery', 'courier'],
    guests: [{ department: '区人社局', name: '王示例', title: '副局长' }, { department: '区总工会' }],
    orgId,
    ...rest,
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
