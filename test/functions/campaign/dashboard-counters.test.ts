// The dashboard's vote counters (daily_stats) follow real votes through the built
// campaign function: after votes up to the daily limit, a refused vote beyond it,
// concurrent voters, a void and the campaign moving to another org, the stored
// counters equal what this test sums itself from the raw ballots and campaigns.
import type { Campaign, SaveCampaignRequest } from '../../../typings/campaign';
import { campaignInput, campaignWithCandidates } from '../../support/campaign-fixtures';
import { makeAdmin, type OrgFixture, seedOrgs } from '../../support/fixtures';
import { type FunctionsHarness, startFunctions } from '../../support/functions';

let h: FunctionsHarness;
let orgs: OrgFixture;

beforeAll(async () => {
  h = await startFunctions();
});
afterAll(() => h.stop());
beforeEach(async () => {
  await h.resetDb();
  orgs = await seedOrgs(h);
  await makeAdmin(h, 'o-admin', [orgs.district.id]);
});

interface RawBallot {
  campaignId: string;
  day: string;
  log: { voided?: boolean }[];
}

/** votes|campaign|campaign's org|day → valid votes, summed here from the raw ballots and campaigns. */
async function expected(): Promise<Record<string, { n: number; label: string }>> {
  const { data: campaigns } = await h.db.collection('campaigns').limit(100).get();
  const byId = new Map((campaigns as { _id: string; orgId: string; title: string }[]).map((c) => [c._id, c]));
  const out: Record<string, { n: number; label: string }> = {};
  for (let skip = 0; ; skip += 1000) {
    const { data } = await h.db.collection('ballots').skip(skip).limit(1000).get();
    for (const b of data as RawBallot[]) {
      const c = byId.get(b.campaignId)!;
      const valid = b.log.filter((e) => !e.voided).length;
      if (!valid) continue;
      const id = `votes|${c._id}|${c.orgId}|${b.day}`;
      out[id] = { n: (out[id]?.n ?? 0) + valid, label: c.title };
    }
    if (data.length < 1000) return out;
  }
}

async function stored(): Promise<Record<string, { n: number; label: string }>> {
  const { data } = await h.db.collection('daily_stats').where({ metric: 'votes' }).limit(1000).get();
  const out: Record<string, { n: number; label: string }> = {};
  for (const s of data as { _id: string; n: number; label: string }[])
    if (s.n !== 0) out[s._id] = { n: s.n, label: s.label };
  return out;
}

const expectExact = async () => expect(await stored()).toEqual(await expected());

it('votes to the daily limit count; the refused one beyond it does not; a void takes its votes back', async () => {
  const { campaign, candidates } = await campaignWithCandidates(h, 'o-admin', orgs, { phase: 'voting' });
  for (const c of candidates.slice(0, 3)) await h.as('o-voter').ok('campaign', 'vote', { candidateId: c.id });
  await h.as('o-other').ok('campaign', 'vote', { candidateId: candidates[0]!.id });
  await expectExact();
  const [counter] = Object.entries(await stored());
  expect(counter![0]).toMatch(new RegExp(`^votes\\|${campaign.id}\\|${orgs.district.id}\\|\\d{4}-\\d\\d-\\d\\d$`));
  expect(counter![1]).toEqual({ n: 4, label: campaign.title });

  const before = await stored();
  const refused = await h.as('o-voter').call('campaign', 'vote', { candidateId: candidates[3]!.id });
  expect(refused).toMatchObject({ ok: false, code: 'LIMIT_REACHED' });
  expect(await stored()).toEqual(before);

  await h.as('o-admin').ok('campaign', 'voidVotes', { campaignId: campaign.id, voterIds: ['o-voter'], reason: '刷票' });
  await expectExact();
  expect(Object.values(await stored())).toEqual([{ n: 1, label: campaign.title }]);
});

it('concurrent voters against the daily limit leave the counter exactly the accepted votes', async () => {
  const { candidates } = await campaignWithCandidates(h, 'o-admin', orgs, { phase: 'voting', perCategory: 3 });
  const replies = await Promise.all(
    Array.from({ length: 30 }, (_, i) =>
      Array.from({ length: 5 }, (__, k) =>
        h
          .as(`voter-${i}`, { clientIp: `10.1.${i}.${k}` })
          .call('campaign', 'vote', { candidateId: candidates[(i + k) % candidates.length]!.id }),
      ),
    ).flat(),
  );
  const accepted = replies.filter((r) => r.ok).length;
  expect(accepted).toBe(90);
  await expectExact();
  expect(Object.values(await stored()).reduce((s, c) => s + c.n, 0)).toBe(accepted);
}, 60_000);

it('a campaign moved to another org, with a new title, takes its counters along', async () => {
  const now = Date.now();
  const { campaign, candidates } = await campaignWithCandidates(h, 'o-admin', orgs, { phase: 'voting', now });
  for (const v of ['o-a', 'o-b']) await h.as(v).ok('campaign', 'vote', { candidateId: candidates[0]!.id });
  const edit: SaveCampaignRequest & { id: string } = {
    ...campaignInput(orgs.express.id, now, 'voting'),
    id: campaign.id,
    title: '最美快递小哥评选',
  };
  await h.as('o-admin').ok<Campaign>('campaign', 'saveCampaign', edit);
  await expectExact();
  expect(Object.keys(await stored())).toEqual([expect.stringContaining(`|${orgs.express.id}|`)]);
  expect(Object.values(await stored())).toEqual([{ n: 2, label: '最美快递小哥评选' }]);
});
