// The demo volunteer team (先锋骑士, fictional people and numbers): members in
// every review state, activities held (scanned in and out, hours credited; one
// member forgot to check out) and coming, and a self-reported service waiting for
// review. Days are relative to the seed's Beijing day.
import type { VolunteerMemberStatus, VolunteerServiceType } from '../../typings/volunteer-team';
import type { Occupation } from '../../typings/user';
import { SEED_ORG_IDS } from './orgs';

const O = SEED_ORG_IDS;

export const VOLUNTEER_ORGS = {
  [O.expressBranch]: { name: '快递小哥流动党支部', path: [O.district, O.express, O.expressBranch] },
  [O.foodBranch]: { name: '外卖骑手流动党支部', path: [O.district, O.food, O.foodBranch] },
} as const;

type OrgKey = keyof typeof VOLUNTEER_ORGS;

export interface DemoVolunteer {
  id: string;
  openid: string;
  realName: string;
  phone: string;
  occupation: Occupation;
  platform: string;
  orgId: OrgKey;
  status: VolunteerMemberStatus;
  statusReason: string;
  /** Days before the seed's day that they applied. */
  appliedDaysAgo: number;
  onLeaderboard: boolean;
}

const vol = (
  n: number,
  realName: string,
  occupation: Occupation,
  orgId: OrgKey,
  status: VolunteerMemberStatus,
  extra: Partial<DemoVolunteer> = {},
): DemoVolunteer => {
  const num = String(n).padStart(2, '0');
  return {
    id: `seed-user-vol-${num}`,
    openid: `seed-volunteer-${num}`,
    realName,
    phone: `1980000${String(n).padStart(4, '0')}`,
    occupation,
    platform: occupation === 'courier' ? '示例快递公司' : '示例外卖平台',
    orgId,
    status,
    statusReason: '',
    appliedDaysAgo: 40 - n,
    onLeaderboard: true,
    ...extra,
  };
};

export const DEMO_VOLUNTEERS: DemoVolunteer[] = [
  vol(1, '马先锋（示例）', 'food_delivery', O.foodBranch, 'approved'),
  vol(2, '高骑士（示例）', 'courier', O.expressBranch, 'approved'),
  vol(3, '林热心（示例）', 'food_delivery', O.foodBranch, 'approved'),
  vol(4, '郭守护（示例）', 'courier', O.expressBranch, 'approved', { onLeaderboard: false }),
  vol(5, '何网格（示例）', 'food_delivery', O.foodBranch, 'approved'),
  vol(6, '罗互助（示例）', 'courier', O.expressBranch, 'approved'),
  vol(7, '宋新人（示例）', 'food_delivery', O.foodBranch, 'pending', { appliedDaysAgo: 1 }),
  vol(8, '唐报名（示例）', 'courier', O.expressBranch, 'pending', { appliedDaysAgo: 2 }),
  vol(9, '韩待补（示例）', 'food_delivery', O.foodBranch, 'rejected', {
    statusReason: '手机号与注册信息不一致，请核对后重新申请',
    appliedDaysAgo: 5,
  }),
];

export interface DemoAttendance {
  /** Index into DEMO_VOLUNTEERS. */
  who: number;
  /** Minutes after the start they scanned in (negative: before). */
  inAt?: number;
  /** Minutes after the start they scanned out; absent: never (a forgotten check-out). */
  outAt?: number;
  /** Signed up only (upcoming activities). */
  confirmed?: boolean;
}

export interface DemoActivity {
  id: string;
  title: string;
  serviceType: VolunteerServiceType;
  description: string;
  venue: { name: string; address: string };
  /** Days from the seed's Beijing day, and the Beijing hour it starts. */
  day: number;
  hour: number;
  minutes: number;
  capacity: number;
  orgId: OrgKey;
  people: DemoAttendance[];
}

export const DEMO_ACTIVITIES: DemoActivity[] = [
  {
    id: 'va-seed-traffic',
    title: '早高峰路口文明交通劝导',
    serviceType: 'traffic',
    description: '在示例路与和平路路口协助交警劝导电动车戴头盔、不逆行。（演示数据）',
    venue: { name: '示例路与和平路路口（演示）', address: '示例区示例路 88 号（演示）' },
    day: -7,
    hour: 7,
    minutes: 120,
    capacity: 10,
    orgId: O.foodBranch,
    people: [
      { who: 0, inAt: -5, outAt: 121 },
      { who: 1, inAt: 10, outAt: 115 },
      { who: 2, inAt: 0, outAt: 118 },
      { who: 3, inAt: 2, outAt: 120 },
    ],
  },
  {
    id: 'va-seed-community',
    title: '为独居老人送餐上门',
    serviceType: 'care',
    description: '给城东社区的独居老人送午餐并陪聊，每户约 15 分钟。（演示数据）',
    venue: { name: '城东社区服务中心（演示）', address: '示例区城东路 12 号（演示）' },
    day: -3,
    hour: 11,
    minutes: 150,
    capacity: 8,
    orgId: O.expressBranch,
    people: [
      { who: 1, inAt: 0, outAt: 150 },
      { who: 4, inAt: 5, outAt: 140 },
      { who: 5, inAt: 3 },
    ],
  },
  {
    id: 'va-seed-safety',
    title: '驿站夏季骑行安全宣讲',
    serviceType: 'publicity',
    description: '向来驿站休息的骑手讲解雨天骑行和防暑要点，发放反光贴。（演示数据）',
    venue: { name: '城东党群服务驿站（演示）', address: '示例区城东路 1 号（演示）' },
    day: 2,
    hour: 14,
    minutes: 90,
    capacity: 12,
    orgId: O.foodBranch,
    people: [
      { who: 0, confirmed: true },
      { who: 2, confirmed: true },
    ],
  },
  {
    id: 'va-seed-grid',
    title: '周末网格巡查：电动车充电隐患',
    serviceType: 'grid_patrol',
    description: '和社区网格员一起巡查楼道飞线充电，登记隐患并上报。（演示数据）',
    venue: { name: '城西片区（演示）', address: '示例区城西街 5 号（演示）' },
    day: 5,
    hour: 9,
    minutes: 180,
    capacity: 6,
    orgId: O.expressBranch,
    people: [{ who: 5, confirmed: true }],
  },
];

/** A self-reported service waiting for review (its photo is uploaded by the seed). */
export const DEMO_SERVICE_REPORT = {
  id: 'sv-seed-road-help',
  who: 4,
  serviceType: 'road_help' as const,
  text: '送餐途中遇到一位老人电动车没电停在路边，帮忙推到附近驿站充电并联系了家属。（演示数据）',
  daysAgo: 1,
  hour: 19,
  minutes: 40,
};
