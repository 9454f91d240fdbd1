// The world the generated suites run in: one district with its users (a visitor,
// a worker, a verified party member, admins), another district with content of
// every kind (a quote, a published lecture, a campaign taking nominations, one
// voting with a candidate, a nomination carrying a private name and phone), and
// for each action the calls the suites need:
//   SCOPE_PROBES — for each privileged action, a valid input that targets the
//     other district (an admin of the first is refused it: scope, not role);
//   USER_PROBES — for each other action, a call someone else might make, whose
//     reply the privacy hook inspects for the first users' secrets.
// A new action without its probe fails the suites, so it cannot ship unchecked.
import type { MyProfile } from '../../typings/user';
import { campaignInput, campaignWithCandidates } from './campaign-fixtures';
import { type Caller, makeAdmin, type OrgFixture, registerWorker, seedOrgs } from './fixtures';
import { meetingInput, stationInput, SUPERADMIN } from './arrange';

export interface World {
  orgs: OrgFixture;
  quoteInOther: string;
  lectureInOther: string;
  /** Campaigns of the other district: one taking nominations, one voting (with a candidate). */
  nominatingInOther: string;
  votingInOther: string;
  candidateInOther: string;
  nominationInOther: string;
  /** A service station of the other district. */
  stationInOther: string;
  /** A round-table of the other district, three days ahead, at its station; the outsider signed up with a topic. */
  meetingInOther: string;
  /** A round-table of the other district that ended nine days ago (its minutes can be published). */
  endedMeetingInOther: string;
  /** A worker registered in the first district (in scope of that district's admins). */
  worker: MyProfile;
  /** A worker in the other district: out of scope for the first district's admins. */
  outsider: MyProfile;
  /** The outsider's demands: one waiting for acceptance, one answered and on the public board. */
  caseInOther: string;
  answeredCaseInOther: string;
  /** The volunteer team in the other district: the outsider is an approved member. */
  volunteer: VolunteerWorld;
  /** The points shop: goods of the other district, and the outsider's pending order of it (with its pickup code). */
  goodsInOther: string;
  orderInOther: string;
  pickupCodeInOther: string;
}

/** Volunteer activities of the other district: one ahead, one ended (the outsider scanned in and out, credited), and the outsider's pending claim and certificate. */
export interface VolunteerWorld {
  upcoming: string;
  ended: string;
  claim: string;
  certificate: string;
}

/** The callers of the permission matrix, each with the roles the world gives them. */
export const CALLERS = {
  anonymous: '',
  visitor: 'o-visitor',
  worker: 'o-worker',
  member: 'o-member',
  adminOfAnotherOrg: 'o-admin',
  admin: 'o-admin-other',
  superadmin: SUPERADMIN,
} as const;
export type CallerName = keyof typeof CALLERS;

/** Admin of a branch only: refused district-wide settings. */
export const BRANCH_ADMIN = 'o-branch-admin';
/** Logged in, registered nowhere: the second user of the privacy probes. */
export const OTHER_USER = 'o-other';

