// The demo meetings (meetings.ts): two round-tables coming up at seeded stations
// (one with a single seat left and a waitlist), one held ten days ago with its
// minutes, a training class whose online part is a seeded lecture series, and two
// community activities. Times are Beijing days relative to the seed's clock.
// People are fictional riders of the demo district (名字后标“示例”), with phone
// numbers of the form 1990000xxxx that no one answers.
import type { ActivityType, MeetingGuest, MeetingKind, MinutesItem } from '../../typings/roundtable';
import type { SignUpQuestion, SignUpState } from '../../typings/signup';
import type { Occupation } from '../../typings/user';
import { SEED_ORG_IDS } from './orgs';

const O = SEED_ORG_IDS;

export interface DemoRider {
  id: string;
  openid: string;
  realName: string;
  nickname: string;
  phone: string;
  occupation: Occupation;
  platform: string;
  orgId: string;
  orgName: string;
  orgPath: string[];
}

const rider = (
  n: number,
  realName: string,
  occupation: Occupation,
  platform: string,
  org: { id: string; name: string; path: string[] },
): DemoRider => {
  const num = String(n).padStart(2, '0');
  return {
    id: `seed-user-rider-${num}`,
    openid: `seed-rider-${num}`,
    realName,
    nickname: `${realName.slice(0, 1)}师傅（示例）`,
    phone: `1990000${String(n).padStart(4, '0')}`,
    occupation,
    platform,
    orgId: org.id,
    orgName: org.name,
    orgPath: org.path,
  };
};

const EXPRESS = { id: O.expressBranch, name: '快递小哥流动党支部', path: [O.district, O.express, O.expressBranch] };
const FOOD = { id: O.foodBranch, name: '外卖骑手流动党支部', path: [O.district, O.food, O.foodBranch] };
const RIDE = { id: O.rideBranch, name: '网约车司机党支部', path: [O.district, O.transport, O.rideBranch] };

/** Twelve fictional workers who signed up for the demo meetings. */
export const DEMO_RIDERS: DemoRider[] = [
  rider(1, '王小快（示例）', 'food_delivery', '示例外卖平台', FOOD),
  rider(2, '李顺风（示例）', 'courier', '示例快递公司', EXPRESS),
  rider(3, '张骑士（示例）', 'food_delivery', '示例外卖平台', FOOD),
  rider(4, '刘达达（示例）', 'courier', '示例快递公司', EXPRESS),
  rider(5, '陈准时（示例）', 'food_delivery', '另一示例外卖平台', FOOD),
  rider(6, '杨平安（示例）', 'ride_hailing', '示例出行平台', RIDE),
  rider(7, '赵速递（示例）', 'courier', '示例快递公司', EXPRESS),
  rider(8, '黄小蜂（示例）', 'food_delivery', '示例外卖平台', FOOD),
  rider(9, '周送达（示例）', 'courier', '示例快运公司', EXPRESS),
  rider(10, '吴安心（示例）', 'ride_hailing', '示例出行平台', RIDE),
  rider(11, '徐飞毛（示例）', 'food_delivery', '另一示例外卖平台', FOOD),
  rider(12, '孙稳当（示例）', 'courier', '示例快递公司', EXPRESS),
];

export interface DemoSignUp {
  /** Index into DEMO_RIDERS. */
  rider: number;
  state: Extract<SignUpState, 'confirmed' | 'waitlisted' | 'attended' | 'no_show'>;
  note?: string;
  answers?: { key: string; values: string[] }[];
}

export interface DemoMeeting {
  id: string;
  kind: MeetingKind;
  title: string;
  topic: string;
  description: string;
  stationId: string;
  orgId: string;
  /** Beijing days from the seed's day, and the start hour and length in hours. */
  day: number;
  hour: number;
  hours: number;
  /** Sign-up closes this many hours before the start. */
  closesHoursBefore: number;
  capacity: number;
  occupations: Occupation[];
  guests: MeetingGuest[];
  questions: SignUpQuestion[];
  training: { course: string; outline: string; classHours: number; series: string | null } | null;
  activityType: ActivityType | null;
  minutes: { raised: MinutesItem[]; answered: MinutesItem[]; takenAway: MinutesItem[] } | null;
  signUps: DemoSignUp[];
}

