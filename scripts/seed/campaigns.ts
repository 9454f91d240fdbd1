// Demo campaigns (campaigns-specs.ts): one taking nominations, one open for voting,
// one finished with announced results. Candidates, companies and deeds are
// fictional (campaigns-data.ts).
import { computeResults } from '../../cloudfunctions/campaign/rules/results';
import type { CampaignDoc } from '../../cloudfunctions/campaign/store/campaigns';
import type { BallotDoc } from '../../cloudfunctions/campaign/store/ballots';
import type { CandidateDoc } from '../../cloudfunctions/campaign/store/candidates';
import { beijingDay, beijingDayStart } from '../../cloudfunctions/_shared/clock';
import { addDays } from '../../cloudfunctions/_shared/stats/period';
import { DEMO_CANDIDATES } from './campaigns-data';
import { type DemoCampaign, DEMO_CAMPAIGNS } from './campaigns-specs';
import type { SeedDb, SeedModule } from './index';
import { SEED_ORG_IDS } from './orgs';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

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
      const ballots = c.candidates === 'fresh' ? demoBallots(c.id, candidates, new Date(votingStart), now) : [];
      for (const { _id, ...ballot } of ballots) {
        await db.collection('ballots').doc(_id).set(ballot);
        n++;
      }
      // A voting campaign's counts are its ballots' votes: the seeded ones and any cast since an earlier seeding.
      const cast = ballots.length ? await votesCast(db, c.id) : new Map<string, number>();
      for (const { _id, ...cand } of candidates) {
        await db
          .collection('candidates')
          .doc(_id)
          .set({ ...cand, votes: cand.votes + (cast.get(_id) ?? 0) });
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

/** Valid votes per candidate in the campaign's stored ballots. */
async function votesCast(db: SeedDb, campaignId: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const PAGE = 100;
  for (let skip = 0; ; skip += PAGE) {
    const { data } = await db
      .collection('ballots')
      .where({ campaignId })
      .orderBy('_id', 'asc')
      .skip(skip)
      .limit(PAGE)
      .get();
    for (const b of data as Pick<BallotDoc, 'log'>[])
      for (const e of b.log) if (!e.voided) out.set(e.candidateId, (out.get(e.candidateId) ?? 0) + 1);
    if (data.length < PAGE) return out;
  }
}

/** Fictional voters (not registered: the campaign does not require it) and their votes each day since voting opened. */
const VOTERS = 12;

function demoBallots(campaignId: string, candidates: CandidateDoc[], votingStart: Date, now: Date): BallotDoc[] {
  const out: BallotDoc[] = [];
  for (let day = beijingDay(votingStart); day <= beijingDay(now); day = addDays(day, 1)) {
    for (let v = 0; v < VOTERS; v++) {
      // One voter an hour from 07:00, within the voting window and before the seed's moment.
      const at = new Date(beijingDayStart(day).getTime() + (7 + v) * HOUR + ((v * 13) % 50) * MINUTE);
      if (at < votingStart || at > now) continue;
      const voterKey = `seed-voter-${String(v + 1).padStart(2, '0')}`;
      // One to three different candidates each (the day's limit is 5, one per candidate).
      const picks = Array.from(
        { length: 1 + ((v + Number(day.slice(8))) % 3) },
        (_, k) => candidates[(v * 5 + k * 7) % candidates.length]!,
      );
      const log = picks.map((cand, k) => ({
        candidateId: cand._id,
        at: new Date(at.getTime() + k * 1000),
        ip: `203.0.113.${10 + v}`,
      }));
      out.push({
        _id: `${campaignId}:${voterKey}:${day}`,
        campaignId,
        voterKey,
        userId: '',
        day,
        total: log.length,
        per: Object.fromEntries(picks.map((cand) => [cand._id, 1])),
        log,
        rev: 0,
        firstAt: log[0]!.at,
        lastAt: log.at(-1)!.at,
      });
    }
  }
  return out;
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
