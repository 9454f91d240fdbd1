// Demo demands and 随手拍 reports (fictional people, places and phone numbers) in
// the states an organiser's workbench shows: one being worked on and overdue, one
// nobody responded to (red flag, overdue), one returned for re-assignment, one
// answered, rated and on the public board, and reports — a verified first report
// with its photo, a duplicate of it, an anonymous one waiting. Dates are fixed in
// November 2026, inside the working-day calendar, so seeding at any time gives the
// same cases (and the same overdue ones); ids are fixed and written with set(), so
// seeding twice changes nothing. The two demo riders have their 蜂力值 from the
// verified reports in the ledger.
import type { CaseDoc, TimelineRecord } from '../../cloudfunctions/_shared/stores/cases';
import { addWorkingDays } from '../../cloudfunctions/_shared/workdays';
import type { SeedModule } from './index';
import { solidPng } from './png';
import { SEED_ORG_IDS as O } from './orgs';

export const SEED_CASE_IDS = {
  overdue: 'case-demo-charging',
  unanswered: 'case-demo-penalty',
  returned: 'case-demo-parking',
  onBoard: 'case-demo-toilet',
  report: 'case-demo-pothole',
  duplicate: 'case-demo-pothole-2',
  anonymous: 'case-demo-hazard',
} as const;

export const SEED_RIDERS = [
  {
    _id: 'user-demo-001',
    openid: 'demo-rider-1',
    realName: '王示例',
    phone: '13900000011',
    orgId: O.expressBranch,
  },
  { _id: 'user-demo-002', openid: 'demo-rider-2', realName: '刘演示', phone: '13900000022', orgId: O.foodBranch },
] as const;

const ORGS: Record<string, { name: string; path: string[] }> = {
  [O.expressBranch]: { name: '快递小哥流动党支部', path: [O.district, O.express, O.expressBranch] },
  [O.express]: { name: '快递物流行业党委', path: [O.district, O.express] },
  [O.foodBranch]: { name: '外卖骑手流动党支部', path: [O.district, O.food, O.foodBranch] },
  [O.streetEast]: { name: '城东街道党工委', path: [O.district, O.streetEast] },
};

/** Beijing wall time. */
const bj = (s: string) => new Date(`2026-${s}+08:00`);

type Rider = (typeof SEED_RIDERS)[number];

function step(
  at: Date,
  kind: TimelineRecord['kind'],
  text: string,
  by: TimelineRecord['by'],
  orgId = '',
): TimelineRecord {
  return {
    at,
    kind,
    text,
    orgId,
    orgName: orgId ? ORGS[orgId]!.name : '',
    by,
    actorUserId: '',
    public: !['flagged', 'reminded', 'overdue_notice', 'escalated'].includes(kind),
  };
}

function base(
  id: string,
  kind: CaseDoc['kind'],
  category: CaseDoc['category'],
  rider: Rider | null,
  orgId: string,
  submittedAt: Date,
  fields: Partial<CaseDoc>,
): CaseDoc {
  const org = ORGS[orgId]!;
  return {
    _id: id,
    kind,
    category,
    title: '',
    description: '',
    photos: [],
    location: null,
    address: '',
    source: { kind: 'worker' },
    raiser: rider ? { userId: rider._id, openid: rider.openid, name: rider.realName, phone: rider.phone } : null,
    anonymous: false,
    publicOptIn: false,
    urgent: false,
    orgId,
    orgName: org.name,
    orgPath: org.path,
    state: 'submitted',
    version: 0,
    submittedAt,
    respondBy: addWorkingDays(submittedAt, 1),
    dueAt: addWorkingDays(submittedAt, 5),
    answerDays: 5,
    assignedAt: null,
    acceptedAt: null,
    firstResponseAt: null,
    lastActivityAt: submittedAt,
    answeredAt: null,
    firstAnsweredAt: null,
    closedAt: null,
    closedBy: null,
    answer: null,
    extension: null,
    returned: null,
    reopen: null,
    reopenCount: 0,
    rating: null,
    ratedAt: null,
    ratingComment: '',
    rejectReason: '',
    duplicateOf: null,
    verification: null,
    flags: {},
    notices: {},
    timeline: [step(submittedAt, 'submitted', `已提交至${org.name}`, 'raiser', orgId)],
    createdAt: submittedAt,
    updatedAt: submittedAt,
    ...fields,
  };
}

