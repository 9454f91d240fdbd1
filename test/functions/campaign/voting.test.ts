import type { Candidate, CandidateDetail, VoteReceipt } from '../../../typings/campaign';
import { campaignWithCandidates } from '../../support/campaign-fixtures';
import { makeAdmin, type OrgFixture, registerWorker, seedOrgs } from '../../support/fixtures';
import { type FunctionsHarness, startFunctions } from '../../support/functions';
import { sdkFor } from '../../support/sdk';

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

const votesOf = async (id: string) => (await h.db.collection('candidates').doc(id).get()).data[0].votes as number;
const ballotCount = async () => (await h.db.collection('ballots').count()).total;

describe('limits under concurrency', () => {
  it('100 voters × 10 concurrent requests against 3 votes a day: exactly 3 accepted each, and counts equal the accepted votes', async () => {
    const { candidates } = await campaignWithCandidates(h, 'o-admin', orgs, {
      phase: 'voting',
      perCategory: 3,
      overrides: {
        voting: { votesPerDay: 3, maxPerCandidatePerDay: 3, requireRegistered: false, showRankingDuringVoting: true },
      },
    });
    const voters = Array.from({ length: 100 }, (_, i) => `voter-${i}`);
    const replies = await Promise.all(
      voters.flatMap((v, i) =>
        Array.from({ length: 10 }, (_, k) =>
          h
            .as(v, { clientIp: `10.0.${i % 50}.${k}` })
            .call<VoteReceipt>('campaign', 'vote', { candidateId: candidates[(i + k) % candidates.length]!.id }),
        ),
      ),
    );
    const accepted = replies.filter((r) => r.ok).length;
    expect(accepted).toBe(300);
    for (const r of replies.filter((x) => !x.ok))
      expect(r).toMatchObject({ code: expect.stringMatching(/^(LIMIT_REACHED|RATE_LIMITED|CONFLICT)$/) });
    const perVoter = new Map<string, number>();
    const { data } = await h.db.collection('ballots').limit(1000).get();
    for (const b of data as { voterKey: string; total: number; log: unknown[] }[]) {
      perVoter.set(b.voterKey, b.total);
      expect(b.log).toHaveLength(b.total);
    }
    expect([...perVoter.values()].every((n) => n === 3)).toBe(true);
    let counted = 0;
    for (const c of candidates) counted += await votesOf(c.id);
    expect(counted).toBe(accepted);
  }, 60_000);

  it('the per-candidate limit holds: one vote per candidate per day, the rest refused with a reason', async () => {
    const { candidates } = await campaignWithCandidates(h, 'o-admin', orgs, { phase: 'voting' });
    const target = candidates[0]!.id;
    const replies = await Promise.all(
      Array.from({ length: 8 }, () => h.as('v1').call('campaign', 'vote', { candidateId: target })),
    );
    expect(replies.filter((r) => r.ok)).toHaveLength(1);
    expect(replies.find((r) => !r.ok)).toMatchObject({
      code: 'LIMIT_REACHED',
      message: expect.stringContaining('同一位候选人'),
    });
    expect(await votesOf(target)).toBe(1);
  });

  it('the day resets at 00:00 Beijing time', async () => {
    const now = Date.parse('2026-11-28T15:00:00Z'); // 23:00 Beijing
    const { candidates } = await campaignWithCandidates(h, 'o-admin', orgs, { phase: 'voting', now });
    const c = candidates[0]!.id;
    const late = h.as('v2').at('2026-11-28T15:59:00Z');
    expect((await late.ok<VoteReceipt>('campaign', 'vote', { candidateId: c })).votesLeftToday).toBe(2);
    expect(await late.call('campaign', 'vote', { candidateId: c })).toMatchObject({ code: 'LIMIT_REACHED' });
    const nextDay = h.as('v2').at('2026-11-28T16:00:30Z');
    expect(await nextDay.ok<VoteReceipt>('campaign', 'vote', { candidateId: c })).toMatchObject({
      myVotesToday: 1,
      votesLeftToday: 2,
    });
  });
});

describe('refusals write nothing', () => {
  it('voting before the window opens is CLOSED', async () => {
    const { candidates } = await campaignWithCandidates(h, 'o-admin', orgs, { phase: 'nomination' });
    expect(await h.as('v').call('campaign', 'vote', { candidateId: candidates[0]!.id })).toMatchObject({
      code: 'CLOSED',
      message: '投票尚未开始',
    });
    expect(await ballotCount()).toBe(0);
  });

  it('voting after the window closes is CLOSED', async () => {
    const { candidates } = await campaignWithCandidates(h, 'o-admin', orgs, { phase: 'ended' });
    expect(await h.as('v').call('campaign', 'vote', { candidateId: candidates[0]!.id })).toMatchObject({
      code: 'CLOSED',
      message: '投票已经结束',
    });
    expect(await ballotCount()).toBe(0);
  });

  it('voting for something that is not an approved candidate is NOT_FOUND', async () => {
    await campaignWithCandidates(h, 'o-admin', orgs, { phase: 'voting' });
    expect(await h.as('v').call('campaign', 'vote', { candidateId: 'nomination-not-candidate' })).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await ballotCount()).toBe(0);
  });

  it('an unregistered voter is refused where registration is required; a registered worker may vote', async () => {
    const { candidates } = await campaignWithCandidates(h, 'o-admin', orgs, {
      phase: 'voting',
      overrides: {
        voting: { votesPerDay: 3, maxPerCandidatePerDay: 1, requireRegistered: true, showRankingDuringVoting: true },
      },
    });
    await h.as('v-unreg').ok('user', 'login');
    expect(await h.as('v-unreg').call('campaign', 'vote', { candidateId: candidates[0]!.id })).toMatchObject({
      code: 'NOT_REGISTERED',
    });
    expect(await ballotCount()).toBe(0);
    await registerWorker(h, 'v-reg', orgs.expressBranch.id);
    expect(await h.as('v-reg').call('campaign', 'vote', { candidateId: candidates[0]!.id })).toMatchObject({
      ok: true,
    });
  });
});

