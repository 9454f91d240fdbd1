// 驿站管理 through the full stack: the stations of the organiser's sub-tree only,
// search, 核实 with the new date, 删除 asked first and refused with the server's
// reason while someone is registered there, and the ways into the editor.
import type { StationAdminView } from '../../../typings/station';
import { clearSession } from '../../../miniprogram/utils/session';
import { actAs, callAs, pinNow, startBackend } from '../support/backend';
import { login, makeAdmin, registerWorker, seedOrgs, SUPERADMIN, type PageOrgs } from '../support/fixtures';
import { loadPage, waitFor, wxDouble, type RenderedPage } from '../support/page';
import { addStation } from '../support/station';
import { detachAll, has, render, tapButton, tapOn, textAt } from '../support/ui';

const listId = loadPage('packages/station/pages/admin-stations/index');
const ADMIN = 'stations-admin';
const DAY1 = '2026-12-01T02:00:00Z';
const DAY2 = '2026-12-03T02:00:00Z';

let backend: Awaited<ReturnType<typeof startBackend>>;
let orgs: PageOrgs;
let depot: StationAdminView;
let hub: StationAdminView;
beforeAll(async () => {
  backend = await startBackend('stations-guest');
  orgs = await seedOrgs();
  await makeAdmin(ADMIN, [orgs.express.id]);
  pinNow(DAY1);
  depot = await addStation(orgs.express.id, { name: '快递分拨中心驿站', number: 'KD-01' }, ADMIN);
  hub = await addStation(orgs.express.id, { name: '快递网点服务点', kind: 'point', number: 'KD-02' }, ADMIN);
  await addStation(orgs.food.id, { name: '外卖驿站', number: 'WM-01' });
  pinNow(null);
});
afterAll(() => backend.stop());

beforeEach(() => {
  wxDouble().reset();
  clearSession();
});
afterEach(() => {
  detachAll();
  pinNow(null);
});

async function open(openid = ADMIN): Promise<RenderedPage> {
  actAs(openid);
  const page = render(listId);
  await waitFor(() => expect(page.data.list.status).not.toBe('loading'));
  return page;
}

const names = (page: RenderedPage) => (page.data.list.items as { name: string }[]).map((r) => r.name);

describe('驿站管理', () => {
  it('lists only the stations of the organiser’s sub-tree, by number, and searches them', async () => {
    const page = await open();

    expect(names(page)).toEqual(['快递分拨中心驿站', '快递网点服务点']);
    expect(textAt(page, `#station-${hub.id}`)).toContain('服务点');
    expect(textAt(page, `#station-${hub.id}`)).toContain('快递物流行业党委');
    expect(textAt(page, `#station-${hub.id}`)).toContain('09:00–21:00 · 暖心');
    expect(textAt(page, `#verified-${hub.id}`)).toBe('核实于 2026-12-01');

    page.querySelector('#search >>> .t-input__keyword')!.dispatchEvent('confirm', { detail: { value: '网点' } });
    await waitFor(() => expect(names(page)).toEqual(['快递网点服务点']));
  });

  it('核实 records today’s check on site and shows the new date', async () => {
    pinNow(DAY2);
    const page = await open();

    await tapOn(page, `#verify-${depot.id}`);
    await waitFor(() => expect(textAt(page, `#verified-${depot.id}`)).toBe('核实于 2026-12-03'));
    expect(wxDouble().callsOf('showToast')).toEqual([expect.objectContaining({ title: '已记录现场核实' })]);
    const stored = await callAs<{ verifiedAt: string }>(SUPERADMIN, 'station', 'getStation', { id: depot.id });
    expect(stored.verifiedAt).toBe(new Date(DAY2).toISOString());
  });

  it('新建驿站 and 编辑 open the editor', async () => {
    const page = await open();

    await tapButton(page, 'add');
    await tapOn(page, `#edit-${hub.id}`);
    expect(wxDouble().callsOf('navigateTo')).toEqual([
      expect.objectContaining({ url: '/packages/station/pages/admin-station-edit/index' }),
      expect.objectContaining({ url: `/packages/station/pages/admin-station-edit/index?id=${hub.id}` }),
    ]);
  });

  it('删除 asks first; while someone is registered there the server’s refusal is shown; otherwise it goes', async () => {
    const spare = await addStation(orgs.express.id, { name: '待撤驿站', number: 'KD-03' }, ADMIN);
    await registerWorker('stations-member', hub.id);
    const page = await open();

    wxDouble().answerNext('showModal', { confirm: false, cancel: true });
    await tapOn(page, `#delete-${spare.id}`);
    await waitFor(() => expect(wxDouble().callsOf('showModal')).toHaveLength(1));
    expect((wxDouble().callsOf('showModal')[0] as { content: string }).content).toContain('待撤驿站');
    expect(names(page)).toContain('待撤驿站');

    await tapOn(page, `#delete-${hub.id}`);
    await waitFor(() => expect(wxDouble().callsOf('showModal')).toHaveLength(3));
    expect(wxDouble().callsOf('showModal')[2]).toMatchObject({
      title: '无法删除',
      content: '还有 1 位用户登记在该驿站，不能删除',
    });
    expect(names(page)).toContain('快递网点服务点');

    await tapOn(page, `#delete-${spare.id}`);
    await waitFor(() => expect(names(page)).not.toContain('待撤驿站'));
    await expect(callAs(SUPERADMIN, 'station', 'getStation', { id: spare.id })).rejects.toThrow(/NOT_FOUND/);
  });

  it('an organiser of another district sees none of them', async () => {
    await makeAdmin('stations-other', [orgs.otherDistrict.id]);
    const page = await open('stations-other');

    expect(page.data.list.status).toBe('empty');
    expect(textAt(page, '#list-state')).toContain('你负责的组织下还没有驿站');
    expect(has(page, `#station-${depot.id}`)).toBe(false);
  });

  it('someone who is no organiser is told the page is for organisers, and no station is asked for', async () => {
    await login('stations-rider');
    actAs('stations-rider');
    const page = render(listId);
    await waitFor(() => expect(page.data.access).toBe('denied'));

    expect(textAt(page, '#denied')).toContain('管理后台仅对管理员开放');
    expect(has(page, '#add')).toBe(false);
    expect(page.data.list.status).toBe('loading');
    expect(has(page, '#list-state')).toBe(false);
  });
});