export async function buildWorld(h: Caller): Promise<World> {
  const orgs = await seedOrgs(h);
  const worker = await registerWorker(h, CALLERS.worker, orgs.expressBranch.id, {
    realName: '赵保密',
    phone: '13812345678',
  });
  const outsider = await registerWorker(h, 'o-outsider', orgs.otherBranch.id, {
    realName: '钱隐私',
    phone: '13787654321',
    isPartyMember: true,
    branchName: '另一区党支部',
  });
  const member = await registerWorker(h, CALLERS.member, orgs.foodBranch.id, {
    realName: '孙党员',
    phone: '13811112222',
    isPartyMember: true,
    branchName: '外卖骑手党支部',
  });
  const su = h.as(SUPERADMIN);
  await su.ok('user', 'verifyMember', { userId: member.userId, approve: true });
  await h.as(CALLERS.visitor).ok('user', 'login');
  // The first district's admin is "an admin of another org" for everything in the other district.
  await makeAdmin(h, CALLERS.adminOfAnotherOrg, [orgs.district.id]);
  await makeAdmin(h, CALLERS.admin, [orgs.otherDistrict.id]);
  await makeAdmin(h, BRANCH_ADMIN, [orgs.expressBranch.id]);
  const quote = await su.ok<{ id: string }>('study', 'saveQuote', {
    text: '另一区的金句',
    source: '测试',
    orgId: orgs.otherDistrict.id,
  });
  const lecture = await su.ok<{ id: string }>('study', 'saveLecture', {
    title: '另一区的课程',
    speaker: '某讲师',
    kind: 'article',
    durationSec: 60,
    body: '<p>正文</p>',
    series: '测试',
    quiz: [{ question: '题目一', options: ['甲', '乙'], answer: 0 }],
    orgId: orgs.otherDistrict.id,
  });
  await su.ok('study', 'setLecturePublished', { id: lecture.id, published: true });
  // Opened once, so progress and quiz probes reach their real logic.
  await h.as(OTHER_USER).ok('user', 'login');
  await h.as(OTHER_USER).ok('study', 'getLecture', { id: lecture.id });
  const nominating = await su.ok<{ id: string }>(
    'campaign',
    'saveCampaign',
    campaignInput(orgs.otherDistrict.id, Date.now(), 'nomination'),
  );
  const voting = await campaignWithCandidates(h, SUPERADMIN, orgs, {
    phase: 'voting',
    perCategory: 1,
    overrides: { orgId: orgs.otherDistrict.id },
  });
  // The outsider's nomination carries their real name and phone: neither may leak.
  const nomination = await h.as('o-outsider').ok<{ id: string }>('campaign', 'nominate', {
    campaignId: nominating.id,
    category: 'courier',
    relation: 'self',
    nomineeName: '钱隐私',
    platform: '某平台',
    phone: '13787654321',
    deeds: '钱隐私的事迹描述，长度需要超过二十个字才可以提交。',
    photos: [],
  });
  const station = await su.ok<{ id: string }>(
    'station',
    'saveStation',
    stationInput(orgs.otherDistrict.id, { name: '另一区驿站', number: 'LQ-01' }),
  );
  const meeting = await su.ok<{ id: string }>(
    'roundtable',
    'saveMeeting',
    meetingInput(orgs.otherDistrict.id, station.id, { title: '另一区的小哥圆桌会' }),
  );
  await h.as('o-outsider').ok('roundtable', 'signUp', { meetingId: meeting.id, topic: '钱隐私想问社保' });
  const tenDaysAgo = Date.now() - 10 * 86_400_000;
  const ended = await su
    .at(new Date(tenDaysAgo).toISOString())
    .ok<{ id: string }>(
      'roundtable',
      'saveMeeting',
      meetingInput(orgs.otherDistrict.id, station.id, { title: '另一区上月的圆桌会', base: tenDaysAgo, startsInH: 24 }),
    );
  // The outsider's demands (pinned to a 2026 working day: deadlines need the working-day calendar),
  // one carrying their real name and phone, answered and opted in to the public board.
  const outsiderAt = (iso: string) => h.as('o-outsider').at(iso);
  const onBoard = await outsiderAt('2026-11-20T02:00:00.000Z').ok<{ id: string }>('cases', 'submitCase', {
    kind: 'demand',
    category: 'rights',
    title: '恶劣天气超时罚款过重',
    description: '钱隐私反映：暴雨天也按超时扣款，联系电话13787654321，希望平台调整规则。',
    publicOptIn: true,
  });
  await su
    .at('2026-11-20T04:00:00.000Z')
    .ok('cases', 'answerCase', { caseId: onBoard.id, text: '钱隐私您好，已与平台沟通，恶劣天气不再计超时。' });
  const waiting = await outsiderAt('2026-11-20T03:00:00.000Z').ok<{ id: string }>('cases', 'submitCase', {
    kind: 'demand',
    category: 'conditions',
    title: '小区不让外卖电动车进入',
    description: '某小区物业不让骑手进小区，只能步行送餐，超时被罚，希望协调。',
  });
  const volunteer = await volunteerWorld(h, orgs, outsider);
  const shop = await shopInOther(h, su, orgs, lecture.id);
  return {
    ...shop,
    orgs,
    worker,
    outsider,
    volunteer,
    stationInOther: station.id,
    meetingInOther: meeting.id,
    endedMeetingInOther: ended.id,
    caseInOther: waiting.id,
    answeredCaseInOther: onBoard.id,
    quoteInOther: quote.id,
    lectureInOther: lecture.id,
    nominatingInOther: nominating.id,
    votingInOther: voting.campaign.id,
    candidateInOther: voting.candidates[0]!.id,
    nominationInOther: nomination.id,
  };
}

