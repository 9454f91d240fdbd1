import { clearSession } from '../../../miniprogram/utils/session';
import type { CandidateDetail } from '../../../typings/campaign';
import { callAs, startBackend, uploadAs } from '../support/backend';
import { seedOrgs, SUPERADMIN, type PageOrgs } from '../support/fixtures';
import { loadPage, waitFor, wxDouble, type RenderedPage } from '../support/page';
import { actionCalls, DEEDS, instanceOf, openPage, seedCampaign, vote } from '../support/campaign';
import { buttonDisabled, detachAll, has, screenText, tapButton, tapOn, textAt } from '../support/ui';

const candidatePageId = loadPage('packages/campaign/pages/candidate/index');

let backend: Awaited<ReturnType<typeof startBackend>>;
let orgs: PageOrgs;
beforeAll(async () => {
  backend = await startBackend('candidate-guest');
  orgs = await seedOrgs();
});
afterAll(() => backend.stop());

beforeEach(() => {
  wxDouble().reset();
  clearSession();
});
afterEach(detachAll);

async function open(openid: string, options: Record<string, string>): Promise<RenderedPage> {
  const page = openPage(candidatePageId, openid, options);
  await waitFor(() => expect(page.data.status).toBe('ready'));
  return page;
}

const voteButton = (page: RenderedPage) => textAt(page, '#vote >>> .t-button');
const serverVotes = async (id: string) =>
  (await callAs<CandidateDetail>(SUPERADMIN, 'campaign', 'getCandidate', { id })).votes;

