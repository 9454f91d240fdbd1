// Who looks at the screenshots, and what they have done on top of the demo data:
// a rider who registered (a party member, verified), checked in, studied, nominated
// and voted, raised a demand (answered the next day) and sent a 随手拍 — both on a
// fixed 2026 working day, as the working-day calendar needs; a newcomer who only
// opened the app; the district's organiser, with two reply templates. The
// runner arranges this through the real functions before the pages are captured.
// People are fictional.
import { solidPng } from '../../scripts/seed/png';
import type { Viewer } from './catalog';
import { arrangeVolunteer, type VolunteerShots } from './volunteer-fixtures';

export const VIEWERS: Record<Viewer, string> = {
  rider: 'shot-rider',
  newcomer: 'shot-newcomer',
  organiser: 'shot-organiser',
};

/** The seeded ids the states open (scripts/seed), and what the arrangement made. */
export interface ShotFixtures {
  lectures: { video: string; audio: string; article: string };
  campaigns: { nomination: string; voting: string; finished: string };
  candidate: string;
  quotePoster: { day: string; text: string; source: string };
  /** The rider's own cases: a demand answered the day after, a report just sent. */
  cases: { demand: string; report: string };
  /** A round-table starting in 20 minutes (its check-in code can be shown now). */
  checkInMeeting: string;
  /** The points shop: a goods with a picture and a limit, and the rider's pending order (its pickup code). */
  shop: { goods: string; order: string };
  /** The volunteer team's activities (volunteer-fixtures.ts). */
  volunteer: VolunteerShots;
  /** The number of the rider's 志愿服务记录证明 (issued after their scanned hours). */
  certificate: string;
}

/** `at`: the server's pinned "now" for the call. */
type Call = <T = unknown>(openid: string, fn: string, action: string, data?: unknown, at?: string) => Promise<T>;
/** Uploads as the user, as wx.cloud.uploadFile does; returns the file id. */
type Upload = (openid: string, cloudPath: string, content: Buffer) => Promise<string>;

/**
 * When the rider's cases happen (Beijing): the demand and the report on Monday
 * 2026-11-30 morning, the answer on Tuesday afternoon. The states showing them pin
 * the server's clock just after (catalog.ts), so they look the same on any day.
 */
export const CASE_TIMES = {
  submitted: '2026-11-30T01:30:00.000Z',
  reported: '2026-11-30T01:40:00.000Z',
  answered: '2026-12-01T07:00:00.000Z',
  /** A little after the report was sent: its confirmation. */
  justReported: '2026-11-30T01:41:00.000Z',
  /** The morning after the answer: confirm, rate or reopen. */
  dayAfterAnswer: '2026-12-02T01:00:00.000Z',
};

const SEEDED = {
  lectures: { video: 'lec-history-1921', audio: 'lec-history-long-march', article: 'lec-policy-rights' },
  campaigns: { nomination: 'camp-nomination', voting: 'camp-voting', finished: 'camp-2025' },
  candidate: 'cv00',
  branch: 'org-express-branch',
  district: 'org-district',
  meetings: { nearlyFull: 'mt-seed-rt-rights', training: 'mt-seed-training-safety', clinic: 'mt-seed-act-clinic' },
};

/** A fictional rider who is no viewer: takes the nearly full round-table's last seat. */
const OTHER_RIDER = 'shot-other-rider';

