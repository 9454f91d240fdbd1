import { clearSession } from '../../../miniprogram/utils/session';
import { callAs, startBackend } from '../support/backend';
import { seedOrgs, SUPERADMIN, type PageOrgs } from '../support/fixtures';
import { flush, loadPage, waitFor, wxDouble, type RenderedPage } from '../support/page';
import { castVote } from '../../../miniprogram/packages/campaign/utils/vote';
import { actionCalls, DEEDS, instanceOf, openPage, seedCampaign, tapTab, vote } from '../support/campaign';
import { buttonDisabled, detachAll, has, screenText, tapButton, tapOn, textAt } from '../support/ui';

const campaignPageId = loadPage('packages/campaign/pages/campaign/index');

let backend: Awaited<ReturnType<typeof startBackend>>;
let orgs: PageOrgs;
beforeAll(async () => {
  backend = await startBackend('campaign-guest');
  orgs = await seedOrgs();
});
afterAll(() => backend.stop());

beforeEach(() => {
  wxDouble().reset();
  clearSession();
});
afterEach(() => {
  jest.restoreAllMocks();
  detachAll();
});

async function open(openid: string, campaignId: string): Promise<RenderedPage> {
  const page = openPage(campaignPageId, openid, { id: campaignId });
  await waitFor(() => expect(page.data.list.status).not.toBe('loading'));
  return page;
}

const rows = (page: RenderedPage) =>
  page.querySelectorAll('.candidate').map((e) => (e.dom?.textContent ?? '').replace(/\s+/g, ''));
const names = (page: RenderedPage) => page.querySelectorAll('.candidate-name').map((e) => e.dom?.textContent ?? '');

async function search(page: RenderedPage, keyword: string) {
  page.querySelector('#search >>> .t-input__keyword')!.dispatchEvent('confirm', { detail: { value: keyword } });
  await flush();
  await waitFor(() => expect(page.data.list.status).not.toBe('loading'));
}

