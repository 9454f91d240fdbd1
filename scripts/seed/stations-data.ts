// The demo district's "1+6+N" station network: one service centre, six stations and
// thirty service points (partner shops, petrol stations, community rooms), spread
// over about six kilometres so that every rider is a few minutes from one.
// Everything is fictional: names, addresses (marked 演示), managers, and phone
// numbers of the form 0571-0000xxxx, which no one answers.
import type { Facility, OpeningHours, StationKind, StationService } from '../../typings/station';
import { SEED_ORG_IDS } from './orgs';

const O = SEED_ORG_IDS;

export interface DemoStation {
  id: string;
  /** An org already in the tree (orgs.ts), or null: this module adds it under `parentId`. */
  existingOrg: boolean;
  parentId: string;
  name: string;
  kind: StationKind;
  number: string;
  address: string;
  lat: number;
  lng: number;
  facilities: Facility[];
  services: StationService[];
  hours: OpeningHours;
  phone: string;
  manager: { name: string; phone: string };
  note: string;
  sort: number;
}

const daily = (from: string, to: string, nightAccess = false): OpeningHours => ({
  allDay: false,
  periods: [{ from, to }],
  nightAccess,
});
const ALL_DAY: OpeningHours = { allDay: true, periods: [], nightAccess: false };

const CARE: StationService = { category: 'care', items: ['免费饮水', '手机充电', '休息座椅', '热饭'] };
const HEALTH: StationService = { category: 'health', items: ['血压测量', '应急药箱'] };
const SAFETY: StationService = { category: 'safety', items: ['交通安全课', '电动车检查'] };
const LEGAL: StationService = { category: 'legal', items: ['劳动权益咨询', '职业伤害保障咨询'] };
const GOV: StationService = { category: 'government', items: ['社保参保指引', '居住证办理指引'] };
const CHARITY: StationService = { category: 'charity', items: ['爱心雨具', '志愿者服务'] };

const phone = (n: number) => `0571-0000${String(n).padStart(4, '0')}`;

/** The centre and the six stations (two of them, 城东 and 西湖, are already orgs of the tree). */
const HUBS: DemoStation[] = [
  {
    id: 'st-center',
    existingOrg: false,
    parentId: O.district,
    name: '示例区新就业群体党群服务中心',
    kind: 'center',
    number: 'ZX-01',
    address: '示例市中心区人民路 1 号（演示地址）',
    lat: 30.268,
    lng: 120.148,
    facilities: ['water', 'charging', 'rest', 'toilet', 'microwave', 'first_aid', 'wifi', 'umbrella', 'parking'],
    services: [CARE, HEALTH, SAFETY, LEGAL, GOV, CHARITY],
    hours: daily('08:00', '22:00', true),
    phone: phone(1),
    manager: { name: '周主任（示例）', phone: phone(101) },
    note: '22:00 后扫门口二维码可进入休息区。',
    sort: 0,
  },
  {
    id: O.stationEast,
    existingOrg: true,
    parentId: O.streetEast,
    name: '城东党群服务驿站',
    kind: 'station',
    number: 'YZ-01',
    address: '示例市城东区和平路 18 号（演示地址）',
    lat: 30.27,
    lng: 120.16,
    facilities: ['water', 'charging', 'rest', 'toilet', 'microwave', 'first_aid'],
    services: [CARE, HEALTH, LEGAL],
    hours: daily('08:00', '22:00'),
    phone: phone(2),
    manager: { name: '李站长（示例）', phone: phone(102) },
    note: '',
    sort: 1,
  },
  {
    id: O.stationWest,
    existingOrg: true,
    parentId: O.food,
    name: '骑手之家·西湖驿站',
    kind: 'station',
    number: 'YZ-02',
    address: '示例市西城区文化路 66 号（演示地址）',
    lat: 30.26,
    lng: 120.12,
    facilities: ['water', 'charging', 'rest', 'umbrella', 'air_pump'],
    services: [CARE, CHARITY],
    hours: ALL_DAY,
    phone: phone(3),
    manager: { name: '陈站长（示例）', phone: phone(103) },
    note: '全天开放，夜间有值班员。',
    sort: 2,
  },
  {
    id: 'st-south',
    existingOrg: false,
    parentId: O.streetEast,
    name: '城南快递小哥驿站',
    kind: 'station',
    number: 'YZ-03',
    address: '示例市城南区江滨路 35 号（演示地址）',
    lat: 30.238,
    lng: 120.152,
    facilities: ['water', 'charging', 'rest', 'toilet', 'first_aid'],
    services: [CARE, SAFETY],
    hours: daily('07:00', '23:00'),
    phone: phone(4),
    manager: { name: '赵站长（示例）', phone: phone(104) },
    note: '',
    sort: 3,
  },
  {
    id: 'st-north',
    existingOrg: false,
    parentId: O.express,
    name: '城北物流园驿站',
    kind: 'station',
    number: 'YZ-04',
    address: '示例市城北区物流大道 200 号（演示地址）',
    lat: 30.302,
    lng: 120.158,
    facilities: ['water', 'charging', 'rest', 'toilet', 'microwave', 'parking'],
    services: [CARE, LEGAL, GOV],
    hours: daily('08:00', '20:00', true),
    phone: phone(5),
    manager: { name: '孙站长（示例）', phone: phone(105) },
    note: '夜间扫码进入，仅开放休息区和充电区。',
    sort: 4,
  },
  {
    id: 'st-mall',
    existingOrg: false,
    parentId: O.food,
    name: '中心商圈外卖驿站',
    kind: 'station',
    number: 'YZ-05',
    address: '示例市中心区新华路商场负一层（演示地址）',
    lat: 30.275,
    lng: 120.138,
    facilities: ['water', 'charging', 'rest', 'microwave', 'wifi'],
    services: [CARE, HEALTH],
    hours: daily('10:00', '23:30'),
    phone: phone(6),
    manager: { name: '吴站长（示例）', phone: phone(106) },
    note: '',
    sort: 5,
  },
  {
    id: 'st-night',
    existingOrg: false,
    parentId: O.transport,
    name: '网约车司机夜间驿站',
    kind: 'station',
    number: 'YZ-06',
    address: '示例市西城区高架桥下停车场旁（演示地址）',
    lat: 30.252,
    lng: 120.134,
    facilities: ['water', 'charging', 'rest', 'toilet', 'parking'],
    services: [CARE, SAFETY],
    hours: daily('22:00', '06:00'),
    phone: phone(7),
    manager: { name: '郑站长（示例）', phone: phone(107) },
    note: '夜间营业，白天关闭。',
    sort: 6,
  },
];

