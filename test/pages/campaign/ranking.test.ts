import { clearSession } from '../../../miniprogram/utils/session';
import { startBackend } from '../support/backend';
import { seedOrgs, SUPERADMIN, type PageOrgs } from '../support/fixtures';
import { loadPage, waitFor, wxDouble, type RenderedPage } from '../support/page';
import { endVoting, instanceOf, openPage, seedCampaign, tapTab, vote } from '../support/campaign';
import { detachAll, has, screenText, tapOn } from '../support/ui';

const rankingId = loadPage('packages/campaign/pages/ranking/index');

let backend: Awaited<ReturnType<typeof startBackend>>;
let orgs: PageOrgs;
beforeAll(async () => {
  backend = await startBackend('ranking-guest');
  orgs = await seedOrgs();
});
afterAll(() => backend.stop());

beforeEach(() => {
  wxDouble().reset();
  clearSession();
});
afterEach(detachAll);

async function open(openid: string, campaignId: string): Promise<RenderedPage> {
  const page = openPage(rankingId, openid, { campaignId });
  await waitFor(() => expect(page.data.status).not.toBe('loading'));
  return page;
}

const rows = (page: RenderedPage) =>
  page.querySelectorAll('.rank-row').map((e) => (e.dom?.textContent ?? '').replace(/\s+/g, ''));

const HIDDEN = { votesPerDay: 3, maxPerCandidatePerDay: 1, requireRegistered: false, showRankingDuringVoting: false };

describe('ranking page', () => {
  it('ranks each category by votes, with rank, number, name and votes', async () => {
    const { campaign, candidates } = await seedCampaign(orgs.district.id, { phase: 'voting', perCategory: 3 });
    await vote('rk-1', candidates[2]!.id);
    await vote('rk-2', candidates[2]!.id);
    await vote('rk-1', candidates[1]!.id);
    await vote('rk-1', candidates[3]!.id);
    const page = await open('rk-viewer', campaign.id);

    expect(rows(page)).toEqual(['1A003候选人courier32票', '2A002候选人courier21票', '3A001候选人courier10票']);
    await tapTab(page, 1);
    await waitFor(() => expect(rows(page)[0]).toBe('1B001候选人delivery11票'));

    await tapOn(page, `#rank-${candidates[3]!.id}`);
    expect(wxDouble().callsOf('navigateTo')).toEqual([
      expect.objectContaining({ url: `/packages/campaign/pages/candidate/index?id=${candidates[3]!.id}` }),
    ]);
  });

  it('candidates with equal votes share the server’s rank, and the next one is ranked after all of them (1, 1, 3)', async () => {
    const { campaign, candidates } = await seedCampaign(orgs.district.id, { phase: 'voting', perCategory: 3 });
    const [first, second, third] = candidates;
    await vote('rk-tie-1', first!.id);
    await vote('rk-tie-2', first!.id);
    await vote('rk-tie-1', second!.id);
    await vote('rk-tie-2', second!.id);
    await vote('rk-tie-1', third!.id);
    const page = await open('rk-tie-viewer', campaign.id);

    expect(rows(page)).toEqual(['1A001候选人courier12票', '1A002候选人courier22票', '3A003候选人courier31票']);
    expect(page.querySelectorAll('.rank--top')).toHaveLength(3);
  });

  it('while the organisers keep counts hidden, it says the ranking is not public — and shows it after voting', async () => {
    const { campaign, candidates } = await seedCampaign(orgs.district.id, {
      phase: 'voting',
      overrides: { voting: HIDDEN },
    });
    await vote('rk-h', candidates[1]!.id);
    let page = await open('rk-hidden', campaign.id);

    expect(has(page, '#hidden')).toBe(true);
    expect(screenText(page)).toContain('排行榜暂不公开');
    expect(screenText(page)).toContain('投票结束后公布');
    expect(rows(page)).toEqual([]);

    await endVoting(campaign, SUPERADMIN, { voting: HIDDEN });
    page = await open('rk-hidden', campaign.id);
    expect(has(page, '#hidden')).toBe(false);
    expect(rows(page)[0]).toBe('1A002候选人courier21票');
  });

  it('refreshes on pull-down, and shows the error state with 重试 for an unknown campaign', async () => {
    const { campaign, candidates } = await seedCampaign(orgs.district.id, { phase: 'voting', perCategory: 1 });
    const page = await open('rk-refresh', campaign.id);
    expect(rows(page)).toEqual(['1A001候选人courier10票']);
    await vote('rk-r', candidates[0]!.id);
    await instanceOf(page).onPullDownRefresh();
    expect(rows(page)).toEqual(['1A001候选人courier11票']);
    expect(wxDouble().callsOf('stopPullDownRefresh')).toHaveLength(1);

    const missing = await open('rk-missing', 'no-such-campaign');
    expect(missing.data.status).toBe('error');
    expect(has(missing, '#page-state >>> #retry')).toBe(true);
  });
});