describe('campaign page', () => {
  it('shows the title, phase, rules (expandable) and a live countdown to the end of voting, cleared on hide', async () => {
    const rules = `${'每人每天可投 3 票，同一候选人每天最多 1 票。'.repeat(4)}\n投票免费，严禁刷票。`;
    const { campaign } = await seedCampaign(orgs.district.id, {
      phase: 'voting',
      perCategory: 1,
      overrides: { rules },
    });
    const setInterval = jest.spyOn(globalThis, 'setInterval');
    const clearInterval = jest.spyOn(globalThis, 'clearInterval');
    const page = await open('cp-countdown', campaign.id);

    expect(screenText(page)).toContain('最美新就业群体评选（测试）');
    expect(textAt(page, '#phase >>> .t-tag')).toBe('投票中');
    const countdown = textAt(page, '#countdown');
    expect(countdown).toMatch(/^距投票截止 (\d+天 )?\d{2}:\d{2}:\d{2}$/);
    // Voting ends 24 h from now in this arrangement.
    expect(countdown).toMatch(/^距投票截止 (23:59:\d{2}|1天 00:00:00)$/);

    // The interval ticks once a second: 90 s later the text has moved on.
    const [tick, ms] = setInterval.mock.calls.at(-1)!;
    expect(ms).toBe(1000);
    const now = Date.now();
    jest.spyOn(Date, 'now').mockReturnValue(now + 90_000);
    (tick as () => void)();
    expect(textAt(page, '#countdown')).toMatch(/^距投票截止 23:5[78]:\d{2}$/);
    jest.spyOn(Date, 'now').mockRestore();

    expect(has(page, '.rules--folded')).toBe(true);
    await tapOn(page, '#rules-toggle');
    expect(has(page, '.rules--folded')).toBe(false);
    expect(textAt(page, '#rules-toggle')).toBe('收起');

    (page as unknown as { triggerPageLifeTime(name: string): void }).triggerPageLifeTime('hide');
    expect(clearInterval).toHaveBeenCalled();
  });

  it('outside the voting window every 投票 button is disabled with the reason, and 我要推荐 is offered during nomination', async () => {
    const { campaign, candidates } = await seedCampaign(orgs.district.id, { phase: 'nomination' });
    const page = await open('cp-early', campaign.id);

    expect(textAt(page, '#phase >>> .t-tag')).toBe('征集推荐中');
    expect(textAt(page, '#countdown')).toMatch(/^距推荐截止 (\d+天 )?\d{2}:\d{2}:\d{2}$/);
    expect(textAt(page, '#vote-state')).toBe('投票尚未开始');
    expect(buttonDisabled(page, `vote-${candidates[0]!.id}`)).toBe(true);
    expect(buttonDisabled(page, `vote-${candidates[1]!.id}`)).toBe(true);
    expect(has(page, '#entry-nominate')).toBe(true);
    expect(has(page, '#entry-ranking')).toBe(false);
    expect(has(page, '#entry-results')).toBe(false);

    await tapOn(page, '#entry-nominate');
    await tapOn(page, '#entry-my-nominations');
    expect(wxDouble().callsOf('navigateTo')).toEqual([
      expect.objectContaining({ url: `/packages/campaign/pages/nominate/index?campaignId=${campaign.id}` }),
      expect.objectContaining({ url: `/packages/campaign/pages/my-nominations/index?campaignId=${campaign.id}` }),
    ]);
  });

  it('finds candidates by name or number and sorts them by number or votes', async () => {
    const people = ['张三', '李四', '王五'];
    const { campaign, candidates } = await seedCampaign(orgs.district.id, {
      phase: 'voting',
      perCategory: 3,
      names: (key, i) => (key === 'courier' ? people[i]! : `候选人${key}${i + 1}`),
    });
    await vote('cp-v1', candidates[1]!.id);
    await vote('cp-v2', candidates[1]!.id);
    await vote('cp-v1', candidates[2]!.id);
    const page = await open('cp-search', campaign.id);

    expect(names(page)).toEqual(['A001张三', 'A002李四', 'A003王五']);
    expect(rows(page)[1]).toContain('2票');
    expect(textAt(page, '#vote-state')).toBe('今日还可投 3 票，投票免费，请理性投票');

    await search(page, '李');
    expect(names(page)).toEqual(['A002李四']);
    await search(page, 'a003');
    expect(names(page)).toEqual(['A003王五']);
    await search(page, '赵');
    expect(screenText(page)).toContain('没有找到符合条件的候选人');

    await search(page, '');
    expect(names(page)).toHaveLength(3);

    await tapOn(page, '#sort-votes');
    await waitFor(() => expect(names(page)).toEqual(['A002李四', 'A003王五', 'A001张三']));
    await tapOn(page, '#sort-number');
    await waitFor(() => expect(names(page)).toEqual(['A001张三', 'A002李四', 'A003王五']));

    // Another category, through the tabs.
    await tapTab(page, 1);
    await waitFor(() =>
      expect(names(page)).toEqual(['B001候选人delivery1', 'B002候选人delivery2', 'B003候选人delivery3']),
    );
  });

  it('while counts are hidden the rows say so and 票数 is not offered as a sort', async () => {
    const { campaign, candidates } = await seedCampaign(orgs.district.id, {
      phase: 'voting',
      perCategory: 2,
      overrides: {
        voting: { votesPerDay: 3, maxPerCandidatePerDay: 1, requireRegistered: false, showRankingDuringVoting: false },
      },
    });
    await vote('cp-hidden-v', candidates[1]!.id);
    const page = await open('cp-hidden', campaign.id);

    expect(rows(page).every((r) => r.includes('票数暂不公开'))).toBe(true);
    expect(has(page, '#sort-number')).toBe(true);
    expect(has(page, '#sort-votes')).toBe(false);
    expect(has(page, '#entry-ranking')).toBe(true);
  });

  it('voting from the list updates that row and the votes left', async () => {
    const { campaign, candidates } = await seedCampaign(orgs.district.id, { phase: 'voting' });
    const page = await open('cp-list-voter', campaign.id);

    await tapButton(page, `vote-${candidates[1]!.id}`);
    await waitFor(() => expect(rows(page)[1]).toContain('1票'));
    expect(rows(page)[0]).toContain('0票');
    expect(textAt(page, '#vote-state')).toBe('今日还可投 2 票，投票免费，请理性投票');

    await tapButton(page, `vote-${candidates[1]!.id}`);
    await waitFor(() =>
      expect(wxDouble().callsOf('showToast')).toContainEqual(
        expect.objectContaining({ title: '今天最多为同一位候选人投 1 票' }),
      ),
    );
    expect(rows(page)[1]).toContain('1票');
  });

  it('back from a candidate page, the votes cast there update their rows and the votes left, without reloading the list', async () => {
    const { campaign, candidates } = await seedCampaign(orgs.district.id, { phase: 'voting', perCategory: 3 });
    const page = await open('cp-back', campaign.id);
    (page as unknown as { triggerPageLifeTime(name: string): void }).triggerPageLifeTime('hide');

    // What the candidate page does when its 投票 is tapped (same module, same user).
    expect(await castVote(candidates[2]!.id)).toMatchObject({ ok: true });
    const listCalls = actionCalls('listCandidates').length;
    (page as unknown as { triggerPageLifeTime(name: string): void }).triggerPageLifeTime('show');

    expect(rows(page)[2]).toContain('1票');
    expect(rows(page)[0]).toContain('0票');
    expect(textAt(page, '#vote-state')).toBe('今日还可投 2 票，投票免费，请理性投票');
    expect(actionCalls('listCandidates')).toHaveLength(listCalls);
    expect(textAt(page, '#countdown')).toMatch(/^距投票截止 /);
  });

  it('pages the candidates on reach-bottom with path updates, and refreshes on pull-down', async () => {
    const { campaign } = await seedCampaign(orgs.district.id, { phase: 'voting', perCategory: 0 });
    for (let i = 1; i <= 23; i++) {
      await callAs(SUPERADMIN, 'campaign', 'addCandidate', {
        campaignId: campaign.id,
        category: 'courier',
        name: `快递员${String(i).padStart(2, '0')}`,
        platform: '示例快递',
        deeds: DEEDS,
        photos: [],
      });
    }
    const page = await open('cp-paging', campaign.id);
    expect(rows(page)).toHaveLength(20);
    expect(screenText(page)).not.toContain('没有更多了');

    const setData = jest.spyOn(page.instance as unknown as { setData(d: object): void }, 'setData');
    await instanceOf(page).onReachBottom();
    expect(rows(page)).toHaveLength(23);
    expect(names(page)[22]).toBe('A023快递员23');
    expect(screenText(page)).toContain('没有更多了');
    const appended = setData.mock.calls
      .map(([patch]) => Object.keys(patch))
      .find((k) => k.some((x) => x.includes('items[')));
    expect(appended).toEqual(expect.arrayContaining(['list.items[20]', 'list.items[22]']));

    await callAs(SUPERADMIN, 'campaign', 'addCandidate', {
      campaignId: campaign.id,
      category: 'courier',
      name: '快递员24',
      platform: '示例快递',
      deeds: DEEDS,
      photos: [],
    });
    await instanceOf(page).onPullDownRefresh();
    expect(wxDouble().callsOf('stopPullDownRefresh')).toHaveLength(1);
    expect(rows(page)).toHaveLength(20);
    await instanceOf(page).onReachBottom();
    expect(names(page).at(-1)).toBe('A024快递员24');
  });

  it('after the announcement it links to the results and the ranking, and shares the campaign', async () => {
    const { campaign } = await seedCampaign(orgs.district.id, { phase: 'voting', perCategory: 1 });
    const ended = await callAs<{ phases: object }>(SUPERADMIN, 'campaign', 'getCampaign', { id: campaign.id });
    const past = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
    await callAs(SUPERADMIN, 'campaign', 'saveCampaign', {
      ...campaignFields(campaign),
      phases: {
        ...ended.phases,
        votingStart: past(48),
        votingEnd: past(1),
        nominationEnd: past(72),
        nominationStart: past(96),
      },
      result: { voteWeight: 100, juryWeight: 0 },
    });
    await callAs(SUPERADMIN, 'campaign', 'announce', { campaignId: campaign.id });
    const page = await open('cp-announced', campaign.id);

    expect(textAt(page, '#phase >>> .t-tag')).toBe('公示中');
    expect(textAt(page, '#countdown')).toMatch(/^距公示结束 /);
    expect(textAt(page, '#vote-state')).toBe('投票已经结束');
    await tapOn(page, '#entry-results');
    await tapOn(page, '#entry-ranking');
    expect(wxDouble().callsOf('navigateTo')).toEqual([
      expect.objectContaining({ url: `/packages/campaign/pages/results/index?campaignId=${campaign.id}` }),
      expect.objectContaining({ url: `/packages/campaign/pages/ranking/index?campaignId=${campaign.id}` }),
    ]);
    expect(instanceOf(page).onShareAppMessage()).toEqual({
      title: campaign.title,
      path: `/packages/campaign/pages/campaign/index?id=${campaign.id}`,
    });
  });

  it('an unknown campaign shows the error state; 重试 loads again', async () => {
    const page = openPage(campaignPageId, 'cp-missing', { id: 'no-such-campaign' });
    await waitFor(() => expect(page.data.status).toBe('error'));
    expect(screenText(page)).toContain('评选活动不存在或已删除');

    await tapButton(page, 'page-state >>> #retry');
    await waitFor(() => expect(page.data.status).toBe('error'));
    expect(wxDouble().callsOf('cloud.callFunction')).toHaveLength(2);
  });
});

function campaignFields(c: {
  id: string;
  title: string;
  rules: string;
  categories: object[];
  voting: object;
  nominationLimit: number;
  orgId: string;
}) {
  return {
    id: c.id,
    title: c.title,
    rules: c.rules,
    categories: c.categories,
    voting: c.voting,
    nominationLimit: c.nominationLimit,
    orgId: c.orgId,
  };
}
