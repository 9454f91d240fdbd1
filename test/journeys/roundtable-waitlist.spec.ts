// A rider signs up for a full 小哥圆桌会, is waitlisted (候补第 1 位), gets the seat
// when the rider holding it cancels, and checks in by scanning the organiser's
// rotating code — the meeting arranged around the real clock, 20 minutes ahead,
// so sign-up is still open and check-in already is.
import { openJourney, type Journey } from './support/journey';
import { acceptsNotices, cameraReads, restorePhone } from './support/phone';
import { arrangeRider, openMe } from './support/rider';
import {
  cancelAs,
  issuedCode,
  meetingStartingSoon,
  OTHER_RIDER,
  otherRiderSignsUp,
  signUpsOf,
} from './support/roundtable';
import { tapOn, waitForTextIn } from './support/screen';
import { tapButton, typeInto, waitForElement, waitForPage, waitForText } from './support/steps';

let j: Journey;
beforeAll(async () => {
  j = await openJourney('roundtable-waitlist');
}, 120_000);
afterAll(() => j?.close());

const TITLE = '小哥圆桌会：夜间配送安全';

test('a rider signs up for a full round-table, is waitlisted, promoted after a cancel, and checks in by code', async () => {
  const { mp, world } = j;
  const { orgs, organiser, rider } = await j.step('an organiser runs the district and the rider is registered', () =>
    arrangeRider(j),
  );
  const meeting = await j.step(
    'the organiser opens a one-seat round-table starting in 20 minutes, and another rider takes the seat',
    async () => {
      const m = await meetingStartingSoon(world.call, organiser, orgs.district.id, orgs.station.id, {
        title: TITLE,
        capacity: 1,
      });
      await otherRiderSignsUp(world.call, orgs.foodBranch.id, m.id);
      return m;
    },
  );

  await openMe(j);
  const home = await j.step('the rider switches to the 首页 tab', async () => {
    await mp.switchTab('/pages/home/index');
    return waitForPage(mp, 'pages/home/index');
  });
  await j.step('the rider taps 小哥圆桌会', () => tapOn(home, '#feature-roundtable'));
  const list = await j.step('the list of meetings opens with the round-table shown as full (名额已满)', async () => {
    const page = await waitForPage(mp, 'packages/roundtable/pages/index/index');
    await waitForText(page, `#meeting-${meeting.id}`, TITLE);
    await waitForText(page, `#meeting-${meeting.id}`, '名额已满');
    return page;
  });
  await j.step('the rider taps the round-table', () => tapOn(list, `#meeting-${meeting.id}`));
  const page = await j.step('its page offers 候补报名: one seat, taken', async () => {
    const p = await waitForPage(mp, 'packages/roundtable/pages/meeting/index');
    await waitForText(p, '.title', TITLE);
    await waitForText(p, '#signup', '名额已满，报名后进入候补');
    expect(await p.data('meeting.seated')).toBe(1);
    expect(await p.data('meeting.seatsLeft')).toBe(0);
    return p;
  });

  await j.step('the rider writes the question to raise and taps 报名候补, accepting the reminders', async () => {
    await acceptsNotices(mp);
    await typeInto(page, '#topic', '小区不让电动车进，送餐只能走进去');
    await tapButton(page, '#sign-up');
  });
  await j.step('the rider sees they are waitlisted: 候补第 1 位', async () => {
    await waitForTextIn(page, '#mine-state', '.t-tag', '候补第 1 位');
    expect(await page.$('#signup')).toBeNull();
    expect(await page.$('#scan')).toBeNull();
    expect(await page.data('meeting.waitlisted')).toBe(1);
  });
  await j.step("the organiser's list has the rider waitlisted first, with their question", async () => {
    const { items } = await signUpsOf(world.call, organiser, meeting.id);
    expect(items.find((s) => s.userId === rider.userId)).toMatchObject({
      state: 'waitlisted',
      position: 1,
      note: '小区不让电动车进，送餐只能走进去',
    });
  });

  await j.step('the rider holding the seat cancels', () => cancelAs(world.call, OTHER_RIDER, meeting.id));
  await j.step('the rider pulls down to refresh and sees the seat is theirs (已报名)', async () => {
    await page.callMethod('onPullDownRefresh');
    await waitForTextIn(page, '#mine-state', '.t-tag', '已报名');
    expect(await page.data('meeting.waitlisted')).toBe(0);
  });
  await j.step('check-in is open: the page offers 扫码签到', () => waitForElement(page, '#scan'));

  await j.step("the rider scans the organiser's rotating code", async () => {
    await cameraReads(mp, await issuedCode(world.call, organiser, meeting.id));
    await tapButton(page, '#scan');
  });
  await j.step('the rider sees 已签到 and the time they checked in', async () => {
    await waitForTextIn(page, '#mine-state', '.t-tag', '已签到');
    await waitForText(page, '#mine', '签到于');
    expect(await page.data('meeting.checkedIn')).toBe(1);
    expect(await page.$('#cancel')).toBeNull();
  });
  await j.step("the organiser's list has the rider checked in by code", async () => {
    const { items } = await signUpsOf(world.call, organiser, meeting.id);
    expect(items.find((s) => s.userId === rider.userId)).toMatchObject({ state: 'attended', checkInMethod: 'code' });
  });

  await restorePhone(mp, 'requestSubscribeMessage', 'scanCode');
  await j.finish();
}, 240_000);
