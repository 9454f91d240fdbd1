// 数据看板 on the organiser home through the full stack: check-ins and 亮身份 made
// through the real functions in two districts at pinned Beijing times, the report
// from the counters those actions kept, what the chart components were given and
// what uCharts drew on the recording canvas, the period switch, a worker, an org
// with nothing yet, and the export.
import { get } from 'node:http';
import { clearSession } from '../../../miniprogram/utils/session';
import { type CanvasRecording, installRecordingCanvas, takeRecordings } from '../../screens/canvas';
import { actAs, callAs, pinNow, startBackend } from '../support/backend';
import { login, makeAdmin, registerWorker, seedOrgs, SUPERADMIN, type PageOrgs } from '../support/fixtures';
import { flush, loadPage, type RenderedPage, waitFor, wxDouble } from '../support/page';
import { addQuote } from '../support/study';
import { detachAll, has, render, tapOn, textAt } from '../support/ui';

const indexId = loadPage('packages/admin/pages/index/index');
const ADMIN = 'dash-page-admin';
const OTHER_ADMIN = 'dash-page-other';
/** Wednesday 2026-11-25, 12:00 in Beijing: this week is 11-23 to 11-25, the one compared with 11-16 to 11-18. */
const NOW = Date.parse('2026-11-25T04:00:00.000Z');
const bj = (day: string, time = '08:00') => `${day}T${time}:00+08:00`;

let backend: Awaited<ReturnType<typeof startBackend>>;
let orgs: PageOrgs;
beforeAll(async () => {
  backend = await startBackend(ADMIN);
  installRecordingCanvas(() => (id) => id);
  pinNow(NOW);
  orgs = await seedOrgs();
  await makeAdmin(ADMIN, [orgs.district.id]);
  await makeAdmin(OTHER_ADMIN, [orgs.otherDistrict.id]);
  await addQuote(SUPERADMIN, orgs.district.id, '看板页面测试金句');
  await registerWorker('dash-w1', orgs.expressBranch.id, { phone: '13900003301' });
  await registerWorker('dash-w2', orgs.foodBranch.id, { phone: '13900003302' });
  await registerWorker('dash-w3', orgs.otherBranch.id, { phone: '13900003303' });
  const member = await registerWorker('dash-m1', orgs.foodBranch.id, {
    phone: '13900003304',
    isPartyMember: true,
    branchName: '示例党支部',
  });
  for (const [openid, day] of [
    ['dash-w1', '2026-11-23'],
    ['dash-w1', '2026-11-24'],
    ['dash-w2', '2026-11-24'],
    ['dash-w3', '2026-11-23'], // the other district
    ['dash-w1', '2026-11-17'], // last week, this month
    ['dash-w2', '2026-11-10'], // this month only
  ] as const) {
    pinNow(bj(day));
    await callAs(openid, 'study', 'checkIn');
  }
  pinNow(bj('2026-11-24', '10:00'));
  await callAs(SUPERADMIN, 'user', 'verifyMember', { userId: member.userId, approve: true });
});
afterAll(() => backend.stop());

beforeEach(() => {
  wxDouble().reset();
  clearSession();
  pinNow(NOW);
  // The custom period's pickers count from today on the phone's clock.
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  takeRecordings();
});
afterEach(() => {
  detachAll();
  jest.restoreAllMocks();
});

type Spec = { categories: string[]; series: { name: string; data: number[] }[] };
const chartSpec = (page: RenderedPage, id: string) =>
  (page.querySelector(`#dash >>> #${id}`) as unknown as { data: { spec: Spec } }).data.spec;
const dashboardCalls = () =>
  (wxDouble().callsOf('cloud.callFunction') as { name: string; data: { action: string; data: object } }[])
    .filter((c) => ['dashboard', 'exportDashboard'].includes(c.data.action))
    .map((c) => ({ name: c.name, ...c.data }));
const headline = (page: RenderedPage, key: string) => textAt(page, `#dash >>> #headline-${key}`).replace(/\s+/g, '');

async function openAs(openid: string): Promise<RenderedPage> {
  actAs(openid);
  const page = render(indexId);
  await waitFor(() => expect(has(page, '#dash >>> #headlines')).toBe(true));
  await flush();
  return page;
}

/** The canvases drawn on so far, as recorded. */
const drawn: CanvasRecording[] = [];

/** Every text uCharts wrote on the canvases asked for so far (it draws a moment after it is created). */
async function drawnTexts(expected: string[]): Promise<string[]> {
  const recs: CanvasRecording[] = [];
  let texts: string[] = [];
  await waitFor(() => {
    const taken = takeRecordings();
    drawn.push(...taken);
    recs.push(...taken);
    texts = recs.flatMap((r) =>
      r.calls.filter((c) => c[0] === 'call' && c[1] === 'fillText').map((c) => String((c[2] as unknown[])[0])),
    );
    expect(texts).toEqual(expect.arrayContaining(expected));
  });
  return texts;
}

/** The bytes at a temporary link (jsdom has no fetch). */
const download = (url: string) =>
  new Promise<Buffer>((resolve, reject) =>
    get(url, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        res.statusCode === 200 ? resolve(Buffer.concat(chunks)) : reject(new Error(`${res.statusCode}`)),
      );
    }).on('error', reject),
  );

