// The organisers' station editor through the full stack: the point picked with
// wx.chooseLocation, hours across midnight, services by category, a photo upload,
// the checks before sending, the server's refusals in the form, and scope.
import type { Page } from '../../../typings/common';
import type { StationAdminView } from '../../../typings/station';
import { clearSession } from '../../../miniprogram/utils/session';
import { actAs, callAs, pinNow, startBackend } from '../support/backend';
import { login, makeAdmin, seedOrgs, SUPERADMIN, type PageOrgs } from '../support/fixtures';
import { flush, loadPage, waitFor, wxDouble, type RenderedPage } from '../support/page';
import { addStation } from '../support/station';
import { stubWx } from '../support/study';
import {
  cellText,
  detachAll,
  has,
  render,
  screenText,
  tapButton,
  tapCell,
  tapOn,
  tapSwitch,
  textAt,
  typeInto,
} from '../support/ui';

const editId = loadPage('packages/station/pages/admin-station-edit/index');
const ADMIN = 'station-edit-admin';
const TODAY = '2026-12-02T02:00:00Z';

let backend: Awaited<ReturnType<typeof startBackend>>;
let orgs: PageOrgs;
beforeAll(async () => {
  backend = await startBackend('station-edit-guest');
  orgs = await seedOrgs();
  await makeAdmin(ADMIN, [orgs.food.id]);
});
afterAll(() => backend.stop());

const restores: (() => void)[] = [];
beforeEach(() => {
  wxDouble().reset();
  clearSession();
  pinNow(TODAY);
});
afterEach(() => {
  detachAll();
  pinNow(null);
  while (restores.length) restores.pop()!();
});

async function open(query: Record<string, string> = {}, openid = ADMIN): Promise<RenderedPage> {
  actAs(openid);
  const page = render(editId);
  (page.instance as unknown as { onLoad(q: object): void }).onLoad(query);
  await waitFor(() => expect(page.data.status).not.toBe('loading'));
  return page;
}

const stations = async () =>
  (await callAs<Page<StationAdminView>>(SUPERADMIN, 'station', 'adminListStations', { pageSize: 50 })).items;

/** The map picker answers with this place (what wx.chooseLocation returns). */
const picks = (place: { name: string; address: string; latitude: number; longitude: number }) =>
  wxDouble().answerNext('chooseLocation', { ...place, errMsg: 'chooseLocation:ok' });

async function typeArea(page: RenderedPage, id: string, value: string) {
  page.querySelector(`#${id} >>> .t-textarea__wrapper-inner`)!.dispatchEvent('input', { detail: { value } });
  await flush();
}

async function pickTime(page: RenderedPage, picker: string, value: string) {
  page.querySelector(`#hours >>> #${picker}`)!.dispatchEvent('change', { detail: { value } });
  await flush();
}

const formError = (page: RenderedPage) => textAt(page, '.form-error');