function demoCases(photos: Record<'first' | 'duplicate' | 'anonymous', string>): CaseDoc[] {
  const [wang, liu] = SEED_RIDERS;
  const S = SEED_CASE_IDS;
  const cases: CaseDoc[] = [];

  const charging = base(S.overdue, 'demand', 'conditions', wang, O.expressBranch, bj('11-16T09:30:00'), {
    title: '城东驿站夜间充电桩不够用（演示）',
    description: '晚上十点后驿站只有两个充电桩能用，排队要一个小时，希望增加充电桩或延长开放时间。',
    state: 'in_progress',
    version: 2,
    assignedAt: bj('11-16T14:00:00'),
    acceptedAt: bj('11-16T14:00:00'),
    firstResponseAt: bj('11-16T14:00:00'),
    lastActivityAt: bj('11-18T10:00:00'),
  });
  charging.timeline.push(
    step(bj('11-16T14:00:00'), 'accepted', '快递小哥流动党支部已受理', 'organiser', O.expressBranch),
    step(bj('11-18T10:00:00'), 'updated', '已联系驿站和供电所，正在评估增容方案。', 'organiser', O.expressBranch),
  );
  cases.push(charging);

  cases.push(
    base(S.unanswered, 'demand', 'rights', liu, O.foodBranch, bj('11-23T10:00:00'), {
      title: '暴雨天仍按超时扣款（演示）',
      description: '上周暴雨平台仍按正常时效考核，多单被判超时扣款，希望协调平台在恶劣天气放宽时效。',
    }),
  );

  const parking = base(S.returned, 'demand', 'traffic', wang, O.express, bj('11-19T15:00:00'), {
    title: '写字楼门口没有临时停车位（演示）',
    description: '示例大厦门口禁止电动车停放，送件只能停在两百米外，希望设置临时停车区。',
    state: 'returned',
    version: 2,
    orgName: ORGS[O.express]!.name,
    assignedAt: bj('11-20T09:00:00'),
    acceptedAt: bj('11-20T09:00:00'),
    firstResponseAt: bj('11-20T09:00:00'),
    lastActivityAt: bj('11-23T11:00:00'),
    returned: {
      fromOrgId: O.expressBranch,
      fromOrgName: ORGS[O.expressBranch]!.name,
      reason: '属于街道管理事项',
      at: bj('11-23T11:00:00'),
    },
  });
  parking.timeline.push(
    step(bj('11-20T09:00:00'), 'accepted', '快递小哥流动党支部已受理', 'organiser', O.expressBranch),
    step(
      bj('11-23T11:00:00'),
      'returned',
      '快递小哥流动党支部因分派有误退回快递物流行业党委重新分派：属于街道管理事项',
      'organiser',
      O.expressBranch,
    ),
  );
  cases.push(parking);

  const answer = '驿站已加装两个夜间可用的卫生间，22:00 后扫码开门，欢迎骑手使用。';
  const toilet = base(S.onBoard, 'demand', 'conditions', liu, O.streetEast, bj('11-09T11:00:00'), {
    title: '夜间找不到可用的卫生间（演示）',
    description: '夜里送餐时附近公厕都关门了，希望驿站夜间开放卫生间。',
    publicOptIn: true,
    state: 'closed',
    version: 3,
    assignedAt: bj('11-09T15:00:00'),
    acceptedAt: bj('11-09T15:00:00'),
    firstResponseAt: bj('11-09T15:00:00'),
    lastActivityAt: bj('11-12T16:00:00'),
    answeredAt: bj('11-12T16:00:00'),
    firstAnsweredAt: bj('11-12T16:00:00'),
    closedAt: bj('11-13T09:00:00'),
    closedBy: 'raiser',
    answer: { text: answer, at: bj('11-12T16:00:00'), orgName: ORGS[O.streetEast]!.name, templateId: null },
    rating: 'satisfied',
    ratedAt: bj('11-13T09:00:00'),
    notices: { answered: { status: 'sent', at: bj('11-12T16:00:00') } },
  });
  toilet.timeline.push(
    step(bj('11-09T15:00:00'), 'accepted', '城东街道党工委已受理', 'organiser', O.streetEast),
    step(bj('11-12T16:00:00'), 'answered', answer, 'organiser', O.streetEast),
    step(bj('11-13T09:00:00'), 'confirmed', '提出人确认办结，评价：满意', 'raiser'),
  );
  cases.push(toilet);

  const pothole = base(S.report, 'report', 'road', wang, O.streetEast, bj('11-24T08:10:00'), {
    title: '和平路口井盖缺失（演示）',
    description: '和平路与文化路口的井盖缺失，夜里骑车很危险。',
    address: '示例市和平路与文化路交叉口（演示地址）',
    location: { lat: 30.271, lng: 120.161 },
    photos: [{ fileId: photos.first, check: 'pass', traceId: null, checkedAt: bj('11-24T08:11:00') }],
    state: 'accepted',
    version: 2,
    assignedAt: bj('11-24T09:00:00'),
    acceptedAt: bj('11-24T09:00:00'),
    firstResponseAt: bj('11-24T09:00:00'),
    lastActivityAt: bj('11-24T09:30:00'),
    verification: { valid: true, at: bj('11-24T09:30:00'), by: '', note: '', points: 10 },
  });
  pothole.timeline.push(
    step(bj('11-24T09:00:00'), 'accepted', '城东街道党工委已受理', 'organiser', O.streetEast),
    step(bj('11-24T09:30:00'), 'verified', '核实为有效问题，获得 10 蜂力值', 'organiser', O.streetEast),
  );
  cases.push(pothole);

  const duplicate = base(S.duplicate, 'report', 'road', liu, O.streetEast, bj('11-24T12:40:00'), {
    title: '道路设施问题随手拍',
    description: '路口少了一个井盖',
    address: '和平路口（演示地址）',
    photos: [{ fileId: photos.duplicate, check: 'pass', traceId: null, checkedAt: bj('11-24T12:41:00') }],
    state: 'rejected',
    version: 2,
    firstResponseAt: bj('11-24T14:00:00'),
    lastActivityAt: bj('11-24T14:00:00'),
    duplicateOf: S.report,
    rejectReason: '与已受理的事项重复',
    verification: { valid: true, at: bj('11-24T14:00:00'), by: '', note: '', points: 1 },
  });
  duplicate.timeline.push(
    step(
      bj('11-24T14:00:00'),
      'duplicate',
      '与已受理的「和平路口井盖缺失（演示）」重复，请关注该事项的办理进展',
      'organiser',
      O.streetEast,
    ),
    step(bj('11-24T14:00:00'), 'verified', '核实为有效问题，获得 1 蜂力值', 'organiser', O.streetEast),
  );
  cases.push(duplicate);

  cases.push(
    base(S.anonymous, 'report', 'hazard', null, O.streetEast, bj('11-25T21:00:00'), {
      title: '安全隐患问题随手拍',
      description: '桥下广告牌松动，风大时摇晃（演示）',
      address: '示例市城东区滨河桥下（演示地址）',
      anonymous: true,
      photos: [{ fileId: photos.anonymous, check: 'pending', traceId: null, checkedAt: null }],
    }),
  );
  return cases;
}