/** The thirty service points: a fixed pattern, so every seeding gives the same network. */
const POINT_PLACES = [
  '便利店',
  '加油站',
  '社区服务站',
  '药店',
  '书店',
  '银行网点',
  '汽修店',
  '面馆',
  '菜市场',
  '公园管理处',
];
const POINT_STREETS = ['和平路', '文化路', '人民路', '江滨路', '新华路', '解放路'];
const POINT_FACILITIES: Facility[][] = [
  ['water', 'charging'],
  ['water', 'rest', 'toilet'],
  ['water', 'charging', 'rest'],
  ['water', 'first_aid'],
  ['water', 'charging', 'microwave'],
];
const POINT_HOURS: OpeningHours[] = [
  daily('08:00', '21:00'),
  daily('07:00', '22:00'),
  ALL_DAY,
  daily('09:00', '18:00'),
];
const POINT_PARENTS = [O.streetEast, O.express, O.food, O.transport, O.internet];

const POINTS: DemoStation[] = Array.from({ length: 30 }, (_, i) => {
  // A rough spiral around the centre, out to about six kilometres.
  const angle = i * 2.4;
  const r = 0.012 + 0.0018 * i;
  const street = POINT_STREETS[i % POINT_STREETS.length]!;
  return {
    id: `st-point-${String(i + 1).padStart(2, '0')}`,
    existingOrg: false,
    parentId: POINT_PARENTS[i % POINT_PARENTS.length]!,
    name: `${street}${POINT_PLACES[i % POINT_PLACES.length]}爱心服务点`,
    kind: 'point' as const,
    number: `FW-${String(i + 1).padStart(2, '0')}`,
    address: `示例市${street} ${10 + i * 7} 号（演示地址）`,
    lat: Math.round((30.268 + r * Math.sin(angle)) * 1e5) / 1e5,
    lng: Math.round((120.148 + r * 1.15 * Math.cos(angle)) * 1e5) / 1e5,
    facilities: POINT_FACILITIES[i % POINT_FACILITIES.length]!,
    services: [CARE],
    hours: POINT_HOURS[i % POINT_HOURS.length]!,
    phone: phone(100 + i),
    manager: { name: '店长（示例）', phone: phone(200 + i) },
    note: '',
    sort: 10 + i,
  };
});

export const DEMO_STATIONS: DemoStation[] = [...HUBS, ...POINTS];