it('shows the district’s week: headlines against last week, and the charts drawn by uCharts', async () => {
  const page = await openAs(ADMIN);

  expect(textAt(page, '#dash >>> #dash-scope')).toBe('示例区委');
  expect(textAt(page, '#dash >>> #dash-period')).toContain('2026-11-23 至 2026-11-25');
  expect(headline(page, 'checkins')).toBe('3打卡人次↑200%');
  expect(headline(page, 'revealed')).toBe('1新亮身份党员上期为0');
  expect(headline(page, 'casesOverdue')).toBe('0逾期持平');
  expect(chartSpec(page, 'chart-daily')).toMatchObject({
    categories: ['11/23', '11/24', '11/25'],
    series: [
      { name: '打卡人次', data: [1, 2, 0] },
      { name: '学习人数', data: [1, 2, 0] },
    ],
  });
  expect(chartSpec(page, 'chart-revealed').series[0]!.data).toEqual([0, 1, 1]);
  // uCharts drew the axis labels and the legend on the 2d canvas.
  const texts = await drawnTexts(['11/23', '11/24', '11/25', '打卡人次', '学习人数']);
  // Counts get whole-number ticks.
  expect(texts).toEqual(expect.arrayContaining(['0', '1', '2', '3', '4']));
  // The canvas is as many pixels as its rpx size on this 375 px phone at ratio 2 (670 × 440rpx),
  // whatever size the node reports.
  expect(drawn[0]).toMatchObject({ width: 670, height: 440 });
  expect(dashboardCalls()).toEqual([{ name: 'user', action: 'dashboard', data: { period: 'week' } }]);
  // A chart with no data this period says so instead of drawing an empty grid.
  expect(textAt(page, '#dash >>> #chart-cases')).toContain('本期暂无数据');
});

it('switches 本周 → 本月 → 自定义: the request and the numbers follow', async () => {
  const page = await openAs(ADMIN);

  await tapOn(page, '#dash >>> #period-month');
  await waitFor(() => expect(headline(page, 'checkins')).toMatch(/^5打卡人次/));
  expect(textAt(page, '#dash >>> #dash-period')).toContain('2026-11-01 至 2026-11-25');
  expect(chartSpec(page, 'chart-daily').categories).toHaveLength(25);

  await tapOn(page, '#dash >>> #period-custom');
  await waitFor(() => expect(textAt(page, '#dash >>> #dash-period')).toContain('2026-10-27 至 2026-11-25'));
  page.querySelector('#dash >>> #from')!.dispatchEvent('change', { detail: { value: '2026-11-10' } });
  await flush();
  page.querySelector('#dash >>> #to')!.dispatchEvent('change', { detail: { value: '2026-11-17' } });
  await waitFor(() => expect(textAt(page, '#dash >>> #dash-period')).toContain('2026-11-10 至 2026-11-17'));
  expect(headline(page, 'checkins')).toMatch(/^2打卡人次/);

  expect(dashboardCalls().map((c) => c.data)).toEqual([
    { period: 'week' },
    { period: 'month' },
    { period: 'custom', from: '2026-10-27', to: '2026-11-25' },
    { period: 'custom', from: '2026-11-10', to: '2026-11-25' },
    { period: 'custom', from: '2026-11-10', to: '2026-11-17' },
  ]);
});

it('counts each organiser’s own sub-tree: the other district, and everything for the superadmin', async () => {
  const other = await openAs(OTHER_ADMIN);
  expect(headline(other, 'checkins')).toMatch(/^1打卡人次/);
  expect(chartSpec(other, 'chart-daily').series[0]!.data).toEqual([1, 0, 0]);
  detachAll();

  const all = await openAs(SUPERADMIN);
  expect(textAt(all, '#dash >>> #dash-scope')).toBe('全部组织');
  expect(headline(all, 'checkins')).toMatch(/^4打卡人次/);
});

it('shows the empty state for an org with nothing yet', async () => {
  await makeAdmin('dash-page-station', [orgs.station.id]);
  const page = await openAs('dash-page-station');

  for (const id of [
    'chart-daily',
    'chart-completions',
    'chart-signups',
    'chart-volunteer',
    'chart-votes',
    'chart-revealed',
  ])
    expect(textAt(page, `#dash >>> #${id}`)).toContain('本期暂无数据');
  expect(headline(page, 'checkins')).toBe('0打卡人次持平');
  expect(takeRecordings()).toEqual([]);
});

it('exports the period shown as a spreadsheet', async () => {
  const page = await openAs(ADMIN);
  await tapOn(page, '#dash >>> #period-month');
  await waitFor(() => expect(headline(page, 'checkins')).toMatch(/^5打卡/));

  await tapOn(page, '#dash >>> #dash-export >>> #export >>> .t-button');
  await waitFor(() => expect(textAt(page, '#dash >>> #dash-export >>> #export-url')).toMatch(/^https?:\/\/.+\.xlsx/));
  const url = textAt(page, '#dash >>> #dash-export >>> #export-url');
  // An .xlsx is a zip file.
  expect((await download(url)).subarray(0, 2).toString()).toBe('PK');
  expect(dashboardCalls().pop()).toEqual({ name: 'office', action: 'exportDashboard', data: { period: 'month' } });
});

it('shows a worker no dashboard', async () => {
  await login('dash-page-worker');
  actAs('dash-page-worker');
  const page = render(indexId);
  await waitFor(() => expect(has(page, '.denied')).toBe(true));
  expect(has(page, '#dash')).toBe(false);
  expect(dashboardCalls()).toEqual([]);
});