/** The demo riders' points: the verified reports' awards, as the ledger records them. */
const AWARDS = [
  {
    key: `case-report:${SEED_CASE_IDS.report}:${SEED_RIDERS[0]._id}`,
    rider: SEED_RIDERS[0],
    amount: 10,
    title: '随手拍：道路设施（首报）',
    source: SEED_CASE_IDS.report,
    at: bj('11-24T09:30:00'),
  },
  {
    key: `case-report:${SEED_CASE_IDS.report}:${SEED_RIDERS[1]._id}`,
    rider: SEED_RIDERS[1],
    amount: 1,
    title: '随手拍：道路设施（重复上报）',
    source: SEED_CASE_IDS.duplicate,
    at: bj('11-24T14:00:00'),
  },
];

export const caseSeed: SeedModule = {
  name: 'cases',
  async run(db, now, app) {
    let n = 0;
    for (const r of SEED_RIDERS) {
      const points = AWARDS.filter((a) => a.rider._id === r._id).reduce((s, a) => s + a.amount, 0);
      await db
        .collection('users')
        .doc(r._id)
        .set({
          openid: r.openid,
          nickname: r.realName,
          avatarFileId: '',
          status: 'active',
          worker: {
            realName: r.realName,
            phone: r.phone,
            occupation: r.orgId === O.foodBranch ? 'food_delivery' : 'courier',
            platform: '示例平台（演示）',
            orgId: r.orgId,
            orgName: ORGS[r.orgId]!.name,
            isPartyMember: false,
            branchName: '',
            consentVersion: '2026-11',
            consentAt: bj('11-01T09:00:00'),
            orgPath: ORGS[r.orgId]!.path,
          },
          memberStatus: 'none',
          memberRejectReason: '',
          adminOrgIds: [],
          points: { balance: points, earned: points, spent: 0 },
          createdAt: bj('11-01T09:00:00'),
          updatedAt: now,
        });
      n++;
    }
    for (const a of AWARDS) {
      await db
        .collection('points_ledger')
        .doc(a.key)
        .set({
          userId: a.rider._id,
          amount: a.amount,
          reason: 'case_report',
          title: a.title,
          sourceId: a.source,
          day: a.at.toISOString().slice(0, 10),
          createdAt: a.at,
        });
      n++;
    }
    // Each reporter's photo in their own upload folder (the anonymous one's too: a visitor's).
    const upload = async (path: string) => (await app.uploadFile({ cloudPath: path, fileContent: demoPng() })).fileID;
    const photos = {
      first: await upload(`cases/${SEED_RIDERS[0]._id}/demo-pothole.png`),
      duplicate: await upload(`cases/${SEED_RIDERS[1]._id}/demo-pothole.png`),
      anonymous: await upload('cases/user-demo-visitor/demo-billboard.png'),
    };
    for (const { _id, ...c } of demoCases(photos)) {
      await db.collection('cases').doc(_id).set(c);
      n++;
    }
    return n;
  },
};

/** A small grey PNG standing in for the pothole photo. */
function demoPng(): Buffer {
  return solidPng(8, 8, [128, 128, 128]);
}
