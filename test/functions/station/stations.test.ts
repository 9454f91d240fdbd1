// The service-station map through the station function: nearest first with true
// distances (the emulator's geo support, through the real SDK), filters, "open now"
// in Beijing time across midnight, the list by district without a position, and
// the organisers' side within their sub-tree.
import type { Page } from '../../../typings/common';
import type { SaveStationRequest, StationAdminView, StationDetail, StationSummary } from '../../../typings/station';
import { stationInput } from '../../support/arrange';
import { makeAdmin, type OrgFixture, registerWorker, seedOrgs } from '../../support/fixtures';
import { type FunctionsHarness, startFunctions, SUPERADMIN } from '../../support/functions';

let h: FunctionsHarness;
let orgs: OrgFixture;

type Nearby = Page<StationSummary> & { located: boolean };

/** Great-circle distance (haversine on MongoDB's 6378.1 km sphere): the oracle. */
function greatCircle(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = (x: number) => (x * Math.PI) / 180;
  const h2 =
    Math.sin(rad(b.lat - a.lat) / 2) ** 2 +
    Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lng - a.lng) / 2) ** 2;
  return 2 * 6_378_100 * Math.asin(Math.sqrt(h2));
}

/** Noon and 23:00 in Beijing on 2026-12-01. */
const NOON = '2026-12-01T04:00:00Z';
const LATE = '2026-12-01T15:00:00Z';
const HERE = { lat: 29.5, lng: 106.5 };

const station = (over: Partial<SaveStationRequest>) =>
  h.as(SUPERADMIN).ok<StationAdminView>('station', 'saveStation', stationInput(orgs.district.id, over));

let near: StationAdminView;
let mid: StationAdminView;
let night: StationAdminView;
let far: StationAdminView;

beforeAll(async () => {
  h = await startFunctions();
  orgs = await seedOrgs(h);
  // orgs.station sits at HERE itself; four more around it.
  near = await station({ name: '近处服务点', kind: 'point', number: 'P-01', location: { lat: 29.503, lng: 106.502 } });
  mid = await station({
    name: '中间驿站',
    number: 'S-02',
    location: { lat: 29.52, lng: 106.53 },
    services: [{ category: 'legal', items: ['法律咨询'] }],
    facilities: ['water', 'toilet'],
  });
  night = await station({
    name: '夜间驿站',
    number: 'S-03',
    location: { lat: 29.54, lng: 106.46 },
    hours: { allDay: false, periods: [{ from: '22:00', to: '06:00' }], nightAccess: false },
  });
  far = await station({
    name: '远处驿站',
    number: 'S-04',
    location: { lat: 29.75, lng: 106.75 },
    hours: { allDay: true, periods: [], nightAccess: false },
  });
});
afterAll(() => h.stop());