/** The other district's volunteer team, made through the volunteer function at pinned times. */
async function volunteerWorld(h: Caller, orgs: OrgFixture, outsider: MyProfile): Promise<VolunteerWorld> {
  const su = h.as(SUPERADMIN);
  await h.as('o-outsider').ok('volunteer', 'applyMember', {
    realName: '钱隐私',
    phone: '13787654321',
    occupation: 'courier',
    platform: '某平台',
    orgId: orgs.otherBranch.id,
  });
  await su.ok('volunteer', 'reviewMember', { userId: outsider.userId, decision: 'approve' });
  const upcoming = await su.ok<{ id: string }>(
    'volunteer',
    'saveActivity',
    volunteerActivityInput(orgs.otherBranch.id, Date.now()),
  );
  const base = Date.now() - 10 * 86_400_000;
  const at = (ms: number) => new Date(base + ms).toISOString();
  const start = 86_400_000;
  const ended = await su
    .at(at(0))
    .ok<{ id: string }>('volunteer', 'saveActivity', volunteerActivityInput(orgs.otherBranch.id, base));
  const manual = await su
    .at(at(0))
    .ok<{ id: string }>('volunteer', 'saveActivity', volunteerActivityInput(orgs.otherBranch.id, base));
  const outsider_ = (ms: number) => h.as('o-outsider').at(at(ms));
  await outsider_(0).ok('volunteer', 'signUp', { activityId: ended.id });
  await outsider_(0).ok('volunteer', 'signUp', { activityId: manual.id });
  for (const [purpose, action, ms] of [
    ['in', 'checkIn', start + 60_000],
    ['out', 'checkOut', start + 119 * 60_000],
  ] as const) {
    const { code } = await su
      .at(at(ms))
      .ok<{ code: string }>('volunteer', 'issueCheckInCode', { activityId: ended.id, purpose });
    await outsider_(ms).ok('volunteer', action, { activityId: ended.id, code });
  }
  const person = { activityId: manual.id, userId: outsider.userId };
  await su.at(at(start + 3_600_000)).ok('volunteer', 'manualCheckIn', person);
  await su.at(at(start + 3_600_000)).ok('volunteer', 'manualCheckOut', person);
  const claims = await su.ok<{ items: { id: string }[] }>('volunteer', 'listClaims', { orgId: orgs.otherDistrict.id });
  const cert = await h.as('o-outsider').ok<{ number: string }>('volunteer', 'myCertificate', {});
  return { upcoming: upcoming.id, ended: ended.id, claim: claims.items[0]!.id, certificate: cert.number };
}

/** A valid volunteer activity under `orgId`: a day after `base`, 2 h, sign-up until 1 h before, 20 places. */
export function volunteerActivityInput(orgId: string, base: number) {
  const start = base + 86_400_000;
  return {
    title: '另一区的交通劝导',
    serviceType: 'traffic',
    venue: { name: '另一区路口', address: '另一区示例路 1 号' },
    startAt: new Date(start).toISOString(),
    endAt: new Date(start + 2 * 3_600_000).toISOString(),
    deadline: new Date(start - 3_600_000).toISOString(),
    capacity: 20,
    orgId,
  };
}

/**
 * The points shop of the other district: goods at 1 point, and the outsider's order
 * of it — paid with the 2 points the other district's lecture quiz gives, so the
 * balance comes through the ledger like any other.
 */
