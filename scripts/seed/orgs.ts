// Demo organisation tree: one district with industry committees, streets, branches
// (including a mobile branch) and service stations. Names and addresses are fictional.
import type { SeedModule } from './index';

export const SEED_ORG_IDS = {
  district: 'org-district',
  express: 'org-express',
  food: 'org-food',
  transport: 'org-transport',
  internet: 'org-internet',
  streetEast: 'org-street-east',
  expressBranch: 'org-express-branch',
  foodBranch: 'org-food-branch',
  rideBranch: 'org-ride-branch',
  streamerBranch: 'org-streamer-branch',
  stationEast: 'org-station-east',
  stationWest: 'org-station-west',
} as const;

const O = SEED_ORG_IDS;

const orgs = [
  { _id: O.district, name: '示例区委（演示）', type: 'district', parentId: null, ancestors: [], sort: 0 },
  {
    _id: O.express,
    name: '快递物流行业党委',
    type: 'industry',
    parentId: O.district,
    ancestors: [O.district],
    sort: 1,
  },
  { _id: O.food, name: '外卖送餐行业党委', type: 'industry', parentId: O.district, ancestors: [O.district], sort: 2 },
  {
    _id: O.transport,
    name: '交通运输行业党委',
    type: 'industry',
    parentId: O.district,
    ancestors: [O.district],
    sort: 3,
  },
  { _id: O.internet, name: '互联网行业党委', type: 'industry', parentId: O.district, ancestors: [O.district], sort: 4 },
  { _id: O.streetEast, name: '城东街道党工委', type: 'street', parentId: O.district, ancestors: [O.district], sort: 5 },
  {
    _id: O.expressBranch,
    name: '快递小哥流动党支部',
    type: 'branch',
    parentId: O.express,
    ancestors: [O.district, O.express],
    sort: 1,
  },
  {
    _id: O.foodBranch,
    name: '外卖骑手流动党支部',
    type: 'branch',
    parentId: O.food,
    ancestors: [O.district, O.food],
    sort: 1,
  },
  {
    _id: O.rideBranch,
    name: '网约车司机党支部',
    type: 'branch',
    parentId: O.transport,
    ancestors: [O.district, O.transport],
    sort: 1,
  },
  {
    _id: O.streamerBranch,
    name: '网络主播党支部',
    type: 'branch',
    parentId: O.internet,
    ancestors: [O.district, O.internet],
    sort: 1,
  },
  {
    _id: O.stationEast,
    name: '城东党群服务驿站',
    type: 'station',
    parentId: O.streetEast,
    ancestors: [O.district, O.streetEast],
    sort: 1,
  },
  {
    _id: O.stationWest,
    name: '骑手之家·西湖驿站',
    type: 'station',
    parentId: O.food,
    ancestors: [O.district, O.food],
    sort: 2,
  },
];

export const orgSeed: SeedModule = {
  name: 'orgs',
  async run(db, now) {
    for (const { _id, ...o } of orgs)
      await db
        .collection('orgs')
        .doc(_id)
        .set({ ...o, createdAt: now, updatedAt: now });
    return orgs.length;
  },
};
