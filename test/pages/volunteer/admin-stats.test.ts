// 志愿统计 through the full stack: this month of the organiser's district — 人次,
// credit hours apart from honor, members by state, what waits for review — and
// each member's hours as Excel through the office function.
import { clearSession } from '../../../miniprogram/utils/session';
import { actAs, callAs, pinNow, startBackend } from '../support/backend';
import { makeAdmin, registerWorker, seedOrgs, type PageOrgs } from '../support/fixtures';
import { flush, loadPage, waitFor, wxDouble, type RenderedPage } from '../support/page';
import { detachAll, render, tapOn, textAt } from '../support/ui';
import { addActivity, applyAs, codeFor, reviewAs } from '../support/volunteer';

const statsId = loadPage('packages/volunteer/pages/admin-stats/index');
const RIDER = 'vol-stats-rider';
const APPLICANT = 'vol-stats-applicant';
const ADMIN = 'vol-stats-admin';
/** 10:00 in Beijing on 2026-12-01. */
const NOW = Date.parse('2026-12-01T02:00:00Z');

let backend: Awaited<ReturnType<typeof startBackend>>;
let orgs: PageOrgs;
beforeAll(async () => {
  backend = await startBackend(ADMIN);
  pinNow(NOW);
  orgs = await seedOrgs();
  await makeAdmin(ADMIN, [orgs.district.id]);
  const { userId } = await registerWorker(RIDER, orgs.expressBranch.id);
  await registerWorker(APPLICANT, orgs.foodBranch.id, { realName: '孙示例', phone: '13900005555' });
  await applyAs(RIDER, orgs.expressBranch.id);
  await reviewAs(ADMIN, userId, 'approve');
  await applyAs(APPLICANT, orgs.foodBranch.id);
  const a = await addActivity(ADMIN, orgs.district.id, { base: NOW, startsInH: 2 });
  await callAs(RIDER, 'volunteer', 'signUp', { activityId: a.id });
  pinNow(Date.parse(a.startAt));
  await callAs(RIDER, 'volunteer', 'checkIn', { activityId: a.id, code: await codeFor(ADMIN, a.id, 'in') });
  pinNow(Date.parse(a.endAt));
  await callAs(RIDER, 'volunteer', 'checkOut', { activityId: a.id, code: await codeFor(ADMIN, a.id, 'out') });
});
afterAll(() => backend.stop());
let clock: jest.SpiedFunction<typeof Date.now>;
beforeEach(() => {
  wxDouble().reset();
  clearSession();
  actAs(ADMIN);
  // The server's clock and the phone's: 18:00 in Beijing the same day.
  pinNow(NOW + 8 * 3_600_000);
  clock = jest.spyOn(Date, 'now').mockReturnValue(NOW + 8 * 3_600_000);
});
afterEach(() => {
  detachAll();
  clock.mockRestore();
  pinNow(null);
});

async function open(): Promise<RenderedPage> {
  const page = render(statsId);
  await waitFor(() => expect(page.data.status).toBe('ready'));
  await flush();
  return page;
}

const compact = (s: string) => s.replace(/\s+/g, '');

it('shows the month’s service and members, and exports each member’s hours', async () => {
  const page = await open();
  expect(page.data).toMatchObject({ from: '2026-12-01', to: '2026-12-01' });
  expect(compact(textAt(page, '#figures'))).toContain('1活动（场）1服务人次2信用时数0荣誉时数');
  expect(compact(textAt(page, '#members'))).toContain('1审核中1正式队员0未通过0已暂停');
  expect(compact(textAt(page, '#pending-members'))).toContain('入队申请1');

  await tapOn(page, '#export-link >>> #export >>> .t-button');
  await waitFor(() => expect(page.data.exportUrl).toMatch(/^https?:\/\/.+\.xlsx/));
  const asked = (wxDouble().callsOf('cloud.callFunction') as { name: string; data: { action: string; data: object } }[])
    .filter((c) => c.name === 'office')
    .map((c) => c.data);
  expect(asked).toEqual([
    { action: 'exportVolunteerHours', data: { orgId: orgs.district.id, from: '2026-12-01', to: '2026-12-01' } },
  ]);
});
