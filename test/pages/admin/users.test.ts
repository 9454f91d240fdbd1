import type { MyProfile } from '../../../typings/user';
import type { UserRow } from '../../../miniprogram/packages/admin/pages/users/rows';
import type { ListView } from '../../../miniprogram/components/list-state/paged-list';
import { clearSession } from '../../../miniprogram/utils/session';
import { actAs, callAs, startBackend } from '../support/backend';
import { getProfile, login, makeAdmin, registerWorker, seedOrgs, SUPERADMIN, type PageOrgs } from '../support/fixtures';
import { flush, loadPage, waitFor, wxDouble, type RenderedPage } from '../support/page';
import { detachAll, has, render, screenText, tapButton, tapCheckbox, tapOn, textAt } from '../support/ui';

const usersId = loadPage('packages/admin/pages/users/index');

let backend: Awaited<ReturnType<typeof startBackend>>;
let orgs: PageOrgs;
let express: MyProfile;
let food: MyProfile;
let other: MyProfile;
beforeAll(async () => {
  backend = await startBackend('users-guest');
  orgs = await seedOrgs();
  express = await registerWorker('users-express', orgs.expressBranch.id, {
    realName: '王快递',
    phone: '13911112222',
    isPartyMember: true,
    branchName: '快递流动党支部',
  });
  food = await registerWorker('users-food', orgs.foodBranch.id, {
    realName: '赵外卖',
    phone: '13933334444',
    occupation: 'food_delivery',
  });
  other = await registerWorker('users-other', orgs.otherBranch.id, {
    realName: '钱司机',
    phone: '13955556666',
    occupation: 'ride_hailing',
    isPartyMember: true,
    branchName: '另一区党支部',
  });
});
afterAll(() => backend.stop());

beforeEach(() => {
  wxDouble().reset();
  clearSession();
});
afterEach(detachAll);

interface UsersData {
  list: ListView<UserRow>;
  acting: string;
  rolePopup: { visible: boolean };
}
const data = (page: RenderedPage) => page.data as UsersData;

async function open(openid: string): Promise<RenderedPage> {
  actAs(openid);
  const page = render(usersId);
  await waitFor(() => expect(data(page).list.status).toBe('ready'));
  return page;
}

const rowText = (page: RenderedPage, userId: string) => textAt(page, `#user-${userId}`);
const toasts = () => (wxDouble().callsOf('showToast') as { title: string }[]).map((t) => t.title);