describe('nearbyStations', () => {
  it('answers nearest first, each distance within 1 % of the great-circle distance', async () => {
    const r = await h
      .as('o-rider')
      .at(NOON)
      .ok<Nearby>('station', 'nearbyStations', { ...HERE, radiusM: 50_000 });
    expect(r.located).toBe(true);
    expect(r.items.map((s) => s.name)).toEqual(['城东党群服务驿站', '近处服务点', '中间驿站', '夜间驿站', '远处驿站']);
    for (const s of r.items) {
      const truth = greatCircle(HERE, s.location);
      expect(Math.abs(s.distanceM! - truth)).toBeLessThanOrEqual(Math.max(1, truth * 0.01));
    }
    const distances = r.items.map((s) => s.distanceM!);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
  });

  it('a radius, a service or a facility narrows the list', async () => {
    const within5km = await h.as('o-rider').ok<Nearby>('station', 'nearbyStations', { ...HERE, radiusM: 5000 });
    expect(within5km.items.map((s) => s.id)).toEqual([orgs.station.id, near.id, mid.id]);
    const legal = await h.as('o-rider').ok<Nearby>('station', 'nearbyStations', { ...HERE, service: 'legal' });
    expect(legal.items.map((s) => s.id)).toEqual([mid.id]);
    const toilets = await h.as('o-rider').ok<Nearby>('station', 'nearbyStations', { ...HERE, facility: 'toilet' });
    expect(toilets.items.map((s) => s.id)).toEqual([mid.id]);
  });

  it('"open now" follows Beijing time across midnight for a 22:00–06:00 station', async () => {
    const at = (now: string) =>
      h
        .as('o-rider')
        .at(now)
        .ok<Nearby>('station', 'nearbyStations', { ...HERE, radiusM: 50_000, openNow: true });
    expect((await at(NOON)).items.map((s) => s.id)).toEqual([orgs.station.id, near.id, mid.id, far.id]);
    expect((await at(LATE)).items.map((s) => s.id)).toEqual([night.id, far.id]);
    // 05:59 Beijing (the night before noon) still open; 06:00 closed.
    const early = await h
      .as('o-rider')
      .at('2026-11-30T21:59:00Z')
      .ok<Nearby>('station', 'nearbyStations', { ...HERE, radiusM: 50_000 });
    expect(early.items.find((s) => s.id === night.id)?.openState).toBe('open');
    const six = await h
      .as('o-rider')
      .at('2026-11-30T22:00:00Z')
      .ok<Nearby>('station', 'nearbyStations', { ...HERE, radiusM: 50_000 });
    expect(six.items.find((s) => s.id === night.id)?.openState).toBe('closed');
  });

  it('a station enterable by door code at night counts as open, shown as such', async () => {
    const door = await station({
      name: '扫码驿站',
      number: 'S-05',
      location: { lat: 29.505, lng: 106.505 },
      hours: { allDay: false, periods: [{ from: '08:00', to: '20:00' }], nightAccess: true },
    });
    const r = await h
      .as('o-rider')
      .at(LATE)
      .ok<Nearby>('station', 'nearbyStations', { ...HERE, openNow: true });
    expect(r.items.find((s) => s.id === door.id)?.openState).toBe('door');
    await h.as(SUPERADMIN).ok('station', 'deleteStation', { id: door.id });
  });

  it('without a position the list goes by district (the org above, then number), without distances', async () => {
    const r = await h.as('o-rider').ok<Nearby>('station', 'nearbyStations', {});
    expect(r.located).toBe(false);
    expect(r.items.every((s) => s.distanceM === null && s.parentName === '示例区委')).toBe(true);
    expect(r.items.map((s) => s.number)).toEqual(['CD-01', 'P-01', 'S-02', 'S-03', 'S-04']);
  });

  it('pages through the list', async () => {
    const first = await h
      .as('o-rider')
      .ok<Nearby>('station', 'nearbyStations', { ...HERE, radiusM: 50_000, pageSize: 2 });
    const second = await h
      .as('o-rider')
      .ok<Nearby>('station', 'nearbyStations', { ...HERE, radiusM: 50_000, pageSize: 2, page: 2 });
    expect([first.hasMore, second.hasMore, first.total]).toEqual([true, true, 5]);
    expect(second.items.map((s) => s.id)).toEqual([mid.id, night.id]);
  });

  it('a latitude without a longitude is refused, named in Chinese', async () => {
    expect(await h.as('o-rider').call('station', 'nearbyStations', { lat: 29.5 })).toMatchObject({
      ok: false,
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining('经度'),
    });
  });
});

