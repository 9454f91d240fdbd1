import type { Candidate, CandidateDetail } from '../../../typings/campaign';
import { clearSession } from '../../../miniprogram/utils/session';
import { formatDateTime } from '../../../miniprogram/utils/format';
import { sdkFor } from '../../support/sdk';
import { callAs, startBackend } from '../support/backend';
import { makeAdmin, seedOrgs, SUPERADMIN, type PageOrgs } from '../support/fixtures';
import { flush, loadPage, waitFor, wxDouble, type RenderedPage } from '../support/page';
import {
  actionCalls,
  endVoting,
  nominate,
  openPage,
  seedCampaign,
  tapTab,
  typeIntoTextarea,
  vote,
  voteAt,
} from '../support/campaign';
import {
  buttonDisabled,
  detachAll,
  has,
  type Scope,
  screenText,
  tapButton,
  tapOn,
  textAt,
  typeInto,
} from '../support/ui';

const manageId = loadPage('packages/campaign/pages/admin-campaign-manage/index');

let backend: Awaited<ReturnType<typeof startBackend>>;
let orgs: PageOrgs;
beforeAll(async () => {
  backend = await startBackend('manage-guest');
  orgs = await seedOrgs();
  await makeAdmin('mg-admin', [orgs.district.id]);
});
afterAll(() => backend.stop());

beforeEach(() => {
  wxDouble().reset();
  clearSession();
});
afterEach(detachAll);

async function open(campaignId: string, tab?: string, openid = 'mg-admin'): Promise<RenderedPage> {
  const page = openPage(manageId, openid, { id: campaignId, ...(tab ? { tab } : {}) });
  await waitFor(() => expect(page.data.status).toBe('ready'));
  return page;
}

/** One tab of the page: its page-private component (#nominations, #candidates, #fraud, #results). */
const tabOf = (page: RenderedPage, tab: 'nominations' | 'candidates' | 'fraud' | 'results') => {
  const found = page.querySelector(`#${tab}`);
  if (!found) throw new Error(`no tab component #${tab}`);
  return found;
};
const text = (scope: Scope, selector: string) =>
  (scope.querySelector(selector)?.dom?.textContent ?? '').replace(/\s+/g, '');
const votesOf = async (id: string) =>
  (await callAs<CandidateDetail>(SUPERADMIN, 'campaign', 'getCandidate', { id })).votes;
const toasts = () => (wxDouble().callsOf('showToast') as { title: string }[]).map((t) => t.title);

/** Picks a time in the page's date-time picker (its confirm, as the 确定 button emits it). */
async function pick(fraud: Scope, opener: string, value: string) {
  await tapOn(fraud, opener);
  const picker = fraud.querySelector('#void-picker') as unknown as {
    instance: WechatMiniprogram.Component.TrivialInstance;
  };
  picker.instance.triggerEvent('confirm', { value });
  await flush();
}