async function shopInOther(h: Caller, su: ReturnType<Caller['as']>, orgs: OrgFixture, lectureId: string) {
  const outsider = h.as('o-outsider');
  await outsider.ok('study', 'getLecture', { id: lectureId });
  await outsider.ok('study', 'submitQuiz', { lectureId, answers: [0] });
  const goods = await su.ok<{ id: string }>('volunteer', 'saveGoods', {
    orgId: orgs.otherDistrict.id,
    name: '另一区的骑行头盔',
    price: 1,
    stock: 5,
    onShelf: true,
  });
  const { order } = await outsider.ok<{ order: { id: string; pickupCode: string } }>('volunteer', 'redeem', {
    goodsId: goods.id,
    requestId: 'world-outsider-order',
  });
  return { goodsInOther: goods.id, orderInOther: order.id, pickupCodeInOther: order.pickupCode };
}

type Probe = (w: World) => unknown;
/** A probe made as someone else than the first district's admin. */
export interface ProbeAs {
  as: string;
  data: unknown;
}
const asBranchAdmin = (data: unknown): ProbeAs => ({ as: BRANCH_ADMIN, data });

export const SCOPE_PROBES: Record<string, Record<string, Probe>> = {
  user: {
    listUsers: (w) => ({ orgId: w.orgs.otherDistrict.id }),
    setRoles: (w) => ({ userId: w.outsider.userId, admin: true, adminOrgIds: [w.orgs.otherDistrict.id] }),
    verifyMember: (w) => ({ userId: w.outsider.userId, approve: true }),
    saveOrg: (w) => ({ name: '越权新建', type: 'branch', parentId: w.orgs.otherDistrict.id }),
    deleteOrg: (w) => ({ id: w.orgs.otherBranch.id }),
    listAuditLogs: () => ({}),
  },
  study: {
    adminListQuotes: (w) => ({ orgId: w.orgs.otherDistrict.id }),
    saveQuote: (w) => ({ text: '越权金句', source: '测试', orgId: w.orgs.otherDistrict.id }),
    deleteQuote: (w) => ({ id: w.quoteInOther }),
    scheduleQuote: (w) => asBranchAdmin({ day: '2099-01-01', quoteId: w.quoteInOther }),
    adminListLectures: (w) => ({ orgId: w.orgs.otherDistrict.id }),
    adminGetLecture: (w) => ({ id: w.lectureInOther }),
    saveLecture: (w) => ({
      title: '越权课程',
      speaker: '某',
      kind: 'article',
      durationSec: 60,
      body: '<p>x</p>',
      series: 'x',
      orgId: w.orgs.otherDistrict.id,
    }),
    setLecturePublished: (w) => ({ id: w.lectureInOther, published: false }),
    studyStats: (w) => ({ from: '2026-01-01', to: '2026-01-31', orgId: w.orgs.otherDistrict.id }),
  },
  campaign: {
    saveCampaign: (w) => campaignInput(w.orgs.otherDistrict.id, Date.now(), 'voting'),
    listNominations: (w) => ({ campaignId: w.nominatingInOther }),
    adminListCandidates: (w) => ({ campaignId: w.votingInOther }),
    reviewNomination: (w) => ({ id: w.nominationInOther, approve: true }),
    addCandidate: (w) => ({
      campaignId: w.votingInOther,
      category: 'courier',
      name: '越权候选人',
      platform: '某平台',
      deeds: '越权添加的候选人事迹，长度超过二十个字。',
      photos: [],
    }),
    updateCandidate: (w) => ({
      id: w.candidateInOther,
      name: '改名',
      platform: '某平台',
      deeds: '越权修改的候选人事迹，长度超过二十个字。',
      photos: [],
    }),
    setJuryScores: (w) => ({ campaignId: w.votingInOther, scores: [{ candidateId: w.candidateInOther, score: 90 }] }),
    voidVotes: (w) => ({ campaignId: w.votingInOther, voterIds: ['someone'], reason: '越权作废' }),
    fraudReport: (w) => ({ campaignId: w.votingInOther }),
    announce: (w) => ({ campaignId: w.votingInOther }),
  },
  scheduler: {
    upkeep: () => ({}),
  },
  station: {
    adminListStations: (w) => ({ orgId: w.orgs.otherDistrict.id }),
    saveStation: (w) => ({ ...stationInput(w.orgs.otherDistrict.id, { name: '越权驿站' }), id: w.stationInOther }),
    verifyStation: (w) => ({ id: w.stationInOther }),
    deleteStation: (w) => ({ id: w.stationInOther }),
  },
  roundtable: {
    adminListMeetings: (w) => ({ orgId: w.orgs.otherDistrict.id }),
    saveMeeting: (w) => meetingInput(w.orgs.otherDistrict.id, w.stationInOther, { title: '越权新建的圆桌会' }),
    cancelMeeting: (w) => ({ id: w.meetingInOther, reason: '越权取消' }),
    listSignUps: (w) => ({ meetingId: w.meetingInOther }),
    issueCheckInCode: (w) => ({ meetingId: w.meetingInOther }),
    markAttendance: (w) => ({ meetingId: w.meetingInOther, userId: w.outsider.userId, mark: 'remove', reason: '越权' }),
    manualCheckIn: (w) => ({ meetingId: w.meetingInOther, userId: w.outsider.userId }),
    publishMinutes: (w) => ({
      meetingId: w.endedMeetingInOther,
      raised: [{ text: '夜间充电不方便', department: '骑手代表' }],
      answered: [{ text: '驿站增设充电柜', department: '区总工会' }],
      takenAway: [{ text: '研究老旧小区停车', department: '市场监管局' }],
    }),
    meetingStats: (w) => ({ from: '2026-01-01', to: '2026-01-31', orgId: w.orgs.otherDistrict.id }),
  },
  office: {
    importQuotes: (w) => ({
      fileId: 'cloud://local-dev.local-1250000000/imports/x.csv',
      orgId: w.orgs.otherDistrict.id,
    }),
    exportCampaign: (w) => ({ campaignId: w.votingInOther }),
    exportSignUps: (w) => ({ meetingId: w.meetingInOther }),
    exportMeetingStats: (w) => ({ from: '2026-01-01', to: '2026-01-31', orgId: w.orgs.otherDistrict.id }),
    exportCases: (w) => ({ orgId: w.orgs.otherDistrict.id, from: '2026-11-01', to: '2026-11-30' }),
    exportVolunteerHours: (w) => ({ orgId: w.orgs.otherDistrict.id, from: '2026-11-01', to: '2026-11-30' }),
    exportShopOrders: (w) => ({ orgId: w.orgs.otherDistrict.id, from: '2026-11-01', to: '2026-11-30' }),
  },
  volunteer: {
    reviewMember: (w) => ({ userId: w.outsider.userId, decision: 'suspend', reason: '越权暂停' }),
    listMembers: (w) => ({ orgId: w.orgs.otherDistrict.id }),
    memberHours: (w) => ({ userId: w.outsider.userId }),
    adminListActivities: (w) => ({ orgId: w.orgs.otherDistrict.id }),
    saveActivity: (w) => volunteerActivityInput(w.orgs.otherBranch.id, Date.now()),
    cancelActivity: (w) => ({ activityId: w.volunteer.upcoming, reason: '越权取消' }),
    listActivitySignUps: (w) => ({ activityId: w.volunteer.ended }),
    issueCheckInCode: (w) => ({ activityId: w.volunteer.upcoming, purpose: 'in' }),
    manualCheckIn: (w) => ({ activityId: w.volunteer.ended, userId: w.outsider.userId }),
    manualCheckOut: (w) => ({ activityId: w.volunteer.ended, userId: w.outsider.userId }),
    listClaims: (w) => ({ orgId: w.orgs.otherDistrict.id }),
    reviewClaim: (w) => ({ claimId: w.volunteer.claim, decision: 'approve', minutes: 60, reason: '越权认定' }),
    addHonorHours: (w) => ({
      userId: w.outsider.userId,
      activityId: w.volunteer.ended,
      minutes: 60,
      reason: '越权补录',
      evidence: ['cloud://local-dev.local-1250000000/volunteer/probe/a.png'],
    }),
    volunteerStats: (w) => ({ from: '2026-01-01', to: '2026-01-31', orgId: w.orgs.otherDistrict.id }),
    // The points shop.
    saveGoods: (w) => ({
      goodsId: w.goodsInOther,
      orgId: w.orgs.otherDistrict.id,
      name: '越权改价',
      price: 1,
      onShelf: true,
    }),
    listAdminGoods: (w) => ({ orgId: w.orgs.otherDistrict.id }),
    getAdminGoods: (w) => ({ goodsId: w.goodsInOther }),
    listOrders: (w) => ({ orgId: w.orgs.otherDistrict.id }),
    findOrderByCode: (w) => ({ pickupCode: w.pickupCodeInOther }),
    fulfilOrder: (w) => ({ pickupCode: w.pickupCodeInOther }),
    adminCancelOrder: (w) => ({ orderId: w.orderInOther, reason: '越权取消' }),
    shopStats: (w) => ({ from: '2026-11-01', to: '2026-11-30', orgId: w.orgs.otherDistrict.id }),
  },
  cases: {
    listCases: (w) => ({ orgId: w.orgs.otherDistrict.id }),
    adminGetCase: (w) => ({ caseId: w.caseInOther }),
    createCase: (w) => ({
      category: 'rights',
      title: '圆桌会：夜间配送安全',
      description: '圆桌会上骑手提出夜间配送照明不足，希望增加路灯。',
      orgId: w.orgs.otherDistrict.id,
      source: { kind: 'meeting', meetingId: w.endedMeetingInOther, item: '第 1 项：夜间配送照明' },
    }),
    acceptCase: (w) => ({ caseId: w.caseInOther, note: '已受理，尽快协调' }),
    transferCase: (w) => ({ caseId: w.caseInOther, toOrgId: w.orgs.otherDistrict.id, reason: '需要区委协调' }),
    returnCase: (w) => ({ caseId: w.caseInOther, reason: '不属于本支部职责' }),
    updateCase: (w) => ({ caseId: w.caseInOther, text: '正在与物业沟通' }),
    answerCase: (w) => ({ caseId: w.caseInOther, text: '已与物业协商，骑手可从侧门进入' }),
    extendCase: (w) => ({ caseId: w.caseInOther, workingDays: 2, reason: '需要与物业再次协商' }),
    rejectCase: (w) => ({ caseId: w.caseInOther, reason: '不属于受理范围' }),
    markDuplicate: (w) => ({ caseId: w.caseInOther, originalId: w.answeredCaseInOther }),
    verifyReport: (w) => ({ caseId: w.caseInOther, valid: true, note: '现场核实属实' }),
    caseStats: (w) => ({ orgId: w.orgs.otherDistrict.id, from: '2026-11-01', to: '2026-11-30' }),
    saveReplyTemplate: (w) => ({
      orgId: w.orgs.otherDistrict.id,
      title: '物业协调',
      text: '已与物业沟通，骑手可以进入。',
    }),
    listReplyTemplates: (w) => ({ orgId: w.orgs.otherDistrict.id }),
  },
};

