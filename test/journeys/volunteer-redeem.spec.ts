// A 先锋骑士 member earns volunteer hours and spends the points: reports a service
// done this morning (上报服务: what, when, a photo), which the organiser approves
// into honor hours; sees the hours and the points they brought on 我的时数 and the
// team's page; then redeems goods on 积分超市, is shown the pickup code, and sees
// the balance go down and the redemption in 我的兑换 and 积分明细.
//
// Why a self-report rather than an activity's scans: credit hours need 60 % of the
// planned duration (at least 10 minutes) between the scanned check-in and check-out,
// inside the activity, and the real clock would have to run that long; a service
// reported afterwards is reviewed the moment the organiser looks at it.
import { openJourney, type Journey } from './support/journey';
import { cameraTakes, restorePhone } from './support/phone';
import { arrangeRider, openMe } from './support/rider';
import { tapOn, textIn, waitForTextIn } from './support/screen';
import { addGoods, pendingOrders } from './support/shop';
import {
  need,
  tapButton,
  tapCell,
  typeInto,
  until,
  waitForData,
  waitForElement,
  waitForPage,
  waitForText,
} from './support/steps';
import { approveClaim, joinTeam, pendingClaimsOf, pickerTime } from './support/volunteer';

let j: Journey;
beforeAll(async () => {
  j = await openJourney('volunteer-redeem');
}, 120_000);
afterAll(() => j?.close());

const MIN_MS = 60_000;
const TEAM = 'packages/volunteer/pages/index/index';
const HOURS = 'packages/volunteer/pages/hours/index';
const SHOP = 'packages/volunteer/pages/shop/index';
const DUTY = '在城北商圈巡查电动车违停，劝导 6 人，发现消防通道堵塞已上报。';

