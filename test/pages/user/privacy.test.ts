import { loadPage } from '../support/page';
import { detachAll, render, screenText } from '../support/ui';

const privacyId = loadPage('packages/user/pages/privacy/index');

afterEach(detachAll);

describe('privacy notice page', () => {
  it('shows the version the registration form asks consent to', () => {
    const page = render(privacyId);
    expect(screenText(page)).toContain('版本 2026-11');
  });

  it('says what is collected, why, who sees it, how long it is kept, how to delete it and whom to contact', () => {
    const text = screenText(render(privacyId));

    for (const collected of ['真实姓名', '手机号', '职业', '平台或公司', '所属组织', '是否为党员']) {
      expect(text).toContain(collected);
    }
    for (const heading of ['我们收集的信息', '为什么收集', '谁能看到', '保存与删除', '联系我们']) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('打码');
    expect(text).toContain('注销');
    expect(text).toMatch(/\S+@\S+/);
  });
});
