import type { Page } from '../../../typings/common';
import type { AdminUserView, AuditEntry, MyProfile } from '../../../typings/user';
import { makeAdmin, type OrgFixture, registerWorker, seedOrgs } from '../../support/fixtures';
import { type FunctionsHarness, startFunctions, SUPERADMIN } from '../../support/functions';

let h: FunctionsHarness;
let orgs: OrgFixture;
let expressWorker: MyProfile;
let foodWorker: MyProfile;

beforeAll(async () => {
  h = await startFunctions();
});
afterAll(() => h.stop());
beforeEach(async () => {
  await h.resetDb();
  orgs = await seedOrgs(h);
  expressWorker = await registerWorker(h, 'o-express', orgs.expressBranch.id, {
    realName: '王快递',
    phone: '13911112222',
    isPartyMember: true,
    branchName: '快递流动党支部',
  });
  foodWorker = await registerWorker(h, 'o-food', orgs.foodBranch.id, {
    realName: '李外卖',
    phone: '13933334444',
    occupation: 'food_delivery',
  });
  await makeAdmin(h, 'o-express-admin', [orgs.express.id]);
});

describe('listUsers', () => {
  it('shows real name and phone only for users in the admin’s scope', async () => {
    const page = await h.as('o-express-admin').ok<Page<AdminUserView>>('user', 'listUsers', { hasRole: 'worker' });
    const byId = new Map(page.items.map((u) => [u.userId, u]));
    expect(byId.get(expressWorker.userId)).toMatchObject({ realName: '王快递', phone: '13911112222', inScope: true });
    expect(byId.get(foodWorker.userId)).toMatchObject({ realName: '李**', phone: '139****4444', inScope: false });
    expect(page.total).toBe(2);
  });

  it('filters by org sub-tree, occupation, member status and keyword', async () => {
    const admin = h.as('o-express-admin');
    const ids = async (f: object) =>
      (await admin.ok<Page<AdminUserView>>('user', 'listUsers', f)).items.map((u) => u.userId);
    expect(await ids({ orgId: orgs.express.id })).toEqual([expressWorker.userId]);
    expect(await ids({ occupation: 'food_delivery' })).toEqual([foodWorker.userId]);
    expect(await ids({ memberStatus: 'pending' })).toEqual([expressWorker.userId]);
    expect(await ids({ keyword: '外卖' })).toEqual([foodWorker.userId]);
    expect(await ids({ keyword: '(' })).toEqual([]);
    expect(await ids({ hasRole: 'admin' })).toEqual([
      (await h.as('o-express-admin').ok<MyProfile>('user', 'getProfile')).userId,
    ]);
  });
});

describe('verifyMember', () => {
  it('an admin in scope verifies a declared member; the member role follows; it is audited', async () => {
    await h.as('o-express-admin').ok('user', 'verifyMember', { userId: expressWorker.userId, approve: true });
    expect((await h.as('o-express').ok<MyProfile>('user', 'getProfile')).roles).toEqual(['worker', 'member']);
    const logs = await h.as(SUPERADMIN).ok<Page<AuditEntry>>('user', 'listAuditLogs', { targetType: 'user' });
    expect(logs.items[0]).toMatchObject({
      action: 'verifyMember',
      targetId: expressWorker.userId,
      summary: '认证党员身份',
    });
  });

  it('rejecting needs a reason the worker then sees', async () => {
    expect(
      await h.as('o-express-admin').call('user', 'verifyMember', { userId: expressWorker.userId, approve: false }),
    ).toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    await h
      .as('o-express-admin')
      .ok('user', 'verifyMember', { userId: expressWorker.userId, approve: false, reason: '支部名称有误' });
    expect(await h.as('o-express').ok<MyProfile>('user', 'getProfile')).toMatchObject({
      memberStatus: 'rejected',
      memberRejectReason: '支部名称有误',
    });
  });

  it('two admins deciding at once: exactly one decision lands', async () => {
    await makeAdmin(h, 'o-district-admin', [orgs.district.id]);
    const [a, b] = await Promise.all([
      h.as('o-express-admin').call('user', 'verifyMember', { userId: expressWorker.userId, approve: true }),
      h
        .as('o-district-admin')
        .call('user', 'verifyMember', { userId: expressWorker.userId, approve: false, reason: '信息不全' }),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    expect([a, b].find((r) => !r.ok)).toMatchObject({ code: 'CONFLICT' });
  });
});

describe('setRoles', () => {
  it('a superadmin grants and revokes admin scope', async () => {
    const view = await h.as(SUPERADMIN).ok<AdminUserView>('user', 'setRoles', {
      userId: foodWorker.userId,
      admin: true,
      adminOrgIds: [orgs.food.id],
    });
    expect(view.roles).toEqual(['worker', 'admin']);
    await h.as(SUPERADMIN).ok('user', 'setRoles', { userId: foodWorker.userId, admin: false, adminOrgIds: [] });
    expect((await h.as('o-food').ok<MyProfile>('user', 'getProfile')).roles).toEqual(['worker']);
  });

  it('an admin cannot make admins', async () => {
    expect(
      await h
        .as('o-express-admin')
        .call('user', 'setRoles', { userId: foodWorker.userId, admin: true, adminOrgIds: [orgs.food.id] }),
    ).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('organisations (admin side)', () => {
  it('an admin creates and edits orgs under their scope, and deleting an org in use is refused', async () => {
    const admin = h.as('o-express-admin');
    const street = await admin.ok<{ id: string }>('user', 'saveOrg', {
      name: '快递园区',
      type: 'branch',
      parentId: orgs.express.id,
    });
    await admin.ok('user', 'saveOrg', {
      id: street.id,
      name: '快递园区党支部',
      type: 'branch',
      parentId: orgs.express.id,
    });
    expect((await h.db.collection('orgs').doc(street.id).get()).data[0]).toMatchObject({
      name: '快递园区党支部',
      ancestors: [orgs.district.id, orgs.express.id],
    });
    expect(await admin.call('user', 'deleteOrg', { id: orgs.expressBranch.id })).toMatchObject({ code: 'CONFLICT' });
    await admin.ok('user', 'deleteOrg', { id: street.id });
  });

  it('stations are made, changed and deleted with their record in the station function, not here', async () => {
    const su = h.as(SUPERADMIN);
    expect(
      await su.call('user', 'saveOrg', { name: '新驿站', type: 'station', parentId: orgs.express.id }),
    ).toMatchObject({ code: 'INVALID_ARGUMENT' });
    for (const call of [
      () =>
        su.call('user', 'saveOrg', { id: orgs.station.id, name: '改名', type: 'branch', parentId: orgs.district.id }),
      () => su.call('user', 'deleteOrg', { id: orgs.station.id }),
    ])
      expect(await call()).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('驿站管理') });
  });

  it('a branch under a branch is refused', async () => {
    const admin = h.as('o-express-admin');
    expect(
      await admin.call('user', 'saveOrg', { name: '子支部', type: 'branch', parentId: orgs.expressBranch.id }),
    ).toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });
});
