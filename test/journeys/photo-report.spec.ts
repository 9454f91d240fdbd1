// A rider reports a problem on the road with a photo (随手拍): takes the photo (the
// camera mocked), picks the category, adds a line and the position (location
// allowed on the tap, mocked), submits, sees the confirmation with the photo and
// the report in 我的随手拍 — and the organiser handling it sees the photo attached.
import { caseAsOrganiser } from './support/cases';
import { openJourney, type Journey } from './support/journey';
import { acceptsNotices, cameraTakes, phoneIsAt, restorePhone } from './support/phone';
import { arrangeRider, openMe } from './support/rider';
import { tapOn } from './support/screen';
import { need, tapButton, tapCell, typeInto, until, waitForData, waitForPage, waitForText } from './support/steps';

let j: Journey;
beforeAll(async () => {
  j = await openJourney('photo-report');
}, 120_000);
afterAll(() => j?.close());

const MINE = 'packages/cases/pages/mine/index';
const TITLE = '道路设施问题随手拍';
const NOTE = '和平路口井盖缺失，夜里骑车很危险';
const HERE = { lat: 29.501, lng: 106.502 };

test('a rider reports a problem with a photo and sees it sent; the organiser sees the photo', async () => {
  const { mp, world } = j;
  const { organiser, rider } = await j.step('an organiser runs the district and the rider is registered', () =>
    arrangeRider(j),
  );

  const me = await openMe(j);
  await j.step('the rider taps 我的诉求', () => tapCell(me, '#my-cases'));
  const mine = await j.step('我的诉求 opens', () => waitForPage(mp, MINE));
  await j.step('the rider taps 随手拍', () => tapButton(mine, '#report'));
  const report = await j.step('the report screen opens, under the rider’s name (实名上报)', async () => {
    const page = await waitForPage(mp, 'packages/cases/pages/report/index');
    await waitForText(page, '#options-note', '实名上报，核实有效后可获');
    return page;
  });

  await j.step('the rider taps 添加照片 and takes a photo', async () => {
    await cameraTakes(mp, 'manhole.png');
    await tapOn(report, '#photos', '#add-photo');
  });
  await j.step('the photo is uploaded and shown on the form', async () => {
    const picker = await need(report, '#photos');
    await until('the photo tile', () => picker.$('#photo-0'));
    await waitForData(report, 'uploading', (u) => u === false, 'the upload to end');
    const photos = (await report.data('photos')) as { fileId: string }[];
    expect(photos).toEqual([{ fileId: expect.stringContaining(`cases/${rider.userId}/`), url: expect.any(String) }]);
  });
  await j.step('the rider picks 道路设施 and adds a line', async () => {
    await tapOn(report, '#categories', '#category-road');
    await waitForData(report, 'category', (c) => c === 'road', 'the category chosen');
    await typeInto(report, '#note', NOTE);
  });
  await j.step('the rider taps 定位, allows location, and the position is attached (已定位)', async () => {
    await phoneIsAt(mp, HERE);
    await tapOn(report, '#locate');
    await waitForText(report, '#locate', '已定位');
    await waitForText(report, '#place-note', '已附上当前位置');
  });
  await j.step('the rider adds the crossing and taps 提交随手拍, accepting the answered notice', async () => {
    await typeInto(report, '#address', '和平路与文化路口');
    await acceptsNotices(mp);
    await tapButton(report, '#submit');
  });

  const sent = await j.step('the report opens with 已提交, the points to come and the photo', async () => {
    const page = await waitForPage(mp, 'packages/cases/pages/detail/index');
    await waitForText(page, '#submitted', '已提交');
    await waitForText(page, '#submitted', '核实为有效问题后可获');
    await waitForText(page, '.head-title', TITLE);
    const shown = await until('the photo on the report', async () => {
      const images = await page.$$('.photo');
      return images.length ? images : null;
    });
    expect(shown).toHaveLength(1);
    // What the <image> shows (its src is read from the page's data: the headless runtime
    // exposes no property of a built-in component).
    expect(await page.data('view.photos')).toEqual([
      expect.objectContaining({ url: expect.stringContaining(`cases/${rider.userId}/`) }),
    ]);
    return page;
  });
  const caseId = (await sent.data('view.id')) as string;

  await j.step('the rider taps 我的随手拍', () => tapButton(sent, '#mine'));
  await j.step('我的随手拍 lists the report, 待受理', async () => {
    const page = await waitForPage(mp, MINE);
    await waitForText(page, `#case-${caseId}`, TITLE);
    await waitForText(page, `#case-${caseId}`, '随手拍 · 道路设施');
    await waitForText(page, `#case-${caseId}`, '待受理');
  });

  await j.step('the organiser handling it sees the photo, the line, the place and the rider', async () => {
    const c = await caseAsOrganiser(world.call, organiser, caseId);
    expect(c).toMatchObject({
      kind: 'report',
      category: 'road',
      description: NOTE,
      address: '和平路与文化路口',
      location: HERE,
      raiser: expect.objectContaining({ name: '张小快' }),
    });
    expect(c.photos).toEqual([expect.objectContaining({ fileId: expect.stringContaining(`cases/${rider.userId}/`) })]);
    expect(c.photos[0]!.url).toBeTruthy();
  });

  await restorePhone(mp, 'chooseMedia', 'getSetting', 'getLocation', 'requestSubscribeMessage');
  await j.finish();
}, 240_000);
