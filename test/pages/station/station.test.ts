// One station's page through the full stack: what a rider reads before going
// (hours across midnight, services by category, facilities, when it was checked)
// and the two things they do — navigate, call.
import type { StationAdminView } from '../../../typings/station';
import { clearSession } from '../../../miniprogram/utils/session';
import { actAs, pinNow, startBackend, uploadAs } from '../support/backend';
import { seedOrgs, SUPERADMIN, type PageOrgs } from '../support/fixtures';
import { loadPage, waitFor, wxDouble, type RenderedPage } from '../support/page';
import { addStation } from '../support/station';
import { cellText, detachAll, has, render, screenText, tapButton, tapCell, textAt } from '../support/ui';

const stationId = loadPage('packages/station/pages/station/index');

/** 12:00 in Beijing on 2026-12-01: the night station is closed, its door opens by code. */
const NOON = '2026-12-01T04:00:00Z';

let backend: Awaited<ReturnType<typeof startBackend>>;
let orgs: PageOrgs;
let night: StationAdminView;
beforeAll(async () => {
  backend = await startBackend('station-rider');
  orgs = await seedOrgs();
  pinNow('2026-11-20T02:00:00Z');
  const photo = await uploadAs(SUPERADMIN, 'stations/night-1.png');
  night = await addStation(orgs.food.id, {
    name: '网约车司机夜间驿站',
    number: 'YZ-06',
    address: '示例市西城区高架桥下停车场旁',
    location: { lat: 29.52, lng: 106.53 },
    photos: [photo],
    facilities: ['parking', 'water', 'toilet'],
    services: [
      { category: 'safety', items: ['疲劳驾驶提醒', '车辆检查'] },
      { category: 'care', items: ['热水', '休息'] },
    ],
    hours: { allDay: false, periods: [{ from: '22:00', to: '06:00' }], nightAccess: true },
    phone: '023-66667777',
    manager: { name: '郑站长', phone: '13900003333' },
    note: '夜间营业，白天扫码进入休息区。',
  });
  pinNow(null);
});
afterAll(() => backend.stop());

beforeEach(() => {
  wxDouble().reset();
  clearSession();
  actAs('station-rider');
  pinNow(NOON);
});
afterEach(() => {
  detachAll();
  pinNow(null);
});

async function open(id: string): Promise<RenderedPage> {
  const page = render(stationId);
  (page.instance as unknown as { onLoad(q: object): void }).onLoad({ id });
  await waitFor(() => expect(page.data.status).not.toBe('loading'));
  return page;
}

describe('station page', () => {
  it('shows kind and number, open state and hours across midnight, facilities, services by category, and when it was checked', async () => {
    const page = await open(night.id);

    expect(textAt(page, '.name')).toBe('网约车司机夜间驿站');
    expect(textAt(page, '.tags')).toContain('驿站');
    expect(textAt(page, '.tags')).toContain('编号 YZ-06');
    expect(textAt(page, '.tags')).toContain('扫码可进');
    expect(cellText(page, 'hours')).toContain('22:00–次日06:00，夜间扫码进入');
    expect(cellText(page, 'address')).toContain('示例市西城区高架桥下停车场旁');
    expect(page.dom!.querySelectorAll('.main--photo')).toHaveLength(1);
    // Facilities and services in the catalogue's order, whatever order they were saved in.
    const facilities = Array.from(page.dom!.querySelectorAll('.main--facility-label')).map((f) => f.textContent);
    expect(facilities).toEqual(['饮水', '如厕', '停车']);
    expect(textAt(page, '#service-care')).toContain('暖心');
    expect(textAt(page, '#service-care')).toContain('热水');
    expect(textAt(page, '#service-safety')).toContain('疲劳驾驶提醒');
    const order = Array.from(page.dom!.querySelectorAll('.main--service-label')).map((s) => s.textContent);
    expect(order).toEqual(['暖心', '安全']);
    expect(screenText(page)).toContain('夜间营业，白天扫码进入休息区。');
    expect(cellText(page, 'manager')).toContain('郑站长');
    expect(screenText(page)).toContain('信息核实于 2026-11-20');
  });

  it('导航 opens WeChat’s map at the station; the phone and the manager are a tap away', async () => {
    const page = await open(night.id);

    await tapButton(page, 'navigate');
    await tapCell(page, 'address');
    expect(wxDouble().callsOf('openLocation')).toEqual([
      expect.objectContaining({ latitude: 29.52, longitude: 106.53, name: '网约车司机夜间驿站' }),
      expect.objectContaining({ latitude: 29.52, longitude: 106.53 }),
    ]);

    await tapButton(page, 'call');
    await tapCell(page, 'phone');
    await tapCell(page, 'manager');
    expect(wxDouble().callsOf('makePhoneCall')).toEqual([
      expect.objectContaining({ phoneNumber: '023-66667777' }),
      expect.objectContaining({ phoneNumber: '023-66667777' }),
      expect.objectContaining({ phoneNumber: '13900003333' }),
    ]);

    const share = (page.instance as unknown as { onShareAppMessage(): { path: string } }).onShareAppMessage();
    expect(share.path).toBe(`/packages/station/pages/station/index?id=${night.id}`);
  });

  it('a station without its own phone is called through its manager', async () => {
    const page = await open(orgs.station.id);

    expect(has(page, '#phone')).toBe(false);
    expect(cellText(page, 'hours')).toContain('09:00–21:00');
    expect(textAt(page, '.tags')).toContain('营业中');
    await tapButton(page, 'call');
    expect(wxDouble().callsOf('makePhoneCall')).toEqual([expect.objectContaining({ phoneNumber: '02388886666' })]);
  });

  it('a station that is gone says so and offers the nearby list', async () => {
    const page = await open('st-no-such-station');

    expect(page.data.status).toBe('missing');
    expect(screenText(page)).toContain('找不到这个驿站');
    await tapButton(page, 'all-stations');
    expect(wxDouble().callsOf('redirectTo')).toEqual([
      expect.objectContaining({ url: '/packages/station/pages/index/index' }),
    ]);
  });
});
