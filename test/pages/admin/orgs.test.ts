import type { OrgNode } from '../../../typings/org';
import type { OrgForm } from '../../../miniprogram/packages/admin/pages/orgs/form';
import type { OrgItem } from '../../../miniprogram/packages/admin/pages/orgs/tree';
import { clearSession } from '../../../miniprogram/utils/session';
import { actAs, callAs, startBackend } from '../support/backend';
import { makeAdmin, registerWorker, seedOrgs, SUPERADMIN, type PageOrgs } from '../support/fixtures';
import { loadPage, waitFor, wxDouble, type RenderedPage } from '../support/page';
import { detachAll, has, render, screenText, tapButton, tapOn, textAt, typeInto } from '../support/ui';

const orgsId = loadPage('packages/admin/pages/orgs/index');

let backend: Awaited<ReturnType<typeof startBackend>>;
let orgs: PageOrgs;
beforeAll(async () => {
  backend = await startBackend('orgs-guest');
  orgs = await seedOrgs();
});
afterAll(() => backend.stop());

beforeEach(() => {
  wxDouble().reset();
  clearSession();
});
afterEach(detachAll);

interface OrgsData {
  status: string;
  items: OrgItem[];
  form: OrgForm;
  saving: boolean;
}
const data = (page: RenderedPage) => page.data as OrgsData;

async function open(openid: string): Promise<RenderedPage> {
  actAs(openid);
  const page = render(orgsId);
  await waitFor(() => expect(data(page).status).toBe('ready'));
  return page;
}

function findOrg(nodes: OrgNode[], name: string): OrgNode | undefined {
  for (const n of nodes) {
    if (n.name === name) return n;
    const hit = findOrg(n.children, name);
    if (hit) return hit;
  }
  return undefined;
}
const tree = () => callAs<OrgNode[]>(SUPERADMIN, 'user', 'listOrgs');