describe('admin campaign management page', () => {
  it('reviewing a nomination on the page makes it a numbered candidate; a rejection needs a reason', async () => {
    const { campaign } = await seedCampaign(orgs.district.id, {
      phase: 'nomination',
      perCategory: 1,
      admin: 'mg-admin',
    });
    const wang = await nominate('mg-nominator', campaign.id, { nomineeName: '王师傅' });
    const zhao = await nominate('mg-nominator', campaign.id, { nomineeName: '赵师傅', category: 'ride' });
    const page = await open(campaign.id);
    const nominations = tabOf(page, 'nominations');
    await waitFor(() => expect(nominations.data.nominations.status).toBe('ready'));

    expect(text(nominations, `#nomination-${wang.id}`)).toContain('王师傅待审核');
    expect(text(nominations, `#nomination-${wang.id}`)).toContain('最美快递小哥·他人推荐·示例快递');
    expect(text(nominations, `#nomination-${wang.id}`)).toContain('电话13800001234');

    await tapButton(nominations, `approve-${wang.id}`);
    await waitFor(() => expect(text(nominations, `#nomination-${wang.id}`)).toContain('已通过'));
    expect(toasts()).toContain('已通过，已成为候选人');
    expect(has(nominations, `#approve-${wang.id}`)).toBe(false);
    const { items } = await callAs<{ items: Candidate[] }>(SUPERADMIN, 'campaign', 'listCandidates', {
      campaignId: campaign.id,
      category: 'courier',
    });
    expect(items.map((c) => `${c.number}${c.name}`)).toEqual(['A001候选人courier1', 'A002王师傅']);

    // A reason is required, and the nominator will see it.
    wxDouble().answerNext('showModal', { confirm: true, content: '  ' });
    await tapButton(nominations, `reject-${zhao.id}`);
    await waitFor(() => expect(toasts()).toContain('请填写驳回原因'));
    expect(actionCalls('reviewNomination')).toHaveLength(1);
    wxDouble().answerNext('showModal', { confirm: true, content: '材料不实' });
    await tapButton(nominations, `reject-${zhao.id}`);
    await waitFor(() => expect(text(nominations, `#nomination-${zhao.id}`)).toContain('未通过'));
    expect(text(nominations, `#nomination-${zhao.id}`)).toContain('驳回原因：材料不实');

    // The new candidate is on the 候选人 tab.
    await tapTab(page, 1);
    const candidatesTab = tabOf(page, 'candidates');
    await waitFor(() => expect(candidatesTab.data.candidates.status).toBe('ready'));
    expect(
      candidatesTab.querySelectorAll('.candidate').map((e) => (e.dom?.textContent ?? '').replace(/\s+/g, '')),
    ).toEqual([expect.stringContaining('A001候选人courier1'), expect.stringContaining('A002王师傅')]);
  });

  it('voiding a voter’s votes through the page lowers the counts, after a confirm that states the consequence', async () => {
    const { campaign, candidates } = await seedCampaign(orgs.district.id, { phase: 'voting', admin: 'mg-admin' });
    const [c1, c2] = [candidates[0]!.id, candidates[1]!.id];
    await vote('mg-bad', c1);
    await vote('mg-bad', c2);
    await vote('mg-good', c1);
    const page = await open(campaign.id, 'candidates');
    const candidatesTab = tabOf(page, 'candidates');
    await waitFor(() => expect(text(candidatesTab, `#candidate-${c1}`)).toContain('2票'));
    await tapTab(page, 2);
    const fraud = tabOf(page, 'fraud');

    await tapButton(fraud, 'void-submit');
    expect(textAt(fraud, '.form-error')).toBe('请填写要作废的投票人编号');
    await typeIntoTextarea(fraud, 'void-voters', 'mg-bad');
    await typeInto(fraud, 'void-reason', '同一设备批量刷票');

    wxDouble().answerNext('showModal', { confirm: false });
    await tapButton(fraud, 'void-submit');
    await waitFor(() => expect(wxDouble().callsOf('showModal')).toHaveLength(1));
    expect(actionCalls('voidVotes')).toHaveLength(0);
    expect(await votesOf(c1)).toBe(2);

    await tapButton(fraud, 'void-submit');
    await waitFor(() => expect(has(fraud, '#void-result')).toBe(true));
    const [, confirm] = wxDouble().callsOf('showModal') as { title: string; content: string }[];
    expect(confirm!.title).toBe('确认作废投票');
    expect(confirm!.content).toContain('将作废 1 位投票人（mg-bad）在本活动的全部有效投票');
    expect(confirm!.content).toContain('相关候选人的票数会相应减少');
    expect(confirm!.content).toContain('原因：同一设备批量刷票');
    expect(text(fraud, '#void-result')).toBe('已作废2票A001候选人courier1：减少1票A002候选人courier2：减少1票');
    expect(await votesOf(c1)).toBe(1);
    expect(await votesOf(c2)).toBe(0);

    // The organisers' counts on the 候选人 tab, shown before, follow on its next visit.
    await tapTab(page, 1);
    await waitFor(() => expect(text(candidatesTab, `#candidate-${c1}`)).toContain('1票'));
    expect(text(candidatesTab, `#candidate-${c2}`)).toContain('0票');
  });

  it('the fraud report shows bursts, new-voter clusters and shared IPs; votes in a time range can be voided', async () => {
    const { campaign, candidates } = await seedCampaign(orgs.district.id, { phase: 'voting', admin: 'mg-admin' });
    const target = candidates[0]!.id;
    // 30 votes in one minute (the clock pinned, so they never straddle two minutes).
    const minute = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 15_000);
    for (let i = 0; i < 30; i++) await voteAt(backend.url, `mg-brush-${i}`, target, minute);
    const page = await open(campaign.id, 'fraud');
    const fraud = tabOf(page, 'fraud');

    await tapButton(fraud, 'fraud-load');
    await waitFor(() => expect(fraud.data.status).toBe('ready'));
    expect(text(fraud, '#fraud-bursts')).toContain(
      `A001候选人courier1·${formatDateTime(minute.toISOString()).replace(' ', '')}这一分钟30票`,
    );
    expect(text(fraud, '#fraud-clusters')).toContain('A001候选人courier1');
    expect(text(fraud, '#fraud-clusters')).toContain('当天首次投票且只投TA的30人（占100%）');
    expect(text(fraud, '#fraud-ips')).toContain('·30位投票人·30票');
    // A finding's voters can be copied into the void form.
    await tapOn(fraud, '#fraud-ips .report-use');
    expect(fraud.data.voidForm).toMatchObject({ mode: 'voters', voterIds: expect.stringContaining('mg-brush-0') });

    await tapOn(fraud, '#void-mode-range');
    await typeInto(fraud, 'void-reason', '集中刷票时段');
    await tapButton(fraud, 'void-submit');
    expect(textAt(fraud, '.form-error')).toBe('请选择开始和结束时间');
    const at = (minutes: number) => formatDateTime(new Date(Date.now() + minutes * 60_000).toISOString());
    await pick(fraud, '#void-from', at(-10));
    await pick(fraud, '#void-to', at(10));
    expect(textAt(fraud, '#void-from')).toBe(`开始：${at(-10)}`);
    await tapButton(fraud, 'void-submit');
    await waitFor(() => expect(has(fraud, '#void-result')).toBe(true));

    expect((wxDouble().callsOf('showModal')[0] as { content: string }).content).toContain(
      `将作废 ${at(-10)} 至 ${at(10)}（北京时间）之间投出的全部有效投票`,
    );
    expect(text(fraud, '#void-result')).toBe('已作废30票A001候选人courier1：减少30票');
    expect(await votesOf(target)).toBe(0);
  });

  it('jury scores are entered per candidate and checked first; candidates are added and edited', async () => {
    const { campaign, candidates } = await seedCampaign(orgs.district.id, { phase: 'voting', admin: 'mg-admin' });
    const [c1, c2] = [candidates[0]!.id, candidates[1]!.id];
    const page = await open(campaign.id, 'candidates');
    const candidatesTab = tabOf(page, 'candidates');
    await waitFor(() => expect(candidatesTab.data.candidates.status).toBe('ready'));

    await typeInto(candidatesTab, `jury-${c1}`, '88.5');
    await typeInto(candidatesTab, `jury-${c2}`, '101');
    await tapButton(candidatesTab, 'save-scores');
    expect(toasts()).toContain('A002 候选人courier2 的评分应为 0–100（最多两位小数）');
    await typeInto(candidatesTab, `jury-${c2}`, '90');
    await tapButton(candidatesTab, 'save-scores');
    await waitFor(() => expect(toasts()).toContain('已保存 2 人的评分'));
    const db = sdkFor(backend).database();
    const scores = await Promise.all(
      [c1, c2].map(async (id) => (await db.collection('candidates').doc(id).get()).data[0].juryScore),
    );
    expect(scores).toEqual([88.5, 90]);
    // Scores already entered come back with the list.
    const again = tabOf(await open(campaign.id, 'candidates'), 'candidates');
    await waitFor(() =>
      expect(again.data.candidates.items.slice(0, 2).map((r: { jury: string }) => r.jury)).toEqual(['88.5', '90']),
    );

    (wx as unknown as { chooseMedia: unknown }).chooseMedia = jest.fn(() =>
      Promise.resolve({ type: 'image', tempFiles: [{ tempFilePath: '/tmp/wx/new.jpg', fileType: 'image' }] }),
    );
    await tapButton(candidatesTab, 'add-candidate');
    await typeInto(candidatesTab, 'candidate-name', '孙快递');
    await typeInto(candidatesTab, 'candidate-platform', '示例快递公司');
    await typeIntoTextarea(
      candidatesTab,
      'candidate-deeds',
      '坚持十年如一日为社区孤寡老人免费送件上门，获得居民一致好评。',
    );
    await tapOn(candidatesTab, '#candidate-photos >>> #add-photo');
    await waitFor(() => expect(candidatesTab.data.form.photos).toHaveLength(1));
    await tapButton(candidatesTab, 'candidate-actions >>> #save');
    await waitFor(() => expect(toasts()).toContain('已添加，编号 A003'));
    await waitFor(() => expect(candidatesTab.querySelectorAll('.candidate')).toHaveLength(3));
    const added = (
      await callAs<{ items: Candidate[] }>(SUPERADMIN, 'campaign', 'listCandidates', {
        campaignId: campaign.id,
        keyword: '孙快递',
      })
    ).items[0]!;
    expect(added).toMatchObject({ number: 'A003', platform: '示例快递公司', category: 'courier' });
    expect(added.photos).toEqual([
      expect.stringMatching(new RegExp(`^cloud://.+/candidates/${campaign.id}/\\d+-0\\.jpg$`)),
    ]);

    await tapOn(candidatesTab, `#edit-candidate-${c1}`);
    expect(candidatesTab.data.form).toMatchObject({ id: c1, name: '候选人courier1' });
    await typeInto(candidatesTab, 'candidate-platform', '另一家快递公司');
    await tapButton(candidatesTab, 'candidate-actions >>> #save');
    await waitFor(() => expect(toasts()).toContain('已保存'));
    expect((await callAs<CandidateDetail>(SUPERADMIN, 'campaign', 'getCandidate', { id: c1 })).platform).toBe(
      '另一家快递公司',
    );
  });

  it('results: announcing is confirmed and refused with the server’s reason until every jury score is in; export gives a link to copy', async () => {
    const running = await seedCampaign(orgs.district.id, { phase: 'voting', perCategory: 1, admin: 'mg-admin' });
    let page = await open(running.campaign.id, 'results');
    expect(buttonDisabled(tabOf(page, 'results'), 'announce')).toBe(true);
    expect(screenText(page)).toContain('投票结束后才能公布结果（当前：投票中）');

    const { campaign, candidates } = await seedCampaign(orgs.district.id, {
      phase: 'voting',
      perCategory: 1,
      admin: 'mg-admin',
    });
    await vote('mg-r1', candidates[0]!.id);
    await endVoting(campaign);
    page = await open(campaign.id, 'results');
    const results = tabOf(page, 'results');
    expect(buttonDisabled(results, 'announce')).toBe(false);

    await tapButton(results, 'announce');
    await waitFor(() => expect(wxDouble().callsOf('showModal')).toHaveLength(2));
    const [confirm, refusal] = wxDouble().callsOf('showModal') as { title: string; content: string }[];
    expect(confirm!.content).toContain('公布后所有人都能看到结果');
    expect(refusal).toMatchObject({ title: '暂不能公布' });
    expect(refusal!.content).toMatch(/^还有 4 位候选人没有评委评分（如 [A-D]001 候选人[a-z]+1）$/);

    await callAs(SUPERADMIN, 'campaign', 'setJuryScores', {
      campaignId: campaign.id,
      scores: candidates.map((c) => ({ candidateId: c.id, score: 80 })),
    });
    await tapButton(results, 'announce');
    await waitFor(() => expect(has(results, '#announced')).toBe(true));
    expect(toasts()).toContain('已公布，共 4 人当选');
    await waitFor(() =>
      expect(text(results, `#result-${candidates[0]!.id}`)).toBe('1.A001候选人courier1【当选】综合92.00·1票·评委80'),
    );
    expect(has(results, '#announce')).toBe(false);

    await tapButton(results, 'export-link >>> #export');
    await waitFor(() => expect(has(results, '#export-link >>> #export-url')).toBe(true));
    const url = textAt(results, '#export-link >>> #export-url');
    expect(url).toMatch(/^https?:\/\/.+\.xlsx/);
    await tapButton(results, 'export-link >>> #copy-export');
    expect(wxDouble().callsOf('setClipboardData')).toEqual([expect.objectContaining({ data: url })]);
  });

  it('an admin outside the campaign’s orgs gets the server’s refusal as the error state', async () => {
    await makeAdmin('mg-outsider', [orgs.otherDistrict.id]);
    const { campaign } = await seedCampaign(orgs.district.id, { phase: 'nomination', perCategory: 0 });
    const page = await open(campaign.id, undefined, 'mg-outsider');

    const nominations = tabOf(page, 'nominations');
    await waitFor(() => expect(nominations.data.nominations.status).toBe('error'));
    expect(has(nominations, '#nominations-state >>> #retry')).toBe(true);
    expect(screenText(page)).toMatch(/权限|范围/);
  });
});
