// 时数审核 through the full stack: a member checked in but an organiser closed the
// pair by hand (never credit: a pending claim); the organiser approves it on the
// page with hours up to the cap and a reason, and the member sees honor hours,
// apart from credit, in 我的时数. More than the cap is refused on the phone.
import { clearSession } from '../../../miniprogram/utils/session';
import { actAs, callAs, pinNow, startBackend } from '../support/backend';
import { makeAdmin, registerWorker, seedOrgs, type PageOrgs } from '../support/fixtures';
import { flush, loadPage, waitFor, wxDouble } from '../support/page';
import { detachAll, render, tapOn, textAt } from '../support/ui';
import { addActivity, applyAs, codeFor, reviewAs } from '../support/volunteer';

const claimsId = loadPage('packages/volunteer/pages/admin-claims/index');
const hoursId = loadPage('packages/volunteer/pages/hours/index');

const RIDER = 'vol-claims-rider';
const ADMIN = 'vol-claims-admin';
const NOW = Date.parse('2026-12-01T02:00:00Z');

let backend: Awaited<ReturnType<typeof startBackend>>;
let orgs: PageOrgs;
let claimId: string;
beforeAll(async () => {
  backend = await startBackend(ADMIN);
  pinNow(NOW);
  orgs = await seedOrgs();
  const { userId } = await registerWorker(RIDER, orgs.expressBranch.id, { realName: '赵示例', phone: '13900003333' });
  await makeAdmin(ADMIN, [orgs.district.id]);
  await applyAs(RIDER, orgs.expressBranch.id);
  await reviewAs(ADMIN, userId, 'approve');
  const a = await addActivity(ADMIN, orgs.district.id, { base: NOW, startsInH: 24, title: '社区独居老人探访' });
  await callAs(RIDER, 'volunteer', 'signUp', { activityId: a.id });
  pinNow(Date.parse(a.startAt));
  await callAs(RIDER, 'volunteer', 'checkIn', { activityId: a.id, code: await codeFor(ADMIN, a.id, 'in') });
  await callAs(ADMIN, 'volunteer', 'manualCheckOut', { activityId: a.id, userId });
  pinNow(Date.parse(a.endAt) + 3_600_000);
  const claims = await callAs<{ items: { id: string }[] }>(ADMIN, 'volunteer', 'listClaims', {});
  claimId = claims.items[0]!.id;
});
afterAll(() => backend.stop());

beforeEach(() => {
  wxDouble().reset();
  clearSession();
});
afterEach(() => detachAll());

it('approves a forgotten check-out as honor hours within the cap; the member sees them apart', async () => {
  actAs(ADMIN);
  const page = render(claimsId);
  await waitFor(() => expect(page.data.list.status).toBe('ready'));
  await flush();
  const row = `#claim-${claimId}`;
  expect(textAt(page, row)).toContain('社区独居老人探访');
  expect(textAt(page, row)).toContain('赵示例 13900003333');
  expect(textAt(page, row)).toContain('漏签退');
  expect(textAt(page, row)).toContain('最多可发 2 小时');

  // Three hours of a two-hour activity: refused on the phone, nothing sent.
  wxDouble().answerNext('showModal', { confirm: true, content: '3' });
  await tapOn(page, `#approve-${claimId}`);
  await flush();
  expect(wxDouble().callsOf('showToast')).toContainEqual(expect.objectContaining({ title: '请填写 0–2 之间的小时数' }));
  expect(textAt(page, row)).toContain('待审核');

  wxDouble().answerNext('showModal', { confirm: true, content: '1.5' });
  wxDouble().answerNext('showModal', { confirm: true, content: '签到表核实，结束前离场' });
  await tapOn(page, `#approve-${claimId}`);
  await waitFor(() => expect(textAt(page, row)).toContain('已通过'));
  expect(textAt(page, row)).toContain('已发放荣誉时数 1.5 小时：签到表核实，结束前离场');
  detachAll();

  actAs(RIDER);
  clearSession();
  const hours = render(hoursId);
  await waitFor(() => expect(hours.data.records.status).toBe('ready'));
  await flush();
  expect(textAt(hours, '#summary')).toMatch(/0\s*信用时数\s*1\.5\s*荣誉时数/);
  const rec = hours.data.records.items[0];
  expect(textAt(hours, `#record-${rec.id}`)).toContain('荣誉');
  await tapOn(hours, '#tab-claims');
  await waitFor(() => expect(hours.data.claims.status).toBe('ready'));
  expect(textAt(hours, `#claim-${claimId}`)).toContain('已通过');
});
