// Demo micro lectures in three series. Speakers are fictional and marked as such;
// the texts are original sample content written for the demo.
export type DemoMedia = 'video' | 'audio' | null;

export interface DemoLecture {
  id: string;
  title: string;
  speaker: string;
  speakerTitle: string;
  kind: 'video' | 'audio' | 'article';
  media: DemoMedia;
  durationSec: number;
  series: string;
  tags: string[];
  body: string;
  quiz: { question: string; options: string[]; answer: number }[];
}

const p = (...paras: string[]) => paras.map((t) => `<p>${t}</p>`).join('');

export const LECTURES: DemoLecture[] = [
  {
    id: 'lec-history-1921',
    title: '红船起航：中共一大的故事',
    speaker: '王红（示例宣讲员）',
    speakerTitle: '百姓名嘴宣讲团（示例）',
    kind: 'video',
    media: 'video',
    durationSec: 30,
    series: '党史小故事',
    tags: ['党史', '一大'],
    body: p(
      '1921 年 7 月，中国共产党第一次全国代表大会在上海召开，会议后期转移到浙江嘉兴南湖的一条游船上继续举行。',
      '这次大会宣告了中国共产党的成立。本节示例课用三十秒带你回顾这段历史。',
    ),
    quiz: [
      { question: '中共一大于哪一年召开？', options: ['1919 年', '1921 年', '1927 年', '1949 年'], answer: 1 },
      {
        question: '中共一大后期转移到哪里继续举行？',
        options: ['北京香山', '嘉兴南湖的游船上', '井冈山', '延安'],
        answer: 1,
      },
    ],
  },
  {
    id: 'lec-history-long-march',
    title: '长征路上的坚持',
    speaker: '王红（示例宣讲员）',
    speakerTitle: '百姓名嘴宣讲团（示例）',
    kind: 'audio',
    media: 'audio',
    durationSec: 30,
    series: '党史小故事',
    tags: ['党史', '长征'],
    body: p('1934 年至 1936 年，红军进行了举世闻名的长征。本节示例音频讲述坚持与信念。'),
    quiz: [
      { question: '红军长征发生在哪个时期？', options: ['1934—1936 年', '1949—1951 年', '1911—1912 年'], answer: 0 },
    ],
  },
  {
    id: 'lec-history-spirit',
    title: '身边的红色地标（图文）',
    speaker: '李芳（示例）',
    speakerTitle: '城东街道党工委书记（示例人物）',
    kind: 'article',
    media: null,
    durationSec: 120,
    series: '党史小故事',
    tags: ['党史', '红色地标'],
    body: p(
      '每座城市都有自己的红色地标：纪念馆、烈士陵园、革命旧址。送单路过时，不妨停下来看一看。',
      '这是一篇示例图文：你可以在后台把它替换成本地真实的红色地标介绍。',
    ),
    quiz: [],
  },
  {
    id: 'lec-policy-rights',
    title: '新就业形态劳动者的权益，你知道多少',
    speaker: '张律（示例讲师）',
    speakerTitle: '法律服务志愿者（示例人物）',
    kind: 'article',
    media: null,
    durationSec: 180,
    series: '政策与权益',
    tags: ['权益保障', '政策'],
    body: p(
      '2021 年，人力资源社会保障部等八部门印发《关于维护新就业形态劳动者劳动保障权益的指导意见》，对公平就业、劳动报酬、休息、劳动安全、社会保险等方面提出要求。',
      '遇到报酬、工伤等问题，可以向当地劳动保障监察机构、工会或党群服务驿站求助。本文为示例内容，具体政策以当地官方发布为准。',
    ),
    quiz: [
      {
        question: '遇到劳动报酬纠纷，下列哪个渠道可以求助？',
        options: ['劳动保障监察机构或工会', '网上匿名论坛', '置之不理'],
        answer: 0,
      },
    ],
  },
  {
    id: 'lec-policy-insurance',
    title: '职业伤害保障怎么用（音频）',
    speaker: '张律（示例讲师）',
    speakerTitle: '法律服务志愿者（示例人物）',
    kind: 'audio',
    media: 'audio',
    durationSec: 30,
    series: '政策与权益',
    tags: ['保险', '权益保障'],
    body: p('示例音频：了解所在平台和地区的职业伤害保障政策，出险后及时报案、保留证据。'),
    quiz: [],
  },
  {
    id: 'lec-safety-traffic',
    title: '安全骑行，平安回家',
    speaker: '赵警官（示例人物）',
    speakerTitle: '交通安全宣讲员（示例）',
    kind: 'video',
    media: 'video',
    durationSec: 30,
    series: '安全与健康',
    tags: ['交通安全'],
    body: p('戴好头盔、不闯红灯、不逆行、不在骑行中看手机。本节示例视频提醒大家：再急的单，也没有安全重要。'),
    quiz: [
      {
        question: '骑电动自行车时，正确的做法是？',
        options: ['佩戴安全头盔', '边骑边看手机', '逆行抄近路'],
        answer: 0,
      },
      { question: '遇到红灯赶时间时应该？', options: ['停车等待', '快速通过', '走人行道绕过'], answer: 0 },
    ],
  },
  {
    id: 'lec-safety-heat',
    title: '夏季防暑小常识（图文）',
    speaker: '社区卫生服务中心（示例）',
    speakerTitle: '健康科普（示例）',
    kind: 'article',
    media: null,
    durationSec: 120,
    series: '安全与健康',
    tags: ['健康', '防暑'],
    body: p(
      '高温天气送单，注意少量多次补水，避开正午暴晒时段休息，出现头晕、恶心等不适时及时到阴凉处休息。',
      '党群服务驿站提供饮水和休息场所，欢迎随时进来歇脚。本文为示例内容。',
    ),
    quiz: [],
  },
  {
    id: 'lec-safety-firstaid',
    title: '遇到突发情况怎么办（音频）',
    speaker: '社区卫生服务中心（示例）',
    speakerTitle: '健康科普（示例）',
    kind: 'audio',
    media: 'audio',
    durationSec: 30,
    series: '安全与健康',
    tags: ['急救', '安全'],
    body: p('示例音频：遇到交通事故或身体不适，先确保自身安全，及时拨打 120 或 110 求助。'),
    quiz: [{ question: '遇到有人受伤需要急救，应拨打？', options: ['120', '114', '12315'], answer: 0 }],
  },
];