describe('station editor', () => {
  it('creates a station: the point from the map fills the address, hours run past midnight, a photo is uploaded', async () => {
    restores.push(
      stubWx('chooseMedia', (() =>
        Promise.resolve({ type: 'image', tempFiles: [{ tempFilePath: 'wxfile://tmp/door.jpg', size: 1 }] })) as never),
    );
    const page = await open();
    // Only one org of this organiser takes stations: it is the parent, shown, not picked.
    expect(has(page, '#parent')).toBe(false);
    expect(cellText(page, 'parent-fixed')).toContain('外卖送餐行业党委');

    await typeInto(page, 'name', '城西夜间驿站');
    await typeInto(page, 'number', 'CX-09');
    await tapOn(page, '#kinds >>> #kind-point');
    picks({ name: '城西停车场', address: '示例市西城区高架桥下', latitude: 29.5123456789, longitude: 106.4876543 });
    await tapCell(page, 'choose-location');
    await waitFor(() => expect(page.data.form.location).toEqual({ lat: 29.512346, lng: 106.487654 }));
    expect(wxDouble().callsOf('chooseLocation')).toHaveLength(1);
    expect(page.data.form.address).toBe('示例市西城区高架桥下 城西停车场');
    expect(cellText(page, 'choose-location')).toContain('已选：29.512346, 106.487654');

    await tapOn(page, '#facilities >>> #facility-rest'); // on by default: now off
    await tapOn(page, '#facilities >>> #facility-toilet');
    await tapOn(page, '#facilities >>> #facility-parking');
    await typeInto(page, 'service-care', '热水、 休息，热水');
    await typeInto(page, 'service-legal', '劳动权益咨询');
    await pickTime(page, 'period-0-from', '22:00');
    await pickTime(page, 'period-0-to', '06:00');
    expect(textAt(page, '#hours >>> #period-0')).toContain('22:00–次日06:00');
    await tapSwitch(page, 'hours >>> #night-access-switch');
    await typeInto(page, 'manager-name', '郑站长');
    await typeInto(page, 'manager-phone', '13900004444');
    await typeArea(page, 'note', '白天扫码进入休息区。');
    await tapOn(page, '#photos >>> #add-photo');
    await waitFor(() => expect(page.data.form.photos).toHaveLength(1));
    expect(wxDouble().callsOf('cloud.uploadFile')).toEqual([
      { cloudPath: expect.stringMatching(/^stations\/\d+-0\.jpg$/) },
    ]);

    await tapButton(page, 'save');
    await waitFor(() => expect(wxDouble().callsOf('navigateBack')).toHaveLength(1));
    const saved = (await stations()).find((s) => s.name === '城西夜间驿站')!;
    expect(saved).toMatchObject({
      parentId: orgs.food.id,
      kind: 'point',
      number: 'CX-09',
      address: '示例市西城区高架桥下 城西停车场',
      location: { lat: 29.512346, lng: 106.487654 },
      facilities: ['water', 'charging', 'toilet', 'parking'],
      services: [
        { category: 'care', items: ['热水', '休息'] },
        { category: 'legal', items: ['劳动权益咨询'] },
      ],
      hours: { allDay: false, periods: [{ from: '22:00', to: '06:00' }], nightAccess: true },
      phone: '',
      manager: { name: '郑站长', phone: '13900004444' },
      note: '白天扫码进入休息区。',
      verifiedAt: new Date(TODAY).toISOString(),
    });
    expect(saved.photos).toEqual(page.data.form.photos.map((p: { fileId: string }) => p.fileId));
  });

  it('checks the obvious before sending; the server’s refusals show in the form, which keeps what was typed', async () => {
    const page = await open();
    await typeInto(page, 'name', '违禁词驿站');
    await typeInto(page, 'number', 'CX-10');
    await typeInto(page, 'manager-name', '王站长');
    await typeInto(page, 'manager-phone', '13900005555');

    await tapButton(page, 'save');
    expect(formError(page)).toBe('请点「在地图上选点」选择驿站位置');
    expect(
      wxDouble()
        .callsOf('cloud.callFunction')
        .filter((c) => (c as { name: string }).name === 'station'),
    ).toEqual([]);

    picks({ name: '', address: '示例大道 9 号', latitude: 29.51, longitude: 106.49 });
    await tapCell(page, 'choose-location');
    await waitFor(() => expect(page.data.form.address).toBe('示例大道 9 号'));
    await typeInto(page, 'service-health', '一项远远超过二十个字的健康服务项目名称写得太长了');
    await tapButton(page, 'save');
    expect(formError(page)).toBe('「健康」服务的每一项不超过 20 个字');
    await typeInto(page, 'service-health', '血压测量');

    // Overlapping periods: the server's rule, in its words.
    await tapOn(page, '#hours >>> #add-period');
    await pickTime(page, 'period-1-from', '20:00');
    await tapButton(page, 'save');
    await waitFor(() => expect(formError(page)).toContain('不能重叠'));
    await tapOn(page, '#hours >>> #period-1-remove');

    // What riders will read is content-checked.
    await tapButton(page, 'save');
    await waitFor(() => expect(formError(page)).toBe('驿站名称包含不适宜发布的信息，请修改后再提交'));
    expect(page.data.form).toMatchObject({ name: '违禁词驿站', number: 'CX-10', address: '示例大道 9 号' });
    expect(page.data.saving).toBe(false);
    expect(wxDouble().callsOf('navigateBack')).toEqual([]);
    expect((await stations()).some((s) => s.number === 'CX-10')).toBe(false);

    await typeInto(page, 'name', '城西便民驿站');
    await tapButton(page, 'save');
    await waitFor(() => expect(wxDouble().callsOf('navigateBack')).toHaveLength(1));
    expect((await stations()).find((s) => s.number === 'CX-10')).toMatchObject({
      name: '城西便民驿站',
      services: [{ category: 'health', items: ['血压测量'] }],
    });
  });

  it('closing the map picker changes nothing and says nothing', async () => {
    const page = await open();
    await tapCell(page, 'choose-location');
    await flush();
    expect(wxDouble().callsOf('chooseLocation')).toHaveLength(1);
    expect(page.data.form.location).toBeNull();
    expect(wxDouble().callsOf('showToast')).toEqual([]);
  });

  it('edits a station: its record filled in, the parent fixed, the map picker opened at its point', async () => {
    const s = await addStation(orgs.food.id, { name: '待改驿站', number: 'GA-01', phone: '023-11112222' }, ADMIN);
    const page = await open({ id: s.id });

    expect(page.data.form).toMatchObject({ id: s.id, name: '待改驿站', number: 'GA-01', phone: '023-11112222' });
    expect(page.data.form.services.care).toBe('免费饮水、手机充电、休息');
    expect(cellText(page, 'parent-fixed')).toContain('外卖送餐行业党委');
    expect(cellText(page, 'choose-location')).toContain('29.500000, 106.500000');

    picks({ name: '新址', address: '示例路 2 号', latitude: 29.501, longitude: 106.501 });
    await tapCell(page, 'choose-location');
    await waitFor(() => expect(page.data.form.location).toEqual({ lat: 29.501, lng: 106.501 }));
    expect(wxDouble().callsOf('chooseLocation')[0]).toMatchObject({ latitude: 29.5, longitude: 106.5 });
    // The address typed before is kept.
    expect(page.data.form.address).toBe('示例路 1 号');
    await tapSwitch(page, 'hours >>> #all-day-switch');
    await typeInto(page, 'phone', '');
    await tapButton(page, 'save');
    await waitFor(() => expect(wxDouble().callsOf('navigateBack')).toHaveLength(1));
    expect((await stations()).find((x) => x.id === s.id)).toMatchObject({
      location: { lat: 29.501, lng: 106.501 },
      hours: { allDay: true, periods: [] },
      phone: '',
    });
  });

  it('an organiser of another org cannot open a station outside their scope', async () => {
    await makeAdmin('station-edit-other', [orgs.otherDistrict.id]);
    const page = await open({ id: orgs.station.id }, 'station-edit-other');

    expect(page.data.status).toBe('error');
    expect(screenText(page)).toContain('该组织不在你的管理范围内');
    expect(has(page, '#save')).toBe(false);
  });

  it('an organiser whose orgs take no stations is told where stations go', async () => {
    await makeAdmin('station-edit-branch', [orgs.expressBranch.id]);
    const page = await open({}, 'station-edit-branch');

    expect(page.data.status).toBe('error');
    expect(screenText(page)).toContain('驿站建在区级党委、行业党委或街道下');
  });

  it('someone who is no organiser is told the editor is for organisers, and no form is shown', async () => {
    await login('station-edit-rider');
    const page = await open({ id: orgs.station.id }, 'station-edit-rider');

    expect(page.data.status).toBe('denied');
    expect(textAt(page, '#denied')).toContain('管理后台仅对管理员开放');
    expect(has(page, '#save')).toBe(false);
  });

  it('a superadmin picks the parent among the orgs that take stations', async () => {
    const page = await open({}, SUPERADMIN);
    const labels = page.data.parentLabels as string[];
    expect(labels.map((l) => l.trim())).toEqual(['另一区委', '示例区委', '快递物流行业党委', '外卖送餐行业党委']);
    page.querySelector('#parent')!.dispatchEvent('change', { detail: { value: 3 } });
    await flush();
    expect(page.data.form).toMatchObject({ parentId: orgs.food.id, parentName: '外卖送餐行业党委' });
  });
});