describe('admin users page', () => {
  it('lists users with what they registered, newest first, with the total', async () => {
    const page = await open(SUPERADMIN);

    const ids = data(page).list.items.map((r) => r.userId);
    expect(ids.indexOf(other.userId)).toBeLessThan(ids.indexOf(express.userId));
    expect(rowText(page, express.userId)).toContain('王快递');
    expect(rowText(page, express.userId)).toContain('13911112222 · 快递员 · 示例快递公司');
    expect(rowText(page, express.userId)).toContain('快递流动党支部');
    expect(rowText(page, express.userId)).toContain('党员·待审核');
    expect(rowText(page, food.userId)).toContain('外卖骑手');
    expect(screenText(page)).toMatch(/共 \d+ 人/);
  });

  it('verifying a pending member updates the row from the server’s answer and stores it', async () => {
    const member = await registerWorker('users-verify', orgs.expressBranch.id, {
      realName: '孙认证',
      isPartyMember: true,
      branchName: '快递流动党支部',
    });
    const page = await open(SUPERADMIN);
    expect(has(page, `#approve-${member.userId}`)).toBe(true);

    await tapButton(page, `approve-${member.userId}`);
    await waitFor(() => expect(rowText(page, member.userId)).toContain('党员·已认证'));

    expect(has(page, `#approve-${member.userId}`)).toBe(false);
    expect(toasts()).toContain('已认证');
    expect((await getProfile('users-verify')).memberStatus).toBe('verified');
    expect(data(page).acting).toBe('');
  });

  it('驳回 asks for a reason; an empty one is refused, a given one is stored and shown to the member', async () => {
    const member = await registerWorker('users-reject', orgs.foodBranch.id, {
      realName: '周驳回',
      isPartyMember: true,
      branchName: '不存在的支部',
    });
    const page = await open(SUPERADMIN);

    wxDouble().answerNext('showModal', { confirm: true, cancel: false, content: '  ' });
    await tapButton(page, `reject-${member.userId}`);
    await flush();
    expect(toasts()).toContain('请填写驳回原因');
    expect((await getProfile('users-reject')).memberStatus).toBe('pending');

    wxDouble().answerNext('showModal', { confirm: true, cancel: false, content: '支部名称有误，请核对后重新申报' });
    await tapButton(page, `reject-${member.userId}`);
    await waitFor(() => expect(rowText(page, member.userId)).toContain('党员·未通过'));

    const modal = wxDouble().callsOf('showModal')[1] as { editable: boolean };
    expect(modal.editable).toBe(true);
    expect(await getProfile('users-reject')).toMatchObject({
      memberStatus: 'rejected',
      memberRejectReason: '支部名称有误，请核对后重新申报',
    });
  });

  it('an org admin sees users outside their scope masked, tagged 范围外, and cannot review them', async () => {
    await makeAdmin('users-scoped-admin', [orgs.district.id]);
    const page = await open('users-scoped-admin');

    const outside = rowText(page, other.userId);
    expect(outside).toContain('范围外');
    expect(outside).toContain('钱*');
    expect(outside).toContain('139****6666');
    expect(outside).not.toContain('钱司机');
    expect(has(page, `#approve-${other.userId}`)).toBe(false);

    const inside = rowText(page, express.userId);
    expect(inside).not.toContain('范围外');
    expect(inside).toContain('13911112222');
    // Not a superadmin: no role management.
    expect(has(page, `#grant-${express.userId}`)).toBe(false);
  });

  it('filters by member status and occupation, and searches by name', async () => {
    const page = await open(SUPERADMIN);

    await tapOn(page, '#status-pending');
    await waitFor(() => expect(data(page).list.status).toBe('ready'));
    expect(data(page).list.items.every((r) => r.memberStatus === 'pending')).toBe(true);
    expect(data(page).list.items.map((r) => r.userId)).toContain(other.userId);

    await tapOn(page, '#occupation-ride_hailing');
    await waitFor(() => expect(data(page).list.status).toBe('ready'));
    expect(data(page).list.items.map((r) => r.userId)).toEqual([other.userId]);

    await tapOn(page, '#status-all');
    await tapOn(page, '#occupation-all');
    page.querySelector('#search >>> .t-input__keyword')!.dispatchEvent('confirm', { detail: { value: '赵外卖' } });
    await waitFor(() => expect(data(page).list.items.map((r) => r.userId)).toEqual([food.userId]));

    await tapOn(page, '#status-verified');
    await waitFor(() => expect(data(page).list.status).not.toBe('loading'));
    expect(has(page, '#list-state >>> .state-empty')).toBe(true);
    expect(screenText(page)).toContain('没有符合条件的用户');
  });

  it('the superadmin makes a user admin of chosen orgs, then revokes it; each answer refreshes the row', async () => {
    const candidate = await login('users-candidate');
    await callAs('users-candidate', 'user', 'updateProfile', { nickname: '候选人' });
    const page = await open(SUPERADMIN);

    await tapButton(page, `grant-${candidate.userId}`);
    await waitFor(() => expect(data(page).rolePopup.visible).toBe(true));
    await tapButton(page, 'role-actions >>> #save');
    expect(toasts()).toContain('请至少选择一个组织');

    await tapCheckbox(page, `role-org-${orgs.express.id}`);
    await tapCheckbox(page, `role-org-${orgs.station.id}`);
    await tapButton(page, 'role-actions >>> #save');
    await waitFor(() => expect(rowText(page, candidate.userId)).toContain('管理：'));

    expect(rowText(page, candidate.userId)).toContain('快递物流行业党委');
    expect(rowText(page, candidate.userId)).toContain('城东党群服务驿站');
    expect(has(page, `#revoke-${candidate.userId}`)).toBe(true);
    expect(toasts()).toContain('已设为管理员');
    expect((await getProfile('users-candidate')).adminOrgIds.sort()).toEqual([orgs.express.id, orgs.station.id].sort());

    await tapButton(page, `revoke-${candidate.userId}`);
    await waitFor(() => expect(rowText(page, candidate.userId)).not.toContain('管理：'));
    expect(has(page, `#revoke-${candidate.userId}`)).toBe(false);
    expect((await getProfile('users-candidate')).roles).not.toContain('admin');
  });

  it('a worker who is not an admin gets the server’s refusal as the error state', async () => {
    actAs('users-express');
    const page = render(usersId);
    await waitFor(() => expect(data(page).list.status).toBe('error'));

    expect(screenText(page)).toContain('仅管理员可以操作');
    expect(has(page, '#list-state >>> #retry')).toBe(true);
  });
});
