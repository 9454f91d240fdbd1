// Every page of app.json in its meaningful states: loaded with the demo data, empty,
// error where the page has one, and the organiser's view beside the worker's where
// they differ. A static test keeps this list in step with app.json.
import type { LocationWorld } from '../pages/support/wx-double';
import { CASE_TIMES, type ShotFixtures } from './fixtures';

/** Which emulator a state talks to: the seeded demo, an empty one, or none (the network is down). */
export type Backend = 'demo' | 'empty' | 'down';

/** Who is looking (see fixtures.ts): a registered rider, a user who has not registered, an organiser. */
export type Viewer = 'rider' | 'newcomer' | 'organiser';

export interface ShotState {
  /** File-name suffix; the page's main state has none. */
  name: string;
  /** What the state shows, for the contact sheet. */
  caption: string;
  viewer: Viewer;
  backend?: Backend;
  query?: (f: ShotFixtures) => Record<string, string>;
  /** How the phone answers about location (the wx double's; default: never asked). */
  location?: Partial<LocationWorld>;
  /** The server's time of day in Beijing ("HH:mm", today), for what is open now. */
  clock?: string;
  /** The server's "now" (ISO), for states shown at a fixed moment (a case's deadlines). */
  now?: string;
  /** What the user does once the page has loaded (taps and scrolls by selector; the page settles again after a tap). */
  interact?: (ui: ShotUi) => Promise<void>;
}

/** What a state's `interact` can do on the page. */
export interface ShotUi {
  tap(selector: string): Promise<void>;
  /** Scrolls the page until the element is at the top of the screen (or the page's end is at the bottom). */
  scrollTo(selector: string): Promise<void>;
}

const main = (caption: string, viewer: Viewer, more: Partial<ShotState> = {}): ShotState => ({
  name: '',
  caption,
  viewer,
  ...more,
});
const state = (name: string, caption: string, viewer: Viewer, more: Partial<ShotState> = {}): ShotState => ({
  name,
  caption,
  viewer,
  ...more,
});
const empty = (caption: string, viewer: Viewer = 'rider') => state('empty', caption, viewer, { backend: 'empty' });
const offline = (caption = '网络断开时', more: Partial<ShotState> = {}) =>
  state('error', caption, 'rider', { backend: 'down', ...more });

/** The organiser home scrolled to one of the dashboard's cards (by its id in the dashboard component). */
const dashboardAt = (name: string, caption: string, card: string) =>
  state(name, caption, 'organiser', { interact: (ui) => ui.scrollTo(`#dash >>> ${card}`) });

/** A rider in the demo district, a few hundred metres from its service centre, who allowed location before. */
const LOCATED: Partial<LocationWorld> = { auth: true, position: { latitude: 30.2655, longitude: 120.1512 } };
/** Stations' open states as at mid-morning. */
const MORNING = '10:30';

