import { clearSession } from '../../../miniprogram/utils/session';
import { actAs, callAs, startBackend } from '../support/backend';
import { makeAdmin, registerWorker, seedOrgs, SUPERADMIN, type PageOrgs } from '../support/fixtures';
import { loadPage, waitFor, wxDouble } from '../support/page';
import { detachAll, has, render, screenText } from '../support/ui';

const auditId = loadPage('packages/admin/pages/audit/index');

let backend: Awaited<ReturnType<typeof startBackend>>;
let orgs: PageOrgs;
beforeAll(async () => {
  backend = await startBackend('audit-guest');
  orgs = await seedOrgs();
});
afterAll(() => backend.stop());

beforeEach(() => {
  wxDouble().reset();
  clearSession();
});
afterEach(detachAll);

describe('audit log page', () => {
  it('lists admin actions newest first, with who did them', async () => {
    const member = await registerWorker('audit-member', orgs.expressBranch.id, {
      isPartyMember: true,
      branchName: '快递流动党支部',
    });
    await callAs(SUPERADMIN, 'user', 'verifyMember', { userId: member.userId, approve: true });

    actAs(SUPERADMIN);
    const page = render(auditId);
    await waitFor(() => expect(page.data.list.status).toBe('ready'));

    const entries = page.querySelectorAll('.entry').map((e) => e.dom?.textContent ?? '');
    expect(entries[0]).toContain('认证党员身份');
    expect(entries[0]).toContain('用户');
    expect(entries.some((e) => e.includes('新建组织「示例区委」') && e.includes('组织'))).toBe(true);
    expect(entries[0]).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  });

  it('an org admin gets the server’s refusal as the error state', async () => {
    await makeAdmin('audit-admin', [orgs.food.id]);
    actAs('audit-admin');
    const page = render(auditId);
    await waitFor(() => expect(page.data.list.status).toBe('error'));

    expect(screenText(page)).toContain('仅超级管理员可以操作');
    expect(has(page, '#list-state >>> #retry')).toBe(true);
  });
});
