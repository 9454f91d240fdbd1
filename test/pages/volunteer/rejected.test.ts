// A rejected application through the full stack: the organiser rejects on 队员审核
// with a reason (WeChat's editable modal; an empty reason changes nothing), the
// rider's 先锋骑士 page shows that reason and 修改后重新申请, and applying again
// returns to 审核中 — the page never sends a status.
import { clearSession } from '../../../miniprogram/utils/session';
import { actAs, callAs, pinNow, startBackend } from '../support/backend';
import { makeAdmin, registerWorker, seedOrgs, type PageOrgs } from '../support/fixtures';
import { flush, loadPage, waitFor, wxDouble, type RenderedPage } from '../support/page';
import { detachAll, has, render, tapButton, tapOn, textAt, typeInto } from '../support/ui';
import { applyAs } from '../support/volunteer';

const homeId = loadPage('packages/volunteer/pages/index/index');
const membersId = loadPage('packages/volunteer/pages/admin-members/index');

const RIDER = 'vol-rejected-rider';
const ADMIN = 'vol-rejected-admin';
const NOW = Date.parse('2026-12-01T02:00:00Z');

let backend: Awaited<ReturnType<typeof startBackend>>;
let orgs: PageOrgs;
let userId: string;
beforeAll(async () => {
  backend = await startBackend(ADMIN);
  pinNow(NOW);
  orgs = await seedOrgs();
  userId = (await registerWorker(RIDER, orgs.foodBranch.id, { realName: '李示例', phone: '13900002222' })).userId;
  await makeAdmin(ADMIN, [orgs.district.id]);
  await applyAs(RIDER, orgs.foodBranch.id);
});
afterAll(() => backend.stop());

beforeEach(() => {
  wxDouble().reset();
  clearSession();
  pinNow(NOW);
});
afterEach(() => {
  detachAll();
  pinNow(null);
});

async function openMembers(): Promise<RenderedPage> {
  actAs(ADMIN);
  const page = render(membersId);
  await waitFor(() => expect(page.data.list.status).toBe('ready'));
  await flush();
  return page;
}

it('rejects with a reason the rider reads; applying again is pending once more', async () => {
  const members = await openMembers();
  // An empty reason: nothing is sent, the application stays pending.
  wxDouble().answerNext('showModal', { confirm: true, content: ' ' });
  await tapOn(members, `#reject-${userId}`);
  await flush();
  expect(wxDouble().callsOf('showToast')).toContainEqual(
    expect.objectContaining({ title: '请填写原因（至少 2 个字）' }),
  );
  expect(textAt(members, `#member-${userId}`)).toContain('审核中');

  wxDouble().answerNext('showModal', { confirm: true, content: '手机号与登记信息不一致，请核对' });
  await tapOn(members, `#reject-${userId}`);
  await waitFor(() => expect(textAt(members, `#member-${userId}`)).toContain('未通过'));
  expect(textAt(members, `#member-${userId}`)).toContain('原因：手机号与登记信息不一致，请核对');
  detachAll();

  actAs(RIDER);
  clearSession();
  const home = render(homeId);
  await waitFor(() => expect(home.data.status).toBe('ready'));
  await flush();
  expect(textAt(home, '#reject-reason')).toBe('原因：手机号与登记信息不一致，请核对');
  expect(has(home, '#apply')).toBe(false);

  await tapButton(home, 'reapply');
  await waitFor(() => expect(has(home, '#apply')).toBe(true));
  // The rejected answers come back for correcting.
  expect(home.data.form).toMatchObject({ realName: '李示例', phone: '13900002222' });
  await typeInto(home, 'phone', '1390000');
  await tapButton(home, 'apply-submit');
  expect(textAt(home, '#form-error')).toBe('请填写 11 位手机号');
  await typeInto(home, 'phone', '13900002223');
  await tapButton(home, 'apply-submit');
  await waitFor(() => expect(has(home, '#pending')).toBe(true));
  const { member } = await callAs<{ member: { status: string; phone: string } }>(
    RIDER,
    'volunteer',
    'myMembership',
    {},
  );
  expect(member).toMatchObject({ status: 'pending', phone: '13900002223' });
});