describe('admin orgs page', () => {
  it('shows the tree as an indented list with type labels; stations carry their tag and a link to 驿站管理', async () => {
    const page = await open(SUPERADMIN);

    const items = data(page).items;
    const depthOf = (name: string) => items.find((o) => o.name === name)?.depth;
    expect(depthOf('示例区委')).toBe(0);
    expect(depthOf('快递物流行业党委')).toBe(1);
    expect(depthOf('快递流动党支部')).toBe(2);
    expect(items.findIndex((o) => o.name === '快递流动党支部')).toBe(
      items.findIndex((o) => o.name === '快递物流行业党委') + 1,
    );
    expect(textAt(page, `#org-${orgs.expressBranch.id}`)).toContain('党支部');
    // Branches and stations take no children.
    expect(has(page, `#add-${orgs.expressBranch.id}`)).toBe(false);
    expect(has(page, `#add-${orgs.express.id}`)).toBe(true);
    expect(has(page, '#add-district')).toBe(true);

    // A station is kept with its record in 驿站管理: no 编辑/删除 here, a link there instead.
    expect(textAt(page, `#org-${orgs.station.id}`)).toContain('城东党群服务驿站');
    expect(textAt(page, `#org-${orgs.station.id}`)).toContain('党群服务驿站');
    expect(has(page, `#edit-${orgs.station.id}`)).toBe(false);
    expect(has(page, `#delete-${orgs.station.id}`)).toBe(false);
    expect(has(page, `#add-${orgs.station.id}`)).toBe(false);
    expect(textAt(page, `#stations-${orgs.station.id}`)).toBe('在驿站管理中维护');
    await tapOn(page, `#stations-${orgs.station.id}`);
    expect(wxDouble().callsOf('navigateTo')).toEqual([
      expect.objectContaining({ url: '/packages/station/pages/admin-stations/index' }),
    ]);
  });

  it('adding a child offers only the types made here (no 驿站) and saves it under its parent', async () => {
    const page = await open(SUPERADMIN);

    await tapOn(page, `#add-${orgs.district.id}`);
    expect(data(page).form.typeChoices.map((c) => c.label)).toEqual(['行业党委', '街道党工委', '党支部']);
    expect(has(page, '#type-station')).toBe(false);
    expect(screenText(page)).toContain('服务驿站请在「驿站管理」中新建');
    await tapButton(page, 'form-actions >>> #cancel');

    await tapOn(page, `#add-${orgs.food.id}`);
    expect(data(page).form.typeChoices.map((c) => c.label)).toEqual(['党支部']);
    await typeInto(page, 'org-name', '城西骑手党支部');
    await tapButton(page, 'form-actions >>> #save');

    await waitFor(() => expect(data(page).items.some((o) => o.name === '城西骑手党支部')).toBe(true));
    expect(data(page).form.visible).toBe(false);
    expect(findOrg(await tree(), '城西骑手党支部')).toMatchObject({ type: 'branch', parentId: orgs.food.id });
  });

  it('edits a name, checking the obvious before sending', async () => {
    const page = await open(SUPERADMIN);

    await tapOn(page, `#edit-${orgs.foodBranch.id}`);
    expect(data(page).form).toMatchObject({
      id: orgs.foodBranch.id,
      name: '外卖骑手党支部',
      parentName: '外卖送餐行业党委',
    });
    await typeInto(page, 'org-name', '外');
    await tapButton(page, 'form-actions >>> #save');
    expect(textAt(page, '#form-actions >>> .form-error')).toBe('请填写组织名称（至少 2 个字）');

    await typeInto(page, 'org-name', '外卖骑手第一党支部');
    await tapButton(page, 'form-actions >>> #save');
    await waitFor(() => expect(data(page).items.some((o) => o.name === '外卖骑手第一党支部')).toBe(true));
    expect(findOrg(await tree(), '外卖骑手第一党支部')?.id).toBe(orgs.foodBranch.id);
  });

  it('shows the server’s refusal in the form and keeps it open with what was typed', async () => {
    const page = await open(SUPERADMIN);

    await tapOn(page, `#edit-${orgs.expressBranch.id}`);
    await typeInto(page, 'org-name', '违禁词党支部');
    await tapButton(page, 'form-actions >>> #save');

    await waitFor(() => expect(has(page, '#form-actions >>> .form-error')).toBe(true));
    expect(textAt(page, '#form-actions >>> .form-error')).toBe('组织名称包含不适宜发布的信息，请修改后再提交');
    expect(data(page).form).toMatchObject({ visible: true, name: '违禁词党支部' });
    expect(data(page).saving).toBe(false);
    expect(findOrg(await tree(), '快递流动党支部')?.id).toBe(orgs.expressBranch.id);
  });

  it('deleting asks first; an org with children shows the server’s CONFLICT message and stays', async () => {
    const page = await open(SUPERADMIN);

    await tapOn(page, `#delete-${orgs.express.id}`);
    await waitFor(() => expect(wxDouble().callsOf('showModal')).toHaveLength(2));

    const [confirm, refusal] = wxDouble().callsOf('showModal') as { title: string; content: string }[];
    expect(confirm!.content).toContain('快递物流行业党委');
    expect(refusal).toMatchObject({ title: '无法删除', content: '该组织下还有下级组织，不能删除' });
    expect(findOrg(await tree(), '快递物流行业党委')).toBeDefined();
  });

  it('deleting an org people registered in is refused with the count; an empty leaf is removed', async () => {
    const leaf = await callAs<{ id: string }>(SUPERADMIN, 'user', 'saveOrg', {
      name: '临时党支部',
      type: 'branch',
      parentId: orgs.district.id,
    });
    await registerWorker('orgs-member', orgs.otherBranch.id);
    const page = await open(SUPERADMIN);

    await tapOn(page, `#delete-${orgs.otherBranch.id}`);
    await waitFor(() => expect(wxDouble().callsOf('showModal')).toHaveLength(2));
    expect((wxDouble().callsOf('showModal')[1] as { content: string }).content).toBe(
      '还有 1 位用户登记在该组织，不能删除',
    );

    await tapOn(page, `#delete-${leaf.id}`);
    await waitFor(() => expect(data(page).items.some((o) => o.id === leaf.id)).toBe(false));
    expect(findOrg(await tree(), '临时党支部')).toBeUndefined();
  });

  it('an org admin may manage only their sub-tree and cannot create districts', async () => {
    await makeAdmin('orgs-admin', [orgs.express.id]);
    const page = await open('orgs-admin');

    expect(has(page, '#add-district')).toBe(false);
    expect(has(page, `#edit-${orgs.express.id}`)).toBe(true);
    expect(has(page, `#edit-${orgs.expressBranch.id}`)).toBe(true);
    expect(has(page, `#edit-${orgs.food.id}`)).toBe(false);
    expect(has(page, `#edit-${orgs.district.id}`)).toBe(false);
    // The district's station is outside this admin's sub-tree: shown, with no link to manage it.
    expect(has(page, `#org-${orgs.station.id}`)).toBe(true);
    expect(has(page, `#stations-${orgs.station.id}`)).toBe(false);
    expect(screenText(page)).toContain('外卖送餐行业党委');
  });
});
