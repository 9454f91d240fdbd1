import ExcelJS from 'exceljs';
import type {
  Campaign,
  Candidate,
  FraudReport,
  Nomination,
  NominationAdminView,
  ResultEntry,
} from '../../../typings/campaign';
import { campaignInput, campaignWithCandidates, HOUR } from '../../support/campaign-fixtures';
import { makeAdmin, type OrgFixture, registerWorker, seedOrgs } from '../../support/fixtures';
import { type FunctionsHarness, startFunctions } from '../../support/functions';
import { png } from '../../support/images';
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

/** A photo the nominator uploaded to their own folder (the functions accept only such files). */
let photo = '';

const nomination = (campaignId: string, i = 1) => ({
  campaignId,
  category: 'courier',
  relation: 'other',
  nomineeName: `王师傅${i}`,
  platform: '示例快递',
  phone: '13800001234',
  deeds: '十年如一日风雨无阻，主动为独居老人送件上楼，疫情期间坚守一线。',
  photos: [photo],
});

describe('nominations and review', () => {
  let campaign: Campaign;
  beforeEach(async () => {
    campaign = await h.as('o-admin').ok<Campaign>('campaign', 'saveCampaign', {
      ...campaignInput(orgs.district.id, Date.now(), 'nomination'),
      nominationLimit: 2,
    });
    const { profile } = await h.as('o-nominator').ok<{ profile: { userId: string } }>('user', 'login');
    ({ fileID: photo } = await sdkFor(h.emu).uploadFile({
      cloudPath: `nominations/${profile.userId}/1.jpg`,
      fileContent: png(),
    }));
  });

  it('a nomination shows in "my nominations" as pending, then approved with a public number', async () => {
    const n = await h.as('o-nominator').ok<Nomination>('campaign', 'nominate', nomination(campaign.id));
    const mine = await h
      .as('o-nominator')
      .ok<{ items: Nomination[] }>('campaign', 'myNominations', { campaignId: campaign.id });
    expect(mine.items).toEqual([expect.objectContaining({ id: n.id, status: 'pending', nomineeName: '王师傅1' })]);
    expect(JSON.stringify(mine)).not.toContain('13800001234');

    const reviewed = await h
      .as('o-admin')
      .ok<NominationAdminView>('campaign', 'reviewNomination', { id: n.id, approve: true });
    expect(reviewed).toMatchObject({ status: 'approved', phone: '13800001234', candidateId: expect.any(String) });
    const list = await h
      .as('o-visitor')
      .ok<{ items: Candidate[] }>('campaign', 'listCandidates', { campaignId: campaign.id });
    expect(list.items).toEqual([expect.objectContaining({ number: 'A001', name: '王师傅1' })]);
    expect(JSON.stringify(list)).not.toContain('13800001234');
  });

  it('a rejection needs a reason, which the nominator sees', async () => {
    const n = await h.as('o-nominator').ok<Nomination>('campaign', 'nominate', nomination(campaign.id));
    expect(await h.as('o-admin').call('campaign', 'reviewNomination', { id: n.id, approve: false })).toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    await h.as('o-admin').ok('campaign', 'reviewNomination', { id: n.id, approve: false, reason: '事迹材料需补充' });
    const mine = await h.as('o-nominator').ok<{ items: Nomination[] }>('campaign', 'myNominations', {});
    expect(mine.items[0]).toMatchObject({ status: 'rejected', rejectReason: '事迹材料需补充', candidateId: null });
    expect(await h.as('o-admin').call('campaign', 'reviewNomination', { id: n.id, approve: true })).toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('the per-nominator limit holds under concurrency', async () => {
    const replies = await Promise.all(
      Array.from({ length: 6 }, (_, i) => h.as('o-nominator').call('campaign', 'nominate', nomination(campaign.id, i))),
    );
    expect(replies.filter((r) => r.ok)).toHaveLength(2);
    expect(replies.find((r) => !r.ok)).toMatchObject({ code: 'LIMIT_REACHED' });
  });

  it('deeds are content-checked and bounded; more than 6 photos is refused', async () => {
    expect(
      await h
        .as('o-nominator')
        .call('campaign', 'nominate', { ...nomination(campaign.id), deeds: '违禁词'.repeat(10) }),
    ).toMatchObject({ code: 'CONTENT_REJECTED' });
    expect(
      await h.as('o-nominator').call('campaign', 'nominate', { ...nomination(campaign.id), deeds: '好'.repeat(2001) }),
    ).toMatchObject({ code: 'INVALID_ARGUMENT' });
    const photos = Array.from({ length: 7 }, (_, i) => `cloud://local-dev.b/p${i}.jpg`);
    expect(
      await h.as('o-nominator').call('campaign', 'nominate', { ...nomination(campaign.id), photos }),
    ).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect((await h.db.collection('nominations').count()).total).toBe(0);
  });

  it('nominating outside the nomination window is CLOSED', async () => {
    const { campaign: voting } = await campaignWithCandidates(h, 'o-admin', orgs, { phase: 'voting', perCategory: 0 });
    expect(await h.as('o-nominator').call('campaign', 'nominate', nomination(voting.id))).toMatchObject({
      code: 'CLOSED',
    });
  });
});

describe('voiding, fraud report, recount', () => {
  it('voiding a voter’s votes lowers the counts by exactly those votes; the void is audited', async () => {
    const { campaign, candidates } = await campaignWithCandidates(h, 'o-admin', orgs, { phase: 'voting' });
    const [a, b] = [candidates[0]!.id, candidates[1]!.id];
    for (const v of ['bad-1', 'bad-2', 'good']) {
      await h.as(v).ok('campaign', 'vote', { candidateId: a });
      await h.as(v).ok('campaign', 'vote', { candidateId: b });
    }
    const r = await h.as('o-admin').ok<{ voidedVotes: number }>('campaign', 'voidVotes', {
      campaignId: campaign.id,
      voterIds: ['bad-1', 'bad-2'],
      reason: '同一设备批量注册',
    });
    expect(r.voidedVotes).toBe(4);
    const votes = async (id: string) => (await h.db.collection('candidates').doc(id).get()).data[0].votes;
    expect([await votes(a), await votes(b)]).toEqual([1, 1]);
    // Voiding again changes nothing; voided votes still count toward the voter's daily limit.
    expect(
      (
        await h.as('o-admin').ok<{ voidedVotes: number }>('campaign', 'voidVotes', {
          campaignId: campaign.id,
          voterIds: ['bad-1'],
          reason: '重复',
        })
      ).voidedVotes,
    ).toBe(0);
    const logs = await h.db.collection('audit_logs').where({ action: 'voidVotes' }).get();
    expect(logs.data[0].summary).toContain('作废 4 票');
  });

  it('voiding a time range voids exactly the votes cast in it', async () => {
    const t0 = Date.now();
    const { campaign, candidates } = await campaignWithCandidates(h, 'o-admin', orgs, { phase: 'voting', now: t0 });
    const c = candidates[0]!.id;
    const at = (min: number) => new Date(t0 + min * 60_000).toISOString();
    await h.as('v1').at(at(1)).ok('campaign', 'vote', { candidateId: c });
    await h.as('v2').at(at(10)).ok('campaign', 'vote', { candidateId: c });
    await h.as('v3').at(at(11)).ok('campaign', 'vote', { candidateId: c });
    const r = await h.as('o-admin').ok<{ voidedVotes: number }>('campaign', 'voidVotes', {
      campaignId: campaign.id,
      from: at(9),
      to: at(12),
      reason: '异常时段',
    });
    expect(r.voidedVotes).toBe(2);
    expect((await h.db.collection('candidates').doc(c).get()).data[0].votes).toBe(1);
  });

  it('the fraud report shows one IP behind many voters and a burst of votes', async () => {
    const { campaign, candidates } = await campaignWithCandidates(h, 'o-admin', orgs, { phase: 'voting' });
    const c = candidates[0]!.id;
    await Promise.all(
      Array.from({ length: 32 }, (_, i) =>
        h.as(`bot-${i}`, { clientIp: '203.0.113.9' }).ok('campaign', 'vote', { candidateId: c }),
      ),
    );
    const report = await h.as('o-admin').ok<FraudReport>('campaign', 'fraudReport', { campaignId: campaign.id });
    expect(report.sharedIps).toEqual([
      { ip: '203.0.113.9', voters: 32, votes: 32, voterIds: expect.arrayContaining(['bot-0', 'bot-31']) },
    ]);
    // The ids it lists are what voidVotes takes.
    const voided = await h.as('o-admin').ok<{ voidedVotes: number }>('campaign', 'voidVotes', {
      campaignId: campaign.id,
      voterIds: report.sharedIps[0]!.voterIds,
      reason: '同一 IP 批量投票',
    });
    expect(voided.voidedVotes).toBe(32);
    expect(report.bursts[0]).toMatchObject({ candidateId: c, votes: 32 });
    expect(report.newVoterClusters[0]).toMatchObject({ candidateId: c, newVoters: 32, share: 1 });
  });

  it('the recount timer repairs a drifted count from the ballots and logs it', async () => {
    const { candidates } = await campaignWithCandidates(h, 'o-admin', orgs, { phase: 'voting' });
    const c = candidates[0]!.id;
    await h.as('v1').ok('campaign', 'vote', { candidateId: c });
    await h.as('v2').ok('campaign', 'vote', { candidateId: c });
    await h.db.collection('candidates').doc(c).update({ votes: 7 });
    const res = await fetch(`${h.emu.url}/_emulator/timers/scheduler/every-10-minutes`, { method: 'POST' });
    expect(await res.json()).toMatchObject({
      ok: true,
      data: { recountVotes: { repaired: [{ candidateId: c, drift: -5 }] } },
    });
    expect((await h.db.collection('candidates').doc(c).get()).data[0].votes).toBe(2);
    expect((await h.db.collection('vote_recounts').count()).total).toBe(1);
  });

  it('the scheduler refuses anything but its timer', async () => {
    expect(await h.as('o-admin').call('scheduler', 'upkeep')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await h.as('o-admin').call('scheduler', 'anything')).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' });
  });
});

describe('results', () => {
  it('announcing ranks by the declared weights with the documented tie-break, and the results page shows winners', async () => {
    const t0 = Date.now() - 4 * 24 * HOUR;
    const { campaign, candidates } = await campaignWithCandidates(h, 'o-admin', orgs, {
      phase: 'voting',
      now: t0,
      perCategory: 3,
      overrides: { categories: [{ key: 'courier', name: '最美快递小哥', quota: 2 }] },
    });
    const [x, y, z] = candidates as [Candidate, Candidate, Candidate];
    // Votes while voting was open (pinned to then); it closed three days ago.
    const during = new Date(t0).toISOString();
    for (let i = 0; i < 4; i++) await h.as(`v${i}`).at(during).ok('campaign', 'vote', { candidateId: x.id });
    for (let i = 0; i < 2; i++) await h.as(`w${i}`).at(during).ok('campaign', 'vote', { candidateId: y.id });
    await h.as('o-admin').ok('campaign', 'setJuryScores', {
      campaignId: campaign.id,
      scores: [
        { candidateId: x.id, score: 50 },
        { candidateId: y.id, score: 100 },
      ],
    });
    expect(await h.as('o-admin').call('campaign', 'announce', { campaignId: campaign.id })).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('评委评分'),
    });
    await h
      .as('o-admin')
      .ok('campaign', 'setJuryScores', { campaignId: campaign.id, scores: [{ candidateId: z.id, score: 100 }] });
    await h.as('o-admin').ok('campaign', 'announce', { campaignId: campaign.id });
    const results = await h
      .as('o-visitor')
      .ok<{ announced: boolean; byCategory: { entries: ResultEntry[] }[] }>('campaign', 'results', {
        campaignId: campaign.id,
      });
    // x: 0.6×100 + 0.4×50 = 80; y: 0.6×50 + 0.4×100 = 70; z: 0 + 40 = 40.
    expect(results.byCategory[0]!.entries.map((e) => [e.number, e.finalScore, e.winner])).toEqual([
      [x.number, 80, true],
      [y.number, 70, true],
      [z.number, 40, false],
    ]);
    expect(await h.as('o-admin').call('campaign', 'announce', { campaignId: campaign.id })).toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('the export is a real workbook with candidates, every vote and the results', async () => {
    const { campaign, candidates } = await campaignWithCandidates(h, 'o-admin', orgs, { phase: 'voting' });
    await h.as('v1', { clientIp: '198.51.100.7' }).ok('campaign', 'vote', { candidateId: candidates[0]!.id });
    const { fileId } = await h
      .as('o-admin')
      .ok<{ fileId: string; url: string }>('office', 'exportCampaign', { campaignId: campaign.id });
    const { fileContent } = await sdkFor(h.emu).downloadFile({ fileID: fileId });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fileContent as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['候选人', '投票记录', '结果预览（未公布）']);
    expect(wb.getWorksheet('候选人')!.rowCount).toBe(1 + candidates.length);
    expect(wb.getWorksheet('投票记录')!.getRow(2).getCell(5).value).toBe('198.51.100.7');
  });
});

describe('registered voting and privacy', () => {
  it('a registered voter’s ballot never leaks to other voters', async () => {
    const { candidates } = await campaignWithCandidates(h, 'o-admin', orgs, { phase: 'voting' });
    await registerWorker(h, 'o-w', orgs.expressBranch.id);
    await h.as('o-w').ok('campaign', 'vote', { candidateId: candidates[0]!.id });
    const seen = JSON.stringify(await h.as('o-other').ok('campaign', 'getCandidate', { id: candidates[0]!.id }));
    expect(seen).not.toContain('o-w');
  });
});
