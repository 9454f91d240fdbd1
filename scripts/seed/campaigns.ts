// Demo campaigns (campaigns-specs.ts): one taking nominations, one open for voting,
// one finished with announced results. Candidates, companies and deeds are
// fictional (campaigns-data.ts).
import { computeResults } from '../../cloudfunctions/campaign/rules/results';
import type { CampaignDoc } from '../../cloudfunctions/campaign/store/campaigns';
import type { CandidateDoc } from '../../cloudfunctions/campaign/store/candidates';
import { DEMO_CANDIDATES } from './campaigns-data';
import { type DemoCampaign, DEMO_CAMPAIGNS } from './campaigns-specs';
import type { SeedDb, SeedModule } from './index';
import { SEED_ORG_IDS } from './orgs';

const DAY = 86_400_000;

export const campaignSeed: SeedModule = {
  name: 'campaigns',
  async run(db, now) {
    let n = 0;
    for (const c of DEMO_CAMPAIGNS) {
      const candidates = demoCandidates(c, now);
      const finished = c.candidates === 'finished';
      // The finished campaign's results, computed the way `announce` does.
      const results = finished
        ? computeResults({ categories: c.categories, result: c.result } as CampaignDoc, candidates)
        : null;
      const [nominationStart, nominationEnd, votingStart, votingEnd, announcementEnd] = c.phaseDays.map((d) =>
        new Date(now.getTime() + d * DAY).toISOString(),
      ) as [string, string, string, string, string];
      const seeded = Object.fromEntries(
        c.categories.map((cat) => [cat.key, candidates.filter((x) => x.category === cat.key).length]),
      );
      await db
        .collection('campaigns')
        .doc(c.id)
        .set({
          title: c.title,
          coverFileId: '',
          rules: c.rules,
          categories: c.categories,
          phases: { nominationStart, nominationEnd, votingStart, votingEnd, announcementEnd },
          voting: c.voting,
          result: c.result,
          nominationLimit: 3,
          orgId: SEED_ORG_IDS.district,
          seq: await keptSeq(db, c.id, seeded),
          announced: finished,
          announcedAt: finished ? new Date(votingEnd) : null,
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

function demoCandidates(c: DemoCampaign, now: Date): CandidateDoc[] {
  if (c.candidates === 'none') return [];
  const finished = c.candidates === 'finished';
  return c.categories.flatMap((cat, ci) =>
    DEMO_CANDIDATES[cat.key]!.map((d, i) => ({
      _id: `c${finished ? 'f' : 'v'}${ci}${i}`,
      campaignId: c.id,
      category: cat.key,
      number: `${String.fromCharCode(65 + ci)}${String(i + 1).padStart(3, '0')}`,
      name: d.name,
      platform: d.platform,
      deeds: d.deeds,
      photos: [],
      // The finished campaign carries its final counts and jury scores.
      votes: finished ? 1200 - i * 137 - ci * 41 : 0,
      juryScore: finished ? 95 - ((i * 7 + ci * 3) % 20) : null,
      nominationId: null,
      status: 'active' as const,
      createdAt: now,
      updatedAt: now,
    })),
  );
}

/**
 * Seeding again (`--seed`) must not reuse a public number already given to a
 * candidate added or approved since: each category's sequence never goes back.
 */
async function keptSeq(
  db: SeedDb,
  campaignId: string,
  seeded: Record<string, number>,
): Promise<Record<string, number>> {
  const { data } = await db.collection('campaigns').doc(campaignId).get();
  const stored = (data[0] as { seq?: Record<string, number> } | undefined)?.seq ?? {};
  return Object.fromEntries(Object.entries(seeded).map(([key, n]) => [key, Math.max(n, stored[key] ?? 0)]));
}
