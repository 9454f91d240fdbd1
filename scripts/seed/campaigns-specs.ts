// The demo campaigns, one per phase a visitor should meet: open for nominations,
// open for voting, and last year's, finished with announced results. Phases are
// day offsets from the moment of seeding, so a fresh `npm start` always finds the
// nomination window and the voting open. Everything described is fictional.
import type { CampaignCategory, ResultRule, VotingRules } from '../../typings/campaign';

export interface DemoCampaign {
  id: string;
  title: string;
  rules: string;
  categories: CampaignCategory[];
  /** Days from now: nominationStart, nominationEnd, votingStart, votingEnd, announcementEnd. */
  phaseDays: [number, number, number, number, number];
  voting: VotingRules;
  result: ResultRule;
  /** Seeded candidates (from campaigns-data.ts) with final counts and jury scores; none for a campaign still taking nominations. */
  candidates: 'none' | 'fresh' | 'finished';
}

const MOST_BEAUTIFUL: CampaignCategory[] = [
  { key: 'courier', name: '最美快递小哥', quota: 5 },
  { key: 'delivery', name: '最美外卖小哥', quota: 5 },
  { key: 'ride', name: '最美网约车司机', quota: 5 },
  { key: 'streamer', name: '最美网络主播', quota: 5 },
];

const MOST_BEAUTIFUL_RULES =
  '一、评选对象：本区快递员、外卖骑手、网约车司机、网络主播。\n二、推荐方式：本人自荐、他人推荐或单位推荐。\n三、投票规则：每人每天 5 票，同一候选人每天最多 1 票；投票不设任何奖励。\n四、评选办法：网络投票占 60%，评委评分占 40%，每类评出 5 名。\n（演示活动，人物与事迹均为虚构示例）';

const MOST_BEAUTIFUL_VOTING: VotingRules = {
  votesPerDay: 5,
  maxPerCandidatePerDay: 1,
  requireRegistered: false,
  showRankingDuringVoting: true,
};

export const DEMO_CAMPAIGNS: DemoCampaign[] = [
  {
    id: 'camp-nomination',
    title: '“新就业群体志愿服务之星”推荐（演示）',
    rules:
      '一、推荐对象：本区快递员、外卖骑手、网约车和货车司机、网络主播中热心志愿服务、安全守法、帮助邻里的新就业群体。\n二、推荐方式：本人自荐、他人推荐或单位推荐，每人最多推荐 3 人；推荐期间提交，经活动组织方审核通过后成为候选人。\n三、投票规则：推荐截止后开始投票，每人每天 3 票，同一候选人每天最多 1 票；投票不设任何奖励。\n四、评选办法：网络投票占 50%，评委评分占 50%，每类评出 3 名。\n（演示活动，内容为虚构示例）',
    categories: [
      { key: 'volunteer', name: '志愿服务之星', quota: 3 },
      { key: 'safety', name: '安全出行之星', quota: 3 },
      { key: 'neighbour', name: '暖心邻里之星', quota: 3 },
    ],
    phaseDays: [-2, 12, 15, 29, 36],
    voting: { votesPerDay: 3, maxPerCandidatePerDay: 1, requireRegistered: false, showRankingDuringVoting: true },
    result: { voteWeight: 50, juryWeight: 50 },
    candidates: 'none',
  },
  {
    id: 'camp-voting',
    title: '2026 年度“最美新就业群体”评选（演示）',
    rules: MOST_BEAUTIFUL_RULES,
    categories: MOST_BEAUTIFUL,
    phaseDays: [-30, -16, -2, 14, 21],
    voting: MOST_BEAUTIFUL_VOTING,
    result: { voteWeight: 60, juryWeight: 40 },
    candidates: 'fresh',
  },
  {
    id: 'camp-2025',
    title: '2025 年度“最美新就业群体”评选（演示）',
    rules: MOST_BEAUTIFUL_RULES,
    categories: MOST_BEAUTIFUL,
    phaseDays: [-400, -386, -380, -366, -361],
    voting: MOST_BEAUTIFUL_VOTING,
    result: { voteWeight: 60, juryWeight: 40 },
    candidates: 'finished',
  },
];
