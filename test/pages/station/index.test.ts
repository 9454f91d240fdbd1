// 附近驿站 through the full stack: the real WXML, the station function on the
// emulator (its $geoNear), and the wx double's location world.
import type { StationAdminView } from '../../../typings/station';
import type { StationMarker, StationRow } from '../../../miniprogram/packages/station/pages/index/rows';
import { clearSession } from '../../../miniprogram/utils/session';
import { actAs, callAs, pinNow, startBackend } from '../support/backend';
import { seedOrgs, SUPERADMIN, type PageOrgs } from '../support/fixtures';
import { flush, loadPage, waitFor, wxDouble, type RenderedPage } from '../support/page';
import { addStation, allowedAt, mapCalls, phoneLocation, prompts } from '../support/station';
import { buttonDisabled, detachAll, has, render, screenText, tapButton, tapOn, textAt } from '../support/ui';

const mapId = loadPage('packages/station/pages/index/index');

/** Noon and 23:00 in Beijing on 2026-12-01. */
const NOON = '2026-12-01T04:00:00Z';
const LATE = '2026-12-01T15:00:00Z';
/** A rider a few dozen metres from 城东党群服务驿站 (29.5, 106.5). */
const RIDER = { lat: 29.5005, lng: 106.5005 };

let backend: Awaited<ReturnType<typeof startBackend>>;
let orgs: PageOrgs;
let east: { id: string };
let point: StationAdminView;
let night: StationAdminView;
let far: StationAdminView;
beforeAll(async () => {
  backend = await startBackend('map-rider');
  orgs = await seedOrgs();
  east = orgs.station; // 城东党群服务驿站: 09:00–21:00, care, the manager's phone only
  point = await addStation(orgs.express.id, {
    name: '江边服务点',
    kind: 'point',
    number: 'P-01',
    address: '示例江边路 3 号',
    location: { lat: 29.503, lng: 106.502 },
    services: [{ category: 'health', items: ['血压测量'] }],
    hours: { allDay: true, periods: [], nightAccess: false },
    phone: '023-66661111',
  });
  night = await addStation(orgs.food.id, {
    name: '夜班司机驿站',
    number: 'S-02',
    location: { lat: 29.52, lng: 106.53 },
    services: [{ category: 'legal', items: ['劳动权益咨询'] }],
    hours: { allDay: false, periods: [{ from: '22:00', to: '06:00' }], nightAccess: false },
  });
  far = await addStation(orgs.express.id, {
    name: '物流园驿站',
    number: 'S-04',
    location: { lat: 29.6, lng: 106.6 },
    services: [
      { category: 'care', items: ['热饭'] },
      { category: 'safety', items: ['电动车检查'] },
    ],
    hours: { allDay: false, periods: [{ from: '08:00', to: '20:00' }], nightAccess: true },
  });
});
afterAll(() => backend.stop());

beforeEach(() => {
  wxDouble().reset();
  clearSession();
  actAs('map-rider');
  pinNow(NOON);
});
afterEach(() => {
  detachAll();
  pinNow(null);
});

const rows = (page: RenderedPage) => page.data.list.items as StationRow[];
const names = (page: RenderedPage) => rows(page).map((r) => r.name);
const groups = (page: RenderedPage) =>
  Array.from(page.dom!.querySelectorAll('.main--group')).map((g) => g.textContent!.trim());

async function open(): Promise<RenderedPage> {
  const page = render(mapId);
  await waitFor(() => expect(page.data.list.status).not.toBe('loading'));
  await flush();
  return page;
}

