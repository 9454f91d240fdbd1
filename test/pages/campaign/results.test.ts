import { clearSession } from '../../../miniprogram/utils/session';
import { callAs, startBackend } from '../support/backend';
import { seedOrgs, SUPERADMIN, type PageOrgs } from '../support/fixtures';
import { loadPage, waitFor, wxDouble, type RenderedPage } from '../support/page';
import { endVoting, openPage, seedCampaign, vote } from '../support/campaign';
import { detachAll, has, screenText } from '../support/ui';

const resultsId = loadPage('packages/campaign/pages/results/index');

let backend: Awaited<ReturnType<typeof startBackend>>;
let orgs: PageOrgs;
beforeAll(async () => {
  backend = await startBackend('results-guest');
  orgs = await seedOrgs();
});
afterAll(() => backend.stop());

beforeEach(() => {
  wxDouble().reset();
  clearSession();
});
afterEach(detachAll);

async function open(openid: string, campaignId: string): Promise<RenderedPage> {
  const page = openPage(resultsId, openid, { campaignId });
  await waitFor(() => expect(page.data.status).not.toBe('loading'));
  return page;
}

const rowText = (page: RenderedPage, id: string) =>
  (page.querySelector(`#result-${id}`)?.dom?.textContent ?? '').replace(/\s+/g, '');

const TWO_CATEGORIES = [
  { key: 'courier', name: '最美快递小哥', quota: 1 },
  { key: 'delivery', name: '最美外卖小哥', quota: 1 },
];

describe('results page', () => {
  it('before the announcement it says the results are not out yet', async () => {
    const { campaign } = await seedCampaign(orgs.district.id, { phase: 'voting', perCategory: 1 });
    const page = await open('rs-early', campaign.id);

    expect(has(page, '#not-announced')).toBe(true);
    expect(screenText(page)).toContain('结果尚未公布');
  });

  it('after the announcement it shows the winners per category with their final score, votes and jury score', async () => {
    const { campaign, candidates } = await seedCampaign(orgs.district.id, {
      phase: 'voting',
      overrides: { categories: TWO_CATEGORIES },
    });
    const [a1, a2, b1, b2] = candidates.map((c) => c.id) as [string, string, string, string];
    await vote('rs-1', a1);
    await vote('rs-2', a1);
    await vote('rs-1', a2);
    await vote('rs-1', b2);
    await endVoting(campaign);
    await callAs(SUPERADMIN, 'campaign', 'setJuryScores', {
      campaignId: campaign.id,
      scores: [
        { candidateId: a1, score: 80 },
        { candidateId: a2, score: 95 },
        { candidateId: b1, score: 90 },
        { candidateId: b2, score: 60 },
      ],
    });
    await callAs(SUPERADMIN, 'campaign', 'announce', { campaignId: campaign.id });
    const page = await open('rs-viewer', campaign.id);

    expect(screenText(page)).toContain('综合得分 = 网络投票得分 × 60% + 评委评分 × 40%');
    expect(screenText(page)).toContain('最美快递小哥（当选 1 人）');
    // 60% × (2 ÷ 2 × 100) + 40% × 80 = 92; 60% × 50 + 40% × 95 = 68.
    expect(rowText(page, a1)).toBe('1A001候选人courier1当选网络投票2票·评委评分8092.00综合得分');
    expect(rowText(page, a2)).toBe('2A002候选人courier2网络投票1票·评委评分9568.00综合得分');
    expect(page.querySelectorAll('.winner-badge')).toHaveLength(2);
    // 外卖: B002 has the only vote (60) + 24 = 84; B001 0 + 36 = 36.
    expect(rowText(page, b2)).toContain('1B002');
    expect(rowText(page, b2)).toContain('当选');
    expect(rowText(page, b2)).toContain('84.00');
    expect(rowText(page, b1)).toContain('36.00');
    expect(rowText(page, b1)).not.toContain('当选');
  });
});
