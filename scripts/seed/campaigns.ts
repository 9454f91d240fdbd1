// Demo campaigns: one open for voting now, one finished with announced results.
// Candidates, companies and deeds are fictional (see campaigns-data.ts).
import { computeResults } from '../../cloudfunctions/campaign/rules/results';
import type { CampaignDoc } from '../../cloudfunctions/campaign/store/campaigns';
import type { CandidateDoc } from '../../cloudfunctions/campaign/store/candidates';
import { DEMO_CANDIDATES } from './campaigns-data';
import type { SeedModule } from './index';
import { SEED_ORG_IDS } from './orgs';

const CATEGORIES = [
  { key: 'courier', name: '最美快递小哥', quota: 5 },
  { key: 'delivery', name: '最美外卖小哥', quota: 5 },
  { key: 'ride', name: '最美网约车司机', quota: 5 },
  { key: 'streamer', name: '最美网络主播', quota: 5 },
];

const DAY = 86_400_000;

export const campaignSeed: SeedModule = {
  name: 'campaigns',
  async run(db, now) {
    const t = (days: number) => new Date(now.getTime() + days * DAY).toISOString();
    let n = 0;
    const campaigns = [
      {
        id: 'camp-voting',
        title: '2026 年度“最美新就业群体”评选（演示）',
        phases: {
          nominationStart: t(-30),
          nominationEnd: t(-16),
          votingStart: t(-2),
          votingEnd: t(14),
          announcementEnd: t(21),
        },
        finished: false,
      },
      {
        id: 'camp-2025',
        title: '2025 年度“最美新就业群体”评选（演示）',
        phases: {
          nominationStart: t(-400),
          nominationEnd: t(-386),
          votingStart: t(-380),
          votingEnd: t(-366),
          announcementEnd: t(-361),
        },
        finished: true,
      },
    ];
    for (const c of campaigns) {
      const candidates = CATEGORIES.flatMap((cat, ci) =>
        DEMO_CANDIDATES[cat.key]!.map((d, i) => ({
          _id: `c${c.id === 'camp-voting' ? 'v' : 'f'}${ci}${i}`,
          campaignId: c.id,
          category: cat.key,
          number: `${String.fromCharCode(65 + ci)}${String(i + 1).padStart(3, '0')}`,
          name: d.name,
          platform: d.platform,
          deeds: d.deeds,
          photos: [],
          // The finished campaign carries its final counts and jury scores.
          votes: c.finished ? 1200 - i * 137 - ci * 41 : 0,
          juryScore: c.finished ? 95 - ((i * 7 + ci * 3) % 20) : null,
          nominationId: null,
          status: 'active' as const,
          createdAt: now,
          updatedAt: now,
        })),
      );
      const rule = { voteWeight: 60, juryWeight: 40 };
      // The finished campaign's results, computed the way `announce` does.
      const results = c.finished
        ? computeResults({ categories: CATEGORIES, result: rule } as CampaignDoc, candidates as CandidateDoc[])
        : null;
      await db
        .collection('campaigns')
        .doc(c.id)
        .set({
          title: c.title,
          coverFileId: '',
          rules:
            '一、评选对象：本区快递员、外卖骑手、网约车司机、网络主播。\n二、推荐方式：本人自荐、他人推荐或单位推荐。\n三、投票规则：每人每天 5 票，同一候选人每天最多 1 票；投票不设任何奖励。\n四、评选办法：网络投票占 60%，评委评分占 40%，每类评出 5 名。\n（演示活动，人物与事迹均为虚构示例）',
          categories: CATEGORIES,
          phases: c.phases,
          voting: { votesPerDay: 5, maxPerCandidatePerDay: 1, requireRegistered: false, showRankingDuringVoting: true },
          result: rule,
          nominationLimit: 3,
          orgId: SEED_ORG_IDS.district,
          seq: Object.fromEntries(CATEGORIES.map((cat) => [cat.key, 6])),
          announced: c.finished,
          announcedAt: c.finished ? new Date(c.phases.votingEnd) : null,
          results,
          createdAt: now,
          updatedAt: now,
        });
      n++;
      for (const { _id, ...cand } of candidates) {
        await db.collection('candidates').doc(_id).set(cand);
        n++;
      }
    }
    return n;
  },
};