describe('附近驿站 with location allowed before', () => {
  beforeEach(() => phoneLocation(allowedAt(RIDER)));

  it('lists the nearest station first, with distances, and its 导航 opens WeChat’s map at its coordinates', async () => {
    const page = await open();

    expect(names(page)).toEqual(['城东党群服务驿站', '江边服务点', '夜班司机驿站', '物流园驿站']);
    expect(prompts()).toEqual([]);
    expect(wxDouble().callsOf('getLocation')).toEqual([expect.objectContaining({ type: 'gcj02' })]);
    const [first, second, third, fourth] = rows(page);
    expect(first!.distanceText).toMatch(/^\d{2} 米$/);
    expect(second!.distanceText).toMatch(/^\d{3} 米$/);
    expect(third!.distanceText).toMatch(/^\d\.\d 公里$/);
    expect(fourth!.distanceText).toMatch(/^1\d 公里$/);
    expect(textAt(page, `#station-${east.id}`)).toContain(first!.distanceText);
    expect(textAt(page, `#station-${east.id}`)).toContain('营业中');
    expect(textAt(page, `#station-${night.id}`)).toContain('已休息');
    expect(textAt(page, `#station-${night.id}`)).toContain('22:00–次日06:00');
    // Located: by distance, no district headers, no button asking for location.
    expect(groups(page)).toEqual([]);
    expect(has(page, '#locate')).toBe(false);

    await tapOn(page, `#station-${east.id}`);
    await waitFor(() => expect(page.data.card?.loading).toBe(false));
    expect(textAt(page, '#card')).toContain('城东党群服务驿站');
    await tapButton(page, 'card >>> #card-navigate');
    expect(wxDouble().callsOf('openLocation')).toEqual([
      expect.objectContaining({ latitude: 29.5, longitude: 106.5, name: '城东党群服务驿站', address: '示例路 1 号' }),
    ]);
  });

  it('passes one marker per station with clustering on, and a tapped marker opens that station’s card', async () => {
    const page = await open();

    const markers = page.data.markers as StationMarker[];
    expect(markers.map((m) => [m.latitude, m.longitude])).toEqual(
      rows(page).map((r) => [r.location.lat, r.location.lng]),
    );
    expect(markers.every((m) => m.joinCluster === true)).toBe(true);
    expect(new Set(markers.map((m) => m.id)).size).toBe(markers.length);
    expect(markers.find((m) => m.latitude === 29.52)!.iconPath).toBe('/packages/station/images/marker-closed.png');
    expect(mapCalls('initMarkerCluster')).toEqual([
      expect.objectContaining({ mapId: 'station-map', enableDefaultStyle: true, zoomOnClick: true }),
    ]);
    // Only pins that would overlap merge: the cluster grid is no wider than a pin is tall.
    expect(mapCalls('initMarkerCluster')[0]!.gridSize).toBeLessThanOrEqual(Math.max(...markers.map((m) => m.height)));
    // The map is fitted to the rider and the nearest stations.
    const [fit] = mapCalls('includePoints');
    expect((fit!.points as { latitude: number }[])[0]).toEqual({ latitude: RIDER.lat, longitude: RIDER.lng });

    const third = markers[2]!;
    page.querySelector('#station-map')!.dispatchEvent('markertap', { detail: { markerId: third.id } });
    await waitFor(() => expect(page.data.card?.name).toBe('夜班司机驿站'));
    expect(mapCalls('moveToLocation').pop()).toMatchObject({ latitude: 29.52, longitude: 106.53 });
    // The selected station's marker is drawn larger.
    expect((page.data.markers as StationMarker[])[2]!.width).toBeGreaterThan(third.width);
  });

  it('拨打电话 calls the station’s phone, or its manager when it has none', async () => {
    const page = await open();

    await tapOn(page, `#station-${point.id}`);
    await waitFor(() => expect(buttonDisabled(page, 'card >>> #card-call')).toBe(false));
    await tapButton(page, 'card >>> #card-call');
    await tapOn(page, `#station-${east.id}`);
    await waitFor(() => expect(page.data.card).toMatchObject({ id: east.id, loading: false }));
    await tapButton(page, 'card >>> #card-call');

    expect(wxDouble().callsOf('makePhoneCall')).toEqual([
      expect.objectContaining({ phoneNumber: '023-66661111' }),
      expect.objectContaining({ phoneNumber: '02388886666' }),
    ]);

    await tapOn(page, '#card >>> #card-detail');
    expect(wxDouble().callsOf('navigateTo')).toEqual([
      expect.objectContaining({ url: `/packages/station/pages/station/index?id=${east.id}` }),
    ]);
    await tapOn(page, '#card >>> #card-close');
    expect(has(page, '#card')).toBe(false);
  });

  it('filters by service and by 现在开放 (Beijing time, across midnight), each narrowing the list', async () => {
    const page = await open();

    await tapOn(page, '#service-legal');
    await waitFor(() => expect(names(page)).toEqual(['夜班司机驿站']));
    await tapOn(page, '#service-care');
    await waitFor(() => expect(names(page)).toEqual(['城东党群服务驿站', '物流园驿站']));
    await tapOn(page, '#service-care'); // again: every service
    await waitFor(() => expect(names(page)).toHaveLength(4));

    await tapOn(page, '#open-now');
    await waitFor(() => expect(names(page)).toEqual(['城东党群服务驿站', '江边服务点', '物流园驿站']));

    pinNow(LATE);
    await tapOn(page, '#open-now');
    await tapOn(page, '#open-now');
    // 23:00: the city station has closed, the night station opened, the logistics park lets riders in by code.
    await waitFor(() => expect(names(page)).toEqual(['江边服务点', '夜班司机驿站', '物流园驿站']));
    expect(textAt(page, `#station-${far.id}`)).toContain('扫码可进');

    await tapOn(page, '#service-government');
    await waitFor(() => expect(page.data.list.status).toBe('empty'));
    expect(textAt(page, '#list-state')).toContain('没有符合条件的驿站');
  });

  it('a station deleted meanwhile: its card still navigates, and says it has no phone', async () => {
    const gone = await addStation(orgs.district.id, {
      name: '临时驿站',
      number: 'T-01',
      location: { lat: 29.5006, lng: 106.5006 },
      phone: '023-12345678',
    });
    const page = await open();
    await callAs(SUPERADMIN, 'station', 'deleteStation', { id: gone.id });

    await tapOn(page, `#station-${gone.id}`);
    await waitFor(() => expect(page.data.card?.loading).toBe(false));
    expect(buttonDisabled(page, 'card >>> #card-call')).toBe(true);
    expect(textAt(page, '#card >>> #card-call >>> .t-button')).toContain('暂无电话');
    await tapButton(page, 'card >>> #card-navigate');
    expect(wxDouble().callsOf('openLocation')).toHaveLength(1);
  });
});

