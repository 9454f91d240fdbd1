// A rider whose phone allowed location finds the nearest station: the home page
// names it, the station map lists every station nearest first, and tapping the
// first one highlights it and opens its card and then its page.
import type Element from 'miniprogram-automator/out/Element';
import { seedOrgsWith } from '../support/arrange';
import { openJourney, type Journey } from './support/journey';
import { start } from './support/nav';
import { LOCATION_APIS, locationAllowedBefore, restorePhone } from './support/phone';
import { RIDER_AT, stationsAroundRider } from './support/station';
import { until, waitForPage, waitForText } from './support/steps';
import { tapOn, textIn, waitForTextIn } from './support/screen';

/** "222 米" / "3.3 公里" in metres. */
function metres(text: string): number {
  const m = /([\d.]+)\s*(米|公里)/.exec(text);
  if (!m) throw new Error(`no distance in 「${text}」`);
  return Number(m[1]) * (m[2] === '公里' ? 1000 : 1);
}

let j: Journey;
beforeAll(async () => {
  j = await openJourney('nearest-station');
}, 120_000);
afterAll(async () => {
  await restorePhone(j.mp, ...LOCATION_APIS).catch(() => undefined);
  await j?.close();
});

test('a rider finds the nearest station on the map and opens it', async () => {
  const { mp, world, superadmin } = j;
  const orgs = await j.step('the district exists, with its own station (城东, about 8 km away)', () =>
    seedOrgsWith(world.call),
  );
  const { near, mid, far } = await j.step('an organiser records three stations open all day around the rider', () =>
    stationsAroundRider(world.call, superadmin, orgs.district.id),
  );
  await j.step('the phone allowed location before, and the rider stands in 城南', () =>
    locationAllowedBefore(mp, RIDER_AT),
  );

  const home = await j.step('the rider opens the home page', () => start(mp, '/pages/home/index'));
  await j.step('the home page names the nearest open station', () =>
    waitForTextIn(home, '#nearest', '#nearest-station', near.name),
  );
  await j.step('the rider taps 附近驿站', () => tapOn(home, '#nearest', '#stations-entry'));
  const map = await j.step('the station map opens', () => waitForPage(mp, 'packages/station/pages/index/index'));

  const rows = await j.step('it lists the stations by distance from the rider, nearest first', async () => {
    await waitForText(map, '.located', '按离你的距离排序');
    const found = await until('four station rows', async () => {
      const all = (await map.$$('.row')) as Element[];
      return all.length === 4 ? all : null;
    });
    const names = await Promise.all(found.map((r) => textIn(r, '.row-name')));
    const expected = [near, mid, far, orgs.station].map((st) => st.name);
    if (names.join() !== expected.join())
      throw new Error(`rows are ${names.join(', ')}; expected ${expected.join(', ')}`);
    const distances = await Promise.all(found.map(async (r) => metres(await textIn(r, '.row-distance'))));
    if (distances.some((d, i) => i > 0 && d < distances[i - 1]!)) throw new Error(`distances ${distances.join(', ')}`);
    if (distances[0]! >= 1000) throw new Error(`the nearest is ${distances[0]} m away; expected about 220 m`);
    return found;
  });
  await j.step('the map shows a marker for each station', async () => {
    const markers = (await map.data('markers')) as unknown[];
    if (markers.length !== 4) throw new Error(`${markers.length} markers`);
  });

  await j.step('the rider taps the first station: 城南骑手驿站', () => rows[0]!.tap());
  await j.step('its row is highlighted and its card opens with the distance', async () => {
    await until('the first row selected', async () => (await rows[0]!.attribute('class')).includes('row--selected'));
    await waitForTextIn(map, '#card', '.card-title', near.name);
    await waitForTextIn(map, '#card', '.card-distance', '米');
    await waitForTextIn(map, '#card', '#card-call', '拨打电话');
  });
  await j.step('the rider taps 服务、设施与照片', async () => tapOn(map, '#card', '#card-detail'));
  const detail = await j.step("the station's page opens", () =>
    waitForPage(mp, 'packages/station/pages/station/index'),
  );
  await j.step('it shows the name, address, hours and services', async () => {
    await waitForText(detail, '.name', near.name);
    await waitForText(detail, '#address', '城南街 2 号');
    await waitForText(detail, '#hours', '全天开放');
    await waitForText(detail, '#service-care', '免费饮水');
    await waitForText(detail, '#manager', '王站长');
  });
  await j.finish();
}, 240_000);
