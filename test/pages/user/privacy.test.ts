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

  it('says location is optional, used only to find nearby stations, never stored, and never asked for on the home page', () => {
    const text = screenText(render(privacyId));

    expect(text).toContain('位置信息（可选）');
    expect(text).toContain('用来查找离你最近的服务驿站');
    expect(text).toContain('不会被保存');
    expect(text).toContain('从不主动请求定位');
    expect(text).toContain('位置信息不保存');
    expect(text).not.toContain('我们不收集你的位置');
  });

  it('says a 随手拍 carries the position only when the rider adds it, who sees a case, and what the board shows', () => {
    const text = screenText(render(privacyId));

    expect(text).toContain('随手拍的位置（可选）');
    expect(text).toContain('再点一次即可去掉，也可以只填写地址');
    expect(text).toContain('只有你附在随手拍上的位置随该事项保存');
    expect(text).toContain('匿名上报的随手拍不显示提出人');
    expect(text).toContain('在「实事共办」展示类别、标题和答复，不显示姓名、电话和照片');
  });
});