/**
 * Privileged actions with no target to be out of scope: they answer for the caller's
 * own orgs whoever asks (the dashboard). Instead of a refusal, their probe is a valid
 * call that an admin of the first district makes; `foreign` names what of the other
 * district the reply must not contain (test/functions/dashboard/ checks the numbers).
 */
export interface CallerScopedProbe {
  data: Probe;
  foreign(w: World): string[];
}

const otherDistrictOrgs = (w: World) => [w.orgs.otherDistrict.id, w.orgs.otherBranch.id];

export const CALLER_SCOPED: Record<string, Record<string, CallerScopedProbe>> = {
  user: { dashboard: { data: () => ({ period: 'month' }), foreign: otherDistrictOrgs } },
  office: {
    exportDashboard: {
      data: () => ({ period: 'custom', from: '2026-11-01', to: '2026-11-20' }),
      foreign: otherDistrictOrgs,
    },
  },
};

export const USER_PROBES: Record<string, Record<string, Probe>> = {
  user: {
    login: () => ({}),
    getProfile: () => ({}),
    updateProfile: () => ({ nickname: '路人' }),
    registerWorker: (w) => ({
      realName: '路人甲',
      phone: '13700000000',
      occupation: 'other',
      platform: '无',
      orgId: w.orgs.station.id,
      isPartyMember: false,
      consent: true,
      consentVersion: '2026-11',
    }),
    myPoints: () => ({}),
    listOrgs: () => ({}),
    deleteAccount: () => ({ confirm: true }),
  },
  study: {
    todayQuote: () => ({}),
    listQuotes: () => ({}),
    checkIn: () => ({}),
    favoriteQuote: (w) => ({ quoteId: w.quoteInOther, favorite: true }),
    listFavorites: () => ({}),
    quotePosterCode: () => ({ day: '2026-11-28' }),
    myStudy: () => ({}),
    listLectures: () => ({}),
    getLecture: (w) => ({ id: w.lectureInOther }),
    reportProgress: (w) => ({ lectureId: w.lectureInOther, positionSec: 5 }),
    submitQuiz: (w) => ({ lectureId: w.lectureInOther, answers: [0] }),
  },
  roundtable: {
    listMeetings: () => ({ lat: 29.5, lng: 106.5 }),
    getMeeting: (w) => ({ id: w.meetingInOther }),
    signUp: (w) => ({ meetingId: w.meetingInOther, topic: '路人想问的问题', answers: [], grants: [] }),
    cancelSignUp: (w) => ({ meetingId: w.meetingInOther }),
    mySignUps: () => ({}),
    checkIn: (w) => ({ meetingId: w.meetingInOther, code: 'roundtable.x.1.aaaaaaaaaaaaaaaa' }),
    myTraining: () => ({}),
  },
  station: {
    nearbyStations: () => ({ lat: 29.5, lng: 106.5 }),
    getStation: (w) => ({ id: w.stationInOther, lat: 29.5, lng: 106.5 }),
  },
  campaign: {
    listCampaigns: () => ({}),
    getCampaign: (w) => ({ id: w.votingInOther }),
    nominate: (w) => ({
      campaignId: w.nominatingInOther,
      category: 'courier',
      relation: 'self',
      nomineeName: '路人乙',
      platform: '某平台',
      phone: '13700000001',
      deeds: '路人乙的事迹描述，长度需要超过二十个字才可以提交。',
      photos: [],
    }),
    myNominations: () => ({}),
    listCandidates: (w) => ({ campaignId: w.votingInOther }),
    getCandidate: (w) => ({ id: w.candidateInOther }),
    vote: (w) => ({ candidateId: w.candidateInOther }),
    myVotes: (w) => ({ campaignId: w.votingInOther }),
    ranking: (w) => ({ campaignId: w.votingInOther, category: 'courier' }),
    results: (w) => ({ campaignId: w.votingInOther }),
    candidatePosterCode: (w) => ({ candidateId: w.candidateInOther }),
  },
  volunteer: {
    applyMember: (w) => ({
      realName: '路人丙',
      phone: '13700000002',
      occupation: 'courier',
      platform: '某平台',
      orgId: w.orgs.otherBranch.id,
    }),
    myMembership: () => ({}),
    listActivities: () => ({}),
    getActivity: (w) => ({ activityId: w.volunteer.ended }),
    signUp: (w) => ({ activityId: w.volunteer.upcoming }),
    cancelSignUp: (w) => ({ activityId: w.volunteer.upcoming }),
    checkIn: (w) => ({ activityId: w.volunteer.upcoming, code: 'volunteer.x.1.aaaaaaaaaaaaaaaa' }),
    checkOut: (w) => ({ activityId: w.volunteer.upcoming, code: 'volunteer.x.1.aaaaaaaaaaaaaaaa.o' }),
    myHours: () => ({}),
    submitService: (w) => ({
      serviceType: 'road_help',
      text: '路遇电动车侧翻，帮忙扶车并联系家属。',
      startAt: '2026-11-20T02:00:00.000Z',
      endAt: '2026-11-20T03:00:00.000Z',
      photos: ['cloud://local-dev.local-1250000000/volunteer/probe/a.png'],
      orgId: w.orgs.otherBranch.id,
    }),
    myClaims: () => ({}),
    leaderboard: (w) => ({ period: 'all', orgId: w.orgs.otherDistrict.id }),
    setLeaderboardVisibility: () => ({ visible: false }),
    myStatement: () => ({ month: '2026-11' }),
    myCertificate: () => ({}),
    certificatePosterCode: (w) => ({ number: w.volunteer.certificate }),
    verifyCertificate: (w) => ({ number: w.volunteer.certificate }),
    // The points shop.
    listGoods: () => ({}),
    getGoods: (w) => ({ goodsId: w.goodsInOther }),
    redeem: (w) => ({ goodsId: w.goodsInOther, requestId: 'probe-redeem-0001' }),
    myOrders: () => ({}),
    getOrder: (w) => ({ orderId: w.orderInOther }),
    cancelOrder: (w) => ({ orderId: w.orderInOther }),
  },
  cases: {
    caseOptions: () => ({}),
    subscribeCaseNotices: () => ({ grants: [{ templateId: 'dev-tpl-case-answered', result: 'accept' }] }),
    submitCase: (w) => ({
      kind: 'report',
      category: 'road',
      title: '路口井盖缺失',
      description: '和平路口井盖缺失，夜里很危险',
      address: '示例路与和平路交叉口',
      photos: ['cloud://local-dev.local-1250000000/cases/probe/a.png'],
      anonymous: true,
      orgId: w.orgs.otherBranch.id,
    }),
    myCases: () => ({}),
    getCase: (w) => ({ caseId: w.answeredCaseInOther }),
    confirmCase: (w) => ({ caseId: w.answeredCaseInOther, rating: 'satisfied', comment: '很满意' }),
    rateCase: (w) => ({ caseId: w.answeredCaseInOther, rating: 'satisfied', comment: '很满意' }),
    reopenCase: (w) => ({ caseId: w.answeredCaseInOther, reason: '问题没有解决' }),
    publicBoard: () => ({}),
    mediaCheckResult: () => ({
      MsgType: 'event',
      Event: 'wxa_media_check',
      trace_id: 'probe-trace-0001',
      result: { suggest: 'pass', label: 100 },
    }),
  },
};