test('a member reports a service, gets honor hours and points, and redeems goods with them', async () => {
  const { mp, world } = j;
  const { orgs, organiser, rider } = await j.step(
    'an organiser runs the district, the rider is registered and a 先锋骑士 member',
    async () => {
      const w = await arrangeRider(j);
      await joinTeam(world.call, j.me, w.rider.userId, w.organiser);
      return w;
    },
  );
  const armband = await j.step('the organiser puts 反光臂带 on the shelf for 10 points', () =>
    addGoods(world.call, organiser, orgs.district.id, { name: '反光臂带', price: 10, stock: 5 }),
  );

  await openMe(j);
  const home = await j.step('the rider switches to the 首页 tab', async () => {
    await mp.switchTab('/pages/home/index');
    return waitForPage(mp, 'pages/home/index');
  });
  await j.step('the rider taps 志愿服务', () => tapOn(home, '#feature-volunteer'));
  const team = await j.step('先锋骑士 shows the rider a member (正式队员) with no hours or points yet', async () => {
    const page = await waitForPage(mp, TEAM);
    await waitForText(page, '#member', '正式队员');
    expect(await page.data('view.honor')).toBe('0');
    expect(await page.data('view.points')).toBe(0);
    return page;
  });

  await j.step('the rider taps 上报服务', () => tapOn(team, '#entry-report'));
  const report = await j.step('the service report form opens', async () => {
    const page = await waitForPage(mp, 'packages/volunteer/pages/report/index');
    await waitForElement(page, '#submit');
    return page;
  });
  await j.step('the rider picks 网格员值守 and writes what they did', async () => {
    await tapOn(report, '#types', '#type-grid_duty');
    await waitForData(report, 'form.serviceType', (t) => t === 'grid_duty', 'the service type chosen');
    await typeInto(report, '#text', DUTY);
  });
  // Two hours that ended an hour ago, on whole minutes (the picker's precision).
  const start = Math.floor((Date.now() - 3 * 60 * MIN_MS) / MIN_MS) * MIN_MS;
  const span = { startAt: pickerTime(start), endAt: pickerTime(start + 120 * MIN_MS) };
  for (const field of ['startAt', 'endAt'] as const) {
    const when = field === 'startAt' ? '开始 time, 3 hours ago' : '结束 time, 1 hour ago';
    await j.step(`the rider picks the ${when} in the date-time picker`, async () => {
      await tapCell(report, `#time-${field}`);
      await waitForData(report, 'picking', (p) => p === field, 'the picker open');
      await (await need(report, '#time-picker')).trigger('confirm', { value: span[field] });
      await until(`${span[field]} on the form`, async () =>
        (await textIn(report, `#time-${field}`, '.t-cell')).includes(span[field]),
      );
    });
  }
  await j.step('the rider adds a photo as proof', async () => {
    await cameraTakes(mp, 'duty.png');
    await tapOn(report, '#photos', '#add-photo');
    const picker = await need(report, '#photos');
    await until('the photo tile', () => picker.$('#photo-0'));
    await waitForData(report, 'uploading', (u) => u === false, 'the upload to end');
  });
  await j.step('the rider taps 提交审核', () => tapButton(report, '#submit'));

  const hours = await j.step('我的时数 opens; under 补录与上报 the report waits for review (待审核)', async () => {
    const page = await waitForPage(mp, HOURS);
    await tapOn(page, '#tab-claims');
    await waitForText(page, '.row', '待审核');
    await waitForText(page, '.row', '网格员值守');
    return page;
  });
  await j.step('the organiser approves the report: 2 hours of honor hours', async () => {
    const [claim] = await pendingClaimsOf(world.call, organiser, rider.userId);
    expect(claim).toMatchObject({ kind: 'service', serviceType: 'grid_duty', maxMinutes: 120, name: '张小快' });
    await approveClaim(world.call, organiser, claim!.id, 120, '核实属实，认定荣誉时数');
  });
  await j.step('the rider pulls down and sees the report approved (已通过, 发放荣誉时数 2 小时)', async () => {
    await hours.callMethod('onPullDownRefresh');
    await waitForText(hours, '.row', '已通过');
    await waitForText(hours, '.row', '发放荣誉时数 2 小时');
  });
  await j.step('under 时数记录 the rider sees 2 honor hours and the 20 points they brought', async () => {
    await tapOn(hours, '#tab-records');
    await hours.callMethod('onPullDownRefresh');
    await waitForText(hours, '.row', '+20 积分');
    await waitForText(hours, '.row', '自主服务');
    await waitForText(hours, '#summary', '荣誉时数');
    expect(await hours.data('summary.honor')).toBe('2');
  });

  const teamAgain = await j.step('back on 先锋骑士, the card shows 2 honor hours and 20 points', async () => {
    await mp.navigateBack();
    const page = await waitForPage(mp, TEAM);
    await waitForData(page, 'view.points', (p) => p === 20, '20 points on the card');
    expect(await page.data('view.honor')).toBe('2');
    await waitForText(page, '#hours', '20');
    return page;
  });
  await j.step('the rider taps 积分超市', () => tapOn(teamAgain, '#entry-shop'));
  const shop = await j.step('积分超市 shows the balance of 20 and 反光臂带 for 10 points', async () => {
    const page = await waitForPage(mp, SHOP);
    await waitForText(page, '#balance', '20');
    await waitForText(page, `#goods-${armband.id}`, '反光臂带');
    await waitForText(page, `#goods-${armband.id}`, '10');
    return page;
  });
  await j.step('the rider taps 反光臂带', () => tapOn(shop, `#goods-${armband.id}`));
  const goods = await j.step('the goods page shows the price and the balance', async () => {
    const page = await waitForPage(mp, 'packages/volunteer/pages/goods/index');
    await waitForText(page, '#price', '10');
    await waitForText(page, '#balance', '20');
    return page;
  });
  await j.step('the rider taps 兑换 and the confirmation says 10 left after it', async () => {
    await tapButton(goods, '#redeem');
    await waitForText(goods, '#confirm-cost', '10');
    await waitForText(goods, '#confirm-after', '10');
  });
  await j.step('the rider taps 确认兑换', async () => tapButton(await need(goods, '#confirm-actions'), '#save'));

  const orders = await j.step('我的兑换 opens on the order with its pickup code (待领取)', async () => {
    const page = await waitForPage(mp, 'packages/volunteer/pages/orders/index');
    await until('12 digits in #pickup-digits', async () =>
      /^\d{12}$/.test((await textIn(page, '#pickup-digits')).replace(/\s/g, '')),
    );
    await waitForTextIn(page, '#card-state', '.t-tag', '待领取');
    return page;
  });
  const orderId = (await orders.data('selected.id')) as string;
  await j.step('the rider closes the code and sees the redemption listed', async () => {
    await tapButton(orders, '#close');
    await waitForText(orders, `#order-${orderId}`, '反光臂带 × 1');
    await waitForText(orders, `#order-${orderId}`, '待领取');
    await waitForText(orders, `#order-${orderId}`, '10 积分');
  });
  await j.step("the organiser's 兑换核销 has the order waiting for the rider", async () => {
    const { items } = await pendingOrders(world.call, organiser);
    expect(items.find((o) => o.id === orderId)).toMatchObject({
      points: 10,
      quantity: 1,
      worker: expect.objectContaining({ userId: rider.userId }),
    });
  });

  const shopAgain = await j.step('back on 积分超市 the balance is down to 10', async () => {
    await mp.navigateBack();
    const page = await waitForPage(mp, SHOP);
    await waitForText(page, '#balance', '10');
    expect(await page.data('balance')).toBe(10);
    return page;
  });
  await j.step('the rider taps 积分明细', () => tapOn(shopAgain, '#points'));
  await j.step('积分明细 lists the 20 earned and the 10 spent, 10 left', async () => {
    const page = await waitForPage(mp, 'packages/user/pages/points/index');
    await waitForText(page, '.balance', '10');
    await waitForText(page, '.ledger', '积分兑换：反光臂带 × 1');
    await waitForText(page, '.ledger', '-10');
    await waitForText(page, '.ledger', '志愿服务：网格员值守');
    await waitForText(page, '.ledger', '+20');
  });

  await restorePhone(mp, 'chooseMedia');
  await j.finish();
}, 300_000);
