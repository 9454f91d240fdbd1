import { clearSession } from '../../../miniprogram/utils/session';
import { actAs, callAs, pinNow, startBackend } from '../support/backend';
import { makeAdmin, registerWorker, seedOrgs, SUPERADMIN, type PageOrgs } from '../support/fixtures';
import { flush, loadPage, waitFor, wxDouble, type RenderedPage } from '../support/page';
import { addQuote, publishedLecture } from '../support/study';
import { detachAll, has, render, screenText, textAt } from '../support/ui';

const statsId = loadPage('packages/study/pages/admin-stats/index');

const day = (d: string, sec = 0) => new Date(Date.parse(`${d}T02:00:00Z`) + sec * 1000).toISOString();

let backend: Awaited<ReturnType<typeof startBackend>>;
let orgs: PageOrgs;
let lectureId: string;
beforeAll(async () => {
  backend = await startBackend('stats-guest');
  orgs = await seedOrgs();
  await addQuote(SUPERADMIN, orgs.district.id, '学而时习之，不亦说乎？');
  await registerWorker('stats-courier', orgs.expressBranch.id);
  await registerWorker('stats-rider', orgs.foodBranch.id, { occupation: 'food_delivery', phone: '13900002222' });
  for (const d of ['2026-11-26', '2026-11-27', '2026-11-28']) {
    pinNow(day(d));
    await callAs('stats-courier', 'study', 'checkIn');
  }
  await callAs('stats-rider', 'study', 'checkIn');
  const lecture = await publishedLecture(SUPERADMIN, orgs.district.id, { title: '安全骑行', durationSec: 60 });
  lectureId = lecture.id;
  pinNow(day('2026-11-28', 100));
  await callAs('stats-courier', 'study', 'getLecture', { id: lectureId });
  for (const t of [15, 30, 45, 60]) {
    pinNow(day('2026-11-28', 100 + t));
    await callAs('stats-courier', 'study', 'reportProgress', { lectureId, positionSec: t });
  }
  pinNow(null);
  await makeAdmin('stats-express-admin', [orgs.express.id]);
});
afterAll(() => backend.stop());

beforeEach(() => {
  wxDouble().reset();
  clearSession();
});
afterEach(detachAll);

const settled = (page: RenderedPage) => waitFor(() => expect(page.data.status).not.toBe('loading'));

async function open(openid: string): Promise<RenderedPage> {
  actAs(openid);
  const page = render(statsId);
  await settled(page);
  return page;
}

/** Picks a date range with the two date pickers. */
async function range(page: RenderedPage, from: string, to: string) {
  page.querySelector('#from')!.dispatchEvent('change', { detail: { value: from } });
  await flush();
  await settled(page);
  page.querySelector('#to')!.dispatchEvent('change', { detail: { value: to } });
  await flush();
  await settled(page);
}

function days(page: RenderedPage): string[] {
  const counts = page.querySelectorAll('.day-row .day-count').map((c) => c.dom!.textContent);
  return page.querySelectorAll('.day-row .day').map((d, i) => `${d.dom!.textContent} ${counts[i]}`);
}
const cells = (page: RenderedPage, selector: string) =>
  page.querySelectorAll(`${selector} .td`).map((c) => c.dom!.textContent);

describe('study stats page', () => {
  it('shows check-ins per day for the chosen range, learning by org and by lecture', async () => {
    const page = await open(SUPERADMIN);
    expect(textAt(page, '#org >>> .t-cell')).toContain('全部组织');

    await range(page, '2026-11-26', '2026-11-28');

    expect(days(page)).toEqual(['2026-11-26 1', '2026-11-27 1', '2026-11-28 2']);
    expect(textAt(page, '.total')).toBe('共 4 次');
    expect(cells(page, `#org-${orgs.expressBranch.id}`)).toEqual(['快递流动党支部', '3', '1', '1', '1']);
    expect(cells(page, `#org-${orgs.foodBranch.id}`)).toEqual(['外卖骑手党支部', '1', '0', '0', '0']);
    expect(cells(page, `#lecture-${lectureId}`)).toEqual(['安全骑行', '1', '1', '1', '1']);
    const asked = (wxDouble().callsOf('cloud.callFunction') as { data: { action: string; data: object } }[])
      .filter((c) => c.data.action === 'studyStats')
      .map((c) => c.data.data);
    expect(asked[asked.length - 1]).toEqual({ from: '2026-11-26', to: '2026-11-28' });
  });

  it('narrows to one organisation', async () => {
    const page = await open(SUPERADMIN);
    await range(page, '2026-11-26', '2026-11-28');
    const food = page.data.orgChoices.findIndex((o: { id: string }) => o.id === orgs.food.id);

    page.querySelector('#org')!.dispatchEvent('change', { detail: { value: food } });
    await flush();
    await waitFor(() => expect(days(page)).toEqual(['2026-11-28 1']));

    expect(has(page, `#org-${orgs.expressBranch.id}`)).toBe(false);
    expect(cells(page, `#org-${orgs.foodBranch.id}`)).toEqual(['外卖骑手党支部', '1', '0', '0', '0']);
  });

  it('an org admin sees their own organisation', async () => {
    const page = await open('stats-express-admin');
    expect(page.data.orgChoices.map((o: { name: string }) => o.name)).toEqual(['快递物流行业党委']);
    await range(page, '2026-11-01', '2026-11-30');

    expect(days(page)).toEqual(['2026-11-26 1', '2026-11-27 1', '2026-11-28 1']);
    expect(has(page, `#org-${orgs.foodBranch.id}`)).toBe(false);
  });

  it('an empty range says so', async () => {
    const page = await open(SUPERADMIN);
    await range(page, '2026-10-01', '2026-10-02');
    expect(screenText(page)).toContain('这段时间没有打卡记录');
  });

  it('a worker sees the server’s refusal with 重试', async () => {
    const page = await open('stats-courier');
    expect(has(page, '#list-state >>> .state-error')).toBe(true);
    expect(screenText(page)).toContain('仅管理员可以操作');
  });
});