describe('附近驿站 without location', () => {
  it('never asks on opening: the list goes by district, grouped under each parent org', async () => {
    const page = await open();

    expect(wxDouble().callsOf('getLocation')).toEqual([]);
    expect(prompts()).toEqual([]);
    expect(page.data.located).toBe(false);
    expect(groups(page)).toEqual(['快递物流行业党委', '示例区委', '外卖送餐行业党委']);
    // Under its parent, by number: P-01 before S-04.
    expect(names(page)).toEqual(['江边服务点', '物流园驿站', '城东党群服务驿站', '夜班司机驿站']);
    expect(rows(page).every((r) => r.distanceText === '')).toBe(true);
    expect(textAt(page, '#locate >>> .t-button')).toContain('开启定位，看离我最近的驿站');
    expect(screenText(page)).toContain('不会保存');
    expect(mapCalls('initMarkerCluster')).toHaveLength(1);
  });

  it('allowed before, but WeChat’s privacy guide not yet agreed: opening asks nothing and goes by district', async () => {
    phoneLocation({ ...allowedAt(RIDER), privacyPending: true });
    const page = await open();

    expect(prompts()).toEqual([]);
    expect(wxDouble().callsOf('getLocation')).toEqual([]);
    expect(page.data.located).toBe(false);
    expect(groups(page)).toHaveLength(3);
    expect(has(page, '#locate')).toBe(true);
  });

  it('开启定位: allowing it turns the list into nearest first', async () => {
    phoneLocation({ answer: 'allow', position: { latitude: RIDER.lat, longitude: RIDER.lng } });
    const page = await open();

    await tapButton(page, 'locate');
    await waitFor(() => expect(page.data.located).toBe(true));
    await waitFor(() => expect(names(page)[0]).toBe('城东党群服务驿站'));
    expect(prompts()).toEqual([{ scope: 'scope.userLocation' }]);
    expect(groups(page)).toEqual([]);
    expect(has(page, '#locate')).toBe(false);
  });

  it('refusing stays by district and explains how to turn it on; from settings it comes back located', async () => {
    phoneLocation({ answer: 'deny' });
    wxDouble().answerNext('showModal', { confirm: false, cancel: true });
    const page = await open();

    await tapButton(page, 'locate');
    await waitFor(() => expect(wxDouble().callsOf('showModal')).toHaveLength(1));
    const [modal] = wxDouble().callsOf('showModal') as { title: string; content: string; confirmText: string }[];
    expect(modal).toMatchObject({ title: '未开启位置信息', confirmText: '去设置' });
    expect(modal!.content).toContain('仍按区域显示');
    expect(wxDouble().callsOf('openSetting')).toEqual([]);
    expect(page.data.located).toBe(false);
    expect(groups(page)).toHaveLength(3);
    expect(wxDouble().location.auth).toBe(false);

    // Refused before: WeChat does not ask again, so the button goes straight to the explanation.
    phoneLocation({ allowsInSettings: true, position: { latitude: RIDER.lat, longitude: RIDER.lng } });
    await tapButton(page, 'locate');
    await waitFor(() => expect(wxDouble().callsOf('openSetting')).toHaveLength(1));
    await waitFor(() => expect(page.data.located).toBe(true));
    await waitFor(() => expect(names(page)[0]).toBe('城东党群服务驿站'));
    expect(prompts()).toEqual([{ scope: 'scope.userLocation' }]);
    expect(wxDouble().callsOf('getLocation')).toHaveLength(2);
  });

  it('declining the privacy guide says so and asks for nothing more', async () => {
    phoneLocation({ privacyPending: true, answer: 'deny' });
    const page = await open();

    await tapButton(page, 'locate');
    await waitFor(() => expect(wxDouble().callsOf('showToast')).toHaveLength(1));
    expect(wxDouble().callsOf('showToast')[0]).toMatchObject({ title: '同意隐私保护指引后才能使用定位' });
    expect(prompts()).toEqual([{ privacy: 'getLocation' }]);
    expect(wxDouble().callsOf('showModal')).toEqual([]);
    expect(page.data.located).toBe(false);
  });

  it('when the phone cannot locate, it says to turn on its location service and keeps the district list', async () => {
    phoneLocation({ auth: true, position: null });
    const page = await open();
    expect(page.data.located).toBe(false);
    expect(groups(page)).toHaveLength(3);

    await tapButton(page, 'locate');
    await waitFor(() => expect(wxDouble().callsOf('showModal')).toHaveLength(1));
    expect((wxDouble().callsOf('showModal')[0] as { content: string }).content).toContain('打开定位服务');
  });
});