describe('what voters see', () => {
  it('the candidate page shows the count and my votes; a vote updates both', async () => {
    const { candidates } = await campaignWithCandidates(h, 'o-admin', orgs, { phase: 'voting' });
    const id = candidates[0]!.id;
    expect(await h.as('v').ok<CandidateDetail>('campaign', 'getCandidate', { id })).toMatchObject({
      votes: 0,
      myVotesToday: 0,
      votesLeftToday: 3,
    });
    expect(await h.as('v').ok<VoteReceipt>('campaign', 'vote', { candidateId: id })).toEqual({
      candidateId: id,
      votes: 1,
      myVotesToday: 1,
      votesLeftToday: 2,
    });
    expect(await h.as('v').ok<CandidateDetail>('campaign', 'getCandidate', { id })).toMatchObject({
      votes: 1,
      myVotesToday: 1,
      votesLeftToday: 2,
    });
  });

  it('a hidden ranking hides counts from the public, sorting by votes included, but not from organisers', async () => {
    const { campaign, candidates } = await campaignWithCandidates(h, 'o-admin', orgs, {
      phase: 'voting',
      overrides: {
        voting: { votesPerDay: 3, maxPerCandidatePerDay: 1, requireRegistered: false, showRankingDuringVoting: false },
      },
    });
    expect(await h.as('v').ok<VoteReceipt>('campaign', 'vote', { candidateId: candidates[1]!.id })).toMatchObject({
      votes: null,
    });
    const list = await h
      .as('v')
      .ok<{ items: Candidate[] }>('campaign', 'listCandidates', { campaignId: campaign.id, sort: 'votes' });
    expect(list.items.every((c) => c.votes === null)).toBe(true);
    expect(list.items[0]!.number).toBe('A001');
    expect(await h.as('v').ok('campaign', 'ranking', { campaignId: campaign.id, category: 'courier' })).toEqual({
      hidden: true,
      entries: [],
    });
    const organiser = await h
      .as('o-admin')
      .ok<{ entries: { votes: number }[] }>('campaign', 'ranking', { campaignId: campaign.id, category: 'courier' });
    expect(organiser.entries.map((e) => e.votes)).toEqual([1, 0]);
  });

  it('tied candidates share a rank and the next rank skips the shared places (1, 1, 3)', async () => {
    const { campaign, candidates } = await campaignWithCandidates(h, 'o-admin', orgs, {
      phase: 'voting',
      perCategory: 3,
      overrides: {
        voting: { votesPerDay: 3, maxPerCandidatePerDay: 1, requireRegistered: false, showRankingDuringVoting: true },
      },
    });
    const [a, b, c] = candidates.filter((x) => x.category === 'courier');
    await h.as('v1').ok('campaign', 'vote', { candidateId: b!.id });
    await h.as('v1').ok('campaign', 'vote', { candidateId: c!.id });
    await h.as('v2').ok('campaign', 'vote', { candidateId: b!.id });
    await h.as('v2').ok('campaign', 'vote', { candidateId: c!.id });
    await h.as('v3').ok('campaign', 'vote', { candidateId: a!.id });
    const { entries } = await h
      .as('v')
      .ok<{ entries: { number: string; votes: number; rank: number }[] }>('campaign', 'ranking', {
        campaignId: campaign.id,
        category: 'courier',
      });
    expect(entries.map((e) => [e.number, e.votes, e.rank])).toEqual([
      [b!.number, 2, 1],
      [c!.number, 2, 1],
      [a!.number, 1, 3],
    ]);
  });

  it('candidates are found by number or name, sorted by number or votes', async () => {
    const { campaign, candidates } = await campaignWithCandidates(h, 'o-admin', orgs, { phase: 'voting' });
    await h.as('v').ok('campaign', 'vote', { candidateId: candidates[1]!.id });
    const byNumber = await h
      .as('v')
      .ok<{ items: Candidate[] }>('campaign', 'listCandidates', { campaignId: campaign.id, keyword: 'b002' });
    expect(byNumber.items.map((c) => c.name)).toEqual(['候选人delivery2']);
    const byVotes = await h.as('v').ok<{ items: Candidate[] }>('campaign', 'listCandidates', {
      campaignId: campaign.id,
      category: 'courier',
      sort: 'votes',
    });
    expect(byVotes.items.map((c) => c.number)).toEqual(['A002', 'A001']);
  });
});

describe('sharing', () => {
  it('a candidate poster code is a real PNG in storage that opens the candidate', async () => {
    const { candidates } = await campaignWithCandidates(h, 'o-admin', orgs, { phase: 'voting' });
    const { fileId } = await h
      .as('v')
      .ok<{ fileId: string }>('campaign', 'candidatePosterCode', { candidateId: candidates[0]!.id });
    expect(fileId).toMatch(new RegExp(`posters/candidate-${candidates[0]!.id}\\.png$`));
    const { fileContent } = await sdkFor(h.emu).downloadFile({ fileID: fileId });
    expect((fileContent as Buffer).subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  });
});