/** On the demo emulator: the viewers' own activity. */
export async function arrangeDemo(call: Call, upload: Upload): Promise<ShotFixtures> {
  const { rider, newcomer, organiser } = VIEWERS;
  await call(organiser, 'user', 'login');
  await call(newcomer, 'user', 'login');
  await call(rider, 'user', 'login');
  await call(rider, 'user', 'updateProfile', { nickname: '小快' });
  const profile = await call<{ userId: string }>(rider, 'user', 'registerWorker', {
    realName: '张小快',
    phone: '13900001111',
    occupation: 'courier',
    platform: '示例快递公司',
    orgId: SEEDED.branch,
    isPartyMember: true,
    branchName: '快递流动党支部',
    consent: true,
    consentVersion: '2026-11',
  });
  await call(organiser, 'user', 'verifyMember', { userId: profile.userId, approve: true });
  const today = await call<{ day: string; quote: { id: string; text: string; source: string } }>(
    rider,
    'study',
    'todayQuote',
  );
  await call(rider, 'study', 'checkIn');
  await call(rider, 'study', 'favoriteQuote', { quoteId: today.quote.id, favorite: true });
  // Half of the video watched (the server credits no more than real time: report as it plays).
  await call(rider, 'study', 'getLecture', { id: SEEDED.lectures.video });
  await call(rider, 'study', 'getLecture', { id: SEEDED.lectures.article });
  await call(rider, 'campaign', 'nominate', {
    campaignId: SEEDED.campaigns.nomination,
    category: 'volunteer',
    relation: 'other',
    nomineeName: '李示例',
    platform: '示例快递公司',
    phone: '13900002222',
    deeds: '（示例内容）暴雨天坚持把药品送到独居老人家中，三年来主动帮社区代收代送包裹上千件。',
    photos: [],
  });
  await call(rider, 'campaign', 'vote', { candidateId: SEEDED.candidate });
  const cases = await arrangeCases(call, upload, profile.userId);
  // Round-tables and activities: another rider takes the nearly full meeting's last seat, so the
  // rider is waitlisted (候补第 1 位); the rider also signs up for a training class and an activity.
  await call(OTHER_RIDER, 'user', 'login');
  await call(OTHER_RIDER, 'user', 'registerWorker', {
    realName: '陈示例',
    phone: '13900003333',
    occupation: 'food_delivery',
    platform: '示例外卖平台',
    orgId: SEEDED.branch,
    isPartyMember: false,
    consent: true,
    consentVersion: '2026-11',
  });
  await call(OTHER_RIDER, 'roundtable', 'signUp', { meetingId: SEEDED.meetings.nearlyFull, topic: '夜间配送照明差' });
  await call(rider, 'roundtable', 'signUp', {
    meetingId: SEEDED.meetings.nearlyFull,
    topic: '超时罚款标准不透明',
    answers: [{ key: 'job', values: ['快递员'] }],
  });
  for (const meetingId of [SEEDED.meetings.training, SEEDED.meetings.clinic])
    await call(rider, 'roundtable', 'signUp', { meetingId });
  const start = Date.now() + 20 * 60_000;
  const tonight = await call<{ id: string }>(organiser, 'roundtable', 'saveMeeting', {
    kind: 'roundtable',
    title: '小哥圆桌会：夜间骑行安全',
    topic: '夜间照明、反光装备和交通安全',
    venue: { stationId: 'st-center' },
    startAt: new Date(start).toISOString(),
    endAt: new Date(start + 2 * 3_600_000).toISOString(),
    deadline: new Date(start - 10 * 60_000).toISOString(),
    capacity: 20,
    occupations: [],
    guests: [{ department: '区交警大队' }],
    orgId: 'org-district',
  });
  await call(rider, 'roundtable', 'signUp', { meetingId: tonight.id });
  const volunteer = await arrangeVolunteer(call, upload, {
    rider,
    riderId: profile.userId,
    organiser,
    other: OTHER_RIDER,
    branch: SEEDED.branch,
    district: SEEDED.district,
  });
  return {
    lectures: SEEDED.lectures,
    campaigns: SEEDED.campaigns,
    candidate: SEEDED.candidate,
    quotePoster: { day: today.day, text: today.quote.text, source: today.quote.source },
    cases,
    checkInMeeting: tonight.id,
    shop: await arrangeShop(call, upload),
    volunteer,
    certificate: (await call<{ number: string }>(rider, 'volunteer', 'myCertificate', {})).number,
  };
}

