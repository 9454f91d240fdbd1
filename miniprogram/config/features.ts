import { ROUTES } from './routes';

/** The five features as home-page entries. `url` is empty until the feature ships. */
export interface FeatureEntry {
  key: 'quote' | 'lecture' | 'roundtable' | 'volunteer' | 'campaign';
  name: string;
  desc: string;
  url: string;
}

export const FEATURES: FeatureEntry[] = [
  { key: 'quote', name: '每日金句', desc: '每天一句 打卡学习', url: ROUTES.quotes },
  { key: 'lecture', name: '微党课', desc: '碎片时间 随时学', url: ROUTES.lectures },
  { key: 'roundtable', name: '小哥圆桌会', desc: '圆桌会 培训 驿站活动', url: ROUTES.meetings },
  { key: 'volunteer', name: '志愿服务', desc: '先锋骑士 积分兑换', url: ROUTES.volunteer },
  { key: 'campaign', name: '最美新就业群体', desc: '推荐 投票 评选', url: ROUTES.campaigns },
];