const guest = (department: string, name = '', title = ''): MeetingGuest => ({ department, name, title });

export const DEMO_MEETINGS: DemoMeeting[] = [
  {
    id: 'mt-seed-rt-charging',
    kind: 'roundtable',
    title: '小哥圆桌会：充电难、停车难怎么办',
    topic: '电动车充电、商圈停车和驿站服务',
    description:
      '请来街道、市场监管和平台站长，与快递小哥、外卖骑手一起坐下来，说说充电排队、商圈停车被罚、驿站开放时间这些身边事。欢迎提前写下想提的问题。',
    stationId: 'st-center',
    orgId: O.district,
    day: 3,
    hour: 14,
    hours: 2,
    closesHoursBefore: 2,
    capacity: 30,
    occupations: ['courier', 'food_delivery'],
    guests: [
      guest('城东街道党工委', '林示例', '副书记'),
      guest('区市场监管局'),
      guest('示例外卖平台站点', '郭示例', '站长'),
    ],
    questions: [],
    training: null,
    activityType: null,
    minutes: null,
    signUps: [
      { rider: 0, state: 'confirmed', note: '商圈晚高峰没地方停车，经常被贴条' },
      { rider: 1, state: 'confirmed', note: '希望驿站充电柜多几个' },
      { rider: 2, state: 'confirmed' },
      { rider: 3, state: 'confirmed', note: '老小区门禁进不去，送件要绕路' },
      { rider: 4, state: 'confirmed' },
      { rider: 5, state: 'confirmed' },
    ],
  },
  {
    id: 'mt-seed-rt-rights',
    kind: 'roundtable',
    title: '小哥圆桌会：劳动权益面对面',
    topic: '职业伤害保障、派单规则和申诉渠道',
    description:
      '区人社局、区总工会和平台负责人到城东驿站，听骑手讲派单、超时罚款和职业伤害保障的实际情况，能当场答复的当场答复，答复不了的带回去办。名额只剩一个，报满后可以候补。',
    stationId: O.stationEast,
    orgId: O.streetEast,
    day: 5,
    hour: 19,
    hours: 2,
    closesHoursBefore: 3,
    capacity: 10,
    occupations: [],
    guests: [guest('区人社局', '何示例', '科长'), guest('区总工会'), guest('示例外卖平台', '', '区域负责人')],
    questions: [
      {
        key: 'job',
        kind: 'single',
        label: '您的职业',
        // Optional: a sign-up without answers (a scenario, an old client) still goes through.
        required: false,
        options: ['快递员', '外卖骑手', '网约车司机', '货车司机', '网络主播', '其他'],
        profileField: 'occupation',
      },
      { key: 'wish', kind: 'text', label: '最想请哪个部门回答', required: false },
    ],
    training: null,
    activityType: null,
    minutes: null,
    signUps: [0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => ({
      rider: i,
      state: 'confirmed' as const,
      answers: [
        {
          key: 'job',
          values: [
            DEMO_RIDERS[i]!.occupation === 'courier'
              ? '快递员'
              : DEMO_RIDERS[i]!.occupation === 'ride_hailing'
                ? '网约车司机'
                : '外卖骑手',
          ],
        },
      ],
      ...(i === 2 ? { note: '超时罚款标准不透明' } : {}),
    })),
  },
  {
    id: 'mt-seed-rt-held',
    kind: 'roundtable',
    title: '小哥圆桌会：末端派送与社保参保',
    topic: '快递末端派费、社保参保和子女入学',
    description: '十天前在城南快递小哥驿站举行，纪要已发布。',
    stationId: 'st-south',
    orgId: O.express,
    day: -10,
    hour: 14,
    hours: 2,
    closesHoursBefore: 2,
    capacity: 20,
    occupations: ['courier'],
    guests: [guest('区人社局'), guest('区邮政管理局（示例）'), guest('示例快递公司', '钱示例', '网点负责人')],
    questions: [],
    training: null,
    activityType: null,
    minutes: {
      raised: [
        { text: '灵活就业人员参保流程复杂，不知道去哪里办', department: '快递员代表' },
        { text: '末端网点派费多年未调整', department: '快递员代表' },
        { text: '随迁子女入学材料准备难', department: '快递员代表' },
      ],
      answered: [
        { text: '社保参保可在驿站自助终端办理，每周三有专人指导', department: '区人社局' },
        { text: '派费调整纳入企业年度协商', department: '示例快递公司' },
      ],
      takenAway: [
        { text: '随迁子女入学材料清单和咨询窗口', department: '区教育局（示例）' },
        { text: '老旧小区快递柜布点', department: '区邮政管理局（示例）' },
      ],
    },
    signUps: [
      { rider: 1, state: 'attended', note: '社保怎么交最划算' },
      { rider: 3, state: 'attended' },
      { rider: 6, state: 'attended', note: '孩子上学的事' },
      { rider: 8, state: 'attended' },
      { rider: 11, state: 'attended' },
      { rider: 9, state: 'attended' },
      { rider: 0, state: 'no_show' },
      { rider: 4, state: 'no_show' },
    ],
  },
  {
    id: 'mt-seed-training-safety',
    kind: 'training',
    title: '电动车安全骑行与应急救护培训班',
    topic: '安全骑行、电池保养和现场急救',
    description:
      '先在“微党课”里学完“安全与健康”系列，再来驿站上实操课：电池充电安全、雨天骑行、心肺复苏和止血包扎。学完并签到记 4 学时。',
    stationId: 'st-mall',
    orgId: O.food,
    day: 7,
    hour: 9,
    hours: 3,
    closesHoursBefore: 12,
    capacity: 40,
    occupations: ['food_delivery', 'courier'],
    guests: [guest('区应急管理局（示例）'), guest('区红十字会（示例）', '', '急救培训师')],
    questions: [],
    training: {
      course: '电动车安全骑行与应急救护',
      outline: '线上：“安全与健康”系列微党课；线下：电池安全、雨天骑行、心肺复苏、止血包扎实操。',
      classHours: 4,
      series: '安全与健康',
    },
    activityType: null,
    minutes: null,
    signUps: [
      { rider: 0, state: 'confirmed' },
      { rider: 7, state: 'confirmed' },
      { rider: 10, state: 'confirmed' },
    ],
  },
  {
    id: 'mt-seed-act-clinic',
    kind: 'activity',
    title: '爱心义诊进驿站',
    topic: '测血压、查颈腰椎、眼科筛查',
    description: '社区卫生服务中心的医生来西湖驿站，为骑手免费测血压、看颈椎腰椎，现场讲解久坐久骑的保健方法。',
    stationId: O.stationWest,
    orgId: O.food,
    day: 4,
    hour: 10,
    hours: 2,
    closesHoursBefore: 1,
    capacity: 50,
    occupations: [],
    guests: [guest('社区卫生服务中心（示例）')],
    questions: [],
    training: null,
    activityType: 'free_clinic',
    minutes: null,
    signUps: [
      { rider: 2, state: 'confirmed' },
      { rider: 5, state: 'confirmed' },
    ],
  },
  {
    id: 'mt-seed-act-legal',
    kind: 'activity',
    title: '劳动权益法律咨询日',
    topic: '劳动合同、工伤认定、欠薪维权',
    description: '律师志愿者在城北物流园驿站坐诊一下午，一对一解答劳动合同、工伤认定、欠薪等问题，可带材料来。',
    stationId: 'st-north',
    orgId: O.district,
    day: 6,
    hour: 14,
    hours: 3,
    closesHoursBefore: 1,
    capacity: 30,
    occupations: [],
    guests: [guest('区司法局（示例）'), guest('示例律师事务所', '', '志愿律师')],
    questions: [],
    training: null,
    activityType: 'legal_advice',
    minutes: null,
    signUps: [],
  },
];