/** The district's goods (pictures are plain colour tiles) and the rider's order of the 1-point armband. */
async function arrangeShop(call: Call, upload: Upload): Promise<ShotFixtures['shop']> {
  const { rider, organiser } = VIEWERS;
  const goods: { name: string; price: number; stock: number; rgb: [number, number, number]; more?: object }[] = [
    {
      name: '骑行头盔',
      price: 300,
      stock: 12,
      rgb: [52, 73, 94],
      more: { limit: { perPerson: 1, period: 'all' }, description: '（示例内容）3C 认证半盔，夏季透气款，可调头围。' },
    },
    { name: '防滑手套', price: 80, stock: 40, rgb: [70, 70, 70], more: { limit: { perPerson: 2, period: 'month' } } },
    { name: '护膝', price: 120, stock: 0, rgb: [40, 90, 160] },
    { name: '外卖保温箱', price: 500, stock: 6, rgb: [230, 160, 40] },
    { name: '充电宝', price: 200, stock: 15, rgb: [60, 160, 110] },
    { name: '反光臂带', price: 1, stock: 100, rgb: [250, 220, 60], more: { limit: { perPerson: 5, period: 'all' } } },
  ];
  const ids: string[] = [];
  for (const [i, g] of goods.entries()) {
    const imageFileId = await upload(organiser, `goods/shot-${i}.png`, solidPng(240, 240, g.rgb));
    const saved = await call<{ id: string }>(organiser, 'volunteer', 'saveGoods', {
      orgId: SEEDED.district,
      name: g.name,
      price: g.price,
      stock: g.stock,
      imageFileId,
      pickupNote: '城东党群服务驿站，工作日 9:00–17:00',
      onShelf: true,
      ...g.more,
    });
    ids.push(saved.id);
  }
  const receipt = await call<{ order: { id: string } }>(rider, 'volunteer', 'redeem', {
    goodsId: ids[5],
    requestId: 'shot-armband-order',
  });
  return { goods: ids[0]!, order: receipt.order.id };
}

/** The rider's demand (answered by the organiser the next day) and 随手拍; the organiser's reply templates. */
async function arrangeCases(call: Call, upload: Upload, userId: string): Promise<ShotFixtures['cases']> {
  const { rider, organiser } = VIEWERS;
  const T = CASE_TIMES;
  const demand = await call<{ id: string }>(
    rider,
    'cases',
    'submitCase',
    {
      kind: 'demand',
      category: 'conditions',
      title: '城北驿站午间没有地方热饭',
      description: '（示例内容）中午送餐高峰后想在驿站热饭，但驿站没有微波炉，希望添置一台。',
      publicOptIn: true,
    },
    T.submitted,
  );
  await call(
    organiser,
    'cases',
    'answerCase',
    { caseId: demand.id, text: '（示例内容）城北驿站已添置两台微波炉，每天 10:00–22:00 可用。' },
    T.answered,
  );
  // A road-coloured stand-in for the photo.
  const photo = await upload(rider, `cases/${userId}/shot-road.png`, solidPng(160, 120, [121, 112, 98]));
  const report = await call<{ id: string }>(
    rider,
    'cases',
    'submitCase',
    {
      kind: 'report',
      category: 'road',
      photos: [photo],
      description: '（示例内容）路口井盖松动，骑车经过很颠',
      address: '示例市城北路与文化路口（演示地址）',
    },
    T.reported,
  );
  for (const t of [
    { title: '设施已添置', text: '（示例内容）您反映的问题已协调驿站添置相关设施，欢迎前往使用。' },
    { title: '已转交属地街道', text: '（示例内容）您反映的问题属于街道管理事项，已转交属地街道办理。' },
  ])
    await call(organiser, 'cases', 'saveReplyTemplate', { orgId: SEEDED.district, ...t });
  return { demand: demand.id, report: report.id };
}

/** On the empty emulator: only the organisation tree and the viewers' logins. */
export async function arrangeEmpty(call: Call): Promise<void> {
  for (const openid of Object.values(VIEWERS)) await call(openid, 'user', 'login');
  await call(VIEWERS.rider, 'user', 'registerWorker', {
    realName: '张小快',
    phone: '13900001111',
    occupation: 'courier',
    platform: '示例快递公司',
    orgId: SEEDED.branch,
    isPartyMember: false,
    consent: true,
    consentVersion: '2026-11',
  });
}