/** A privileged action's scope probe: who makes it (the first district's admin unless it says) and with what. */
export function scopeProbe(fn: string, action: string, w: World): { admin: string; data: unknown } | undefined {
  const probe = SCOPE_PROBES[fn]?.[action];
  if (!probe) return undefined;
  const made = probe(w);
  if (made && typeof made === 'object' && 'as' in made)
    return { admin: (made as ProbeAs).as, data: (made as ProbeAs).data };
  return { admin: CALLERS.adminOfAnotherOrg, data: made };
}

/** A valid example input for an action, from its probes (for inputs the schema walk cannot make up). */
/**
 * Valid calls the generated suites (content check, files) need beyond the probes:
 * an application by a registered worker, an activity with its texts, a backfill
 * of service outside an activity (its own content and span).
 */
export const FULL_EXAMPLES: Record<string, (w: World) => Record<string, unknown>> = {
  'volunteer.applyMember': (w) => ({
    realName: '快递员甲',
    phone: '13700000003',
    occupation: 'courier',
    platform: '某快递平台',
    orgId: w.orgs.expressBranch.id,
  }),
  'volunteer.saveActivity': (w) => ({
    ...volunteerActivityInput(w.orgs.otherBranch.id, Date.now()),
    description: '在学校门口引导电动车有序停放',
    contact: '联系人甲',
    contactPhone: '13700000004',
    questions: [{ key: 'q1', kind: 'single', label: '马甲尺码', required: true, options: ['L', 'XL'] }],
  }),
  'volunteer.addHonorHours': (w) => ({
    userId: w.outsider.userId,
    title: '网格巡查补录',
    startAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
    endAt: new Date(Date.now() - 3 * 86_400_000 + 3_600_000).toISOString(),
    minutes: 60,
    reason: '纸质签到表补录',
    evidence: ['cloud://local-dev.local-1250000000/volunteer/probe/a.png'],
  }),
};

/** Actions whose full example needs a caller in a particular standing (registered, an approved member). */
export const EXAMPLE_CALLERS: Record<string, string> = {
  'volunteer.applyMember': CALLERS.worker,
  'volunteer.submitService': 'o-outsider',
};

export function exampleInput(fn: string, action: string, w: World): unknown {
  const probe = SCOPE_PROBES[fn]?.[action] ?? USER_PROBES[fn]?.[action] ?? CALLER_SCOPED[fn]?.[action]?.data;
  if (!probe) return undefined;
  const made = probe(w);
  return made && typeof made === 'object' && 'as' in made ? (made as ProbeAs).data : made;
}
