import { clearSession, currentProfile } from '../../../miniprogram/utils/session';
import { actAs, callAs, startBackend } from '../support/backend';
import { getProfile, login, registerWorker, seedOrgs, type PageOrgs } from '../support/fixtures';
import { flush, loadPage, waitFor, wxDouble, type RenderedPage } from '../support/page';
import { buttonDisabled, detachAll, render, tapButton, typeInto } from '../support/ui';

const profileId = loadPage('packages/user/pages/profile/index');

let backend: Awaited<ReturnType<typeof startBackend>>;
let orgs: PageOrgs;
beforeAll(async () => {
  backend = await startBackend('profile-guest');
  orgs = await seedOrgs();
});
afterAll(() => backend.stop());

beforeEach(() => {
  wxDouble().reset();
  clearSession();
});
afterEach(detachAll);

async function open(openid: string): Promise<RenderedPage> {
  actAs(openid);
  await login(openid);
  const page = render(profileId);
  await waitFor(() => expect(page.data.ready).toBe(true));
  return page;
}

const toasts = () => wxDouble().callsOf('showToast') as { title: string }[];

describe('profile page', () => {
  it('saves a new nickname: stored on the server, the session updated, a success toast', async () => {
    const page = await open('profile-nick');

    await typeInto(page, 'nickname', '跑腿小王');
    await tapButton(page, 'save');
    await waitFor(() => expect(toasts().map((t) => t.title)).toContain('已保存'));

    expect((await getProfile('profile-nick')).nickname).toBe('跑腿小王');
    expect(currentProfile()?.nickname).toBe('跑腿小王');
    expect(page.data.saving).toBe(false);
  });

  it('a nickname refused by the content check shows the server’s message; the button works again', async () => {
    const page = await open('profile-bad-nick');

    await typeInto(page, 'nickname', '违禁词');
    await tapButton(page, 'save');
    await waitFor(() => expect(toasts()).toHaveLength(1));

    expect(toasts()[0]!.title).toBe('昵称包含不适宜发布的信息，请修改后再提交');
    expect((await getProfile('profile-bad-nick')).nickname).toBe('');
    expect(page.data.saving).toBe(false);
    expect(buttonDisabled(page, 'save')).toBe(false);
  });

  it('an empty nickname is not sent', async () => {
    const page = await open('profile-empty');
    await typeInto(page, 'nickname', '   ');
    await tapButton(page, 'save');

    expect(toasts()).toEqual([expect.objectContaining({ title: '请输入昵称' })]);
    const sent = wxDouble().callsOf('cloud.callFunction') as { data: { action: string } }[];
    expect(sent.map((c) => c.data.action)).not.toContain('updateProfile');
  });

  it('choosing an avatar uploads it under avatars/<userId>/ and stores its file id', async () => {
    const page = await open('profile-avatar');
    const me = currentProfile()!;

    page.querySelector('.avatar-button')!.dispatchEvent('chooseavatar', {
      detail: { avatarUrl: 'http://tmp/avatar-chosen.png' },
    });
    await waitFor(() => expect(toasts().map((t) => t.title)).toContain('头像已更新'));

    const [upload] = wxDouble().callsOf('cloud.uploadFile') as { cloudPath: string }[];
    expect(upload!.cloudPath).toMatch(new RegExp(`^avatars/${me.userId}/\\d+\\.png$`));
    const stored = await getProfile('profile-avatar');
    expect(stored.avatarFileId).toMatch(/^cloud:\/\/.+avatars\//);
    expect(page.data.avatarUrl).toBe(stored.avatarFileId);
    expect(page.data.uploading).toBe(false);
  });

  it('注销账号 asks first; cancelling keeps the account', async () => {
    const page = await open('profile-keep');
    wxDouble().answerNext('showModal', { confirm: false, cancel: true });

    await tapButton(page, 'delete-account');
    await flush();

    expect(wxDouble().callsOf('showModal')).toHaveLength(1);
    expect(wxDouble().callsOf('reLaunch')).toEqual([]);
    expect((await getProfile('profile-keep')).userId).toBe(currentProfile()!.userId);
  });

  it('注销账号 confirmed: personal data erased on the server, the session cleared, back to home', async () => {
    await registerWorker('profile-delete', orgs.expressBranch.id);
    await callAs('profile-delete', 'user', 'updateProfile', { nickname: '要走了' });
    const page = await open('profile-delete');
    const oldUserId = currentProfile()!.userId;

    await tapButton(page, 'delete-account');
    await waitFor(() => expect(wxDouble().callsOf('reLaunch')).toHaveLength(1));

    expect(wxDouble().callsOf('reLaunch')).toEqual([expect.objectContaining({ url: '/pages/home/index' })]);
    expect(currentProfile()).toBeNull();
    // The same WeChat user now starts afresh: the old record no longer answers to this openid.
    const fresh = await login('profile-delete');
    expect(fresh.userId).not.toBe(oldUserId);
    expect(fresh).toMatchObject({ nickname: '', registered: false, worker: null });
  });
});