export const CATALOG: Record<string, ShotState[]> = {
  'pages/home/index': [
    main('首页：今日金句、离你最近的开放驿站与功能入口（已登记骑手，已允许定位）', 'rider', { location: LOCATED }),
    state('newcomer', '首页：未登记用户', 'newcomer'),
    state('organiser', '首页：组织者', 'organiser'),
    empty('首页：还没有金句'),
    offline(),
  ],
  'pages/me/index': [
    main('我的：已登记骑手', 'rider'),
    state('newcomer', '我的：未登记用户', 'newcomer'),
    state('organiser', '我的：组织者（管理入口）', 'organiser'),
    offline(),
  ],
  'packages/user/pages/profile/index': [main('个人资料', 'rider')],
  'packages/user/pages/register/index': [
    main('新就业群体信息登记（新用户）', 'newcomer'),
    state('edit', '修改登记信息', 'rider'),
  ],
  'packages/user/pages/privacy/index': [main('隐私政策', 'newcomer')],
  'packages/user/pages/points/index': [
    main('我的积分', 'rider'),
    state('empty', '我的积分：还没有积分', 'newcomer'),
    offline(),
  ],
  'packages/study/pages/quotes/index': [main('金句历史', 'rider'), empty('金句历史：空'), offline()],
  'packages/study/pages/lectures/index': [main('微党课列表', 'rider'), empty('微党课：还没有课程'), offline()],
  'packages/study/pages/lecture/index': [
    main('视频课：学习进度', 'rider', { query: (f) => ({ id: f.lectures.video }) }),
    state('article', '图文课与测验', 'rider', { query: (f) => ({ id: f.lectures.article }) }),
    state('audio', '音频课', 'rider', { query: (f) => ({ id: f.lectures.audio }) }),
    state('missing', '课程不存在', 'rider', { query: () => ({ id: 'no-such-lecture' }) }),
  ],
  'packages/study/pages/my-study/index': [main('我的学习', 'rider'), state('empty', '我的学习：还没开始', 'newcomer')],
  'packages/study/pages/poster/index': [main('金句海报', 'rider', { query: (f) => f.quotePoster })],
  'packages/study/pages/admin-quotes/index': [main('金句管理', 'organiser'), empty('金句管理：空', 'organiser')],
  'packages/study/pages/admin-lectures/index': [main('课程管理', 'organiser'), empty('课程管理：空', 'organiser')],
  'packages/study/pages/admin-lecture-edit/index': [
    main('编辑课程', 'organiser', { query: (f) => ({ id: f.lectures.article }) }),
    state('new', '新建课程', 'organiser'),
  ],
  'packages/study/pages/admin-stats/index': [main('学习统计', 'organiser')],
  'packages/campaign/pages/index/index': [main('评选活动列表', 'rider'), empty('评选活动：空'), offline()],
  'packages/campaign/pages/campaign/index': [
    main('投票中的评选', 'rider', { query: (f) => ({ id: f.campaigns.voting }) }),
    state('nomination', '征集推荐中的评选', 'rider', { query: (f) => ({ id: f.campaigns.nomination }) }),
    state('finished', '已公布结果的评选', 'rider', { query: (f) => ({ id: f.campaigns.finished }) }),
  ],
  'packages/campaign/pages/candidate/index': [main('候选人与投票', 'rider', { query: (f) => ({ id: f.candidate }) })],
  'packages/campaign/pages/nominate/index': [
    main('推荐表', 'rider', { query: (f) => ({ campaignId: f.campaigns.nomination }) }),
  ],
  'packages/campaign/pages/my-nominations/index': [
    main('我的推荐', 'rider', { query: (f) => ({ campaignId: f.campaigns.nomination }) }),
    state('empty', '我的推荐：空', 'newcomer', { query: (f) => ({ campaignId: f.campaigns.nomination }) }),
  ],
  'packages/campaign/pages/ranking/index': [
    main('实时排名', 'rider', { query: (f) => ({ campaignId: f.campaigns.voting }) }),
  ],
  'packages/campaign/pages/results/index': [
    main('评选结果', 'rider', { query: (f) => ({ campaignId: f.campaigns.finished }) }),
    state('pending', '结果尚未公布', 'rider', { query: (f) => ({ campaignId: f.campaigns.voting }) }),
  ],
  'packages/campaign/pages/poster/index': [main('候选人海报', 'rider', { query: (f) => ({ id: f.candidate }) })],
  'packages/campaign/pages/admin-campaigns/index': [main('评选管理', 'organiser'), empty('评选管理：空', 'organiser')],
  'packages/campaign/pages/admin-campaign-edit/index': [
    main('编辑评选', 'organiser', { query: (f) => ({ id: f.campaigns.voting }) }),
    state('new', '新建评选', 'organiser'),
  ],
  'packages/campaign/pages/admin-campaign-manage/index': [
    main('评选管理：推荐审核', 'organiser', {
      query: (f) => ({ id: f.campaigns.nomination, tab: 'nominations' }),
    }),
    state('candidates', '评选管理：候选人', 'organiser', {
      query: (f) => ({ id: f.campaigns.voting, tab: 'candidates' }),
    }),
    state('fraud', '评选管理：防刷票', 'organiser', { query: (f) => ({ id: f.campaigns.voting, tab: 'fraud' }) }),
    state('results', '评选管理：结果', 'organiser', {
      query: (f) => ({ id: f.campaigns.finished, tab: 'results' }),
    }),
  ],
  'packages/station/pages/index/index': [
    main('附近驿站：已允许定位，离你最近的在前，地图上的驿站与聚合', 'rider', { location: LOCATED, clock: MORNING }),
    state('district', '附近驿站：未开启定位，按区域列出，可开启定位', 'rider', { clock: MORNING }),
    state('filter', '附近驿站：只看「健康」服务且现在开放', 'rider', {
      location: LOCATED,
      clock: MORNING,
      interact: async (ui) => {
        await ui.tap('#service-health');
        await ui.tap('#open-now');
      },
    }),
    state('card', '附近驿站：点选一个驿站，导航与拨打电话', 'rider', {
      location: LOCATED,
      clock: MORNING,
      interact: (ui) => ui.tap('#station-st-center'),
    }),
    state('empty', '附近驿站：附近还没有驿站', 'rider', { backend: 'empty', location: LOCATED, clock: MORNING }),
    offline('附近驿站：网络断开时', { location: LOCATED }),
  ],
  'packages/station/pages/station/index': [
    main('驿站详情：服务中心的设施、六类服务、开放时间与联系人', 'rider', {
      query: () => ({ id: 'st-center' }),
      clock: MORNING,
    }),
    state('night', '驿站详情：夜间驿站（跨午夜开放）', 'rider', { query: () => ({ id: 'st-night' }), clock: MORNING }),
    state('missing', '驿站不存在或已撤销', 'rider', { query: () => ({ id: 'no-such-station' }) }),
  ],
  'packages/station/pages/admin-stations/index': [
    main('驿站管理：搜索、核实、编辑、删除', 'organiser', { clock: MORNING }),
    empty('驿站管理：空', 'organiser'),
    state('denied', '驿站管理：非组织者', 'newcomer'),
  ],
  'packages/station/pages/admin-station-edit/index': [
    main('编辑驿站', 'organiser', { query: () => ({ id: 'st-night' }) }),
    state('new', '新建驿站', 'organiser'),
  ],
  'packages/cases/pages/report/index': [
    main('随手拍：一屏完成——先拍照，再选类别，补充一句，定位或地址，匿名与否', 'rider'),
    state('located', '随手拍：此前已允许定位，打开即附上当前位置（从不主动询问）', 'rider', { location: LOCATED }),
    state('newcomer', '随手拍：未登记用户匿名上报，选择发给哪个街道或区', 'newcomer'),
    offline('随手拍：网络断开时'),
  ],
  'packages/cases/pages/demand/index': [
    main('我要反映：诉求类别、标题、具体情况、照片与「实事共办」公开选项', 'rider', {
      interact: (ui) => ui.tap('#categories >>> #category-conditions'),
    }),
    state('newcomer', '我要反映：未登记用户先去登记', 'newcomer'),
  ],
  'packages/cases/pages/mine/index': [
    main('我的诉求：每件事的进度、答复期限与预警', 'rider', { now: CASE_TIMES.dayAfterAnswer }),
    empty('我的诉求：还没有诉求或随手拍'),
    offline('我的诉求：网络断开时'),
  ],
  'packages/cases/pages/detail/index': [
    main('办理进度：已答复，确认解决与评价、不满意重新办理', 'rider', {
      query: (f) => ({ id: f.cases.demand }),
      now: CASE_TIMES.dayAfterAnswer,
    }),
    state('submitted', '随手拍提交后：确认信息、答复期限与蜂力值', 'rider', {
      query: (f) => ({ id: f.cases.report, submitted: '1' }),
      now: CASE_TIMES.justReported,
    }),
    state('missing', '办理进度：诉求不存在', 'rider', { query: () => ({ id: 'no-such-case' }) }),
    offline('办理进度：网络断开时', { query: () => ({ id: 'case-demo-charging' }) }),
  ],
  'packages/cases/pages/board/index': [
    main('实事共办：已答复并同意公开的事项，不含个人信息', 'newcomer'),
    empty('实事共办：还没有公开的办理结果', 'newcomer'),
    offline('实事共办：网络断开时'),
  ],
  'packages/cases/pages/admin-cases/index': [
    main('诉求工作台：红黄预警与逾期标在每一行', 'organiser'),
    state('overdue', '诉求工作台：只看已逾期', 'organiser', { interact: (ui) => ui.tap('#flag-overdue') }),
    empty('诉求工作台：空', 'organiser'),
    state('denied', '诉求工作台：非组织者', 'newcomer'),
  ],
  'packages/cases/pages/admin-case/index': [
    main('办理诉求：超时未响应且逾期，提出人与电话，可受理、答复、驳回', 'organiser', {
      query: () => ({ id: 'case-demo-penalty' }),
    }),
    state('report', '办理随手拍：照片与审核状态、核实与蜂力值', 'organiser', {
      query: () => ({ id: 'case-demo-pothole' }),
    }),
    state('answered', '已办结的诉求：答复与评价', 'organiser', { query: () => ({ id: 'case-demo-toilet' }) }),
    state('answer', '答复：选用答复模板', 'organiser', {
      query: () => ({ id: 'case-demo-charging' }),
      interact: (ui) => ui.tap('#action-answer >>> .t-button'),
    }),
  ],
  'packages/cases/pages/admin-templates/index': [main('答复模板', 'organiser'), empty('答复模板：空', 'organiser')],
  'packages/cases/pages/admin-stats/index': [
    main('办理统计：2026 年 11 月', 'organiser', { query: () => ({ from: '2026-11-01', to: '2026-11-30' }) }),
    empty('办理统计：这段时间没有事项', 'organiser'),
  ],
  'packages/roundtable/pages/index/index': [
    main('圆桌会与活动：近期的圆桌会、培训和驿站活动，离你最近的在前（已允许定位）', 'rider', { location: LOCATED }),
    state('by-time', '圆桌会与活动：未开启定位，按时间先后', 'rider'),
    state('training', '圆桌会与活动：只看技能培训', 'rider', { interact: (ui) => ui.tap('#kind-training') }),
    empty('圆桌会与活动：近期没有活动'),
    offline('圆桌会与活动：网络断开时'),
  ],
  'packages/roundtable/pages/meeting/index': [
    main('圆桌会详情：议题、时间地点与导航、出席部门、名额与报名表', 'rider', {
      query: () => ({ id: 'mt-seed-rt-charging' }),
    }),
    state('waitlisted', '圆桌会详情：名额已满，报名后候补第 1 位', 'rider', {
      query: () => ({ id: 'mt-seed-rt-rights' }),
    }),
    state('minutes', '圆桌会详情：已结束，会议纪要', 'rider', { query: () => ({ id: 'mt-seed-rt-held' }) }),
    state('training', '培训班详情：学时与课前线上学习', 'rider', {
      query: () => ({ id: 'mt-seed-training-safety' }),
    }),
    state('missing', '活动不存在', 'rider', { query: () => ({ id: 'mt-no-such-meeting' }) }),
  ],
  'packages/roundtable/pages/mine/index': [
    main('我的报名：已报名、候补第 n 位与已签到', 'rider'),
    state('training', '我的培训：学时、结业与课前线上学习', 'rider', { query: () => ({ tab: 'training' }) }),
    empty('我的报名：还没有报名'),
    state('unregistered', '我的报名：未登记用户', 'newcomer'),
  ],
  'packages/roundtable/pages/admin-meetings/index': [
    main('活动管理：报名、候补与签到人数，编辑、名单、签到码与纪要', 'organiser'),
    state('ended', '活动管理：已结束的活动（发布纪要）', 'organiser', { interact: (ui) => ui.tap('#phase-ended') }),
    empty('活动管理：空', 'organiser'),
    state('denied', '活动管理：非组织者', 'newcomer'),
  ],
  'packages/roundtable/pages/admin-meeting-edit/index': [
    main('编辑活动：快满员的圆桌会', 'organiser', { query: () => ({ id: 'mt-seed-rt-rights' }) }),
    state('new', '新建活动', 'organiser'),
    state('training', '编辑培训班：学时与课前线上学习', 'organiser', {
      query: () => ({ id: 'mt-seed-training-safety' }),
    }),
  ],
  'packages/roundtable/pages/admin-signups/index': [
    main('报名名单：姓名、电话、想提的问题与回答，候补，签到/缺席/移除，导出', 'organiser', {
      query: () => ({ id: 'mt-seed-rt-rights' }),
    }),
    state('held', '报名名单：已举行（已签到与缺席）', 'organiser', { query: () => ({ id: 'mt-seed-rt-held' }) }),
    state('denied', '报名名单：非组织者', 'newcomer', { query: () => ({ id: 'mt-seed-rt-rights' }) }),
  ],
  'packages/roundtable/pages/admin-checkin/index': [
    main('签到码：每 10 秒刷新的二维码与倒计时', 'organiser', { query: (f) => ({ id: f.checkInMeeting }) }),
    state('closed', '签到码：未到签到时间', 'organiser', { query: () => ({ id: 'mt-seed-rt-charging' }) }),
  ],
  'packages/roundtable/pages/admin-minutes/index': [
    main('会议纪要：提出的问题、现场答复、会后带走办理', 'organiser', { query: () => ({ id: 'mt-seed-rt-held' }) }),
    state('not-ended', '会议纪要：活动尚未结束', 'organiser', { query: () => ({ id: 'mt-seed-rt-charging' }) }),
  ],
  'packages/roundtable/pages/admin-stats/index': [main('活动统计：举办场次、报名、出席率与人次', 'organiser')],
  'packages/volunteer/pages/shop/index': [
    main('积分超市：我的积分、物品图片、所需积分、库存与限兑', 'rider'),
    state('affordable', '积分超市：只看积分够兑的', 'rider', { interact: (ui) => ui.tap('#filter-affordable') }),
    empty('积分超市：还没有物品'),
    state('unregistered', '积分超市：未登记', 'newcomer'),
  ],
  'packages/volunteer/pages/goods/index': [
    main('物品详情：价格、库存、限兑与领取地点，积分不足时说明原因', 'rider', { query: (f) => ({ id: f.shop.goods }) }),
    state('missing', '物品详情：找不到', 'rider', { query: () => ({ id: 'no-such-goods' }) }),
  ],
  'packages/volunteer/pages/orders/index': [
    main('我的兑换：领取码二维码与数字、领取地点、取消兑换', 'rider', { query: (f) => ({ id: f.shop.order }) }),
    state('list', '我的兑换：待领取', 'rider'),
    empty('我的兑换：没有待领取的物品'),
  ],
  'packages/volunteer/pages/admin-orders/index': [
    main('兑换核销：待领取优先，扫码核销、取消退积分、导出', 'organiser'),
    state('denied', '兑换核销：非组织者', 'rider'),
  ],
  'packages/volunteer/pages/index/index': [
    main('先锋骑士：星级、信用与荣誉时数、积分与入口（正式队员）', 'rider'),
    state('apply', '先锋骑士：介绍与入队申请（按登记信息预填）', 'rider', { backend: 'empty' }),
    state('unregistered', '先锋骑士：未登记用户', 'newcomer'),
    offline('先锋骑士：网络断开时'),
  ],
  'packages/volunteer/pages/activities/index': [
    main('志愿活动：近期活动、计划时长、名额与我的报名状态', 'rider'),
    empty('志愿活动：近期没有活动'),
  ],
  'packages/volunteer/pages/activity/index': [
    main('志愿活动详情：已报名，签到前', 'rider', { query: (f) => ({ id: f.volunteer.upcoming }) }),
    state('served', '志愿活动详情：已签退，获得信用时数', 'rider', { query: (f) => ({ id: f.volunteer.served }) }),
    state('form', '志愿活动详情：报名表（报名问题，按登记信息预填）', 'rider', {
      query: (f) => ({ id: f.volunteer.form }),
    }),
    state('join', '志愿活动详情：未入队用户', 'newcomer', { query: (f) => ({ id: f.volunteer.upcoming }) }),
    state('missing', '志愿活动不存在', 'rider', { query: () => ({ id: 'va-no-such-activity' }) }),
  ],
  'packages/volunteer/pages/hours/index': [
    main('我的时数：信用与荣誉时数分开、星级与记录', 'rider'),
    state('claims', '我的时数：补录与上报的审核状态', 'rider', { interact: (ui) => ui.tap('#tab-claims') }),
  ],
  'packages/volunteer/pages/report/index': [
    main('上报服务：类型、内容、时间与照片', 'rider'),
    state('not-member', '上报服务：非正式队员', 'newcomer'),
  ],
  'packages/volunteer/pages/leaderboard/index': [
    main('服务排行：本月，我的名次与参与开关', 'rider'),
    state('all', '服务排行：总排行', 'rider', { interact: (ui) => ui.tap('#period-all') }),
  ],
  'packages/volunteer/pages/statement/index': [main('月度账单：本月时数与积分收支', 'rider')],
  'packages/volunteer/pages/admin-members/index': [
    main('队员审核：待审核的入队申请', 'organiser'),
    state('approved', '队员审核：正式队员（时数、积分、暂停）', 'organiser', {
      interact: (ui) => ui.tap('#status-approved'),
    }),
    state('denied', '队员审核：非组织者', 'newcomer'),
  ],
  'packages/volunteer/pages/admin-activities/index': [
    main('志愿活动管理：报名、签到与签退人数，编辑与签到/签退码', 'organiser'),
    empty('志愿活动管理：空', 'organiser'),
  ],
  'packages/volunteer/pages/admin-activity-edit/index': [
    main('编辑志愿活动', 'organiser', { query: (f) => ({ id: f.volunteer.upcoming }) }),
    state('new', '新建志愿活动', 'organiser'),
  ],
  'packages/volunteer/pages/admin-checkin/index': [
    main('签到码：每 10 秒刷新，报名、签到与签退人数', 'organiser', { query: (f) => ({ id: f.volunteer.checkIn }) }),
    state('out', '签退码', 'organiser', { query: (f) => ({ id: f.volunteer.checkIn, purpose: 'out' }) }),
    state('closed', '签到码：未到签到时间', 'organiser', { query: (f) => ({ id: f.volunteer.upcoming }) }),
  ],
  'packages/volunteer/pages/admin-claims/index': [
    main('时数审核：漏签退与自主服务，待审核', 'organiser'),
    state('backfill', '补录荣誉时数', 'organiser', { interact: (ui) => ui.tap('#tab-backfill') }),
  ],
  'packages/volunteer/pages/admin-stats/index': [main('志愿统计：本月人次、时数、积分与待审核', 'organiser')],
  'packages/volunteer/pages/certificate/index': [
    main('志愿服务记录证明：选择期间，预览姓名、电话、信用与荣誉时数、服务内容与出具组织', 'rider'),
    state('issued', '志愿服务记录证明：已开具，证明海报（小程序码核验）', 'rider', {
      interact: (ui) => ui.tap('#issue >>> .t-button'),
    }),
    state('unregistered', '志愿服务记录证明：未登记用户', 'newcomer'),
  ],
  'packages/volunteer/pages/verify/index': [
    main('证明核验：证明真实有效，显示证明所载内容（姓名隐去）', 'newcomer', { query: (f) => ({ no: f.certificate }) }),
    state('not-found', '证明核验：编号不存在', 'newcomer', { query: () => ({ no: 'ZY2026AAAAAAAAAAAAAAAA' }) }),
    state('entry', '证明核验：输入证明编号', 'newcomer'),
  ],
  'packages/volunteer/pages/admin-goods/index': [
    main('商品管理：本月兑换、上架中/已下架、价格、库存与待领取件数', 'organiser'),
    state('off-shelf', '商品管理：已下架', 'organiser', { interact: (ui) => ui.tap('#shelf-off') }),
    state('denied', '商品管理：非组织者', 'rider'),
  ],
  'packages/volunteer/pages/admin-goods-edit/index': [
    main('编辑商品：图片、积分、当前库存与补货、每人限兑、上架', 'organiser', { query: (f) => ({ id: f.shop.goods }) }),
    state('new', '新建商品', 'organiser'),
  ],
  'packages/admin/pages/index/index': [
    main('组织者首页：数据看板（本周）的核心指标', 'organiser'),
    dashboardAt('study', '数据看板：每日打卡与学习人数、各系列完成课程', '#card-daily'),
    dashboardAt('events', '数据看板：报名与出席、诉求分类与满意率', '#card-signups'),
    dashboardAt('service', '数据看板：志愿服务时数、评选每日有效投票', '#card-volunteer'),
    dashboardAt('revealed', '数据看板：亮身份党员累计与导出', '#card-revealed'),
  ],
  'packages/admin/pages/users/index': [main('用户管理', 'organiser')],
  'packages/admin/pages/orgs/index': [main('组织管理', 'organiser')],
  'packages/admin/pages/audit/index': [main('操作日志', 'organiser')],
};

/** The PNG file name of a page's state: docs/screenshots/<page>[-<state>].png. */
export function shotName(pagePath: string, s: Pick<ShotState, 'name'>): string {
  const page = pagePath
    .replace(/^packages\//, '')
    .replace(/\/pages\//, '-')
    .replace(/^pages\//, '')
    .replace(/\/index$/, '');
  return s.name ? `${page}-${s.name}` : page;
}