describe('candidate page', () => {
  it('voting updates the count, my votes and the votes left from the receipt; a second vote shows the per-candidate limit, count unchanged', async () => {
    const { candidates } = await seedCampaign(orgs.district.id, { phase: 'voting' });
    const target = candidates[0]!;
    await vote('cand-other-voter', target.id);
    const page = await open('cand-voter', { id: target.id });

    expect(textAt(page, '#name')).toBe(target.name);
    expect(screenText(page)).toContain('A001');
    expect(screenText(page)).toContain('示例平台');
    expect(textAt(page, '#deeds')).toBe(DEEDS);
    expect(textAt(page, '#votes')).toBe('1 票');
    expect(voteButton(page)).toBe('投票（今日还可投 3 票）');
    expect(has(page, '#my-votes')).toBe(false);

    await tapButton(page, 'vote');
    await waitFor(() => expect(textAt(page, '#votes')).toBe('2 票'));
    expect(voteButton(page)).toBe('投票（今日还可投 2 票）');
    expect(textAt(page, '#my-votes')).toBe('今天已为 TA 投 1 票');
    expect(wxDouble().callsOf('showToast')).toContainEqual(expect.objectContaining({ title: '投票成功' }));
    // The receipt was enough: the candidate was read once, on open.
    expect(actionCalls('getCandidate')).toHaveLength(1);
    expect(await serverVotes(target.id)).toBe(2);

    await tapButton(page, 'vote');
    await waitFor(() => expect(has(page, '#vote-message')).toBe(true));
    expect(textAt(page, '#vote-message')).toBe('今天最多为同一位候选人投 1 票');
    expect(wxDouble().callsOf('showToast')).toContainEqual(
      expect.objectContaining({ title: '今天最多为同一位候选人投 1 票' }),
    );
    expect(textAt(page, '#votes')).toBe('2 票');
    expect(await serverVotes(target.id)).toBe(2);
    // Other candidates can still get the day's remaining votes.
    await waitFor(() => expect(voteButton(page)).toBe('投票（今日还可投 2 票）'));
    expect(buttonDisabled(page, 'vote')).toBe(false);
  });

  it('after the day’s last vote the button is disabled with the reason', async () => {
    const { candidates } = await seedCampaign(orgs.district.id, {
      phase: 'voting',
      overrides: {
        voting: { votesPerDay: 2, maxPerCandidatePerDay: 1, requireRegistered: false, showRankingDuringVoting: true },
      },
    });
    await vote('cand-last', candidates[1]!.id);
    const page = await open('cand-last', { id: candidates[0]!.id });
    expect(voteButton(page)).toBe('投票（今日还可投 1 票）');

    await tapButton(page, 'vote');
    await waitFor(() => expect(textAt(page, '#cannot-vote')).toBe('今天的票已经投完了，明天再来吧'));
    expect(buttonDisabled(page, 'vote')).toBe(true);
    expect(textAt(page, '#votes')).toBe('1 票');
  });

  it('opens from the poster’s mini-program code (scene c=<id>), with counts hidden while the ranking is hidden', async () => {
    const { candidates } = await seedCampaign(orgs.district.id, {
      phase: 'voting',
      overrides: {
        voting: { votesPerDay: 3, maxPerCandidatePerDay: 1, requireRegistered: false, showRankingDuringVoting: false },
      },
    });
    const target = candidates[2]!;
    const page = await open('cand-scene', { scene: encodeURIComponent(`c=${target.id}`) });

    expect(textAt(page, '#name')).toBe(target.name);
    expect(textAt(page, '#votes')).toBe('票数暂不公开');
    await tapButton(page, 'vote');
    await waitFor(() => expect(textAt(page, '#my-votes')).toBe('今天已为 TA 投 1 票'));
    expect(textAt(page, '#votes')).toBe('票数暂不公开');
    expect(voteButton(page)).toBe('投票（今日还可投 2 票）');
  });

  it('outside the voting window, and for unregistered voters where registration is required, the button says why', async () => {
    const early = await seedCampaign(orgs.district.id, { phase: 'nomination', perCategory: 1 });
    let page = await open('cand-early', { id: early.candidates[0]!.id });
    expect(buttonDisabled(page, 'vote')).toBe(true);
    expect(textAt(page, '#cannot-vote')).toBe('投票尚未开始');

    const registeredOnly = await seedCampaign(orgs.district.id, {
      phase: 'voting',
      perCategory: 1,
      overrides: {
        voting: { votesPerDay: 3, maxPerCandidatePerDay: 1, requireRegistered: true, showRankingDuringVoting: true },
      },
    });
    page = await open('cand-unregistered', { id: registeredOnly.candidates[0]!.id });
    expect(buttonDisabled(page, 'vote')).toBe(true);
    expect(textAt(page, '#cannot-vote')).toBe('本次评选仅限已登记的新就业群体投票');
    expect(actionCalls('vote')).toHaveLength(0);
  });

  it('shows photos with preview, shares a path to this candidate and links to the poster, with no reward for sharing', async () => {
    const { campaign } = await seedCampaign(orgs.district.id, { phase: 'voting', perCategory: 0 });
    const photos = [await uploadAs(SUPERADMIN, 'candidates/p1.jpg'), await uploadAs(SUPERADMIN, 'candidates/p2.jpg')];
    const cand = await callAs<{ id: string }>(SUPERADMIN, 'campaign', 'addCandidate', {
      campaignId: campaign.id,
      category: 'delivery',
      name: '李骑手',
      platform: '示例外卖平台',
      deeds: DEEDS,
      photos,
    });
    const page = await open('cand-share', { id: cand.id });

    expect(screenText(page)).toContain('最美外卖小哥');
    await tapOn(page, '#photo-1');
    expect(wxDouble().callsOf('previewImage')).toEqual([expect.objectContaining({ urls: photos, current: photos[1] })]);

    expect(instanceOf(page).onShareAppMessage()).toEqual({
      title: `${campaign.title}：B001 李骑手`,
      path: `/packages/campaign/pages/candidate/index?id=${cand.id}`,
    });
    await tapButton(page, 'poster');
    expect(wxDouble().callsOf('navigateTo')).toEqual([
      expect.objectContaining({ url: `/packages/campaign/pages/poster/index?id=${cand.id}` }),
    ]);
    // Nothing is offered for sharing (WeChat forbids induced sharing and voting).
    expect(screenText(page)).not.toMatch(/分享.{0,8}(得|送|加|领|抽)|积分|红包/);
  });

  it('an unknown candidate shows the error state with 重试', async () => {
    const page = openPage(candidatePageId, 'cand-missing', { id: 'no-such-candidate' });
    await waitFor(() => expect(page.data.status).toBe('error'));

    expect(screenText(page)).toContain('候选人不存在或已删除');
    expect(has(page, '#page-state >>> #retry')).toBe(true);
  });
});
