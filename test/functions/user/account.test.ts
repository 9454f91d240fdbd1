import type { MyProfile } from '../../../typings/user';
import { type OrgFixture, registerWorker, seedOrgs, workerForm } from '../../support/fixtures';
import { type FunctionsHarness, startFunctions } from '../../support/functions';
import { png } from '../../support/images';
import { sdkFor } from '../../support/sdk';

let h: FunctionsHarness;
let orgs: OrgFixture;

beforeAll(async () => {
  h = await startFunctions();
});
afterAll(() => h.stop());
beforeEach(async () => {
  await h.resetDb();
  orgs = await seedOrgs(h);
});

const userCount = async (openid: string) => (await h.db.collection('users').where({ openid }).count()).total;

describe('login', () => {
  it('creates the user on the first call and returns the same user afterwards', async () => {
    const first = await h.as('o-new').ok<{ profile: MyProfile; isNew: boolean }>('user', 'login');
    const second = await h.as('o-new').ok<{ profile: MyProfile; isNew: boolean }>('user', 'login');
    expect(first.isNew).toBe(true);
    expect(second).toEqual({ profile: first.profile, isNew: false });
  });

  it('20 concurrent first logins make exactly one user', async () => {
    const replies = await Promise.all(
      Array.from({ length: 20 }, () => h.as('o-race').call<{ profile: MyProfile }>('user', 'login')),
    );
    expect(replies.every((r) => r.ok)).toBe(true);
    const ids = new Set(replies.map((r) => (r.ok ? r.data.profile.userId : '')));
    expect(ids.size).toBe(1);
    expect(await userCount('o-race')).toBe(1);
  });

  it('a forged openid or role in data changes nothing: identity comes from the platform', async () => {
    const victim = await registerWorker(h, 'o-victim', orgs.expressBranch.id);
    const forged = await h
      .as('o-attacker')
      .ok<{ profile: MyProfile }>('user', 'login', { openid: 'o-victim', role: 'superadmin' });
    expect(forged.profile.userId).not.toBe(victim.userId);
    expect(forged.profile.roles).toEqual([]);
    const profile = await h.as('o-attacker').ok<MyProfile>('user', 'getProfile', { openid: 'o-victim' });
    expect(profile.worker).toBeNull();
    expect(JSON.stringify(profile)).not.toContain('13900001111');
  });

  it('actions that need an account refuse a caller who never logged in', async () => {
    expect(await h.as('o-stranger').call('user', 'getProfile')).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });

  it('an unknown action is refused by name', async () => {
    expect(await h.as('o-x').call('user', 'dropDatabase')).toEqual({
      ok: false,
      code: 'UNKNOWN_ACTION',
      message: '不支持的操作：dropDatabase',
    });
  });
});

describe('registerWorker', () => {
  beforeEach(async () => {
    await h.as('o-w').ok('user', 'login');
  });

  it('registers the worker with their org, and the worker role follows', async () => {
    const p = await h.as('o-w').ok<MyProfile>('user', 'registerWorker', workerForm(orgs.expressBranch.id));
    expect(p).toMatchObject({
      registered: true,
      roles: ['worker'],
      memberStatus: 'none',
      worker: { realName: '张小快', phone: '13900001111', occupation: 'courier', orgName: '快递流动党支部' },
    });
  });

  it('a declared party member waits for verification', async () => {
    const p = await h
      .as('o-w')
      .ok<MyProfile>(
        'user',
        'registerWorker',
        workerForm(orgs.expressBranch.id, { isPartyMember: true, branchName: '快递流动党支部' }),
      );
    expect(p.memberStatus).toBe('pending');
    expect(p.roles).toEqual(['worker']);
  });

  it.each([
    ['a bad phone', { phone: '12345' }, '手机号'],
    ['no consent', { consent: false }, '隐私政策'],
    ['an old privacy notice', { consentVersion: '2020-01' }, '隐私政策'],
    ['an unknown occupation', { occupation: 'pilot' }, '「职业」'],
    ['an over-long name', { realName: '张'.repeat(21) }, '20'],
    ['a Mongo operator as org id', { orgId: { $gt: '' } }, '「所属组织」'],
    ['an unknown field', { salary: 1 }, 'salary'],
    ['a party member without a branch', { isPartyMember: true }, '党支部'],
  ])('refuses %s with INVALID_ARGUMENT and writes nothing', async (_name, patch, mention) => {
    const r = await h.as('o-w').call('user', 'registerWorker', { ...workerForm(orgs.expressBranch.id), ...patch });
    expect(r).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', message: expect.stringContaining(mention) });
    expect((await h.as('o-w').ok<MyProfile>('user', 'getProfile')).registered).toBe(false);
  });

  it('an org that does not exist is NOT_FOUND', async () => {
    const r = await h.as('o-w').call('user', 'registerWorker', workerForm('nope123'));
    expect(r).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('text WeChat rejects is CONTENT_REJECTED and nothing is written', async () => {
    const r = await h
      .as('o-w')
      .call('user', 'registerWorker', workerForm(orgs.expressBranch.id, { platform: '违禁词快递' }));
    expect(r).toMatchObject({ ok: false, code: 'CONTENT_REJECTED', message: expect.stringContaining('平台/公司') });
    expect((await h.as('o-w').ok<MyProfile>('user', 'getProfile')).registered).toBe(false);
  });
});

describe('updateProfile and deleteAccount', () => {
  it('updates nickname and avatar; a rejected nickname changes nothing', async () => {
    const { profile } = await h.as('o-p').ok<{ profile: MyProfile }>('user', 'login');
    const { fileID: avatar } = await sdkFor(h.emu).uploadFile({
      cloudPath: `avatars/${profile.userId}/a.png`,
      fileContent: png(),
    });
    const p = await h.as('o-p').ok<MyProfile>('user', 'updateProfile', { nickname: '小快', avatarFileId: avatar });
    expect(p).toMatchObject({ nickname: '小快', avatarFileId: avatar });
    expect(await h.as('o-p').call('user', 'updateProfile', { nickname: '敏感词测试' })).toMatchObject({
      code: 'CONTENT_REJECTED',
    });
    expect((await h.as('o-p').ok<MyProfile>('user', 'getProfile')).nickname).toBe('小快');
  });

  it('deleting the account erases personal fields, keeps the record anonymous, and frees the openid', async () => {
    const before = await registerWorker(h, 'o-del', orgs.expressBranch.id);
    expect(await h.as('o-del').call('user', 'deleteAccount', {})).toMatchObject({ code: 'INVALID_ARGUMENT' });
    await h.as('o-del').ok('user', 'deleteAccount', { confirm: true });

    const stored = (await h.db.collection('users').doc(before.userId).get()).data[0];
    expect(stored).toMatchObject({ status: 'deleted', worker: null, nickname: '已注销用户' });
    expect(JSON.stringify(stored)).not.toMatch(/13900001111|张小快|o-del"/);
    const again = await h.as('o-del').ok<{ profile: MyProfile; isNew: boolean }>('user', 'login');
    expect(again.isNew).toBe(true);
    expect(again.profile.userId).not.toBe(before.userId);
  });
});

describe('organisations (public side)', () => {
  it('anyone can read the org tree, stations included', async () => {
    const tree = await h
      .as('o-anon')
      .ok<{ name: string; children: { name: string; type: string }[] }[]>('user', 'listOrgs');
    expect(tree.map((n) => n.name)).toEqual(['另一区委', '示例区委']);
    expect(tree[1]!.children).toContainEqual(expect.objectContaining({ name: '城东党群服务驿站', type: 'station' }));
  });
});