describe('getStation', () => {
  it('shows the card with its distance from the caller, contact and verified date', async () => {
    const s = await h
      .as('o-rider')
      .at(NOON)
      .ok<StationDetail>('station', 'getStation', { id: mid.id, ...HERE });
    expect(s).toMatchObject({
      name: '中间驿站',
      openState: 'open',
      manager: { name: '王站长' },
      parentName: '示例区委',
    });
    expect(Math.abs(s.distanceM! - greatCircle(HERE, mid.location))).toBeLessThanOrEqual(
      greatCircle(HERE, mid.location) * 0.01,
    );
    expect(s.verifiedAt).not.toBeNull();
    expect(await h.as('o-rider').call('station', 'getStation', { id: 'st-none' })).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('organisers', () => {
  beforeAll(async () => {
    await makeAdmin(h, 'o-express-admin', [orgs.express.id]);
  });

  it('create a station under their sub-tree (org and record together) and see only theirs', async () => {
    const admin = h.as('o-express-admin');
    const mine = await admin.ok<StationAdminView>(
      'station',
      'saveStation',
      stationInput(orgs.express.id, { name: '快递驿站', number: 'KD-01' }),
    );
    expect((await h.db.collection('orgs').doc(mine.id).get()).data[0]).toMatchObject({
      type: 'station',
      name: '快递驿站',
      ancestors: [orgs.district.id, orgs.express.id],
    });
    const list = await admin.ok<Page<StationAdminView>>('station', 'adminListStations', {});
    expect(list.items.map((s) => s.id)).toEqual([mine.id]);
    expect(await admin.call('station', 'saveStation', stationInput(orgs.food.id))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await admin.call('station', 'verifyStation', { id: mid.id })).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('editing renames the org too; moving to another parent is refused', async () => {
    const admin = h.as('o-express-admin');
    const s = await admin.ok<StationAdminView>(
      'station',
      'saveStation',
      stationInput(orgs.express.id, { name: '旧名驿站', number: 'KD-02' }),
    );
    const edited = await admin.ok<StationAdminView>('station', 'saveStation', {
      ...stationInput(orgs.express.id, { name: '新名驿站', number: 'KD-02', location: { lat: 29.6, lng: 106.6 } }),
      id: s.id,
    });
    expect(edited).toMatchObject({ name: '新名驿站', location: { lat: 29.6, lng: 106.6 } });
    expect((await h.db.collection('orgs').doc(s.id).get()).data[0].name).toBe('新名驿站');
    expect(
      await admin.call('station', 'saveStation', { ...stationInput(orgs.expressBranch.id), id: s.id }),
    ).toMatchObject({ code: 'CONFLICT' });
  });

  it('an edit that sends no order keeps the station’s place among its siblings', async () => {
    const su = h.as(SUPERADMIN);
    const s = await su.ok<StationAdminView>(
      'station',
      'saveStation',
      stationInput(orgs.food.id, { name: '排序驿站', number: 'SO-01', sort: 7 }),
    );
    await su.ok('station', 'saveStation', {
      ...stationInput(orgs.food.id, { name: '排序驿站（改）', number: 'SO-01' }),
      id: s.id,
    });
    expect((await h.db.collection('stations').doc(s.id).get()).data[0].sort).toBe(7);
    expect((await h.db.collection('orgs').doc(s.id).get()).data[0]).toMatchObject({ name: '排序驿站（改）', sort: 7 });
    await su.ok('station', 'saveStation', { ...stationInput(orgs.food.id, { number: 'SO-01', sort: 2 }), id: s.id });
    expect((await h.db.collection('stations').doc(s.id).get()).data[0].sort).toBe(2);
    await su.ok('station', 'deleteStation', { id: s.id });
  });

  it('verifying stamps today; deleting a station someone is registered at is refused, otherwise both go', async () => {
    const su = h.as(SUPERADMIN);
    const s = await su.ok<StationAdminView>(
      'station',
      'saveStation',
      stationInput(orgs.district.id, { name: '待删驿站', number: 'X-01' }),
    );
    const verified = await su.at(NOON).ok<StationAdminView>('station', 'verifyStation', { id: s.id });
    expect(verified.verifiedAt).toBe(new Date(NOON).toISOString());
    await registerWorker(h, 'o-at-station', s.id);
    expect(await su.call('station', 'deleteStation', { id: s.id })).toMatchObject({ code: 'CONFLICT' });
    await h.as('o-at-station').ok('user', 'deleteAccount', { confirm: true });
    await su.ok('station', 'deleteStation', { id: s.id });
    expect((await h.db.collection('stations').doc(s.id).get()).data).toHaveLength(0);
    expect((await h.db.collection('orgs').doc(s.id).get()).data).toHaveLength(0);
  });

  it('overlapping hours, repeated facilities or a service category twice are refused and write nothing', async () => {
    const su = h.as(SUPERADMIN);
    const before = (await h.db.collection('stations').count()).total;
    for (const bad of [
      {
        hours: {
          allDay: false,
          periods: [
            { from: '08:00', to: '12:00' },
            { from: '11:00', to: '14:00' },
          ],
          nightAccess: false,
        },
      },
      { facilities: ['water', 'water'] },
      {
        services: [
          { category: 'care', items: ['a'] },
          { category: 'care', items: ['b'] },
        ],
      },
      { location: { lat: 0, lng: 0 } },
    ] as Partial<SaveStationRequest>[]) {
      expect(await su.call('station', 'saveStation', stationInput(orgs.district.id, bad))).toMatchObject({
        code: 'INVALID_ARGUMENT',
      });
    }
    expect((await h.db.collection('stations').count()).total).toBe(before);
  });
});
